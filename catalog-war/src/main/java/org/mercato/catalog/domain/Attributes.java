package org.mercato.catalog.domain;

import java.util.Map;

/** Free-form attributes ("material": "leather"): bounded, so a product page stays a page. */
final class Attributes {

    static final int MAX = 30;

    private Attributes() {
    }

    static void check(Map<String, String> attributes) {
        if (attributes.size() > MAX) {
            throw new InvalidProductException("at most " + MAX + " attributes");
        }
        attributes.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > 60) {
                throw new InvalidProductException("attribute names must have 1 to 60 characters");
            }
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new InvalidProductException("attribute " + name + " needs a value of 1 to 200 characters");
            }
        });
    }
}
