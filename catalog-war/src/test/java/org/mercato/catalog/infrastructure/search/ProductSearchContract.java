package org.mercato.catalog.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mercato.catalog.application.ProductSearch.Facet;
import org.mercato.catalog.application.ProductSearch.Hit;
import org.mercato.catalog.application.ProductSearch.Query;
import org.mercato.catalog.application.ProductSearch.Result;
import org.mercato.catalog.application.ProductSearch.Sort;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductDraft.VariantDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/**
 * What shoppers rely on from product search, asserted on a small known catalog. Each backend runs the same
 * contract: {@link LuceneProductSearchIT} (embedded) and {@link OpenSearchProductSearchIT} (a real OpenSearch node).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductSearchContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final AtomicInteger skus = new AtomicInteger();
    private final Category electronics = new Category("Electronics", "electronics", null, 0);
    private final Category audio = new Category("Audio", "audio", electronics, 0);
    private final Category kitchen = new Category("Kitchen", "kitchen", null, 1);
    private ProductSearchEngine engine;

    /** A fresh, empty engine on the backend under test. */
    abstract ProductSearchEngine openEngine() throws Exception;

    abstract void closeBackend() throws Exception;

    @BeforeAll
    void indexKnownCatalog() throws Exception {
        engine = openEngine();
        engine.purge();
        engine.index(List.of(
                document(product("Studio Headphones", "Sonora", audio, 12_999, 0,
                        Map.of("colour", "black"), "Closed-back headphones for the studio")),
                document(inStock(product("Travel Headphones", "Nordlys", audio, 7_999, 1,
                        Map.of("colour", "white"), "Foldable wireless headphones"))),
                document(product("Bluetooth Speaker", "Sonora", audio, 4_999, 2,
                        Map.of("colour", "black"), "A speaker that fills the room")),
                document(product("Crème Brûlée Torch", "Cuisina", kitchen, 2_499, 3,
                        Map.of("material", "steel"), "Caramelise sugar like a pastry chef")),
                document(inStock(product("Espresso Machine", "Cuisina", kitchen, 34_900, 4,
                        Map.of("material", "steel"), "Fifteen bar pump"))),
                document(archived(product("Vintage Headphones", "Sonora", audio, 5_000, 5, Map.of(), "Retired")))));
        engine.refresh();
    }

    @AfterAll
    void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
        closeBackend();
    }

    @Test
    void aMisspelledWordFindsTheIntendedProductsOnly() {
        Result result = engine.search(query("hedphones"));
        assertEquals(List.of("Studio Headphones", "Travel Headphones"), sortedNames(result));
        assertEquals(2, result.total());
    }

    @Test
    void shortWordsMayBeOneEditOffLongerOnesTwo() {
        assertEquals(0, ProductSearchEngine.editsFor("tv"));
        assertEquals(1, ProductSearchEngine.editsFor("jaket"));
        assertEquals(2, ProductSearchEngine.editsFor("runing"));
        assertEquals(List.of("Crème Brûlée Torch"), sortedNames(engine.search(query("torsh"))));
        assertEquals(List.of(), sortedNames(engine.search(query("tarh"))), "two edits from torch: too many for four"
                + " letters");
        assertEquals(List.of("Crème Brûlée Torch", "Studio Headphones", "Travel Headphones"), sortedNames(engine
                .search(query("hedphones torsh"))), "any word of the query may match");
    }

    @Test
    void accentsAndStemsMatch() {
        assertEquals(List.of("Crème Brûlée Torch"), sortedNames(engine.search(query("creme brulee"))));
        assertEquals(List.of("Bluetooth Speaker"), sortedNames(engine.search(query("speakers"))));
    }

    @Test
    void facetsCountTheMatchingProducts() {
        Result result = engine.search(query(null));
        assertEquals(5, result.total(), "archived products are never shown");
        assertEquals(Map.of("sonora", 2L, "nordlys", 1L, "cuisina", 2L), counts(result.facets().get("brand")));
        assertEquals(Map.of("audio", 3L, "kitchen", 2L), counts(result.facets().get("category")));
        Map<String, Long> prices = counts(result.facets().get("price"));
        assertEquals(1L, prices.get("*-2500"));
        assertEquals(1L, prices.get("2500-5000"));
        assertEquals(1L, prices.get("5000-10000"));
        assertEquals(2L, prices.get("10000-50000"));

        Result headphones = engine.search(query("headphones"));
        assertEquals(Map.of("sonora", 1L, "nordlys", 1L), counts(headphones.facets().get("brand")));
    }

    @Test
    void attributeFacetsCountNameValuePairsAndValuesOfOneNameAreAlternatives() {
        Result all = engine.search(query(null));
        assertEquals(Map.of("colour:black", 2L, "colour:white", 1L, "material:steel", 2L), counts(all.facets().get(
                "attribute")));
        Result headphones = engine.search(query("headphones"));
        assertEquals(Map.of("colour:black", 1L, "colour:white", 1L), counts(headphones.facets().get("attribute")));

        assertEquals(List.of("Bluetooth Speaker", "Studio Headphones", "Travel Headphones"),
                sortedNames(engine.search(new Query(null, null, null, List.of("colour:black", "colour:white"), null,
                        null, Sort.RELEVANCE, 0, 20))),
                "black or white");
        Result black = engine.search(new Query(null, null, null, List.of("colour:black"), null, null, Sort.RELEVANCE,
                0, 20));
        assertEquals(Map.of("colour:black", 2L, "colour:white", 1L), counts(black.facets().get("attribute")),
                "with black chosen, white still counts what it would add");
        assertEquals(List.of(), sortedNames(engine.search(new Query(null, null, null, List.of("colour:black",
                "material:steel"), null, null, Sort.RELEVANCE, 0, 20))), "black and steel: none is both");
        assertEquals(List.of("Bluetooth Speaker", "Studio Headphones"), sortedNames(engine.search(new Query(null,
                null, null, List.of("Colour:Black"), null, null, Sort.RELEVANCE, 0, 20))), "case-insensitive");
    }

    @Test
    void filtersNarrowTheResults() {
        assertEquals(List.of("Bluetooth Speaker", "Studio Headphones"),
                sortedNames(engine.search(new Query(null, null, "Sonora", List.of(), null, null, Sort.RELEVANCE, 0,
                        20))));
        assertEquals(List.of("Bluetooth Speaker", "Studio Headphones", "Travel Headphones"),
                sortedNames(engine.search(new Query(null, "electronics", null, List.of(), null, null,
                        Sort.RELEVANCE, 0, 20))),
                "a parent category includes its subcategories");
        assertEquals(List.of("Bluetooth Speaker", "Studio Headphones"),
                sortedNames(engine.search(new Query(null, null, null, List.of("colour:black"), null, null,
                        Sort.RELEVANCE, 0, 20))));
        assertEquals(List.of("Bluetooth Speaker", "Crème Brûlée Torch", "Travel Headphones"),
                sortedNames(engine.search(new Query(null, null, null, List.of(), 2_000L, 8_000L, Sort.RELEVANCE, 0,
                        20))));
        assertEquals(List.of("Travel Headphones"), sortedNames(engine.search(new Query("headphones", "audio",
                null, List.of("colour:white"), null, 10_000L, Sort.RELEVANCE, 0, 20))));
    }

    @Test
    void theInStockFilterKeepsWhatCanBeBoughtNow() {
        Result inStock = engine.search(new Query(null, null, null, List.of(), null, null, Sort.RELEVANCE, 0, 20,
                true));
        assertEquals(List.of("Espresso Machine", "Travel Headphones"), sortedNames(inStock));
        assertTrue(inStock.items().stream().allMatch(Hit::inStock));
        assertEquals(List.of("Travel Headphones"), sortedNames(engine.search(new Query("hedphones", null, null,
                List.of(), null, null, Sort.RELEVANCE, 0, 20, true))));
    }

    @Test
    void sortingAndPaging() {
        List<String> cheapestFirst = engine.search(new Query(null, null, null, List.of(), null, null,
                Sort.PRICE_ASC, 0, 20)).items().stream().map(Hit::name).toList();
        assertEquals(List.of("Crème Brûlée Torch", "Bluetooth Speaker", "Travel Headphones", "Studio Headphones",
                "Espresso Machine"), cheapestFirst);
        Result newest = engine.search(new Query(null, null, null, List.of(), null, null, Sort.NEWEST, 1, 2));
        assertEquals(5, newest.total());
        assertEquals(List.of("Bluetooth Speaker", "Travel Headphones"),
                newest.items().stream().map(Hit::name).toList());
        Hit hit = newest.items().get(0);
        assertEquals("bluetooth-speaker", hit.slug());
        assertEquals(4_999, hit.price());
        assertEquals("EUR", hit.currency());
        assertEquals("audio", hit.category());
    }

    @Test
    void staffListArchivedProductsByStatusWithTheOtherFiltersAndSorts() {
        Result archived = engine.search(new Query(null, null, "Sonora", List.of(), null, null, Sort.RELEVANCE, 0,
                20, false, ProductStatus.ARCHIVED));
        assertEquals(List.of("Vintage Headphones"), sortedNames(archived));
        assertEquals(ProductStatus.ARCHIVED, archived.items().get(0).status());
        assertEquals(List.of("Vintage Headphones"), sortedNames(engine.search(new Query("vintage", "audio", null,
                List.of(), null, null, Sort.RELEVANCE, 0, 20, false, ProductStatus.ARCHIVED))));
        assertTrue(engine.search(query("vintage")).items().isEmpty(), "shoppers never find it");

        Result any = engine.search(new Query(null, "audio", "Sonora", List.of(), null, null, Sort.PRICE_DESC, 0, 20,
                false, null));
        assertEquals(List.of("Studio Headphones", "Vintage Headphones", "Bluetooth Speaker"),
                any.items().stream().map(Hit::name).toList());
        assertEquals(List.of(ProductStatus.ACTIVE, ProductStatus.ARCHIVED, ProductStatus.ACTIVE),
                any.items().stream().map(Hit::status).toList());
        assertEquals(3, any.total());
        assertEquals(Map.of("sonora", 3L), counts(any.facets().get("brand")), "facets count the staff list");
        assertTrue(engine.search(query(null)).items().stream().allMatch(hit -> hit.status() == ProductStatus.ACTIVE),
                "a shopper's list shows active products only");
    }

    @Test
    void suggestionsCompleteWhatTheShopperTyped() {
        assertEquals(List.of("Studio Headphones", "Travel Headphones"),
                engine.suggest("headp", 5).stream().sorted().toList());
        assertEquals(List.of("Espresso Machine"), engine.suggest("espr", 5));
        assertTrue(engine.suggest("vintage", 5).isEmpty(), "archived products are not suggested");
    }

    @Test
    void aReindexedProductReplacesItsOldDocument() {
        Product product = product("Desk Lamp", "Lumen", kitchen, 3_000, 6, Map.of(), "Warm light");
        engine.index(List.of(document(product)));
        engine.refresh();
        assertEquals(List.of("Desk Lamp"), sortedNames(engine.search(query("lamp"))));
        engine.index(List.of(document(archived(product))));
        engine.refresh();
        assertTrue(engine.search(query("lamp")).items().isEmpty());
    }

    private Product product(String name, String brand, Category category, long price, int minutes,
            Map<String, String> attributes, String description) {
        ProductDraft draft = new ProductDraft(name, null, description, brand, null, ProductStatus.ACTIVE, attributes,
                null, List.of(new VariantDraft(null, Map.of(), new Money(price, "EUR"))));
        return Product.create(draft, category, () -> "SKU-" + skus.incrementAndGet(), T0.plusSeconds(60L * minutes));
    }

    private static Product inStock(Product product) {
        product.availability(product.variants().get(0).sku(), true, T0.plusSeconds(1));
        return product;
    }

    private static Product archived(Product product) {
        product.archive(T0.plusSeconds(3600));
        return product;
    }

    private static ProductDocument document(Product product) {
        return ProductDocument.of(product);
    }

    private static Query query(String text) {
        return new Query(text, null, null, List.of(), null, null, Sort.RELEVANCE, 0, 20);
    }

    private static List<String> sortedNames(Result result) {
        return result.items().stream().map(Hit::name).sorted().toList();
    }

    private static Map<String, Long> counts(List<Facet> facets) {
        return facets.stream().collect(java.util.stream.Collectors.toMap(Facet::value, Facet::count));
    }
}
