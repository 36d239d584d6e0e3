package io.werkbridge.config;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.util.unit.DataSize;

/**
 * A {@link DataSize} setting above zero bytes; null is left to {@code @NotNull}. Bean Validation has constraints
 * for numbers and durations (Hibernate's {@code @DurationMin}), none for Spring's {@code DataSize}.
 */
@Documented
@Constraint(validatedBy = PositiveDataSize.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PositiveDataSize {

    String message() default "must be greater than 0 bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PositiveDataSize, DataSize> {
        @Override
        public boolean isValid(DataSize value, ConstraintValidatorContext context) {
            return value == null || value.toBytes() > 0;
        }
    }
}
