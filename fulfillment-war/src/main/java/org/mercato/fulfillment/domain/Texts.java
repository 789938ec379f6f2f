package org.mercato.fulfillment.domain;

/** Checks of the short texts a shipment holds, so an oversized value is refused before it reaches the database. */
final class Texts {

    private Texts() {
    }

    static String require(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(what + " must have at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** An optional text cut to what the column holds (notes and actors are informative, never refused). */
    static String clip(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > maxLength ? trimmed.substring(0, maxLength) : trimmed;
    }
}
