package org.mercato.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.order.domain.Customer;
import org.mercato.order.domain.FailureKind;
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.order.domain.Order;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.OrderPricing;
import org.mercato.order.domain.OrderStatus;
import org.mercato.order.domain.ShippingAddress;
import org.mercato.order.domain.Totals;
import org.mercato.platform.json.VisibleText;
import org.mercato.platform.money.CardTokens;
import org.mercato.platform.money.MoneyText;
import org.mercato.platform.security.Digests;

/**
 * Places an order (DESIGN §2): read the cart, price it from the catalog, hold the stock, charge, and save the paid
 * order with its {@code OrderPlaced} event in one transaction. The shopper's Idempotency-Key makes the whole
 * attempt happen once: sent again it answers with the first outcome (the order, or the same refusal). Also quotes a
 * cart: the same reading and pricing, with nothing held, charged or saved, so checkout shows what will be charged.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());
    static final int MAX_LINES = 50;

    @Inject
    ShopperCart cart;

    @Inject
    PriceList prices;

    @Inject
    StockReservations stock;

    @Inject
    PaymentGateway payments;

    @Inject
    OrderStore store;

    @Inject
    OrderPricing pricing;

    @Inject
    Clock clock;

    @Inject
    ShopMetrics metrics = new ShopMetrics();

    @Inject
    @ConfigProperty(name = "mercato.orders.reservation-minutes", defaultValue = "30")
    long reservationMinutes;

    /** @param replay true when the key had been used for this request before: nothing new happened */
    public record Placed(Order order, boolean replay) {
    }

    /**
     * A cart priced for a destination as placing an order from it would price it now.
     *
     * @param lines the cart's lines (one per SKU) at the catalog's prices
     * @param totals what the order would charge, in minor units of the shop's currency
     */
    public record Quote(List<OrderLine> lines, Totals totals) {
        public Quote {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Quotes a cart shipped to a country: the lines and totals an order placed from it now would have and charge
     * (the same cart reading and the same {@link OrderPricing}). Nothing is held, charged or saved.
     *
     * @param authorization the shopper's own Authorization header, so cart-war checks the cart is theirs
     * @throws OrderException 400 for a malformed cart id or country, 422 {@code country-not-served}, 404 for an
     *             unknown or someone else's cart, 409 {@code cart-empty} or {@code item-unavailable}, 503
     *             {@code catalog-unavailable}
     * @throws DependencyUnavailableException when cart-war does not answer
     * @throws org.mercato.platform.money.MoneyLimitException when the total passes the largest order
     */
    public Quote quote(String cartId, String country, String authorization) {
        requireCartId(cartId);
        requireServedCountry(country, "country");
        List<OrderLine> lines = pricedLines(cart.items(cartId, authorization).items());
        return new Quote(lines, pricing.price(lines, country));
    }

    /**
     * @throws OrderException the refusal of each step (400, 402, 404, 409, 422, 503: see the README); an attempt
     *             that ran and was refused (402, 409 out-of-stock, 503 payment- or inventory-unavailable) keeps
     *             that refusal under its key: sent again it is thrown again, marked {@link OrderException#replay()}
     * @throws DependencyUnavailableException when cart-war does not answer
     */
    public Placed place(Customer customer, String idempotencyKey, PlaceOrder request, String authorization) {
        requireKey(idempotencyKey);
        validate(request);
        String hash = fingerprint(request);
        var earlier = store.findByKey(customer.id(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        ShopperCart.Contents contents = cart.items(request.cartId(), authorization);
        List<OrderLine> lines = pricedLines(contents.items());
        // the aggregate prices the lines with the same OrderPricing a quote uses: the charge is the quoted total
        Order order = new Order(UUID.randomUUID(), customer, request.cartId(), contents.version(), lines, pricing,
                request.shippingAddress(), idempotencyKey, hash, clock.instant());
        try {
            store.add(order);
        } catch (RuntimeException refused) {
            // a unique index refused it: a concurrent request with this key got there first (a replay), or
            // another attempt (another key) is placing or has placed an order from this version of the cart
            var twin = store.findByKey(customer.id(), idempotencyKey);
            if (twin.isPresent()) {
                return replay(twin.get(), hash);
            }
            if (store.cartOrdered(request.cartId(), contents.version())) {
                throw new OrderException(409, "cart-already-ordered", "this cart is being ordered or was ordered"
                        + " already by another request; nothing was held or charged");
            }
            throw refused;
        }
        UUID id = order.id();
        StockReservations.Outcome held;
        try {
            held = stock.reserve(id, lines.stream().map(l -> new StockReservations.Line(l.sku(), l.quantity()))
                    .toList(), Duration.ofMinutes(reservationMinutes));
        } catch (DependencyUnavailableException e) {
            releaseQuietly(id);
            throw refusal(failed(id, FailureKind.INVENTORY_UNAVAILABLE, "inventory did not answer"));
        }
        if (!held.held()) {
            throw refusal(failed(id, FailureKind.OUT_OF_STOCK, held.shortage()));
        }
        PaymentGateway.Charge charge;
        try {
            charge = payments.charge(id, order.totals().total(), request.cardToken());
        } catch (DependencyUnavailableException e) {
            boolean released = releaseQuietly(id);
            LOG.warning(() -> "Order " + id + ": payments did not answer (" + e.getMessage() + "); stock "
                    + (released ? "released" : "left to the payment check") + ", the charge will be checked later");
            throw refusal(failed(id, FailureKind.PAYMENT_UNAVAILABLE, "payments did not answer"));
        }
        if (charge.authenticationRequired()) {
            releaseQuietly(id);
            throw refusal(failed(id, FailureKind.AUTHENTICATION_REQUIRED, "the card's issuer asks the shopper"
                    + " to authenticate the payment (3-D Secure); nothing was charged"));
        }
        if (!charge.approved()) {
            releaseQuietly(id);
            throw refusal(failed(id, FailureKind.PAYMENT_DECLINED, "the card was declined ("
                    + charge.declineReason() + ")"));
        }
        Order paid = store.paid(id, charge.paymentId());
        metrics.count("mercato.orders.placed", "Orders placed and paid");
        LOG.info(() -> "Order " + id + " placed: " + paid.lines().size() + " line(s), " + MoneyText.of(paid
                .totals().total()) + ", payment " + charge.paymentId());
        return new Placed(paid, false);
    }

    /** Saves the order FAILED and counts it by its kind (mercato_orders_failed_total{reason}). */
    private Order failed(UUID id, FailureKind kind, String reason) {
        metrics.count("mercato.orders.failed", "Orders that could not be placed, by reason", "reason", kind.name()
                .toLowerCase(java.util.Locale.ROOT));
        return store.failed(id, kind, reason);
    }

    private List<OrderLine> pricedLines(List<ShopperCart.Item> items) {
        if (items.isEmpty()) {
            throw new OrderException(409, "cart-empty", "the cart is empty");
        }
        if (items.size() > MAX_LINES) {
            throw OrderException.invalid("an order has at most " + MAX_LINES + " lines");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.merge(item.sku(), item.quantity(), Integer::sum));
        Map<String, PriceList.PricedSku> priced;
        try {
            priced = prices.prices(quantities.keySet());
        } catch (DependencyUnavailableException e) {
            throw new OrderException(503, "catalog-unavailable", "the catalog did not answer; nothing was ordered,"
                    + " try again");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (var entry : quantities.entrySet()) {
            PriceList.PricedSku sku = priced.get(entry.getKey());
            if (sku == null || !sku.sellable()) {
                throw new OrderException(409, "item-unavailable", entry.getKey() + " is no longer sold; remove it"
                        + " from the cart");
            }
            lines.add(new OrderLine(sku.sku(), sku.name(), entry.getValue(), sku.price()));
        }
        return lines;
    }

    private Placed replay(Order order, String hash) {
        if (!order.sameRequest(hash)) {
            throw new OrderException(422, "idempotency-key-reused", "this Idempotency-Key was used for a different"
                    + " order request");
        }
        if (order.status() == OrderStatus.PENDING) {
            throw new OrderException(409, "order-in-progress", "an order with this Idempotency-Key is being placed;"
                    + " ask again in a moment");
        }
        if (order.status() == OrderStatus.FAILED) {
            // the attempt ran and was refused: its key keeps that outcome (a new attempt takes a new key)
            throw refusal(order).asReplay();
        }
        return new Placed(order, true);
    }

    /** The refusal an order that failed answers with, the first time and every replay. */
    static OrderException refusal(Order failed) {
        String detail = failed.failureReason() + "; order " + failed.id();
        return switch (failed.failureKind()) {
            case OUT_OF_STOCK -> new OrderException(409, "out-of-stock", detail);
            case PAYMENT_DECLINED -> new OrderException(402, "payment-declined", detail);
            case AUTHENTICATION_REQUIRED -> new OrderException(402, "authentication-required", detail);
            case PAYMENT_UNAVAILABLE -> new OrderException(503, "payment-unavailable", detail + "; nothing is kept:"
                    + " the stock was released and any charge is refunded");
            case INVENTORY_UNAVAILABLE -> new OrderException(503, "inventory-unavailable", detail);
        };
    }

    private boolean releaseQuietly(UUID orderId) {
        try {
            stock.release(orderId);
            return true;
        } catch (RuntimeException e) {
            // the hold expires on its own (reservation-minutes); the job that checks failed orders retries too
            LOG.warning(() -> "Order " + orderId + ": could not release its stock now (" + e.getMessage() + ")");
            return false;
        }
    }

    private void validate(PlaceOrder request) {
        requireCartId(request.cartId());
        ShippingAddress address = request.shippingAddress();
        if (address == null) {
            throw OrderException.invalid("shippingAddress is required");
        }
        requireText(address.name(), "shippingAddress.name", 200);
        requireText(address.line1(), "shippingAddress.line1", 200);
        if (address.line2() != null && address.line2().length() > 200) {
            throw OrderException.invalid("shippingAddress.line2 must have at most 200 characters");
        }
        requireText(address.city(), "shippingAddress.city", 100);
        requireText(address.postalCode(), "shippingAddress.postalCode", 20);
        requireServedCountry(address.country(), "shippingAddress.country");
        if (!"card".equals(request.paymentMethod())) {
            throw OrderException.invalid("payment.method must be \"card\"");
        }
        // payments' own rule, checked before the order is saved or its stock held (a card number must never reach,
        // or be logged by, the shop: refused before it goes anywhere)
        String tokenRefusal = CardTokens.refusal(request.cardToken());
        if (tokenRefusal != null) {
            throw OrderException.invalid("payment.token " + tokenRefusal);
        }
    }

    private static void requireCartId(String cartId) {
        if (cartId == null || !cartId.matches("[A-Za-z0-9-]{1,64}")) {
            throw OrderException.invalid("cartId must be a cart's id");
        }
    }

    private void requireServedCountry(String country, String field) {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw OrderException.invalid(field + " must be an ISO 3166 alpha-2 code such as DE");
        }
        if (!pricing.shipsTo(country)) {
            throw new OrderException(422, "country-not-served", "the shop does not ship to " + country);
        }
    }

    private static void requireText(String value, String field, int max) {
        // the address book's rule: text made only of invisible characters (a zero-width space) is blank
        if (VisibleText.isBlank(value) || value.length() > max) {
            throw OrderException.invalid(field + " is required (at most " + max + " characters)");
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw OrderException.invalid("an Idempotency-Key header of 1 to 100 characters is required");
        }
    }

    private static String fingerprint(PlaceOrder request) {
        ShippingAddress a = request.shippingAddress();
        return Digests.sha256Hex(String.join("\u001f", request.cartId(), a.name(), a.line1(), String.valueOf(a
                .line2()), a.city(), a.postalCode(), a.country(), request.paymentMethod(), request.cardToken()));
    }
}
