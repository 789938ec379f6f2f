package org.mercato.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one SKU held in one warehouse for an order. */
@Embeddable
public class ReservationLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 20)
    private String warehouse;

    @Column(nullable = false)
    private int quantity;

    protected ReservationLine() {
        // for JPA
    }

    public ReservationLine(String sku, String warehouse, int quantity) {
        this.sku = sku;
        this.warehouse = warehouse;
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public String warehouse() {
        return warehouse;
    }

    public int quantity() {
        return quantity;
    }
}
