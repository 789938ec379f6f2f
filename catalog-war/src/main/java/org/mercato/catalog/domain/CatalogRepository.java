package org.mercato.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products and categories as the catalog stores them. */
public interface CatalogRepository {

    Optional<Product> findProduct(UUID id);

    Optional<ProductImage> findImage(UUID id);

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
