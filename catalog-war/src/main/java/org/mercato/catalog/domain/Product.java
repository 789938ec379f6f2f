package org.mercato.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The product aggregate: identity, texts, brand, category, attributes and its variants. Every change goes
 * through {@link #revise} or a status transition, which keep the rules (a product always has at least one
 * variant; SKUs are unique within it; prices are never negative).
 */
@Entity
@Table(name = "product")
public class Product {

    static final int MAX_VARIANTS = 100;
    /** Longest description, in characters. */
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_IMAGES = 30;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 120)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 10_000)
    private String description;

    @Column(length = 100)
    private String brand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProductStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "name", length = 60)
    @Column(name = "value", nullable = false, length = 200)
    private Map<String, String> attributes = new LinkedHashMap<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<Variant> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<ProductImage> images = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
    }

    /**
     * @param newSku makes a SKU for a variant submitted without one (unique across the catalog)
     */
    public static Product create(ProductDraft draft, Category category, Supplier<String> newSku, Instant now) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.createdAt = now;
        product.revise(draft, category, newSku, now);
        return product;
    }

    public void revise(ProductDraft draft, Category newCategory, Supplier<String> newSku, Instant now) {
        if (Names.isBlank(draft.name()) || draft.name().length() > 200) {
            throw new InvalidProductException("a product needs a name of at most 200 characters, not only spaces"
                    + " or invisible characters");
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            throw new InvalidProductException("description must have at most " + MAX_DESCRIPTION + " characters");
        }
        if (draft.brand() != null && draft.brand().length() > 100) {
            throw new InvalidProductException("brand must have at most 100 characters");
        }
        if (draft.status() == ProductStatus.ARCHIVED && status != ProductStatus.ARCHIVED) {
            throw new InvalidProductException("archive a product with DELETE, not by editing it");
        }
        Attributes.check(draft.attributes());
        this.name = draft.name().trim();
        this.slug = Slugs.require(draft.slug() == null || draft.slug().isBlank() ? Slugs.of(name) : draft.slug());
        this.description = draft.description() == null ? null : draft.description().trim();
        this.brand = Names.isBlank(draft.brand()) ? null : draft.brand().trim();
        this.category = newCategory;
        this.status = draft.status();
        this.attributes = new LinkedHashMap<>(draft.attributes());
        reviseVariants(draft, newSku);
        this.updatedAt = now;
    }

    private void reviseVariants(ProductDraft draft, Supplier<String> newSku) {
        List<ProductDraft.VariantDraft> wanted = draft.variants();
        if (wanted.isEmpty()) {
            if (draft.price() == null) {
                throw new InvalidProductException("a product needs a price or at least one variant");
            }
            // a simple product: one default variant, which keeps its SKU across edits
            String sku = variants.size() == 1 ? variants.get(0).sku() : newSku.get();
            wanted = List.of(new ProductDraft.VariantDraft(sku, Map.of(), draft.price()));
        }
        if (wanted.size() > MAX_VARIANTS) {
            throw new InvalidProductException("at most " + MAX_VARIANTS + " variants");
        }
        Set<String> seen = new HashSet<>();
        List<Variant> revised = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ProductDraft.VariantDraft draftVariant = wanted.get(i);
            String sku = draftVariant.sku() == null || draftVariant.sku().isBlank()
                    ? newSku.get()
                    : draftVariant.sku().trim();
            Variant.requireSku(sku);
            if (!seen.add(sku)) {
                throw new InvalidProductException("SKU " + sku + " appears twice");
            }
            Variant existing = variants.stream().filter(v -> v.sku().equals(sku)).findFirst().orElse(null);
            if (existing != null) {
                existing.revise(draftVariant.attributes(), draftVariant.price(), i);
                revised.add(existing);
            } else {
                revised.add(new Variant(this, sku, draftVariant.attributes(), draftVariant.price(), i));
            }
        }
        variants.retainAll(revised);
        for (Variant variant : revised) {
            if (!variants.contains(variant)) {
                variants.add(variant);
            }
        }
        variants.sort(java.util.Comparator.comparingInt(Variant::position));
    }

    /**
     * Adds a picture after the existing ones.
     *
     * @param sku the variant it shows, or null for the whole product
     */
    public ProductImage addImage(UUID imageId, String sku, ImageFile file, String alt, Instant now) {
        if (images.size() >= MAX_IMAGES) {
            throw new InvalidProductException("at most " + MAX_IMAGES + " images per product");
        }
        String variantSku = sku == null || sku.isBlank() ? null : sku.trim();
        if (variantSku != null && variants.stream().noneMatch(v -> v.sku().equals(variantSku))) {
            // quoted only when it has a SKU's shape: the text comes from the request
            throw new InvalidProductException("product " + id + " has no variant with "
                    + (Variant.SKU.matcher(variantSku).matches() ? "SKU " + variantSku : "that SKU"));
        }
        if (alt != null && alt.length() > 300) {
            throw new InvalidProductException("alt text must have at most 300 characters");
        }
        ProductImage image = new ProductImage(this, imageId, variantSku, file,
                alt == null || alt.isBlank() ? null : alt.trim(), images.size(), now);
        images.add(image);
        this.updatedAt = now;
        return image;
    }

    /**
     * Puts the pictures in the order given: the first is the product's main picture (listings, search, the
     * storefront's gallery start).
     *
     * @param imageIds every picture of the product, each once
     * @throws InvalidProductException when the list is not exactly the product's pictures
     */
    public void reorderImages(List<UUID> imageIds, Instant now) {
        java.util.Set<UUID> current = new java.util.HashSet<>();
        images.forEach(image -> current.add(image.id()));
        if (imageIds == null || imageIds.size() != images.size() || !current.equals(new java.util.HashSet<>(
                imageIds))) {
            throw new InvalidProductException("imageIds must list every picture of the product once ("
                    + images.size() + " pictures)");
        }
        for (ProductImage image : images) {
            image.moveTo(imageIds.indexOf(image.id()));
        }
        images.sort(java.util.Comparator.comparingInt(ProductImage::position));
        this.updatedAt = now;
    }

    public ProductImage removeImage(UUID imageId, Instant now) {
        ProductImage image = images.stream().filter(i -> i.id().equals(imageId)).findFirst()
                .orElseThrow(() -> new ImageNotFoundException(imageId + " of product " + id));
        images.remove(image);
        for (int i = 0; i < images.size(); i++) {
            images.get(i).moveTo(i);
        }
        this.updatedAt = now;
        return image;
    }

    /**
     * Inventory says whether a SKU can be bought now.
     *
     * @return whether the product's availability changed (and its search entry must follow)
     */
    public boolean availability(String sku, boolean inStock, Instant asOf) {
        return variants.stream().filter(v -> v.sku().equals(sku)).findFirst()
                .map(v -> v.availability(inStock, asOf)).orElse(false);
    }

    public boolean inStock() {
        return variants.stream().anyMatch(Variant::inStock);
    }

    /** Archived products leave the shop but keep their identity for past orders. */
    public void archive(Instant now) {
        this.status = ProductStatus.ARCHIVED;
        this.updatedAt = now;
    }

    /** Optimistic locking for staff edits: they say which version they edited. */
    public void requireVersion(long expected) {
        if (expected != version) {
            throw new StaleProductException(expected, version);
        }
    }

    public boolean isVisibleToShoppers() {
        return status == ProductStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String brand() {
        return brand;
    }

    public ProductStatus status() {
        return status;
    }

    public Category category() {
        return category;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<Variant> variants() {
        return Collections.unmodifiableList(variants);
    }

    public List<ProductImage> images() {
        return Collections.unmodifiableList(images);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
