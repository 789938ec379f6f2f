package org.mercato.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.mercato.platform.money.Money;

/** A SKU bought, at the price the catalog gave when the order was placed. */
@Embeddable
public class OrderLine {

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    @Column(nullable = false, length = 3)
    private String currency;

    protected OrderLine() {
        // for JPA
    }

    public OrderLine(String sku, String name, int quantity, Money unitPrice) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a line has at least one unit of " + sku);
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("price of " + sku + " must not be negative");
        }
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.unitPrice = unitPrice.amount();
        this.currency = unitPrice.currency();
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

    public Money unitPrice() {
        return new Money(unitPrice, currency);
    }

    public Money total() {
        return unitPrice().times(quantity);
    }
}
