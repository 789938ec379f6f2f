package org.mercato.messaging.events;

import java.util.List;

/** Checks of required fields, run by the records' constructors when a body is read or an event is made. */
final class Required {

    private Required() {
    }

    /** @throws IllegalArgumentException naming the field when it is null or blank */
    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** @throws IllegalArgumentException naming the field when it is null */
    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** An unmodifiable copy; an absent list is empty. */
    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " holds a null");
            }
        }
        return List.copyOf(values);
    }
}
