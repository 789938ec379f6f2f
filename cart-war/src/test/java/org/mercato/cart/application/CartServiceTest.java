package org.mercato.cart.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.mercato.cart.application.CartService.Caller;
import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartException;
import org.mercato.cart.domain.CartRepository;
import org.mercato.platform.money.Money;

/** Cart use cases with the catalog and inventory answering, slow or gone (their ports played by plain objects). */
class CartServiceTest {

    /** An in-memory stand-in for the grid, enough for use-case rules. */
    static class MemoryCarts implements CartRepository {
        final Map<String, Cart> carts = new ConcurrentHashMap<>();
        final Map<String, String> owners = new ConcurrentHashMap<>();

        public Optional<Cart> find(String id) {
            return Optional.ofNullable(carts.get(id));
        }

        public void create(Cart cart) {
            carts.put(cart.id(), cart);
        }

        public Cart update(String id, UnaryOperator<Cart> change) {
            return carts.compute(id, (k, cart) -> {
                if (cart == null) {
                    throw CartException.notFound("no cart " + id);
                }
                return change.apply(cart);
            });
        }

        public void delete(String id) {
            carts.remove(id);
        }

        public Optional<Cart> takeGuestCart(String id) {
            while (true) {
                Cart cart = carts.get(id);
                if (cart == null || !cart.isGuestCart()) {
                    return Optional.empty();
                }
                if (carts.remove(id, cart)) {
                    return Optional.of(cart);
                }
            }
        }

        public void restore(Cart cart) {
            carts.putIfAbsent(cart.id(), cart);
        }

        public Optional<String> customerCartId(String customer) {
            return Optional.ofNullable(owners.get(customer));
        }

        public String claimCustomerCart(String customer, String id) {
            String existing = owners.putIfAbsent(customer, id);
            return existing == null ? id : existing;
        }
    }

    private final Map<String, CatalogLookup.SkuInfo> catalogue = new HashMap<>(Map.of(
            "MUG", new CatalogLookup.SkuInfo("MUG", "Mug", new Money(900, "EUR"), true),
            "OLD", new CatalogLookup.SkuInfo("OLD", "Retired", new Money(100, "EUR"), false)));
    private boolean catalogDown;
    private boolean inventoryDown;
    private final MemoryCarts carts = new MemoryCarts();
    private final CartService service = new CartService(carts, this::lookup, this::available, Clock.systemUTC());

    private Map<String, CatalogLookup.SkuInfo> lookup(Collection<String> skus) {
        if (catalogDown) {
            throw new DependencyUnavailableException("catalog timed out", null);
        }
        Map<String, CatalogLookup.SkuInfo> found = new HashMap<>();
        skus.forEach(sku -> Optional.ofNullable(catalogue.get(sku)).ifPresent(info -> found.put(sku, info)));
        return found;
    }

    private Map<String, Long> available(Collection<String> skus) {
        if (inventoryDown) {
            throw new DependencyUnavailableException("inventory timed out", null);
        }
        return Map.of("MUG", 3L);
    }

    @Test
    void aCartStaysReadableWithSavedPricesWhenTheCatalogIsDown() {
        Cart cart = service.createGuestCart();
        service.addItem(cart.id(), Caller.GUEST, "MUG", 2, null);
        catalogue.put("MUG", new CatalogLookup.SkuInfo("MUG", "Mug", new Money(1000, "EUR"), true));
        CartView fresh = service.view(service.cart(cart.id(), Caller.GUEST));
        assertEquals(1000, fresh.lines().get(0).unitPrice().amount(), "the current price");
        assertEquals(2000, fresh.subtotal().amount());
        assertEquals(3L, fresh.lines().get(0).available());

        catalogDown = true;
        inventoryDown = true;
        CartView stale = service.view(service.cart(cart.id(), Caller.GUEST));
        assertTrue(stale.priceStale());
        assertTrue(stale.stockStale());
        assertEquals(900, stale.lines().get(0).unitPrice().amount(), "the price the shopper saw when adding");
        assertNull(stale.lines().get(0).available());
        assertThrows(DependencyUnavailableException.class,
                () -> service.addItem(cart.id(), Caller.GUEST, "MUG", 1, null),
                "nothing is added without the catalog");
    }

    @Test
    void aChangeRepeatedWithItsIdempotencyKeyIsAppliedOnce() {
        Cart cart = service.createGuestCart();
        CartService.Outcome<CartView> first = service.addItem(cart.id(), Caller.GUEST, "MUG", 2, "add-1");
        CartService.Outcome<CartView> again = service.addItem(cart.id(), Caller.GUEST, "MUG", 2, "add-1");
        assertFalse(first.replayed());
        assertTrue(again.replayed(), "the repeat is a replay");
        assertEquals(2, carts.find(cart.id()).orElseThrow().itemCount(), "added once");
        assertEquals(2, again.value().lines().get(0).quantity(), "the replay answers the cart as it is");
        assertEquals(422, assertThrows(CartException.class,
                () -> service.addItem(cart.id(), Caller.GUEST, "MUG", 3, "add-1")).status(),
                "the key with another request is refused");
        assertEquals(2, carts.find(cart.id()).orElseThrow().itemCount());

        service.addItem(cart.id(), Caller.GUEST, "MUG", 1, "add-2");
        service.addItem(cart.id(), Caller.GUEST, "MUG", 1, null);
        assertEquals(4, carts.find(cart.id()).orElseThrow().itemCount(), "other keys and no key add as usual");

        assertFalse(service.setQuantity(cart.id(), Caller.GUEST, "MUG", 7, "set-1").replayed());
        service.addItem(cart.id(), Caller.GUEST, "MUG", 1, "add-3");
        assertTrue(service.setQuantity(cart.id(), Caller.GUEST, "MUG", 7, "set-1").replayed());
        assertEquals(8, carts.find(cart.id()).orElseThrow().itemCount(), "the repeated set did not undo the add");

        assertFalse(service.removeItem(cart.id(), Caller.GUEST, "MUG", "remove-1").replayed());
        assertTrue(service.removeItem(cart.id(), Caller.GUEST, "MUG", "remove-1").replayed(),
                "a repeated removal answers the cart instead of 404");
        assertEquals(404, assertThrows(CartException.class,
                () -> service.removeItem(cart.id(), Caller.GUEST, "MUG", "remove-2")).status());
        assertEquals(400, assertThrows(CartException.class,
                () -> service.addItem(cart.id(), Caller.GUEST, "MUG", 1, "k".repeat(101))).status());
    }

    @Test
    void aCartRemembersItsLatestKeysOnly() {
        Cart cart = service.createGuestCart();
        service.addItem(cart.id(), Caller.GUEST, "MUG", 1, null);
        for (int i = 0; i <= Cart.MAX_APPLIED_REQUESTS; i++) {
            service.setQuantity(cart.id(), Caller.GUEST, "MUG", 1 + i % 5, "key-" + i);
        }
        Cart stored = carts.find(cart.id()).orElseThrow();
        assertEquals(Cart.MAX_APPLIED_REQUESTS, stored.appliedRequests().size());
        assertTrue(stored.applied("key-0").isEmpty(), "the oldest key is forgotten");
        assertTrue(stored.applied("key-" + Cart.MAX_APPLIED_REQUESTS).isPresent());
    }

    @Test
    void unknownAndRetiredSkusCannotBeAdded() {
        Cart cart = service.createGuestCart();
        assertEquals(404, assertThrows(CartException.class,
                () -> service.addItem(cart.id(), Caller.GUEST, "NOPE", 1, null)).status());
        assertEquals(404, assertThrows(CartException.class,
                () -> service.addItem(cart.id(), Caller.GUEST, "OLD", 1, null)).status());
        assertTrue(carts.find(cart.id()).orElseThrow().lines().isEmpty());
    }

    @Test
    void aCustomersCartIsTheirsAloneAndAGuestCartMergesIntoIt() {
        Caller alice = new Caller("alice", false);
        Caller bob = new Caller("bob", false);
        Cart guest = service.createGuestCart();
        service.addItem(guest.id(), Caller.GUEST, "MUG", 2, null);
        Cart mine = service.customerCart(alice);
        service.addItem(mine.id(), alice, "MUG", 1, null);
        assertEquals(404, assertThrows(CartException.class, () -> service.cart(mine.id(), bob)).status());
        assertEquals(404, assertThrows(CartException.class, () -> service.cart(mine.id(), Caller.GUEST)).status());

        Cart merged = service.merge(alice, guest.id());
        assertEquals(mine.id(), merged.id());
        assertEquals(3, merged.itemCount());
        assertTrue(carts.find(guest.id()).isEmpty(), "the guest cart is gone");
        assertEquals(mine.id(), service.customerCart(alice).id());

        service.orderPlaced(mine.id());
        assertEquals(0, service.customerCart(alice).itemCount());
    }

    @Test
    void aGuestCartMergedByTwoCustomersAtOnceEndsUpInExactlyOneCart() throws Exception {
        Caller kim = new Caller("kim", false);
        Caller leo = new Caller("leo", false);
        // every read takes a while, so all the merges have read the guest cart before any of them goes on
        MemoryCarts slowReads = new MemoryCarts() {
            @Override
            public Optional<Cart> find(String id) {
                Optional<Cart> found = super.find(id);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return found;
            }
        };
        CartService service = new CartService(slowReads, this::lookup, this::available, Clock.systemUTC());
        Cart guest = service.createGuestCart();
        service.addItem(guest.id(), Caller.GUEST, "MUG", 3, null);
        List<Caller> callers = List.of(kim, leo, kim, leo, kim, leo, kim, leo);
        CyclicBarrier together = new CyclicBarrier(callers.size());
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        List<Future<Cart>> merges = new ArrayList<>();
        try {
            for (Caller caller : callers) {
                merges.add(pool.submit((Callable<Cart>) () -> {
                    together.await();
                    return service.merge(caller, guest.id());
                }));
            }
            int merged = 0;
            for (Future<Cart> merge : merges) {
                try {
                    merge.get();
                    merged++;
                } catch (ExecutionException e) {
                    assertEquals(404, ((CartException) e.getCause()).status(), "the losers: as if already merged");
                }
            }
            assertEquals(1, merged, "one merge takes the guest cart");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, service.customerCart(kim).itemCount() + service.customerCart(leo).itemCount(),
                "the 3 units are in exactly one cart");
        assertTrue(slowReads.find(guest.id()).isEmpty(), "the guest cart is gone");
    }

    @Test
    void aMergeWhoseLinesCannotArriveLeavesTheGuestCartAsItWas() {
        Caller kim = new Caller("kim", false);
        Cart guest = service.createGuestCart();
        service.addItem(guest.id(), Caller.GUEST, "MUG", 2, null);
        Cart mine = service.customerCart(kim);
        MemoryCarts failing = new MemoryCarts() {
            @Override
            public Cart update(String id, UnaryOperator<Cart> change) {
                throw new CartException(409, "busy");
            }
        };
        failing.carts.putAll(carts.carts);
        failing.owners.putAll(carts.owners);
        CartService broken = new CartService(failing, this::lookup, this::available, Clock.systemUTC());
        assertEquals(409, assertThrows(CartException.class, () -> broken.merge(kim, guest.id())).status());
        assertEquals(2, failing.find(guest.id()).orElseThrow().itemCount(), "the guest keeps the lines");
        assertEquals(0, failing.find(mine.id()).orElseThrow().itemCount());
    }
}
