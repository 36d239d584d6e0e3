package io.werkbridge.privacy.gate;

/** The gate refuses a message; the message says why and what to do, never a personal value. */
public final class PrivacyGateException extends RuntimeException {

    public PrivacyGateException(String message) {
        super(message);
    }
}
