package org.mercato.user.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email as the shopper typed it, plus the form that makes it unique: trimmed and lower-cased, so
 * {@code Ann@Shop.com} and {@code ann@shop.com} are one account.
 */
public record EmailAddress(String value) {

    /** The shape of an address once trimmed. */
    public static final String SHAPE_REGEX = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";
    /** The same, with the surrounding spaces every entry point trims (for Bean Validation on request bodies). */
    public static final String TRIMMED_SHAPE = "\\s*" + SHAPE_REGEX + "\\s*";
    private static final Pattern SHAPE = Pattern.compile("^" + SHAPE_REGEX + "$");

    public EmailAddress {
        if (value == null) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.trim();
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid email address");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    public static String normalize(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    }
}
