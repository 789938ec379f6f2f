package org.mercato.cart.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.cart.domain.Cart;
import org.mercato.cart.domain.CartLine;
import org.mercato.platform.money.Money;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Carts on a real Hazelcast cluster of two members on loopback, as two cart instances would run. */
class CartGridIT {

    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeEach
    void startCluster() throws Exception {
        String cluster = "mercato-cart-test-" + UUID.randomUUID();
        int first;
        int second;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            first = a.getLocalPort();
            second = b.getLocalPort();
        }
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
}
