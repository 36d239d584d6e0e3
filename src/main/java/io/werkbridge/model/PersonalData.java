package io.werkbridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that always holds a natural person's data, whoever the parties are (a contact person's
 * name, a technician, a signatory). The privacy policy's start-up check refuses a classification that maps such a
 * path, or anything below it, to a category the taxonomy marks non-personal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface PersonalData {
}
