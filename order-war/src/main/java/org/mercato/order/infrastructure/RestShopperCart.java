package org.mercato.order.infrastructure;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.mercato.order.application.DependencyUnavailableException;
import org.mercato.order.application.OrderException;
import org.mercato.order.application.ShopperCart;
import org.mercato.platform.resilience.Fallbacks;

/**
 * Reads what is in the cart (its saved lines, no live prices: the order prices them itself) with the shopper's own
 * token, so cart-war checks it is theirs; a read may be retried once.
 */
@ApplicationScoped
public class RestShopperCart implements ShopperCart {

    @Inject
    ServiceClients clients;

    private Clients.Cart client;

    @PostConstruct
    void open() {
        client = clients.client(Clients.Cart.class, "cart", 1500);
    }

    @Override
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = OrderException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, skipOn = OrderException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = OrderException.class)
    public Contents items(String cartId, String authorization) {
        JsonObject cart;
        try {
            cart = client.cart(cartId, authorization);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 403 || status == 401) {
                throw new OrderException(404, "cart-not-found", "no cart " + cartId + " of yours");
            }
            throw e;
        }
        List<Item> items = new ArrayList<>();
        for (JsonValue value : cart.getJsonArray("lines")) {
            JsonObject line = value.asJsonObject();
            items.add(new Item(line.getString("sku"), line.getInt("quantity")));
        }
        return new Contents(cart.getJsonNumber("version").longValue(), items);
    }

    Contents unavailable(String cartId, String authorization) {
        Fallbacks.clearTimeoutInterrupt();
        throw new DependencyUnavailableException("cart", "the cart service did not answer", null);
    }
}
