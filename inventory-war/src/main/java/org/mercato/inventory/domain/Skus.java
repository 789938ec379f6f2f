package org.mercato.inventory.domain;

import java.util.regex.Pattern;

/** The SKU format the catalog hands out; anything else is refused before it reaches the database. */
public final class Skus {

    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

    private Skus() {
    }

    public static String require(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new InvalidStockRequestException(
                    "SKU must be 1 to 64 upper-case letters, digits, dots, hyphens or underscores");
        }
        return sku;
    }
}
