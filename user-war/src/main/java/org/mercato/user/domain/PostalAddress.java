package org.mercato.user.domain;

import java.util.Locale;
import java.util.Set;

import org.mercato.platform.json.VisibleText;

/**
 * A postal address value as DESIGN §5 shapes it; the country is an ISO 3166 alpha-2 code. Whitespace around each
 * field is removed; a required field made only of whitespace or invisible characters ({@link VisibleText}) is
 * refused with IllegalArgumentException, and such an optional {@code line2} becomes null.
 */
public record PostalAddress(String name, String line1, String line2, String city, String postalCode,
        String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public PostalAddress {
        name = required(name, "name");
        line1 = required(line1, "line1");
        line2 = VisibleText.isBlank(line2) ? null : VisibleText.strip(line2);
        city = required(city, "city");
        postalCode = required(postalCode, "postalCode");
        country = required(country, "country").toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code");
        }
    }

    private static String required(String value, String field) {
        if (VisibleText.isBlank(value)) {
            throw new IllegalArgumentException(field + " is required");
        }
        return VisibleText.strip(value);
    }
}
