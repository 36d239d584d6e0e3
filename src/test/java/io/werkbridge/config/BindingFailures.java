package io.werkbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** What the configuration records' tests read from a context that did not start. */
public final class BindingFailures {

    private BindingFailures() {
    }

    /**
     * The message of the validation that stopped the context's start: per rejected setting the prefix, the record
     * field, the value and the reason, and for a value that was set its origin, which names the property as written
     * ({@code origin "werkbridge.x.y-z" from ...}). A missing value, or one of a nested record, is named by prefix
     * and field ({@code object 'werkbridge.x' on field 'yZ'}).
     */
    public static String message(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        return Stream.iterate(context.getStartupFailure(), Objects::nonNull, Throwable::getCause)
                .filter(BindValidationException.class::isInstance)
                .findFirst()
                .map(Throwable::getMessage)
                .orElseThrow(() -> new AssertionError("the context failed, but not on a setting's constraint",
                        context.getStartupFailure()));
    }
}
