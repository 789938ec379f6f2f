package org.mercato.fulfillment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A SKU to pick, with the name the shopper saw, so the packer can check the parcel against the order. */
@Embeddable
public class ShipmentLine {

    public static final int MAX_QUANTITY = 10_000;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(nullable = false)
    private int quantity;

    protected ShipmentLine() {
        // for JPA
    }

    /** @throws IllegalArgumentException if a value is missing, too long, or the quantity is not 1 or more */
    public ShipmentLine(String sku, String name, int quantity) {
        this.sku = Texts.require("line sku", sku, 64);
        this.name = Texts.require("line name", name, 300);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("line quantity must be between 1 and " + MAX_QUANTITY);
        }
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }
}
