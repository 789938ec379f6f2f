package org.mercato.catalog.application;

/**
 * Port: draws the demo catalog's product pictures, the same bytes for the same subject, so a demo shop looks
 * alike on every machine and a test can pin a picture by its hash.
 */
public interface DemoPictures {

    /** Width and height of every demo picture, in pixels. */
    int SIZE = 1200;

    /**
     * What a picture shows.
     *
     * @param category the leaf category's name (its silhouette; an unknown one gets a generic shape)
     * @param brand the lettering and the background's tint; may be null
     * @param productName picks a more precise silhouette where the name says what it is ("Floor Lamp")
     * @param colour the variant's or product's colour attribute, or null (then a colour from the brand)
     * @param seed the product's slug or SKU: small variations of shape and light, stable per product
     * @param view 0 for the main shot, 1 and 2 for other angles
     */
    record Subject(String category, String brand, String productName, String colour, String seed, int view) {
    }

    /** @return a {@link #SIZE} x {@link #SIZE} JPEG image */
    byte[] render(Subject subject);
}
