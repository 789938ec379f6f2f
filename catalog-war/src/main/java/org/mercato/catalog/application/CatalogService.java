package org.mercato.catalog.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.platform.security.Digests;
import org.mercato.catalog.domain.CatalogRepository;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.CategoryNotFoundException;
import org.mercato.catalog.domain.DuplicateException;
import org.mercato.catalog.domain.ImageFile;
import org.mercato.catalog.domain.ImageFormat;
import org.mercato.catalog.domain.ImageNotFoundException;
import org.mercato.catalog.domain.InvalidProductException;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductNotFoundException;
import org.mercato.catalog.domain.Variant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;

/** Staff use cases on the catalog and the reads the shop makes. */
@ApplicationScoped
@Transactional
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());
    private static final String SKU_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CatalogRepository catalog;

    @Inject
    Clock clock;

    @Inject
    CatalogChanges changes;

    @Inject
    ImageStore images;

    @Inject
    ImageProcessing imageProcessing;

    @Inject
    @ConfigProperty(name = "mercato.shop.currency", defaultValue = "EUR")
    String shopCurrency;

    /**
     * @throws CurrencyNotAcceptedException when a price is not in the shop's currency (422)
     * @throws org.mercato.platform.money.MoneyLimitException when a price passes {@link Variant#MAX_PRICE} (422)
     */
    public Product create(ProductDraft draft) {
        requireShopCurrency(draft);
        Category category = category(draft);
        Product product = Product.create(draft, category, this::newSku, clock.instant());
        requireUnique(product, List.of());
        catalog.add(product);
        // a slug or SKU taken by a request running at the same time: the constraint decides, refused as above
        // (before the change is announced, whose own flush would fail with the database's exception)
        catalog.flush();
        changes.productChanged(product);
        LOG.info(() -> "Product " + product.id() + " (" + product.slug() + ") created with "
                + product.variants().size() + " variant(s)");
        return product;
    }

    /**
     * @param expectedVersion the version the staff member edited; a newer one means 409
     * @throws org.mercato.catalog.domain.StaleProductException when the product is at another version, or another
     *         edit of the same version is stored first (409)
     * @throws DuplicateException when its slug or a new SKU belongs to another product (409)
     */
    public Product update(UUID productId, long expectedVersion, ProductDraft draft) {
        Product product = catalog.lockProduct(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        product.requireVersion(expectedVersion);
        requireShopCurrency(draft);
        List<String> skusBefore = product.variants().stream().map(Variant::sku).toList();
        product.revise(draft, category(draft), this::newSku, clock.instant());
        requireUnique(product, skusBefore);
        // concurrent edits of one version, or a slug or SKU taken at the same time: the database decides which
        // request wins; the others are refused as a stale version or a duplicate (before the change is announced,
        // whose own flush would fail with the database's exception)
        catalog.flush();
        changes.productChanged(product);
        return product;
    }

    public Product archive(UUID productId) {
        Product product = catalog.lockProduct(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        product.archive(clock.instant());
        changes.productChanged(product);
        LOG.info(() -> "Product " + productId + " archived");
        return product;
    }

    /** What an uploaded picture is, as the shop serves it. */
    public record ImageUpload(byte[] bytes, String declaredMediaType, String sku, String alt) {
    }

    /** The most pixels an uploaded picture may have (8,000 x 6,000): more would cost too much memory to resize. */
    public static final long MAX_IMAGE_PIXELS = 48_000_000L;

    /**
     * Adds a picture to a product. The bytes must be a JPEG, PNG, GIF or WebP image whatever the uploader says, and
     * decodable; the file is written first and removed again if the change does not commit.
     *
     * @throws InvalidProductException for anything else, an unknown variant SKU or too many pixels (400)
     * @throws ProductNotFoundException (404)
     */
    public ProductImage addImage(UUID productId, ImageUpload upload) {
        Product product = catalog.lockProduct(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        ProductImage image = attach(product, upload);
        changes.productChanged(product);
        LOG.info(() -> "Image " + image.id() + " (" + image.format().mediaType() + ", " + image.width() + "x"
                + image.height() + ", " + image.size() + " bytes) added to product " + productId);
        return image;
    }

    /** A picture for {@link #addPictures}: what the demo catalog draws for a product. */
    public record NewPicture(byte[] bytes, String sku, String alt) {
    }

    /**
     * Adds pictures to many products in one transaction, through the same checks and store as an upload; the
     * products' changes are announced as any other.
     */
    public void addPictures(java.util.Map<UUID, List<NewPicture>> pictures) {
        List<Product> changed = new ArrayList<>();
        // locked in id order, so two such batches never wait for each other
        new java.util.TreeMap<>(pictures).forEach((productId, list) -> catalog.lockProduct(productId)
                .ifPresent(product -> {
                    list.forEach(picture -> attach(product,
                            new ImageUpload(picture.bytes(), null, picture.sku(), picture.alt())));
                    changed.add(product);
                }));
        changes.productsChanged(changed);
    }

    private ProductImage attach(Product product, ImageUpload upload) {
        if (upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidProductException("the request body must be the image");
        }
        ImageFormat format = ImageFormat.detect(upload.bytes())
                .orElseThrow(() -> new InvalidProductException("not a JPEG, PNG, GIF or WebP image"));
        if (upload.declaredMediaType() != null && ImageFormat.ofMediaType(upload.declaredMediaType())
                .filter(declared -> declared != format).isPresent()) {
            throw new InvalidProductException("the body is " + format.mediaType() + ", not "
                    + upload.declaredMediaType());
        }
        ImageProcessing.Dimensions pixels = imageProcessing.measure(upload.bytes(), format)
                .orElseThrow(() -> new InvalidProductException("the " + format.mediaType() + " image cannot be read"));
        if ((long) pixels.width() * pixels.height() > MAX_IMAGE_PIXELS) {
            throw new InvalidProductException("the image has " + pixels.width() + " x " + pixels.height()
                    + " pixels; at most " + MAX_IMAGE_PIXELS + " pixels are accepted");
        }
        UUID imageId = UUID.randomUUID();
        ProductImage image = product.addImage(imageId, upload.sku(), new ImageFile(format, upload.bytes().length,
                Digests.sha256Hex(upload.bytes()), pixels.width(), pixels.height()), upload.alt(), clock.instant());
        images.store(imageId, upload.bytes());
        changes.afterRollback(() -> images.delete(imageId));
        LOG.fine(() -> "Image " + imageId + " (" + format.mediaType() + ", " + pixels.width() + "x"
                + pixels.height() + ", " + upload.bytes().length + " bytes) added to product " + product.id());
        return image;
    }

    /** Each product's main picture (the first by position), for a result page: one query for the page. */
    public java.util.Map<UUID, ProductImage> mainImages(java.util.Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return java.util.Map.of();
        }
        return catalog.mainImages(productIds);
    }

    /**
     * The status of each of these products, by id (one query): for list entries whose search document predates
     * the status being stored in the index.
     */
    public java.util.Map<UUID, org.mercato.catalog.domain.ProductStatus> statuses(
            java.util.Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return java.util.Map.of();
        }
        return catalog.statuses(productIds);
    }

    /** Pictures stored before their size in pixels was kept (at most {@code limit}). */
    public List<ProductImage> imagesWithoutSize(int limit) {
        return catalog.imagesWithoutSize(limit);
    }

    /** Records the size in pixels of a picture stored before sizes were kept; its products' caches follow. */
    public void recordImageSize(UUID imageId, int width, int height) {
        catalog.findImage(imageId).ifPresent(image -> {
            image.measured(width, height);
            changes.catalogChanged();
        });
    }

    /**
     * Products that have a variant whose SKU lies in {@code [skuFrom, skuTo)} and no picture, after the product
     * id {@code after} (null: from the start), in id order, each mapped inside the transaction.
     */
    public <T> List<T> productsWithoutImages(String skuFrom, String skuTo, UUID after, int limit,
            java.util.function.Function<Product, T> mapper) {
        return catalog.productsWithoutImages(skuFrom, skuTo, after, limit).stream().map(mapper).toList();
    }

    /**
     * Puts a product's pictures in the given order (the first is its main picture).
     *
     * @throws ProductNotFoundException for an unknown product
     * @throws org.mercato.catalog.domain.InvalidProductException when the ids are not exactly its pictures
     */
    public void reorderImages(UUID productId, List<UUID> imageIds) {
        Product product = catalog.lockProduct(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        product.reorderImages(imageIds, clock.instant());
        changes.productChanged(product);
        LOG.info(() -> "Pictures of product " + productId + " reordered");
    }

    public void removeImage(UUID productId, UUID imageId) {
        Product product = catalog.lockProduct(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        product.removeImage(imageId, clock.instant());
        changes.afterCommit(() -> images.delete(imageId));
        changes.productChanged(product);
        LOG.info(() -> "Image " + imageId + " removed from product " + productId);
    }

    /**
     * Inventory's news that a SKU can or cannot be bought now; stale or repeated news change nothing.
     *
     * @return false for a SKU the catalog does not know
     */
    public boolean recordAvailability(String sku, boolean inStock, java.time.Instant asOf) {
        // locked: news about two SKUs of the product, applied at once, must not each index it without the other's
        Optional<Product> product = catalog.lockProductBySku(sku);
        if (product.isEmpty()) {
            return false;
        }
        boolean productWasInStock = product.get().inStock();
        if (product.get().availability(sku, inStock, asOf)) {
            changes.availabilityChanged(product.get(), product.get().inStock() != productWasInStock);
            LOG.fine(() -> "SKU " + sku + " is " + (inStock ? "in stock" : "out of stock") + " as of " + asOf);
        }
        return true;
    }

    public ProductImage image(UUID imageId) {
        return catalog.findImage(imageId).orElseThrow(() -> new ImageNotFoundException(imageId.toString()));
    }

    /** By id or by slug, so product pages can use either. */
    public Product product(String idOrSlug) {
        return parseUuid(idOrSlug).flatMap(catalog::findProduct)
                .or(() -> catalog.findProductBySlug(idOrSlug))
                .orElseThrow(() -> new ProductNotFoundException(idOrSlug));
    }

    /** What a cart or an order needs to know of a SKU: its product and its current price. */
    public record SkuView(String sku, UUID productId, String name, String slug, Money price, boolean sellable,
            boolean inStock, java.util.Map<String, String> attributes) {
    }

    /**
     * Looks up SKUs; unknown ones are left out, and so are those of drafts unless {@code includeDrafts} (staff): a
     * product not yet published is nobody else's business, while an archived one still explains a cart line that
     * can no longer be bought ({@code sellable: false}).
     */
    public List<SkuView> skus(List<String> skus, boolean includeDrafts) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(skus);
        java.util.Map<String, SkuView> found = new java.util.HashMap<>();
        for (Product product : catalog.findProductsBySkus(wanted)) {
            if (product.status() == ProductStatus.DRAFT && !includeDrafts) {
                continue;
            }
            for (Variant v : product.variants()) {
                if (wanted.contains(v.sku())) {
                    found.put(v.sku(), new SkuView(v.sku(), product.id(), product.name(), product.slug(), v.price(),
                            product.isVisibleToShoppers(), v.inStock(), v.attributes()));
                }
            }
        }
        // in the order asked
        return wanted.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * The pages a crawler should know: active products (most recently changed first, at most {@code limit}) for a
     * sitemap.
     */
    public List<org.mercato.catalog.domain.ProductSlug> shopperPages(int limit) {
        return catalog.activeProductSlugs(limit);
    }

    public List<Category> categories() {
        return catalog.categories().stream()
                .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::name)).toList();
    }

    public Category createCategory(String name, String slug, UUID parentId, int position) {
        Category parent = parentId == null
                ? null
                : catalog.findCategory(parentId).orElseThrow(() -> new CategoryNotFoundException(parentId.toString()));
        Category category = new Category(name, slug, parent, position);
        if (catalog.findCategoryBySlug(category.slug()).isPresent()) {
            throw new DuplicateException("a category with slug " + category.slug() + " exists");
        }
        catalog.add(category);
        catalog.flush();
        changes.catalogChanged();
        return category;
    }

    /**
     * Creates many products in one transaction (demo data, bulk import); a duplicate fails the whole batch, so
     * nothing is half imported. {@code announce=false} when the search index will be rebuilt anyway (the
     * ProductChanged events are saved either way).
     */
    public int importBatch(List<ProductDraft> drafts, boolean announce) {
        java.time.Instant now = clock.instant();
        List<Product> created = new java.util.ArrayList<>(drafts.size());
        for (ProductDraft draft : drafts) {
            requireShopCurrency(draft);
            Product product = Product.create(draft, category(draft), this::newSku, now);
            catalog.add(product);
            created.add(product);
        }
        if (announce) {
            changes.productsChanged(created);
        } else {
            changes.productsSeeded(created);
        }
        return drafts.size();
    }

    /**
     * Reads the catalog page by page in id order, after the product id {@code after} (null: the first page),
     * mapping each product inside the transaction.
     */
    public <T> List<T> mapProducts(UUID after, int limit, java.util.function.Function<Product, T> mapper) {
        return catalog.productsAfter(after, limit).stream().map(mapper).toList();
    }

    /**
     * For a rebuild of the search index: the page of {@link #mapProducts}, read under a shared lock on its products'
     * rows that is held until {@code write} has written them, so that no change of these products (which all lock
     * the product first, see {@link CatalogRepository#lockProduct}) commits between the read and the write.
     *
     * @return the page, mapped
     */
    public <T> List<T> writePage(UUID after, int limit, java.util.function.Function<Product, T> mapper,
            java.util.function.Consumer<List<T>> write) {
        catalog.lockProductsAfter(after, limit);
        List<T> page = mapProducts(after, limit, mapper);
        write.accept(page);
        return page;
    }

    /**
     * How many of the first {@code total} products of the demo catalog for {@code seed} are stored (their SKUs
     * are known in advance, see {@link DemoCatalog#skuStem}).
     */
    public long demoProductsStored(long seed, int total) {
        return catalog.countProductsWithSkuIn(DemoCatalog.skuStem(seed, 0), DemoCatalog.skuStem(seed, total));
    }

    public boolean slugExists(String slug) {
        return catalog.findProductBySlug(slug).isPresent();
    }

    public boolean skuExists(String sku) {
        return catalog.skuTaken(sku);
    }

    public java.util.Optional<UUID> categoryIdBySlug(String slug) {
        return catalog.findCategoryBySlug(slug).map(Category::id);
    }

    public long productCount() {
        return catalog.countProducts();
    }

    /** Every price of a draft is in the shop's currency, or the draft is refused before anything changes. */
    public void requireShopCurrency(ProductDraft draft) {
        List<Money> prices = new ArrayList<>();
        if (draft.price() != null) {
            prices.add(draft.price());
        }
        if (draft.variants() != null) {
            draft.variants().forEach(variant -> prices.add(variant.price()));
        }
        for (Money price : prices) {
            if (price != null && !price.currency().equals(shopCurrency)) {
                throw new CurrencyNotAcceptedException(price.currency(), shopCurrency);
            }
        }
    }

    private Category category(ProductDraft draft) {
        return draft.categoryId() == null
                ? null
                : catalog.findCategory(draft.categoryId())
                        .orElseThrow(() -> new CategoryNotFoundException(draft.categoryId().toString()));
    }

    private void requireUnique(Product product, List<String> ownSkus) {
        if (catalog.slugTaken(product.slug(), product.id())) {
            throw new DuplicateException("another product has the slug " + product.slug());
        }
        for (Variant variant : product.variants()) {
            if (!ownSkus.contains(variant.sku()) && catalog.skuTaken(variant.sku())) {
                throw new DuplicateException("SKU " + variant.sku() + " belongs to another product");
            }
        }
    }

    /** SKUs for variants submitted without one: short, unambiguous, unique (checked with the others). */
    String newSku() {
        Supplier<String> random = () -> {
            StringBuilder sku = new StringBuilder("MC-");
            for (int i = 0; i < 8; i++) {
                sku.append(SKU_ALPHABET.charAt(RANDOM.nextInt(SKU_ALPHABET.length())));
            }
            return sku.toString();
        };
        String sku = random.get();
        while (catalog.skuTaken(sku)) {
            sku = random.get();
        }
        return sku;
    }

    /** The id in {@code text}, or empty when it is not a UUID. */
    public static java.util.Optional<UUID> parseUuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }

}
