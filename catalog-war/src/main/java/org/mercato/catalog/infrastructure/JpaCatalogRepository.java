package org.mercato.catalog.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.mercato.catalog.domain.CatalogRepository;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.DuplicateException;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.catalog.domain.StaleProductException;
import org.mercato.platform.problem.DatabaseConflicts;

@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    public JpaCatalogRepository() {
    }

    /** Over a given entity manager: for tests outside the container. */
    public JpaCatalogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Product> findProduct(UUID id) {
        return Optional.ofNullable(em.find(Product.class, id));
    }

    @Override
    public Optional<Product> lockProduct(UUID id) {
        // SELECT ... FOR UPDATE: waits for a change of the product running elsewhere, then reads what it committed
        return Optional.ofNullable(em.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Product> lockProductBySku(String sku) {
        // the id only: the product must not enter the persistence context before it is locked and read afresh
        return em.createQuery("select v.product.id from Variant v where v.sku = :sku", UUID.class)
                .setParameter("sku", sku).getResultStream().findFirst().flatMap(this::lockProduct);
    }

    @Override
    public void lockProductsAfter(UUID after, int limit) {
        var lock = em.createNativeQuery("select id from product" + (after == null ? "" : " where id > cast(?1 as uuid)")
                + " order by id limit " + Math.max(1, limit) + " for share");
        if (after != null) {
            lock.setParameter(1, after.toString());
        }
        lock.getResultList();
    }

    @Override
    public Optional<ProductImage> findImage(UUID id) {
        return Optional.ofNullable(em.find(ProductImage.class, id));
    }

    @Override
    public java.util.Map<UUID, ProductImage> mainImages(java.util.Collection<UUID> productIds) {
        // the product's id comes with the row, so no product is loaded for a result page's pictures
        List<Object[]> rows = em.createQuery("select i.product.id, i from ProductImage i where i.product.id in :ids"
                + " and i.position = (select min(j.position) from ProductImage j where j.product = i.product)",
                Object[].class).setParameter("ids", productIds).getResultList();
        java.util.Map<UUID, ProductImage> main = new java.util.HashMap<>();
        for (Object[] row : rows) {
            main.putIfAbsent((UUID) row[0], (ProductImage) row[1]);
        }
        return main;
    }

    @Override
    public java.util.Map<UUID, org.mercato.catalog.domain.ProductStatus> statuses(
            java.util.Collection<UUID> productIds) {
        java.util.Map<UUID, org.mercato.catalog.domain.ProductStatus> statuses = new java.util.HashMap<>();
        em.createQuery("select p.id, p.status from Product p where p.id in :ids", Object[].class)
                .setParameter("ids", productIds).getResultList()
                .forEach(row -> statuses.put((UUID) row[0], (org.mercato.catalog.domain.ProductStatus) row[1]));
        return statuses;
    }

    @Override
    public List<ProductImage> imagesWithoutSize(int limit) {
        return em.createQuery("select i from ProductImage i where i.width is null order by i.id", ProductImage.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Product> productsWithoutImages(String skuFrom, String skuTo, UUID after, int limit) {
        String query = "select p from Product p where not exists (select i from ProductImage i where i.product = p)"
                + " and exists (select v from Variant v where v.product = p and v.sku >= :from and v.sku < :to)"
                + (after == null ? "" : " and p.id > :after") + " order by p.id";
        var products = em.createQuery(query, Product.class).setParameter("from", skuFrom).setParameter("to", skuTo)
                .setMaxResults(limit)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "p.attributes")
                .setHint("eclipselink.batch", "p.variants")
                .setHint("eclipselink.batch", "p.variants.attributes")
                .setHint("eclipselink.batch", "p.category");
        if (after != null) {
            products.setParameter("after", after);
        }
        return products.getResultList();
    }

    @Override
    public Optional<Product> findProductBySlug(String slug) {
        return em.createQuery("select p from Product p where p.slug = :slug", Product.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    // The two checks below ask what other products hold in the database, without flushing first: an edited
    // product's pending slug or new SKU would otherwise be written by the query's own flush and fail there on the
    // unique constraint (a 500), before the check could refuse it.

    @Override
    public boolean slugTaken(String slug, UUID exceptProductId) {
        return em.createQuery("select count(p) from Product p where p.slug = :slug and p.id <> :id", Long.class)
                .setParameter("slug", slug).setParameter("id", exceptProductId).setFlushMode(FlushModeType.COMMIT)
                .getSingleResult() > 0;
    }

    @Override
    public boolean skuTaken(String sku) {
        return em.createQuery("select count(v) from Variant v where v.sku = :sku", Long.class)
                .setParameter("sku", sku).setFlushMode(FlushModeType.COMMIT).getSingleResult() > 0;
    }

    @Override
    public void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DatabaseConflicts.isConcurrentUpdate(e)) {
                throw new StaleProductException();
            }
            java.sql.SQLException unique = DatabaseConflicts.uniqueViolation(e);
            if (unique != null) {
                throw new DuplicateException(takenMeanwhile(String.valueOf(unique.getMessage())));
            }
            throw e;
        }
    }

    /** What another request took, by the constraint the database names (its message is never shown: it quotes). */
    static String takenMeanwhile(String databaseMessage) {
        if (databaseMessage.contains("variant_sku_key")) {
            return "a SKU of this product was given to another product meanwhile";
        }
        if (databaseMessage.contains("product_slug_key")) {
            return "another product took this slug meanwhile";
        }
        if (databaseMessage.contains("category_slug_key")) {
            return "another category took this slug meanwhile";
        }
        return "a slug or SKU was taken by another request meanwhile";
    }

    @Override
    public Optional<Product> findProductBySku(String sku) {
        return em.createQuery("select v.product from Variant v where v.sku = :sku", Product.class)
                .setParameter("sku", sku).getResultStream().findFirst();
    }

    @Override
    public List<Product> findProductsBySkus(java.util.Collection<String> skus) {
        // one query for the products, one per association for all of them (a cart's lines in three queries)
        return em.createQuery("select distinct p from Product p join p.variants v where v.sku in :skus",
                Product.class).setParameter("skus", skus)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "p.variants")
                .setHint("eclipselink.batch", "p.variants.attributes")
                .setHint("eclipselink.batch", "p.attributes")
                .setHint("eclipselink.batch", "p.images")
                .getResultList();
    }

    @Override
    public void add(Product product) {
        em.persist(product);
    }

    @Override
    public long countProducts() {
        return em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
    }

    @Override
    public List<org.mercato.catalog.domain.ProductSlug> activeProductSlugs(int limit) {
        return em.createQuery("select new org.mercato.catalog.domain.ProductSlug(p.slug, p.updatedAt)"
                + " from Product p where p.status = :active order by p.updatedAt desc, p.slug",
                org.mercato.catalog.domain.ProductSlug.class)
                .setParameter("active", org.mercato.catalog.domain.ProductStatus.ACTIVE)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Product> productsAfter(UUID after, int limit) {
        // one query per association for the whole page (IN batches) rather than three per product; the page starts
        // from the primary key's index, not by counting past the earlier pages
        var products = em.createQuery("select p from Product p" + (after == null ? "" : " where p.id > :after")
                + " order by p.id", Product.class)
                .setMaxResults(limit)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "p.attributes")
                .setHint("eclipselink.batch", "p.variants")
                .setHint("eclipselink.batch", "p.variants.attributes")
                .setHint("eclipselink.batch", "p.category")
                .setHint("eclipselink.batch", "p.images");
        if (after != null) {
            products.setParameter("after", after);
        }
        return products.getResultList();
    }

    @Override
    public long countProductsWithSkuIn(String skuFrom, String skuTo) {
        return em.createQuery("select count(distinct v.product.id) from Variant v where v.sku >= :from"
                + " and v.sku < :to", Long.class).setParameter("from", skuFrom).setParameter("to", skuTo)
                .getSingleResult();
    }

    @Override
    public Optional<Category> findCategory(UUID id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    @Override
    public Optional<Category> findCategoryBySlug(String slug) {
        return em.createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public List<Category> categories() {
        return em.createQuery("select c from Category c left join fetch c.parent", Category.class).getResultList();
    }

    @Override
    public void add(Category category) {
        em.persist(category);
    }
}
