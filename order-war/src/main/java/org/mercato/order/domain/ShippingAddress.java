package org.mercato.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.mercato.platform.json.VisibleText;

/**
 * Where the parcel goes (DESIGN §5 address shape); the country is ISO 3166 alpha-2. As in the address book,
 * whitespace of any script around each text is removed, and a {@code line2} made only of characters that do not
 * show ({@link VisibleText}) is no line2; required texts that show nothing are refused by the use case, naming the
 * field.
 */
@Embeddable
public class ShippingAddress {

    @Column(name = "ship_name", nullable = false, length = 200)
    private String name;

    @Column(name = "ship_line1", nullable = false, length = 200)
    private String line1;

    @Column(name = "ship_line2", length = 200)
    private String line2;

    @Column(name = "ship_city", nullable = false, length = 100)
    private String city;

    @Column(name = "ship_postal_code", nullable = false, length = 20)
    private String postalCode;

    @Column(name = "ship_country", nullable = false, length = 2)
    private String country;

    protected ShippingAddress() {
        // for JPA
    }

    public ShippingAddress(String name, String line1, String line2, String city, String postalCode,
            String country) {
        this.name = stripped(name);
        this.line1 = stripped(line1);
        this.line2 = VisibleText.isBlank(line2) ? null : VisibleText.strip(line2);
        this.city = stripped(city);
        this.postalCode = stripped(postalCode);
        this.country = country;
    }

    private static String stripped(String text) {
        return text == null ? null : VisibleText.strip(text);
    }

    public String name() {
        return name;
    }

    public String line1() {
        return line1;
    }

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
