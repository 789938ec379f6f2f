package org.mercato.catalog.domain;

import java.util.Map;

/** Free-form attributes ("material": "leather"): bounded, so a product page stays a page. */
final class Attributes {

    static final int MAX = 30;
    /** Longest attribute name, in characters (UTF-16 units, as the database column counts). */
    static final int MAX_NAME = 60;
    /** Longest attribute value, in characters. */
    static final int MAX_VALUE = 200;

    private Attributes() {
    }

    /** @throws InvalidProductException when there are too many, or a name or value is blank or too long */
    static void check(Map<String, String> attributes) {
        if (attributes.size() > MAX) {
            throw new InvalidProductException("at most " + MAX + " attributes");
        }
        attributes.forEach((name, value) -> {
            if (Names.isBlank(name) || name.length() > MAX_NAME) {
                throw new InvalidProductException("attribute names must have 1 to " + MAX_NAME
                        + " visible characters");
            }
            if (Names.isBlank(value) || value.length() > MAX_VALUE) {
                throw new InvalidProductException("attribute " + Names.shown(name) + " needs a value of 1 to "
                        + MAX_VALUE + " visible characters");
            }
        });
    }
}
