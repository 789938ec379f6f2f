package org.mercato.user.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.mercato.platform.json.VisibleText;

/**
 * An email as the shopper typed it, without the whitespace around it, plus the form that makes it unique
 * (lower-cased), so {@code Ann@Shop.com} and {@code ann@shop.com} are one account. The one rule every entry point
 * (registration, staff accounts, sign-in) applies: whitespace of any script around the address is removed
 * ({@link String#strip()}), and an address that still holds whitespace, a control, format or other invisible
 * character ({@link VisibleText}) anywhere is refused, so no look-alike of an existing address can be registered;
 * and the address is kept in Unicode normalization form C (NFC, Unicode Standard Annex #15), so {@code u\u0308ni@}
 * (u + combining diaeresis) and {@code \u00fcni@} are one address.
 */
public record EmailAddress(String value) {

    /** Longest address, in UTF-16 units, once stripped. */
    public static final int MAX_LENGTH = 254;
    /** The shape of an address once stripped (invisible characters are refused before it is matched). */
    public static final String SHAPE_REGEX = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";
    private static final Pattern SHAPE = Pattern.compile("^" + SHAPE_REGEX + "$");

    /** @throws IllegalArgumentException when the address breaks the rule (the message says why) */
    public EmailAddress {
        String refusal = refusal(value);
        if (refusal != null) {
            throw new IllegalArgumentException("email " + refusal);
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /**
     * Why the address as typed is refused, or null when it is acceptable (the same rule as the constructor, for
     * validation at the edge).
     *
     * @return a reason such as {@code must not contain whitespace or invisible characters (U+00A0 at position 4)}
     */
    public static String refusal(String typed) {
        if (typed == null) {
            return "is required";
        }
        String address = typed.strip();
        String invisible = VisibleText.firstInvisible(address);
        if (invisible != null) {
            return "must not contain whitespace, control or invisible characters (" + invisible + ")";
        }
        if (address.length() > MAX_LENGTH || !SHAPE.matcher(address).matches()) {
            return "must be an email address";
        }
        // NFC and lower case can lengthen an address (U+0130 lower-cases to two units, U+FB2C composes to three):
        // what is stored, both forms, must fit too
        String composed = Normalizer.normalize(address, Normalizer.Form.NFC);
        if (composed.length() > MAX_LENGTH || composed.toLowerCase(Locale.ROOT).length() > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters once normalized (NFC, lower case)";
        }
        return null;
    }

    /** The form that makes the address unique: lower case. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The unique form of an address typed at sign-in, without checking it (an address the rule refuses matches no
     * account, so signing in with it fails like any unknown address).
     *
     * @return the stripped, NFC-normalized, lower-cased address; empty for null
     */
    public static String normalize(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
