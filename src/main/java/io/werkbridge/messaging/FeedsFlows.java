package io.werkbridge.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that puts messages onto flows (through {@link InboundPublisher}): an HTTP handler or a bean a route
 * calls. The console's flow map finds these methods among the running HTTP mappings and the running routes' bean
 * steps and draws them as the flows' sources, so a source nobody wired does not appear, and one that is wired does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FeedsFlows {

    /** The flows (keys of {@code werkbridge.flows}) the method may publish to. */
    String[] value();

    /** The system the messages come from, as the map names it (ERP, shop, portal, operator, ...). */
    String from();
}
