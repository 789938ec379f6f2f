package org.mercato.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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

    /** The widths, in pixels, a picture is served in besides its own: what phones, tablets and desktops need. */
    public static final List<Integer> WIDTHS = List.of(160, 320, 480, 640, 1280);

    @Id
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
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

    /** In pixels; null only for a picture stored before sizes were kept, until it is measured. */
    private Integer width;

    private Integer height;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProductImage() {
        // for JPA
    }

    ProductImage(Product product, UUID id, String sku, ImageFile file, String alt, int position, Instant createdAt) {
        this.product = product;
        this.id = id;
        this.sku = sku;
        this.format = file.format();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.width = file.width();
        this.height = file.height();
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

    /** In pixels, or null while unknown. */
    public Integer width() {
        return width;
    }

    /** In pixels, or null while unknown. */
    public Integer height() {
        return height;
    }

    /** Records the size of a picture stored before sizes were kept. */
    public void measured(int widthInPixels, int heightInPixels) {
        if (widthInPixels <= 0 || heightInPixels <= 0) {
            throw new IllegalArgumentException("a picture has a positive width and height");
        }
        this.width = widthInPixels;
        this.height = heightInPixels;
    }

    /**
     * The widths a srcset offers: each of {@link #WIDTHS} narrower than the picture, then the picture's own width
     * (served by the original); only the original while the size is unknown.
     */
    public List<Integer> srcsetWidths() {
        if (width == null) {
            return List.of();
        }
        List<Integer> widths = new ArrayList<>();
        for (int offered : WIDTHS) {
            if (offered < width) {
                widths.add(offered);
            }
        }
        widths.add(width);
        return widths;
    }

    /** Whether a request for {@code requestedWidth} is answered with the original (never scaled up). */
    public boolean isOriginalAt(int requestedWidth) {
        return width != null && requestedWidth >= width;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }
}
