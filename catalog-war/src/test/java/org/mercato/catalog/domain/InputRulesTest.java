package org.mercato.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

/** What the domain refuses whatever reached it: nulls, names that show as nothing, echoes of raw input. */
class InputRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Money PRICE = new Money(500, "EUR");

    private static ProductDraft draft(String name, Map<String, String> attributes,
            List<ProductDraft.VariantDraft> variants) {
        return new ProductDraft(name, null, null, null, null, ProductStatus.DRAFT, attributes,
                variants.isEmpty() ? PRICE : null, variants);
    }

    private static Product create(ProductDraft draft) {
        return Product.create(draft, null, () -> "GEN-1", NOW);
    }

    @Test
    void nullAttributeValuesAndNullVariantsAreInvalidProductsNotNullPointers() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("color", null);
        InvalidProductException attribute = assertThrows(InvalidProductException.class,
                () -> draft("Brk", nullValue, List.of()));
        assertTrue(attribute.getMessage().contains("color"), attribute.getMessage());

        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "x");
        assertThrows(InvalidProductException.class, () -> draft("Brk", nullName, List.of()));

        List<ProductDraft.VariantDraft> nullVariant = new ArrayList<>();
        nullVariant.add(null);
        assertThrows(InvalidProductException.class, () -> draft("Brk", Map.of(), nullVariant));

        Map<String, String> nullSize = new HashMap<>();
        nullSize.put("size", null);
        InvalidProductException variant = assertThrows(InvalidProductException.class,
                () -> new ProductDraft.VariantDraft("BRK-1", nullSize, PRICE));
        assertTrue(variant.getMessage().contains("size"), variant.getMessage());
    }

    @Test
    void attributesKeepTheirOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            ordered.put("a" + i, "v" + i);
        }
        assertEquals(List.copyOf(ordered.keySet()), List.copyOf(create(draft("Ordered", ordered, List.of()))
                .attributes().keySet()));
    }

    @Test
    void namesOfOnlySpacesOrInvisibleCharactersAreBlank() {
        for (String blank : List.of("", "   ", "\u200b", "\u00a0", "\u3000", "\u2060\ufeff", " \u202e\u200d ")) {
            assertTrue(Names.isBlank(blank), blank.codePoints().mapToObj(Integer::toHexString).toList()
                    .toString());
            assertThrows(InvalidProductException.class, () -> create(draft(blank, Map.of(), List.of())));
            assertThrows(InvalidProductException.class, () -> new Category(blank, "slug", null, 0));
            assertThrows(InvalidProductException.class, () -> create(draft("Named", Map.of(blank, "x"), List.of())));
            assertThrows(InvalidProductException.class, () -> create(draft("Named", Map.of("colour", blank),
                    List.of())));
            assertThrows(InvalidProductException.class, () -> create(draft("Named", Map.of(), List.of(
                    new ProductDraft.VariantDraft("V-1", Map.of(blank, "M"), PRICE)))));
        }
        assertFalse(Names.isBlank("\u200bMug"));
        assertNull(create(new ProductDraft("Mug", null, null, "\u200b", null, null, Map.of(), PRICE, List.of()))
                .brand(), "a brand that shows as nothing is no brand");
    }

    @Test
    void refusalsDoNotEchoMarkupOrBidiControls() {
        String markup = "<img src=x onerror=alert(1)>";
        InvalidProductException e = assertThrows(InvalidProductException.class,
                () -> create(draft("Named", Map.of(markup, " "), List.of())));
        assertFalse(e.getMessage().contains("<"), e.getMessage());
        InvalidProductException bidi = assertThrows(InvalidProductException.class,
                () -> create(draft("Named", Map.of("a\u202egpj.exe", "\u200b"), List.of())));
        assertFalse(bidi.getMessage().contains("\u202e"), bidi.getMessage());
        assertTrue(Names.shown("x".repeat(500)).length() <= 63);

        String sku = "<script>";
        InvalidProductException twice = assertThrows(InvalidProductException.class, () -> create(draft("Twice",
                Map.of(), List.of(new ProductDraft.VariantDraft(sku, Map.of(), PRICE),
                        new ProductDraft.VariantDraft(sku, Map.of(), PRICE)))));
        assertFalse(twice.getMessage().contains("<"), twice.getMessage());
        assertFalse(new ProductNotFoundException("<b>x</b>").getMessage().contains("<"));
        assertTrue(new ProductNotFoundException("studio-headphones").getMessage().contains("studio-headphones"));
    }

    @Test
    void descriptionsHaveTheColumnsLength() {
        assertThrows(InvalidProductException.class, () -> create(new ProductDraft("Long", null, "d".repeat(10_001),
                null, null, null, Map.of(), PRICE, List.of())));
    }
}
