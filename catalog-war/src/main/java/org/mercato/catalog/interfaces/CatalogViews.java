package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.mercato.platform.money.MoneyJson;
import org.mercato.catalog.domain.Category;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductImage;
import org.mercato.catalog.domain.Variant;
import org.mercato.catalog.infrastructure.cache.ShopperReadCache;
import org.mercato.platform.money.Money;

/** Assembles the catalog's JSON. */
final class CatalogViews {

    private CatalogViews() {
    }

    /** A cached read as a response: 304 when the client holds the same ETag, else the JSON with its ETag. */
    static Response conditional(Request request, ShopperReadCache.Entry view, CacheControl cache) {
        EntityTag tag = new EntityTag(view.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(view.json()).tag(tag).cacheControl(cache).build();
    }

    static JsonObject product(Product product) {
        JsonArrayBuilder variants = Json.createArrayBuilder();
        for (Variant variant : product.variants()) {
            variants.add(Json.createObjectBuilder()
                    .add("sku", variant.sku())
                    .add("attributes", attributes(variant.attributes()))
                    .add("price", MoneyJson.of(variant.price()))
                    .add("inStock", variant.inStock()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", product.id().toString())
                .add("slug", product.slug())
                .add("name", product.name())
                .add("status", product.status().name())
                .add("attributes", attributes(product.attributes()))
                .add("price", MoneyJson.of(lowestPrice(product)))
                .add("variants", variants)
                .add("images", images(product))
                .add("createdAt", product.createdAt().toString())
                .add("updatedAt", product.updatedAt().toString())
                .add("version", product.version());
        optional(json, "description", product.description());
        optional(json, "brand", product.brand());
        if (product.category() != null) {
            json.add("category", Json.createObjectBuilder().add("id", product.category().id().toString())
                    .add("slug", product.category().slug()).add("name", product.category().name()));
        } else {
            json.addNull("category");
        }
        return json.build();
    }

    static JsonArrayBuilder images(Product product) {
        JsonArrayBuilder images = Json.createArrayBuilder();
        product.images().forEach(image -> images.add(image(image)));
        return images;
    }

    /**
     * An image's URL is stable and its bytes never change, so it can be cached for good. {@code width} and
     * {@code height} are the original's, in pixels; {@code srcset} offers each served width up to the original's.
     */
    static JsonObject image(ProductImage image) {
        String url = "/catalog/api/images/" + image.id();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", image.id().toString())
                .add("url", url)
                .add("contentType", image.format().mediaType())
                .add("size", image.size());
        if (image.width() == null) {
            json.addNull("width").addNull("height").add("srcset", url);
        } else {
            json.add("width", image.width()).add("height", image.height()).add("srcset", srcset(image, url));
        }
        optional(json, "sku", image.sku());
        optional(json, "alt", image.alt());
        return json.build();
    }

    /** "url?w=160 160w, url?w=320 320w, url 1200w": the resized copies narrower than the original, then it. */
    static String srcset(ProductImage image, String url) {
        StringBuilder srcset = new StringBuilder();
        for (int width : image.srcsetWidths()) {
            if (!srcset.isEmpty()) {
                srcset.append(", ");
            }
            srcset.append(width == image.width() ? url : url + "?w=" + width).append(' ').append(width).append('w');
        }
        return srcset.toString();
    }

    /** What a shopper pays at least: the cheapest variant ("from 19.99 EUR"). */
    static Money lowestPrice(Product product) {
        return product.variants().stream().map(Variant::price).min(Comparator.comparingLong(Money::amount))
                .orElseThrow();
    }

    /** The category tree: roots in order, each with its children. */
    static List<JsonObject> categoryTree(List<Category> categories) {
        Map<UUID, List<Category>> children = new LinkedHashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category category : categories) {
            if (category.parent() == null) {
                roots.add(category);
            } else {
                children.computeIfAbsent(category.parent().id(), id -> new ArrayList<>()).add(category);
            }
        }
        return roots.stream().map(root -> categoryNode(root, children)).toList();
    }

    private static JsonObject categoryNode(Category category, Map<UUID, List<Category>> children) {
        JsonArrayBuilder kids = Json.createArrayBuilder();
        children.getOrDefault(category.id(), List.of()).forEach(child -> kids.add(categoryNode(child, children)));
        return Json.createObjectBuilder()
                .add("id", category.id().toString())
                .add("slug", category.slug())
                .add("name", category.name())
                .add("children", kids)
                .build();
    }

    static JsonObject category(Category category) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", category.id().toString())
                .add("slug", category.slug())
                .add("name", category.name())
                .add("position", category.position());
        if (category.parent() != null) {
            json.add("parentId", category.parent().id().toString());
        } else {
            json.addNull("parentId");
        }
        return json.build();
    }

    private static JsonObject attributes(Map<String, String> attributes) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        attributes.forEach(json::add);
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
