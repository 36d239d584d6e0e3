package io.werkbridge.connector.shop;

/**
 * A call to the shop's admin API failed (not reachable, refused credentials, an error answer). The message names the
 * call and the status, never a customer's values, a token or the client secret; the delivery is retried and finally
 * parked with this message as the reason.
 */
public final class ShopApiException extends RuntimeException {

    ShopApiException(String message) {
        super(message);
    }

    ShopApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
