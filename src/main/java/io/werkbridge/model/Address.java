package io.werkbridge.model;

/** A postal address. */
public record Address(String street, String postalCode, String city, String country) {
}
