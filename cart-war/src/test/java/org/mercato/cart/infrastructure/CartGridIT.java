package org.mercato.cart.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.cart.application.CartService;
import org.mercato.cart.application.CartService.Caller;
import org.mercato.cart.application.CatalogLookup;
import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartException;
import org.mercato.cart.domain.CartLine;
import org.mercato.platform.money.Money;
import org.mercato.platform.ports.LoopbackPorts;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Carts on a real Hazelcast cluster of two members on loopback, as two cart instances would run. */
class CartGridIT {

    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeEach
    void startCluster() throws Exception {
        String cluster = "mercato-cart-test-" + UUID.randomUUID();
        int first = LoopbackPorts.free();
        int second = LoopbackPorts.free();
        for (int port : new int[]{first, second}) {
            Config config = new Config().setClusterName(cluster).setProperty("hazelcast.phone.home.enabled", "false")
                    .setProperty("hazelcast.logging.type", "jdk");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false).getInterfaces().setEnabled(true)
                    .addInterface("127.0.0.1");
            config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
                    .addMember("127.0.0.1:" + first).addMember("127.0.0.1:" + second);
            members.add(Hazelcast.newHazelcastInstance(config));
        }
        assertEquals(2, members.get(0).getCluster().getMembers().size(), "a two-member cluster");
    }

    @AfterEach
    void stopCluster() {
        members.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void aCartWrittenOnOneMemberSurvivesThatMembersShutdown() {
        GridCartRepository onFirst = new GridCartRepository(members.get(0));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Cart cart = Cart.newGuestCart(UUID.randomUUID().toString(), Instant.now())
                    .add(new CartLine("MUG-" + i, i % 9 + 1, "Mug " + i, new Money(900 + i, "EUR")), Instant.now());
            onFirst.create(cart);
            ids.add(cart.id());
        }
        members.get(0).shutdown();

        GridCartRepository onSecond = new GridCartRepository(members.get(1));
        for (int i = 0; i < ids.size(); i++) {
            Cart cart = onSecond.find(ids.get(i)).orElseThrow(() -> new AssertionError("a cart was lost"));
            assertEquals("MUG-" + i, cart.lines().get(0).sku());
            assertEquals(i % 9 + 1, cart.lines().get(0).quantity());
            assertEquals(900 + i, cart.lines().get(0).unitPrice().amount());
        }
    }

    @Test
    void concurrentAddsFromBothMembersAllCount() throws Exception {
        GridCartRepository a = new GridCartRepository(members.get(0));
        GridCartRepository b = new GridCartRepository(members.get(1));
        Cart cart = Cart.newGuestCart(UUID.randomUUID().toString(), Instant.now());
        a.create(cart);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> adds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GridCartRepository repository = i % 2 == 0 ? a : b;
            String sku = "SKU-" + (i % 4);
            adds.add(pool.submit(() -> repository.update(cart.id(),
                    c -> c.add(new CartLine(sku, 1, sku, new Money(100, "EUR")), Instant.now()))));
        }
        for (Future<?> add : adds) {
            add.get();
        }
        pool.shutdown();
        Cart result = b.find(cart.id()).orElseThrow();
        assertEquals(40, result.itemCount(), "no add was lost");
        assertTrue(result.lines().stream().allMatch(line -> line.quantity() == 10));
    }

    /** The cart service on a member, with a catalog that sells every SKU at 1.00 and no stock figures. */
    private CartService serviceOn(HazelcastInstance member) {
        return new CartService(new GridCartRepository(member), skus -> skus.stream().collect(Collectors.toMap(
                sku -> sku, sku -> new CatalogLookup.SkuInfo(sku, sku, new Money(100, "EUR"), true))),
                skus -> Map.of(), Clock.systemUTC());
    }

    /** Runs the tasks at once (released together) and returns their outcomes: a value, or the exception thrown. */
    private static List<Object> together(List<Callable<Object>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : running) {
                try {
                    outcomes.add(outcome.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGuestCartMergedAtOnceByTwoCustomersOnBothMembersGoesToExactlyOneCart() throws Exception {
        for (int round = 0; round < 10; round++) {
            CartService a = serviceOn(members.get(0));
            CartService b = serviceOn(members.get(1));
            Cart guest = a.createGuestCart();
            a.addItem(guest.id(), Caller.GUEST, "MUG", 3, null);
            a.addItem(guest.id(), Caller.GUEST, "CUP", 47, null);
            Caller kim = new Caller("kim-" + round, false);
            Caller leo = new Caller("leo-" + round, false);
            List<Callable<Object>> merges = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CartService service = i % 2 == 0 ? a : b;
                // kim, leo, kim, leo, ...: each customer also merges twice at once
                Caller caller = i % 4 < 2 ? kim : leo;
                merges.add(() -> service.merge(caller, guest.id()));
            }
            List<Object> outcomes = together(merges);
            assertEquals(1, outcomes.stream().filter(Cart.class::isInstance).count(), "one merge wins: "
                    + outcomes);
            for (Object outcome : outcomes) {
                if (!(outcome instanceof Cart)) {
                    assertEquals(404, ((CartException) outcome).status(), String.valueOf(outcome));
                }
            }
            int kims = b.customerCart(kim).itemCount();
            int leos = a.customerCart(leo).itemCount();
            assertEquals(50, kims + leos, "the guest's 50 units are in one cart, once");
            assertTrue(kims == 0 || leos == 0, "kim " + kims + ", leo " + leos);
            assertTrue(new GridCartRepository(members.get(1)).find(guest.id()).isEmpty(), "the guest cart is gone");
        }
    }

    @Test
    void concurrentAddsQuantityChangesAndRemovalsOnOneCartAllCount() throws Exception {
        GridCartRepository a = new GridCartRepository(members.get(0));
        GridCartRepository b = new GridCartRepository(members.get(1));
        Cart cart = Cart.newGuestCart(UUID.randomUUID().toString(), Instant.now());
        a.create(cart);
        for (String sku : List.of("SET-1", "SET-2", "GONE-1", "GONE-2")) {
            a.update(cart.id(), c -> c.add(new CartLine(sku, 1, sku, new Money(100, "EUR")), Instant.now()));
        }
        List<Callable<Object>> changes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            GridCartRepository repository = i % 2 == 0 ? a : b;
            String sku = "ADD-" + (i % 3);
            changes.add(() -> repository.update(cart.id(), c -> c.add(new CartLine(sku, 1, sku, new Money(100,
                    "EUR")), Instant.now())));
        }
        changes.add(() -> b.update(cart.id(), c -> c.setQuantity("SET-1", 7, Instant.now())));
        changes.add(() -> a.update(cart.id(), c -> c.setQuantity("SET-2", 9, Instant.now())));
        changes.add(() -> a.update(cart.id(), c -> c.remove("GONE-1", Instant.now())));
        changes.add(() -> b.update(cart.id(), c -> c.remove("GONE-2", Instant.now())));
        List<Object> outcomes = together(changes);
        assertTrue(outcomes.stream().allMatch(Cart.class::isInstance), outcomes.toString());
        Cart result = a.find(cart.id()).orElseThrow();
        Map<String, Integer> quantities = result.lines().stream().collect(Collectors.toMap(CartLine::sku,
                CartLine::quantity));
        assertEquals(Map.of("ADD-0", 8, "ADD-1", 8, "ADD-2", 8, "SET-1", 7, "SET-2", 9), quantities,
                "no change was lost");
        assertEquals(4 + changes.size(), result.version(), "one version per change");
    }

    @Test
    void customersWhoseCartExpiredGetOneNewCartWhenAskingAtOnce() throws Exception {
        GridCartRepository a = new GridCartRepository(members.get(0));
        GridCartRepository b = new GridCartRepository(members.get(1));
        // the owners map still names a cart that expired
        members.get(0).<String, String>getMap(GridCartRepository.OWNERS).put("kim", UUID.randomUUID().toString());
        List<Callable<Object>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            GridCartRepository repository = i % 2 == 0 ? a : b;
            claims.add(() -> {
                Cart fresh = Cart.newCustomerCart(UUID.randomUUID().toString(), "kim", Instant.now());
                repository.create(fresh);
                return repository.claimCustomerCart("kim", fresh.id());
            });
        }
        List<Object> winners = together(claims);
        assertEquals(1, winners.stream().distinct().count(), "every request is told the same cart: " + winners);
        assertEquals(winners.get(0), a.customerCartId("kim").orElseThrow());
    }
}
