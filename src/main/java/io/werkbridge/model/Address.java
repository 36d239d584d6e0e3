package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A postal address; a part the source did not give is absent, never null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String street, String postalCode, String city, String country) {
}
