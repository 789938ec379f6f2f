package org.mercato.notification.domain;

import java.util.ArrayList;
import java.util.List;

/** Where a parcel goes, as the order gave it; {@code country} is ISO 3166 alpha-2. Optional parts are null. */
public record Address(String name, String line1, String line2, String city, String postalCode, String country) {

    /** The address as it is written on a parcel, one line per entry, empty parts left out. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, name);
        addIfPresent(lines, line1);
        addIfPresent(lines, line2);
        String town = postalCode == null || postalCode.isBlank() ? city : postalCode + " " + city;
        addIfPresent(lines, town);
        addIfPresent(lines, country);
        return lines;
    }

    private static void addIfPresent(List<String> lines, String part) {
        if (part != null && !part.isBlank()) {
            lines.add(part);
        }
    }
}
