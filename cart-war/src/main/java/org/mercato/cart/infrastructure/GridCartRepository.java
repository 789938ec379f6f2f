package org.mercato.cart.infrastructure;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartException;
import org.mercato.cart.domain.CartLine;
import org.mercato.cart.domain.CartRepository;
import org.mercato.platform.money.Money;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * Carts in the data grid: an IMap of JSON documents (no application classes in the grid, so any member can hold
 * any cart) with one backup copy on another member and an idle expiry, plus a map from customer to cart id.
 * Changes are compare-and-set on the stored document: two requests changing one cart at once both count.
 */
@ApplicationScoped
public class GridCartRepository implements CartRepository {

    static final String CARTS = "mercato-carts";
    static final String OWNERS = "mercato-cart-owners";
    /** A cart nobody touched for this long is gone (a customer's cart id goes with it). */
    static final int MAX_IDLE_SECONDS = 30 * 24 * 3600;
    private static final int MAX_ATTEMPTS = 20;

    @Inject
    HazelcastInstance grid;

    private IMap<String, String> carts;
    private IMap<String, String> owners;

    protected GridCartRepository() {
        // for CDI
    }

    public GridCartRepository(HazelcastInstance grid) {
        this.grid = grid;
        open();
    }

    @PostConstruct
    void open() {
        configure(grid);
        carts = grid.getMap(CARTS);
        owners = grid.getMap(OWNERS);
    }

    /** Backup count and expiry, set before first use on every member (a second member's call changes nothing). */
    static void configure(HazelcastInstance grid) {
        for (String name : List.of(CARTS, OWNERS)) {
            try {
                grid.getConfig().addMapConfig(new MapConfig(name).setBackupCount(1)
                        .setMaxIdleSeconds(MAX_IDLE_SECONDS));
            } catch (RuntimeException sameConfigElsewhere) {
                // configured already by another member or an earlier deployment
            }
        }
    }

    @Override
    public Optional<Cart> find(String cartId) {
        return Optional.ofNullable(carts.get(cartId)).map(GridCartRepository::fromJson);
    }

    @Override
    public void create(Cart cart) {
        if (carts.putIfAbsent(cart.id(), toJson(cart)) != null) {
            throw new CartException(409, "cart " + cart.id() + " exists");
        }
    }

    @Override
    public Cart update(String cartId, UnaryOperator<Cart> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String current = carts.get(cartId);
            if (current == null) {
                throw CartException.notFound("no cart " + cartId);
            }
            Cart changed = change.apply(fromJson(current));
            if (carts.replace(cartId, current, toJson(changed))) {
                return changed;
            }
        }
        throw new CartException(409, "cart " + cartId + " is being changed by many requests at once; try again");
    }

    @Override
    public void delete(String cartId) {
        String json = carts.remove(cartId);
        if (json != null) {
            Cart cart = fromJson(json);
            if (!cart.isGuestCart()) {
                owners.remove(cart.customer(), cartId);
            }
        }
    }

    @Override
    public Optional<Cart> takeGuestCart(String cartId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String current = carts.get(cartId);
            if (current == null) {
                return Optional.empty();
            }
            Cart cart = fromJson(current);
            if (!cart.isGuestCart()) {
                return Optional.empty();
            }
            // remove(key, value) is a compare-and-delete: of all the requests that read this document, one wins
            if (carts.remove(cartId, current)) {
                return Optional.of(cart);
            }
        }
        throw new CartException(409, "cart " + cartId + " is being changed by many requests at once; try again");
    }

    @Override
    public void restore(Cart cart) {
        carts.putIfAbsent(cart.id(), toJson(cart));
    }

    @Override
    public Optional<String> customerCartId(String customer) {
        return Optional.ofNullable(owners.get(customer));
    }

    @Override
    public String claimCustomerCart(String customer, String cartId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String existing = owners.putIfAbsent(customer, cartId);
            if (existing == null || existing.equals(cartId)) {
                return cartId;
            }
            if (carts.containsKey(existing)) {
                return existing;
            }
            // the customer's earlier cart expired: this one takes its place, unless a concurrent request's new
            // cart just did (then that one is the customer's, and this one must not be used)
            if (owners.replace(customer, existing, cartId)) {
                return cartId;
            }
        }
        throw new CartException(409, "the cart of " + customer + " is being made by many requests at once; try"
                + " again");
    }

    static String toJson(Cart cart) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (CartLine line : cart.lines()) {
            lines.add(Json.createObjectBuilder().add("sku", line.sku()).add("quantity", line.quantity())
                    .add("name", line.name()).add("amount", line.unitPrice().amount())
                    .add("currency", line.unitPrice().currency()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", cart.id()).add("lines", lines)
                .add("updatedAt", cart.updatedAt().toString()).add("version", cart.version());
        if (!cart.appliedRequests().isEmpty()) {
            JsonArrayBuilder applied = Json.createArrayBuilder();
            cart.appliedRequests().forEach(request -> applied.add(Json.createObjectBuilder()
                    .add("key", request.key()).add("request", request.request())));
            json.add("appliedRequests", applied);
        }
        if (cart.customer() != null) {
            json.add("customer", cart.customer());
        }
        return json.build().toString();
    }

    static Cart fromJson(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        List<CartLine> lines = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("lines")) {
            JsonObject line = value.asJsonObject();
            lines.add(new CartLine(line.getString("sku"), line.getInt("quantity"), line.getString("name"),
                    new Money(line.getJsonNumber("amount").longValue(), line.getString("currency"))));
        }
        List<Cart.AppliedRequest> applied = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("appliedRequests") == null
                ? List.<JsonValue>of()
                : json.getJsonArray("appliedRequests")) {
            JsonObject request = value.asJsonObject();
            applied.add(new Cart.AppliedRequest(request.getString("key"), request.getString("request")));
        }
        return new Cart(json.getString("id"), json.getString("customer", null), lines,
                Instant.parse(json.getString("updatedAt")), json.getJsonNumber("version").longValue(), applied);
    }
}
