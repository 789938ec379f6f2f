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
import org.mercato.cart.application.DependencyUnavailableException;
import org.mercato.cart.application.StockLookup;
import org.mercato.platform.resilience.Fallbacks;

/** Asks inventory for availability: 1.5 s timeout, one retry, circuit breaker over 10 calls; the cart shows no availability if it fails. */
@ApplicationScoped
public class RestStockLookup implements StockLookup {

    @Inject
    ServiceClients clients;

    private InventoryClient client;

    @PostConstruct
    void open() {
        client = clients.client(InventoryClient.class);
    }

    @Override
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000)
    @Fallback(fallbackMethod = "unavailable")
    public Map<String, Long> available(Collection<String> skus) {
        Map<String, Long> available = new LinkedHashMap<>();
        for (JsonValue value : client.availability(List.copyOf(skus)).getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            available.put(item.getString("sku"), item.getJsonNumber("available").longValue());
        }
        return available;
    }

    Map<String, Long> unavailable(Collection<String> skus) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("inventory did not answer in time", null);
    }
}
