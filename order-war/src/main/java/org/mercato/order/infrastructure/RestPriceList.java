package org.mercato.order.infrastructure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.mercato.order.application.DependencyUnavailableException;
import org.mercato.order.application.PriceList;
import org.mercato.platform.money.Money;
import org.mercato.platform.resilience.Fallbacks;

/** Today's prices from the catalog's SKU lookup (one request for all lines); a read may be retried once. */
@ApplicationScoped
public class RestPriceList implements PriceList {

    @Inject
    ServiceClients clients;

    private Clients.Catalog client;

    @PostConstruct
    void open() {
        client = clients.client(Clients.Catalog.class, "catalog", 1500);
    }

    @Override
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000)
    @Fallback(fallbackMethod = "unavailable")
    public Map<String, PricedSku> prices(Collection<String> skus) {
        Map<String, PricedSku> found = new LinkedHashMap<>();
        for (JsonValue value : client.skus(List.copyOf(skus)).getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            JsonObject price = item.getJsonObject("price");
            found.put(item.getString("sku"), new PricedSku(item.getString("sku"), item.getString("name"),
                    new Money(price.getJsonNumber("amount").longValue(), price.getString("currency")),
                    item.getBoolean("sellable")));
        }
        return found;
    }

    Map<String, PricedSku> unavailable(Collection<String> skus) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("catalog", "the catalog did not answer", null);
    }
}
