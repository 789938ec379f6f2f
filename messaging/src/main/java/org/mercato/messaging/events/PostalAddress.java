package org.mercato.messaging.events;

/** Where an order goes; {@code line2} may be null, {@code country} is ISO 3166-1 alpha-2. */
public record PostalAddress(String name, String line1, @Nullable String line2, String city, String postalCode,
        String country) {

    public PostalAddress {
        Required.text(name, "shippingAddress.name");
        Required.text(line1, "shippingAddress.line1");
        Required.text(city, "shippingAddress.city");
        Required.text(postalCode, "shippingAddress.postalCode");
        Required.text(country, "shippingAddress.country");
    }
}
