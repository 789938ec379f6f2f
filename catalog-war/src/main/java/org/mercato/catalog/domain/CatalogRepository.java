package org.mercato.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products and categories as the catalog stores them. */
public interface CatalogRepository {

    Optional<Product> findProduct(UUID id);

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

    boolean slugTaken(String slug, UUID exceptProductId);

    boolean skuTaken(String sku);

    Optional<Product> findProductBySku(String sku);

    List<Product> findProductsBySkus(java.util.Collection<String> skus);

    void add(Product product);

    long countProducts();

    /** A page of all products in id order, for rebuilding the search index. */
    List<Product> products(int offset, int limit);

    Optional<Category> findCategory(UUID id);

    Optional<Category> findCategoryBySlug(String slug);

    List<Category> categories();

    /** Active products' slugs, most recently changed first, at most {@code limit}. */
    List<ProductSlug> activeProductSlugs(int limit);

    void add(Category category);
}
