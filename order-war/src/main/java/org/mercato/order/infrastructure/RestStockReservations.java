package org.mercato.order.infrastructure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.mercato.order.application.DependencyUnavailableException;
import org.mercato.order.application.StockReservations;
import org.mercato.platform.resilience.Fallbacks;

/**
 * Holds and releases an order's stock at inventory, in the order service's own name. Both calls are idempotent by
 * order id (the same reservation again is answered with the first), so a lost answer may be retried.
 */
@ApplicationScoped
public class RestStockReservations implements StockReservations {

    @Inject
    ServiceClients clients;

    @Inject
    ServiceToken token;

    private Clients.Inventory client;

    @PostConstruct
    void open() {
        client = clients.client(Clients.Inventory.class, "inventory", 1500);
    }

    @Override
    @Timeout(1800)
    @Retry(maxRetries = 1, delay = 50, abortOn = DependencyUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000)
    @Fallback(fallbackMethod = "reserveUnavailable")
    public Outcome reserve(UUID orderId, List<Line> lines, Duration hold) {
        JsonArrayBuilder json = Json.createArrayBuilder();
        lines.forEach(line -> json.add(Json.createObjectBuilder().add("sku", line.sku()).add("quantity", line
                .quantity())));
        try {
            client.reserve(Json.createObjectBuilder().add("orderId", orderId.toString()).add("lines", json)
                    .add("holdSeconds", hold.toSeconds()).build(), token.bearer());
            return new Outcome(null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                JsonObject problem = e.getResponse().readEntity(JsonObject.class);
                return new Outcome(problem.getString("detail", "not enough stock"));
            }
            if (e.getResponse().getStatus() == 401) {
                token.forget();
            }
            throw e;
        }
    }

    Outcome reserveUnavailable(UUID orderId, List<Line> lines, Duration hold) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("inventory", "inventory did not answer", null);
    }

    @Override
    @Timeout(1500)
    @Retry(maxRetries = 2, delay = 100)
    public void release(UUID orderId) {
        try {
            client.release(orderId.toString(), token.bearer());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
            // never reserved (the reservation call itself was lost): nothing to give back
        }
    }
}
