package org.mercato.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products and categories as the catalog stores them. */
public interface CatalogRepository {

    Optional<Product> findProduct(UUID id);

    /**
     * The product, read afresh and locked until the transaction ends: every change of a product (a staff edit,
     * inventory's news) holds this lock, so changes of one product happen one after another, each on the state the
     * one before committed, and index in the same order (a plain read let two news about its SKUs, applied at once,
     * each index the product without the other's change).
     */
    Optional<Product> lockProduct(UUID id);

    /** {@link #lockProduct} for the product that has a variant with this SKU. */
    Optional<Product> lockProductBySku(String sku);

    /**
     * Share-locks, until the transaction ends, the {@code limit} products after {@code after} in id order (null: from
     * the first), as {@link #productsAfter} reads them: changes of them wait, reads do not.
     */
    void lockProductsAfter(UUID after, int limit);

    Optional<ProductImage> findImage(UUID id);

    /** The first picture (lowest position) of each of these products that has one, by product id. */
    java.util.Map<UUID, ProductImage> mainImages(java.util.Collection<UUID> productIds);

    /** The status of each of these products that exists, by product id. */
    java.util.Map<UUID, ProductStatus> statuses(java.util.Collection<UUID> productIds);

    /** Pictures whose size in pixels is not known yet. */
    List<ProductImage> imagesWithoutSize(int limit);

    /**
     * Products without pictures that have a variant with a SKU in {@code [skuFrom, skuTo)}, in id order after
     * {@code after} (null: from the first).
     */
    List<Product> productsWithoutImages(String skuFrom, String skuTo, UUID after, int limit);

    Optional<Product> findProductBySlug(String slug);

    /** Whether another stored product has the slug (the caller's own pending changes are not counted). */
    boolean slugTaken(String slug, UUID exceptProductId);

    /** Whether a stored variant has the SKU (the caller's own pending changes are not counted). */
    boolean skuTaken(String sku);

    Optional<Product> findProductBySku(String sku);

    List<Product> findProductsBySkus(java.util.Collection<String> skus);

    void add(Product product);

    long countProducts();

    /**
     * The next page of all products in id order, after the product id {@code after} (null: from the start), for
     * rebuilding the search index: a page costs the same at the end of a large catalog as at its start, which an
     * offset would not.
     */
    List<Product> productsAfter(UUID after, int limit);

    /** How many products have a variant whose SKU lies in {@code [skuFrom, skuTo)}. */
    long countProductsWithSkuIn(String skuFrom, String skuTo);

    Optional<Category> findCategory(UUID id);

    Optional<Category> findCategoryBySlug(String slug);

    List<Category> categories();

    /** Active products' slugs, most recently changed first, at most {@code limit}. */
    List<ProductSlug> activeProductSlugs(int limit);

    void add(Category category);

    /**
     * Writes the pending changes now, so that a conflict only the database can decide (another request's
     * concurrent edit of the product, a slug or SKU another request took at the same time) is refused with the
     * catalog's own problem rather than failing the commit.
     *
     * @throws StaleProductException when another request changed the product since it was read
     * @throws DuplicateException when another request stored the same slug or SKU first
     */
    void flush();
}
