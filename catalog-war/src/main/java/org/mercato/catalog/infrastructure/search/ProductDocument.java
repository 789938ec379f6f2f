package org.mercato.catalog.infrastructure.search;

import java.time.Instant;
import java.util.List;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.Variant;

/**
 * A product as the search index sees it: only what shoppers search, filter, facet and sort on, and what a result
 * list shows. Built from the product aggregate when a change commits.
 */
@SearchEntity(name = "Product")
@Indexed(index = "products")
public class ProductDocument {

    @DocumentId
    String id;

    @KeywordField(projectable = Projectable.YES)
    String slug;

    @FullTextField(analyzer = CatalogAnalysis.TEXT, projectable = Projectable.YES)
    @FullTextField(name = "name_autocomplete", analyzer = CatalogAnalysis.AUTOCOMPLETE, searchAnalyzer = CatalogAnalysis.AUTOCOMPLETE_QUERY)
    String name;

    @FullTextField(analyzer = CatalogAnalysis.TEXT)
    String description;

    @KeywordField(normalizer = CatalogAnalysis.KEYWORD, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @FullTextField(name = "brand_text", analyzer = CatalogAnalysis.TEXT)
    String brand;

    /** The leaf category's slug, for facets and the result list. */
    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    String category;

    /** The leaf and its ancestors, so filtering by "electronics" finds headphones too. */
    @KeywordField
    List<String> categoryPath;

    /** Attributes as "name:value", for filters such as colour:black. */
    @KeywordField(normalizer = CatalogAnalysis.KEYWORD, aggregable = Aggregable.YES)
    List<String> attributes;

    @FullTextField(analyzer = CatalogAnalysis.TEXT)
    String attributeText;

    /** The lowest variant price in minor units: what "from 19.99" shows and price filters use. */
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES, aggregable = Aggregable.YES)
    long price;

    @KeywordField(projectable = Projectable.YES)
    String currency;

    /** DRAFT, ACTIVE or ARCHIVED: shoppers' queries keep ACTIVE ones, staff lists show it. */
    @KeywordField(projectable = Projectable.YES)
    String status;

    @GenericField(sortable = Sortable.YES)
    Instant createdAt;

    /** Some variant can be bought now (inventory's word). */
    @GenericField(projectable = Projectable.YES)
    boolean inStock;

    public ProductDocument() {
    }

    public String id() {
        return id;
    }

    public static ProductDocument of(Product product) {
        ProductDocument document = new ProductDocument();
        document.id = product.id().toString();
        document.slug = product.slug();
        document.name = product.name();
        document.description = product.description();
        document.brand = product.brand();
        document.status = product.status().name();
        document.createdAt = product.createdAt();
        document.inStock = product.inStock();
        if (product.category() != null) {
            document.category = product.category().slug();
            List<String> path = new java.util.ArrayList<>();
            for (var c = product.category(); c != null; c = c.parent()) {
                path.add(c.slug());
            }
            document.categoryPath = path;
        } else {
            document.categoryPath = List.of();
        }
        List<String> attributeValues = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        product.attributes().forEach((name, value) -> {
            attributeValues.add(name + ":" + value);
            text.append(value).append(' ');
        });
        for (Variant variant : product.variants()) {
            variant.attributes().forEach((name, value) -> {
                attributeValues.add(name + ":" + value);
                text.append(value).append(' ');
            });
        }
        document.attributes = attributeValues.stream().distinct().toList();
        document.attributeText = text.toString().trim();
        Variant cheapest = product.variants().stream()
                .min(java.util.Comparator.comparingLong(v -> v.price().amount())).orElseThrow();
        document.price = cheapest.price().amount();
        document.currency = cheapest.price().currency();
        return document;
    }
}
