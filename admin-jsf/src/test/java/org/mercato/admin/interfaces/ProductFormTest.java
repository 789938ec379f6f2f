package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ProductFormTest {

    @Test
    void twoVariantsGoToTheCatalogInMinorUnitsWithTheirAttributes() {
        ProductForm form = new ProductForm();
        form.setName("  Trail shoe ");
        form.setBrand("Pico");
        form.getVariants().get(0).setSku("shoe-41");
        form.getVariants().get(0).setAttributes("size=41, colour=black");
        form.getVariants().get(0).setPrice(new BigDecimal("89.90"));
        form.addVariant();
        form.getVariants().get(1).setAttributes("size=42; colour=black");
        form.getVariants().get(1).setPrice(new BigDecimal("89.9"));
        form.addAttribute();
        form.getAttributes().get(0).setName("material");
        form.getAttributes().get(0).setValue("mesh");

        JsonObject json = form.toJson();

        assertEquals("Trail shoe", json.getString("name"));
        assertEquals("ACTIVE", json.getString("status"));
        assertEquals("mesh", json.getJsonObject("attributes").getString("material"));
        JsonObject first = json.getJsonArray("variants").getJsonObject(0);
        assertEquals("SHOE-41", first.getString("sku"));
        assertEquals(8990, first.getJsonObject("price").getInt("amount"));
        assertEquals("EUR", first.getJsonObject("price").getString("currency"));
        assertEquals("41", first.getJsonObject("attributes").getString("size"));
        JsonObject second = json.getJsonArray("variants").getJsonObject(1);
        assertFalse(second.containsKey("sku"), "an empty SKU is left to the catalog to generate");
        assertEquals(8990, second.getJsonObject("price").getInt("amount"));
        assertFalse(json.containsKey("version"), "a new product has no version");
    }

    @Test
    void aPriceWithMoreDecimalsThanTheCurrencyOrNoPriceIsRefused() {
        ProductForm form = new ProductForm();
        form.setName("Cable");
        form.getVariants().get(0).setPrice(new BigDecimal("1.999"));
        assertTrue(assertThrows(IllegalArgumentException.class, form::toJson).getMessage().contains("decimals"));
        form.getVariants().get(0).setPrice(null);
        assertTrue(assertThrows(IllegalArgumentException.class, form::toJson).getMessage().contains("price"));
    }

    @Test
    void attributesWithoutAnEqualsSignAreRefused() {
        assertEquals(Map.of("size", "M"), ProductForm.parseAttributes(" size = M ,", 1));
        assertThrows(IllegalArgumentException.class, () -> ProductForm.parseAttributes("black", 2));
        assertThrows(IllegalArgumentException.class, () -> ProductForm.parseAttributes("colour=", 2));
    }

    @Test
    void anExistingProductIsEditedWithItsVersion() {
        JsonObject product = Json.createReader(new StringReader("""
                {"id":"p1","slug":"mug","name":"<img src=x onerror=alert(1)>","status":"DRAFT","version":3,
                 "description":null,"brand":null,"category":{"id":"c1","slug":"kitchen","name":"Kitchen"},
                 "attributes":{"material":"stoneware"},
                 "variants":[{"sku":"MUG-1","attributes":{"colour":"blue"},"price":{"amount":1250,"currency":"EUR"}}],
                 "images":[]}""")).readObject();

        ProductForm form = ProductForm.of(product);

        assertEquals("<img src=x onerror=alert(1)>", form.getName());
        assertEquals("c1", form.getCategoryId());
        assertEquals("colour=blue", form.getVariants().get(0).getAttributes());
        assertEquals(new BigDecimal("12.50"), form.getVariants().get(0).getPrice());
        JsonObject json = form.toJson();
        assertEquals(3, json.getInt("version"));
        assertEquals("DRAFT", json.getString("status"));
        assertEquals("c1", json.getString("categoryId"));
    }
}
