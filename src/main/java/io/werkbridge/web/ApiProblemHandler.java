package io.werkbridge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.werkbridge.messaging.InvalidSelectionException;
import io.werkbridge.messaging.UnknownFlowException;
import io.werkbridge.model.InvalidCanonicalMessageException;
import io.werkbridge.model.StrictJson;
import io.werkbridge.privacy.api.InvalidApiRequestException;
import io.werkbridge.privacy.gate.PrivacyGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the HTTP API as RFC 9457 {@code application/problem+json}: what is wrong and what to do, without
 * echoing request values (they may be personal data). Spring MVC's own errors (415, 405, missing parameters, ...)
 * come out as problem details through the base class.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidApiRequestException.class)
    ProblemDetail invalidRequest(InvalidApiRequestException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(InvalidCanonicalMessageException.class)
    ProblemDetail invalidMessage(InvalidCanonicalMessageException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-canonical-message", "Invalid canonical message",
                String.join("; ", e.violations()) + " (send one canonical envelope as JSON)");
    }

    @ExceptionHandler(PrivacyGateException.class)
    ProblemDetail gateRefused(PrivacyGateException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "privacy-gate-refused", "Message refused by the privacy gate", e.getMessage());
    }

    /** The hub's own input checks throw IllegalArgumentException with a message that names no value. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Not possible in the current state", e.getMessage());
    }

    @ExceptionHandler(UnknownFlowException.class)
    ProblemDetail unknownFlow(UnknownFlowException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-flow", "Unknown flow", e.getMessage());
    }

    @ExceptionHandler(InvalidSelectionException.class)
    ProblemDetail invalidSelection(InvalidSelectionException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("unexpected error in the HTTP API: {}", e.getClass().getName(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the hub could not answer this request; the hub log has the cause");
    }

    /** Spring's default detail for a conversion failure quotes the value: name the parameter only. */
    /** A body that breaks off at the size limit is 413; any other unreadable body is a 400 that names no value. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodySizeLimitFilter.tooLarge(tooLarge.limit()));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                        "Unreadable request body", "the body is not acceptable JSON of the expected shape: "
                                + StrictJson.describe(json)));
            }
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                "the body is not well-formed JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(status).headers(headers).body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "parameter '" + e.getPropertyName() + "' has the wrong type"));
    }
}
