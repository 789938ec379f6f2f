package org.mercato.fulfillment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the parcel goes, as the order gave it (DESIGN §5 address shape; country is ISO 3166 alpha-2). */
@Embeddable
public class ShippingAddress {

    @Column(name = "ship_to_name", nullable = false, length = 200)
    private String name;

    @Column(name = "ship_to_line1", nullable = false, length = 200)
    private String line1;

    @Column(name = "ship_to_line2", length = 200)
    private String line2;

    @Column(name = "ship_to_city", nullable = false, length = 100)
    private String city;

    @Column(name = "ship_to_postal_code", nullable = false, length = 20)
    private String postalCode;

    @Column(name = "ship_to_country", nullable = false, length = 2)
    private String country;

    protected ShippingAddress() {
        // for JPA
    }

    /** @throws IllegalArgumentException if a required value is missing or a value is too long */
    public ShippingAddress(String name, String line1, String line2, String city, String postalCode,
            String country) {
        this.name = Texts.require("address name", name, 200);
        this.line1 = Texts.require("address line1", line1, 200);
        this.line2 = line2 == null || line2.isBlank() ? null : Texts.require("address line2", line2, 200);
        this.city = Texts.require("address city", city, 100);
        this.postalCode = Texts.require("address postalCode", postalCode, 20);
        this.country = Texts.require("address country", country, 2);
        if (!this.country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("address country must be an ISO 3166 alpha-2 code, e.g. GB");
        }
    }

    public String name() {
        return name;
    }

    public String line1() {
        return line1;
    }

    /** Null when the address has no second line. */
    public String line2() {
        return line2;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }
}
