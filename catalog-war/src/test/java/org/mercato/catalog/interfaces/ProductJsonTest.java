package org.mercato.catalog.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.ProductImport;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;
import org.mercato.platform.problem.ProblemException;

/** The JSON import: each product bound strictly and validated as the product API would, refusals by position. */
class ProductJsonTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** A product whose variant's price amount, attributes and extra properties are given as JSON text. */
    private static String product(String slug, String name, String amount, String attributes, String extra) {
        return "{\"slug\":\"" + slug + "\",\"name\":" + name + extra + ",\"attributes\":" + attributes
                + ",\"variants\":[{\"sku\":\"" + slug.toUpperCase() + "-1\",\"price\":{\"amount\":" + amount
                + ",\"currency\":\"EUR\"}}]}";
    }

    private static String good(String slug) {
        return product(slug, "\"Good " + slug + "\"", "250", "{\"colour\":\"black\"}", "");
    }

    private static Map<Integer, String> refused(ImportFile file) {
        return file.refused().stream().collect(Collectors.toMap(ProductImport.Rejection::line,
                ProductImport.Rejection::message));
    }

    @Test
    void aGoodProductBecomesAnActiveDraftWithItsCategorySlug() {
        ImportFile file = ProductJson.read("[{\"slug\":\"kettle\",\"name\":\"Kettle\",\"category\":\"cookware\","
                + "\"status\":\"DRAFT\",\"variants\":[{\"sku\":\"KET-1\",\"price\":{\"amount\":3900,\"currency\":"
                + "\"EUR\"},\"attributes\":{\"size\":\"1l\"}},{\"sku\":\"KET-2\",\"price\":{\"amount\":4900,"
                + "\"currency\":\"EUR\"}}]}," + good("mug") + "]", validator);
        assertEquals(List.of(), file.refused());
        ProductImport.Item kettle = file.items().get(0);
        assertEquals("cookware", kettle.categorySlug());
        assertEquals(ProductStatus.DRAFT, kettle.draft().status());
        assertEquals(List.of(1, 1), kettle.variantLines());
        assertEquals(Map.of("size", "1l"), kettle.draft().variants().get(0).attributes());
        ProductImport.Item mug = file.items().get(1);
        assertEquals(2, mug.line());
        assertEquals(ProductStatus.ACTIVE, mug.draft().status(), "imports default to ACTIVE");
        assertEquals(new Money(250, "EUR"), mug.draft().variants().get(0).price());
    }

    @Test
    void theStrictBindingRefusesEachBadProductNamingTheFieldAndKeepsTheGoodOnes() {
        String json = "[" + good("first")
                + "," + product("nul", "\"Nul\\u0000\"", "250", "{}", "")
                + "," + product("unknown", "\"Unknown\"", "250", "{}", ",\"bogusField\":1")
                + "," + product("quoted", "\"Quoted\"", "\"250\"", "{}", "")
                + "," + product("fraction", "\"Fraction\"", "2.5", "{}", "")
                + "," + product("number-attr", "\"Number\"", "250", "{\"colour\":5}", "")
                + "," + product("bool-attr", "\"Bool\"", "250", "{\"colour\":true}", "")
                + "," + product("surrogate", "\"Lone \\ud800\"", "250", "{}", "")
                + "," + good("last") + "]";
        ImportFile file = ProductJson.read(json, validator);
        Map<Integer, String> refused = refused(file);
        assertTrue(refused.get(2).startsWith("name: must not contain control characters"), refused.get(2));
        assertEquals("bogusField: is not a property of this request", refused.get(3));
        assertTrue(refused.get(4).startsWith("variants[0].price.amount: must be a JSON integer"), refused.get(4));
        assertTrue(refused.get(5).startsWith("variants[0].price.amount: must be a JSON integer"), refused.get(5));
        assertEquals("attributes.colour: must be a JSON string", refused.get(6));
        assertEquals("attributes.colour: must be a JSON string", refused.get(7));
        assertTrue(refused.get(8).startsWith("name: must be valid Unicode"), refused.get(8));
        assertEquals(7, refused.size(), refused.toString());
        assertEquals(List.of(1, 9), file.items().stream().map(ProductImport.Item::line).toList());
    }

    @Test
    void nullsAreRefusedNeverPassedOn() {
        Map<Integer, String> refused = refused(ProductJson.read("["
                + product("null-attr", "\"Null attr\"", "250", "{\"colour\":null}", "")
                + ",{\"slug\":\"null-variant\",\"name\":\"Null variant\",\"variants\":[null]}"
                + ",{\"slug\":\"null-variant-attr\",\"name\":\"V\",\"variants\":[{\"sku\":\"NVA-1\",\"price\":"
                + "{\"amount\":1,\"currency\":\"EUR\"},\"attributes\":{\"size\":null}}]}"
                + "," + product("null-name", "null", "250", "{}", "")
                + "," + product("null-amount", "\"Null amount\"", "null", "{}", "")
                + ",null,5]", validator));
        assertTrue(refused.get(1).contains("colour"), refused.get(1));
        assertTrue(refused.get(2).contains("variant"), refused.get(2));
        assertTrue(refused.get(3).contains("size"), refused.get(3));
        assertEquals("name: must not be blank", refused.get(4));
        assertEquals("variants[0].price.amount: must not be null", refused.get(5));
        assertEquals("product: must be a JSON object", refused.get(6));
        assertEquals("product: must be a JSON object", refused.get(7));
    }

    @Test
    void theProductApiLimitsApply() {
        Map<Integer, String> refused = refused(ProductJson.read("["
                + product("long", "\"" + "n".repeat(201) + "\"", "250", "{}", "")
                + "," + product("negative", "\"Negative\"", "-1", "{}", "")
                + ",{\"slug\":\"no-variants\",\"name\":\"No variants\",\"variants\":[]}"
                + "," + product("status", "\"Status\"", "250", "{}", ",\"status\":\"ARCHIVED\"")
                + "," + product("category-id", "\"Id\"", "250", "{}", ",\"categoryId\":\"x\"")
                + "]", validator));
        assertEquals("name: size must be between 0 and 200", refused.get(1));
        assertEquals("variants[0].price.amount: must not be negative", refused.get(2));
        assertEquals("variants: must not be empty", refused.get(3));
        assertEquals("status: must be DRAFT or ACTIVE", refused.get(4));
        assertEquals("categoryId: is not a property of this request", refused.get(5),
                "imports name categories by slug");
    }

    @Test
    void markupInAnAttributeNameIsNotEchoed() {
        ImportFile file = ProductJson.read("[" + product("markup", "\"Markup\"", "250",
                "{\"<img src=x onerror=alert(1)>\":null}", "") + "]", validator);
        String message = file.refused().get(0).message();
        assertFalse(message.contains("<") || message.contains(">"), message);
    }

    @Test
    void aDocumentThatIsNotAnArrayOfProductsIs400() {
        assertThrows(ProblemException.class, () -> ProductJson.read("{\"not\":\"an array\"}", validator));
        assertThrows(ProblemException.class, () -> ProductJson.read("[]", validator));
        assertThrows(ProblemException.class, () -> ProductJson.read("[{", validator));
    }
}
