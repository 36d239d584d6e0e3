package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.credentials.AuthenticationRefusedException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

/** The reason a refused credential is parked with: "authentication", the status, never the URL, headers or body. */
class DeadLetterReasonTest {

    private static final String URL = "https://portal.example/customers?api_key=synthetic-key-0815";

    @Test
    void refusedCredentialsAreAnAuthenticationReasonWithoutTheUrlOrAnswer() {
        HttpOperationFailedException unauthorized = new HttpOperationFailedException(URL, 401, "Unauthorized", null,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), "token synthetic-token-1 expired");
        assertThat(DeadLetters.reasonOf(unauthorized))
                .isEqualTo("authentication: the destination refused the hub's credentials (HTTP 401) after they were renewed");
        HttpOperationFailedException forbidden = new HttpOperationFailedException(URL, 403, "Forbidden", null, Map.of(), "");
        assertThat(DeadLetters.reasonOf(forbidden))
                .isEqualTo("authentication: the destination refused the hub's credentials (HTTP 403)");
        assertThat(DeadLetters.reasonOf(new AuthenticationRefusedException("destination portal: the token endpoint"
                + " refused the hub's client credentials (invalid_client)")))
                .isEqualTo("authentication: destination portal: the token endpoint refused the hub's client credentials (invalid_client)");
    }

    @Test
    void otherFailuresKeepTheirOwnReason() {
        HttpOperationFailedException unavailable = new HttpOperationFailedException("https://portal.example/customers", 503,
                "Service Unavailable", null, Map.of(), "");
        assertThat(DeadLetters.reasonOf(unavailable)).startsWith("HttpOperationFailedException: ").contains("503")
                .doesNotStartWith("authentication");
    }
}
