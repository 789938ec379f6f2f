package org.mercato.cart.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shopper's cart: a guest's (known by its id only) or a customer's (tied to the account). Quantities stay
 * within {@link #MAX_QUANTITY} per line and {@link #MAX_LINES} lines; merging a guest cart into a customer's
 * adds quantities and keeps those limits. An immutable value: each change returns the new cart.
 *
 * <p>The cart also remembers the last {@link #MAX_APPLIED_REQUESTS} changes made with an Idempotency-Key (the key and
 * what was asked), stored with the change itself, so a change repeated with its key (a client's retry, or the
 * gateway passing it to another instance) is applied once.
 */
public record Cart(String id, String customer, List<CartLine> lines, Instant updatedAt, long version,
        List<AppliedRequest> appliedRequests) {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 50;
    /** Keyed changes remembered per cart: a retry comes within seconds, long before 32 more changes. */
    public static final int MAX_APPLIED_REQUESTS = 32;
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

    /**
     * A change applied with an Idempotency-Key.
     *
     * @param key the client's Idempotency-Key
     * @param request what was asked (method, SKU, quantity), to tell a retry from another request reusing the key
     */
    public record AppliedRequest(String key, String request) {
    }

    public Cart {
        lines = List.copyOf(lines);
        appliedRequests = List.copyOf(appliedRequests);
    }

    /** A cart that remembers no keyed change. */
    public Cart(String id, String customer, List<CartLine> lines, Instant updatedAt, long version) {
        this(id, customer, lines, updatedAt, version, List.of());
    }

    /** The change made with this Idempotency-Key, if the cart still remembers it. */
    public Optional<AppliedRequest> applied(String key) {
        return appliedRequests.stream().filter(applied -> applied.key().equals(key)).findFirst();
    }

    /** This cart, remembering that the change {@code request} was made with {@code key} (the oldest key goes). */
    public Cart remember(String key, String request) {
        List<AppliedRequest> remembered = new ArrayList<>(appliedRequests);
        remembered.add(new AppliedRequest(key, request));
        if (remembered.size() > MAX_APPLIED_REQUESTS) {
            remembered = remembered.subList(remembered.size() - MAX_APPLIED_REQUESTS, remembered.size());
        }
        return new Cart(id, customer, lines, updatedAt, version, remembered);
    }

    public static Cart newGuestCart(String id, Instant now) {
        return new Cart(id, null, List.of(), now, 0);
    }

    public static Cart newCustomerCart(String id, String customer, Instant now) {
        return new Cart(id, customer, List.of(), now, 0);
    }

    public boolean isGuestCart() {
        return customer == null;
    }

    public static String requireSku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw CartException.invalid("SKU must be 1 to 64 upper-case letters, digits, dots, hyphens or underscores");
        }
        return sku;
    }

    private static int requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw CartException.invalid("quantity must be between 1 and " + MAX_QUANTITY);
        }
        return quantity;
    }

    /** Adds units of a SKU (to the line if it is there already). */
    public Cart add(CartLine line, Instant now) {
        requireSku(line.sku());
        requireQuantity(line.quantity());
        Map<String, CartLine> bySku = bySku();
        CartLine existing = bySku.get(line.sku());
        if (existing == null && bySku.size() >= MAX_LINES) {
            throw CartException.invalid("a cart holds at most " + MAX_LINES + " different items");
        }
        int quantity = existing == null ? line.quantity() : existing.quantity() + line.quantity();
        if (quantity > MAX_QUANTITY) {
            throw CartException.invalid("at most " + MAX_QUANTITY + " of " + line.sku() + " per cart");
        }
        bySku.put(line.sku(), line.withQuantity(quantity));
        return changed(bySku, now);
    }

    /** Sets a line's quantity. */
    public Cart setQuantity(String sku, int quantity, Instant now) {
        requireQuantity(quantity);
        Map<String, CartLine> bySku = bySku();
        CartLine existing = bySku.get(requireSku(sku));
        if (existing == null) {
            throw CartException.notFound("the cart has no " + sku);
        }
        bySku.put(sku, existing.withQuantity(quantity));
        return changed(bySku, now);
    }

    public Cart remove(String sku, Instant now) {
        Map<String, CartLine> bySku = bySku();
        if (bySku.remove(requireSku(sku)) == null) {
            throw CartException.notFound("the cart has no " + sku);
        }
        return changed(bySku, now);
    }

    /**
     * The guest's lines join this customer's cart: quantities add up to the per-line limit, and lines beyond the
     * line limit are left out (the customer's own lines come first).
     */
    public Cart merge(Cart guest, Instant now) {
        Map<String, CartLine> bySku = bySku();
        for (CartLine line : guest.lines()) {
            CartLine existing = bySku.get(line.sku());
            if (existing != null) {
                bySku.put(line.sku(), existing.withQuantity(Math.min(MAX_QUANTITY,
                        existing.quantity() + line.quantity())));
            } else if (bySku.size() < MAX_LINES) {
                bySku.put(line.sku(), line.withQuantity(Math.min(MAX_QUANTITY, line.quantity())));
            }
        }
        return changed(bySku, now);
    }

    public Cart cleared(Instant now) {
        return changed(new LinkedHashMap<>(), now);
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    private Map<String, CartLine> bySku() {
        Map<String, CartLine> bySku = new LinkedHashMap<>();
        lines.forEach(line -> bySku.put(line.sku(), line));
        return bySku;
    }

    private Cart changed(Map<String, CartLine> bySku, Instant now) {
        return new Cart(id, customer, Collections.unmodifiableList(new ArrayList<>(bySku.values())), now,
                version + 1, appliedRequests);
    }
}
