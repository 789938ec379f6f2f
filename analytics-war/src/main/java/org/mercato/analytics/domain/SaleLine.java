package org.mercato.analytics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a sale: what was bought, how many, and its total in the sale's currency (minor units). */
@Embeddable
public class SaleLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private long revenue;

    protected SaleLine() {
        // for JPA
    }

    public SaleLine(String sku, String name, int quantity, long revenue) {
        if (sku == null || sku.isBlank() || sku.length() > 64) {
            throw new SalesFactRefusedException("a line's sku must have 1 to 64 characters");
        }
        if (quantity <= 0) {
            throw new SalesFactRefusedException("line " + sku + ": quantity must be positive");
        }
        if (revenue < 0) {
            throw new SalesFactRefusedException("line " + sku + ": total must not be negative");
        }
        this.sku = sku;
        // a product without a name still sold: its SKU stands in for it in the reports
        this.name = name == null || name.isBlank() ? sku : name;
        this.quantity = quantity;
        this.revenue = revenue;
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

    public long revenue() {
        return revenue;
    }
}
