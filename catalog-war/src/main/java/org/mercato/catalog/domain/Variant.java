package org.mercato.catalog.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/** A sellable variant of a product: the SKU that carts, stock and orders refer to. */
@Entity
@Table(name = "variant")
public class Variant {

    static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    private Product product;

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "variant_attribute", joinColumns = @JoinColumn(name = "variant_id"))
    @MapKeyColumn(name = "name", length = 60)
    @Column(name = "value", nullable = false, length = 200)
    private Map<String, String> attributes = new LinkedHashMap<>();

    @Column(name = "price_amount", nullable = false)
    private long priceAmount;

    @Column(name = "price_currency", nullable = false, length = 3)
    private String priceCurrency;

    @Column(nullable = false)
    private int position;

    /** Inventory's word, copied here so search can filter on it; the catalog never decides stock. */
    @Column(name = "in_stock", nullable = false)
    private boolean inStock;

    @Column(name = "stock_updated_at")
    private Instant stockUpdatedAt;

    /** Largest unit price, in minor units (1,000,000.00 in a two-decimal currency). */
    public static final long MAX_PRICE = 100_000_000L;

    protected Variant() {
        // for JPA
    }

    Variant(Product product, String sku, Map<String, String> attributes, Money price, int position) {
        this.id = UUID.randomUUID();
        this.product = product;
        this.sku = requireSku(sku);
        revise(attributes, price, position);
    }

    void revise(Map<String, String> newAttributes, Money price, int newPosition) {
        if (price == null) {
            throw new InvalidProductException("variant " + sku + " needs a price");
        }
        if (price.isNegative()) {
            throw new InvalidProductException("price of " + sku + " must not be negative");
        }
        if (price.amount() > MAX_PRICE) {
            throw new MoneyLimitException("price of " + sku + " must be at most " + MAX_PRICE + " minor units");
        }
        Attributes.check(newAttributes);
        this.attributes = new LinkedHashMap<>(newAttributes);
        this.priceAmount = price.amount();
        this.priceCurrency = price.currency();
        this.position = newPosition;
    }

    /**
     * Records inventory's news about this SKU unless newer news were recorded already (messages may arrive late,
     * twice or out of order).
     *
     * @return whether anything changed
     */
    boolean availability(boolean available, Instant asOf) {
        if (stockUpdatedAt != null && !asOf.isAfter(stockUpdatedAt)) {
            return false;
        }
        boolean changed = inStock != available;
        this.inStock = available;
        this.stockUpdatedAt = asOf;
        return changed;
    }

    public boolean inStock() {
        return inStock;
    }

    static String requireSku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new InvalidProductException(
                    "SKU must be 1 to 64 upper-case letters, digits, dots, hyphens or underscores");
        }
        return sku;
    }

    public UUID id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String sku() {
        return sku;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Money price() {
        return new Money(priceAmount, priceCurrency);
    }

    public int position() {
        return position;
    }
}
