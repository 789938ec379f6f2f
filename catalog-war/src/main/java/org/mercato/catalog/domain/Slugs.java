package org.mercato.catalog.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** SEO slugs: "Crème Brûlée Set" becomes "creme-brulee-set". */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 120;

    private Slugs() {
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (folded.length() > MAX_LENGTH) {
            folded = folded.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return folded.isEmpty() ? "item" : folded;
    }

    public static String require(String slug) {
        if (slug == null || slug.length() > MAX_LENGTH || !VALID.matcher(slug).matches()) {
            throw new InvalidProductException("slug must be lower-case letters, digits and single hyphens");
        }
        return slug;
    }
}
