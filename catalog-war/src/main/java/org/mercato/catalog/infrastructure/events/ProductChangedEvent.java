package org.mercato.catalog.infrastructure.events;

import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.Variant;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.ProductChanged;

/**
 * {@code ProductChanged} on {@code mercato.catalog} (docs/events.md): the product's state after a committed change,
 * whole, so a consumer needs no call back to the catalog. Consumers keep the highest {@code version} they saw.
 */
public final class ProductChangedEvent {

    private ProductChangedEvent() {
    }

    /**
     * The event's body: the contract's record of the product as it is now.
     *
     * @param origin {@link ProductChanged#DEMO} for a generated demo product, else null
     */
    public static ProductChanged of(Product product, String origin) {
        return new ProductChanged(product.id().toString(), product.version(), product.slug(), product.name(),
                product.status().name(), product.brand(), product.category() == null
                        ? null
                        : product.category()
                                .slug(),
                origin, product.updatedAt(), product.variants().stream().map(
                        ProductChangedEvent::variant).toList());
    }

    private static ProductChanged.Variant variant(Variant variant) {
        return new ProductChanged.Variant(variant.sku(), new MonetaryAmount(variant.price().amount(), variant.price()
                .currency()), variant.attributes());
    }
}
