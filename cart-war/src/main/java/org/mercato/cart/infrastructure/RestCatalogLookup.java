package org.mercato.cart.infrastructure;

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
import org.mercato.cart.application.CatalogLookup;
import org.mercato.cart.application.DependencyUnavailableException;
import org.mercato.platform.money.Money;
import org.mercato.platform.resilience.Fallbacks;

/**
 * Asks the catalog for SKUs with a timeout of 1.5 s, one retry (a read is safe to repeat) and a circuit breaker
 * (open for 5 s once 75 % of the last 10 calls failed), so a slow catalog costs a cart
 * request at most about 3 s and then nothing while the breaker is open. The budget leaves room for a busy
 * instance's pause (a grid migration, a collection) without failing shoppers' adds; a breaker over 10 calls, not
 * 4, does not open on one such pause.
 */
@ApplicationScoped
public class RestCatalogLookup implements CatalogLookup {

    @Inject
    ServiceClients clients;

    private CatalogClient client;

    @PostConstruct
    void open() {
        client = clients.client(CatalogClient.class);
    }

    @Override
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000)
    @Fallback(fallbackMethod = "unavailable")
    public Map<String, SkuInfo> lookup(Collection<String> skus) {
        Map<String, SkuInfo> found = new LinkedHashMap<>();
        for (JsonValue value : client.skus(List.copyOf(skus)).getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            JsonObject price = item.getJsonObject("price");
            found.put(item.getString("sku"), new SkuInfo(item.getString("sku"), item.getString("name"),
                    new Money(price.getJsonNumber("amount").longValue(), price.getString("currency")),
                    item.getBoolean("sellable")));
        }
        return found;
    }

    Map<String, SkuInfo> unavailable(Collection<String> skus) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("the catalog did not answer in time", null);
    }
}
