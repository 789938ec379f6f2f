package org.mercato.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A picture of a product, or of one of its variants when it names a SKU (the red shirt). Part of the product
 * aggregate; the bytes are in the image store under the image's id, never changed once written.
 */
@Entity
@Table(name = "product_image")
public class ProductImage {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(length = 64)
    private String sku;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ImageFormat format;

    @Column(name = "byte_size", nullable = false)
    private int size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(length = 300)
    private String alt;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProductImage() {
        // for JPA
    }

    ProductImage(Product product, UUID id, String sku, ImageFormat format, int size, String sha256, String alt,
            int position, Instant createdAt) {
        this.product = product;
        this.id = id;
        this.sku = sku;
        this.format = format;
        this.size = size;
        this.sha256 = sha256;
        this.alt = alt;
        this.position = position;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public ImageFormat format() {
        return format;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String alt() {
        return alt;
    }

    public int position() {
        return position;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }
}
