package org.mercato.notification.domain;

/** A product and how many of it, without prices (a cancellation, a parcel); {@code name} may be null. */
public record ItemLine(String sku, String name, int quantity) {

    /** "Sonora Crème Headphones 319 (MC-7KQ2ZP)", or the SKU alone when the event gave no name. */
    public String label() {
        return name == null || name.isBlank() ? sku : name + " (" + sku + ")";
    }
}
