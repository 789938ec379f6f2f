package org.mercato.cart.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartException;
import org.mercato.cart.domain.CartLine;
import org.mercato.cart.domain.CartRepository;
import org.mercato.platform.money.Money;

/**
 * Cart use cases. Adding needs the catalog (an unknown or unsellable SKU is refused, and its price is what the
 * shopper sees); reading never does: without the catalog or inventory the cart shows its own copy, marked stale.
 */
@ApplicationScoped
public class CartService {

    private static final Logger LOG = Logger.getLogger(CartService.class.getName());

    /** Who is asking: a customer's id, or nobody (a guest), and whether they are staff. */
    public record Caller(String customer, boolean staff) {
        public static final Caller GUEST = new Caller(null, false);
    }

    @Inject
    CartRepository carts;

    @Inject
    CatalogLookup catalog;

    @Inject
    StockLookup stock;

    @Inject
    Clock clock;

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    protected CartService() {
        // for CDI
    }

    public CartService(CartRepository carts, CatalogLookup catalog, StockLookup stock, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    public Cart createGuestCart() {
        Cart cart = Cart.newGuestCart(UUID.randomUUID().toString(), clock.instant());
        carts.create(cart);
        metrics.count("mercato.carts.created", "Carts made, a guest's or a customer's", "kind", "guest");
        return cart;
    }

    /** The customer's own cart, made on first use. */
    public Cart customerCart(Caller caller) {
        String customer = requireCustomer(caller);
        Optional<String> id = carts.customerCartId(customer);
        if (id.isPresent()) {
            Optional<Cart> cart = carts.find(id.get());
            if (cart.isPresent()) {
                return cart.get();
            }
        }
        Cart fresh = Cart.newCustomerCart(UUID.randomUUID().toString(), customer, clock.instant());
        carts.create(fresh);
        String winner = carts.claimCustomerCart(customer, fresh.id());
        if (!winner.equals(fresh.id())) {
            carts.delete(fresh.id());
            return carts.find(winner).orElseThrow();
        }
        metrics.count("mercato.carts.created", "Carts made, a guest's or a customer's", "kind", "customer");
        return fresh;
    }

    public Cart cart(String cartId, Caller caller) {
        Cart cart = carts.find(requireId(cartId)).orElseThrow(() -> CartException.notFound("no cart " + cartId));
        if (!cart.isGuestCart() && !caller.staff() && !cart.customer().equals(caller.customer())) {
            // someone else's cart: as if it did not exist
            throw CartException.notFound("no cart " + cartId);
        }
        return cart;
    }

    /** Longest Idempotency-Key taken (the platform's rule, docs/api.md). */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    /**
     * What a change answered, and whether it was a repeat of a change made with the same Idempotency-Key (then
     * nothing was changed again, and the value is the cart as it is now).
     */
    public record Outcome<T>(T value, boolean replayed) {
    }

    /**
     * Adds units of a SKU and returns the cart as the shopper sees it; one catalog call prices the new SKU and
     * the lines already there.
     *
     * @param idempotencyKey null, or the client's key: a repeat with the same key and request adds nothing again,
     *        the same key with another request is refused (422), as in Stripe's contract
     */
    public Outcome<CartView> addItem(String cartId, Caller caller, String sku, int quantity, String idempotencyKey) {
        Cart current = cart(cartId, caller);
        Cart.requireSku(sku);
        String request = "add " + sku + " " + quantity;
        if (isRepeat(current, idempotencyKey, request)) {
            return new Outcome<>(view(current), true);
        }
        List<String> skus = new ArrayList<>(current.lines().stream().map(CartLine::sku).toList());
        if (!skus.contains(sku)) {
            skus.add(sku);
        }
        Map<String, CatalogLookup.SkuInfo> prices = catalog.lookup(skus);
        CatalogLookup.SkuInfo info = prices.get(sku);
        if (info == null || !info.sellable()) {
            throw CartException.notFound("SKU " + sku + " is not for sale");
        }
        Outcome<Cart> changed = change(cartId, idempotencyKey, request,
                cart -> cart.add(new CartLine(sku, quantity, info.name(), info.price()), clock.instant()));
        if (!changed.replayed()) {
            metrics.count("mercato.carts.items.added", "Items added to carts (one per request, whatever the"
                    + " quantity)");
        }
        return new Outcome<>(changed.replayed() ? view(changed.value()) : view(changed.value(), prices),
                changed.replayed());
    }

    /** Sets a line's quantity; {@code idempotencyKey} as for {@link #addItem}. */
    public Outcome<Cart> setQuantity(String cartId, Caller caller, String sku, int quantity, String idempotencyKey) {
        cart(cartId, caller);
        return change(cartId, idempotencyKey, "set " + sku + " " + quantity,
                cart -> cart.setQuantity(sku, quantity, clock.instant()));
    }

    /** Takes a line out; {@code idempotencyKey} as for {@link #addItem} (a repeat answers the cart, not 404). */
    public Outcome<Cart> removeItem(String cartId, Caller caller, String sku, String idempotencyKey) {
        cart(cartId, caller);
        return change(cartId, idempotencyKey, "remove " + sku, cart -> cart.remove(sku, clock.instant()));
    }

    /**
     * Applies a change by compare-and-set; with a key, the key is stored in the same write, so of two requests
     * with one key (a retry racing its original) exactly one changes the cart and the other is a replay.
     */
    private Outcome<Cart> change(String cartId, String key, String request, UnaryOperator<Cart> change) {
        if (key == null) {
            return new Outcome<>(carts.update(cartId, change), false);
        }
        requireKey(key);
        AtomicBoolean replayed = new AtomicBoolean();
        Cart result = carts.update(cartId, cart -> {
            replayed.set(isRepeat(cart, key, request));
            return replayed.get() ? cart : change.apply(cart).remember(key, request);
        });
        return new Outcome<>(result, replayed.get());
    }

    /** Whether the cart already applied this request under this key; the key with another request is a 422. */
    private static boolean isRepeat(Cart cart, String key, String request) {
        if (key == null) {
            return false;
        }
        requireKey(key);
        Optional<Cart.AppliedRequest> earlier = cart.applied(key);
        if (earlier.isEmpty()) {
            return false;
        }
        if (!earlier.get().request().equals(request)) {
            throw new CartException(422, "this Idempotency-Key was used for a different request");
        }
        return true;
    }

    private static void requireKey(String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw CartException.invalid("Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters");
        }
    }

    /**
     * At sign-in: the guest cart's lines join the customer's cart, and the guest cart is gone. The guest cart is
     * taken out of the store before its lines are added, so of several merges sent at once (by one customer or
     * several) exactly one adds them; the others answer 404 as a merge of a cart already merged does.
     */
    public Cart merge(Caller caller, String guestCartId) {
        Cart guest = cart(guestCartId, Caller.GUEST);
        if (!guest.isGuestCart()) {
            throw new CartException(409, "cart " + guestCartId + " belongs to an account");
        }
        Cart mine = customerCart(caller);
        Cart taken = carts.takeGuestCart(guest.id()).orElseThrow(() -> CartException.notFound("no cart "
                + guestCartId));
        Cart merged;
        try {
            merged = carts.update(mine.id(), cart -> cart.merge(taken, clock.instant()));
        } catch (RuntimeException e) {
            // the lines did not arrive: the guest keeps them, to merge again
            carts.restore(taken);
            throw e;
        }
        LOG.info(() -> "Merged a guest cart of " + taken.lines().size() + " line(s) into a customer cart");
        return merged;
    }

    /** The order was placed: the cart starts empty again (a guest cart goes). Repeating it changes nothing. */
    public void orderPlaced(String cartId) {
        Optional<Cart> cart = carts.find(cartId);
        if (cart.isEmpty()) {
            return;
        }
        if (cart.get().isGuestCart()) {
            carts.delete(cartId);
        } else {
            carts.update(cartId, c -> c.cleared(clock.instant()));
        }
    }

    /** The cart with current prices and availability, or its own copy marked stale when they cannot be asked. */
    public CartView view(Cart cart) {
        return view(cart, null);
    }

    /** @param knownPrices prices fetched for this request already (null: ask the catalog) */
    private CartView view(Cart cart, Map<String, CatalogLookup.SkuInfo> knownPrices) {
        List<String> skus = cart.lines().stream().map(CartLine::sku).toList();
        Map<String, CatalogLookup.SkuInfo> prices = knownPrices == null ? Map.of() : knownPrices;
        Map<String, Long> available = Map.of();
        boolean priceStale = false;
        boolean stockStale = false;
        if (!skus.isEmpty()) {
            if (knownPrices == null) {
                try {
                    prices = catalog.lookup(skus);
                } catch (DependencyUnavailableException e) {
                    priceStale = true;
                    LOG.warning(() -> "Showing a cart with its saved prices: " + e.getMessage());
                }
            }
            try {
                available = stock.available(skus);
            } catch (DependencyUnavailableException e) {
                stockStale = true;
                LOG.warning(() -> "Showing a cart without availability: " + e.getMessage());
            }
        }
        List<CartView.Line> lines = new ArrayList<>();
        String currency = null;
        boolean oneCurrency = true;
        long subtotal = 0;
        for (CartLine line : cart.lines()) {
            CatalogLookup.SkuInfo info = prices.get(line.sku());
            Money unit = info != null ? info.price() : line.unitPrice();
            boolean sellable = priceStale || (info != null && info.sellable());
            Money total = unit.times(line.quantity());
            lines.add(new CartView.Line(line.sku(), info != null ? info.name() : line.name(), line.quantity(), unit,
                    total, stockStale ? null : available.getOrDefault(line.sku(), 0L), sellable));
            if (currency == null) {
                currency = unit.currency();
            } else if (!currency.equals(unit.currency())) {
                oneCurrency = false;
            }
            subtotal += total.amount();
        }
        Money sum = currency == null ? null : oneCurrency ? new Money(subtotal, currency) : null;
        return new CartView(cart, lines, sum, priceStale, stockStale);
    }

    private static String requireCustomer(Caller caller) {
        if (caller.customer() == null) {
            throw new CartException(401, "sign in to have a cart of your own");
        }
        return caller.customer();
    }

    private static String requireId(String cartId) {
        try {
            return UUID.fromString(cartId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CartException.notFound("no cart " + cartId);
        }
    }
}
