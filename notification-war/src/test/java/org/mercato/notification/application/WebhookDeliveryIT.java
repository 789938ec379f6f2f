package org.mercato.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;

import org.mercato.platform.testing.EventMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.notification.domain.RetrySchedule;
import org.mercato.notification.domain.WebhookDeliveryStatus;
import org.mercato.notification.domain.WebhookSignature;
import org.mercato.notification.infrastructure.HttpWebhookSender;
import org.mercato.notification.infrastructure.JpaWebhookRepository;
import org.mercato.notification.infrastructure.WebhookEventIntake;
import org.mercato.platform.metrics.ShopMetrics;
import org.mercato.platform.testing.PostgresUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhooks on a real PostgreSQL (the service's migrations) and a real HTTP receiver on 127.0.0.1, each step in its
 * own transaction as the container runs it: events received through {@link WebhookEventIntake} are queued once per
 * subscribed endpoint, {@link WebhookDispatcher} claims, POSTs (with {@link HttpWebhookSender}) and records them,
 * with a clock the test moves. The receiver answers what each test asks for.
 */
class WebhookDeliveryIT {

    private static PostgresUnit db;
    private static HttpServer receiver;
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<Integer> ANSWERS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final WebhookSettings SETTINGS = new WebhookSettings(new RetrySchedule(Duration.ofSeconds(10),
            Duration.ofHours(1), Duration.ofHours(24)), Duration.ofHours(24), Duration.ofSeconds(5),
            Duration
                    .ofSeconds(1));
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private final HttpWebhookSender sender = new HttpWebhookSender(SETTINGS);

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("notifications-it", "notifications", WebhookDeliveryIT.class.getClassLoader());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int call = CALLS.getAndIncrement();
            int status = call < ANSWERS.size() ? ANSWERS.get(call) : 200;
            RECEIVED.add(new String[]{exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst(
                    "Mercato-Event-Id"), exchange.getRequestHeaders().getFirst("Mercato-Signature"), body});
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "/hook/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.stop(0);
        db.close();
    }

    @BeforeEach
    void nothingYet() {
        db.inTransaction(em -> em.createNativeQuery("truncate webhook_endpoint, webhook_event, webhook_delivery,"
                + " webhook_attempt").executeUpdate());
        RECEIVED.clear();
        ANSWERS.clear();
        CALLS.set(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private WebhookService service(EntityManager em) {
        return new WebhookService(new JpaWebhookRepository(em), () -> {
        }, clock, SETTINGS);
    }

    private WebhookDispatcher dispatcher(EntityManager em) {
        return new WebhookDispatcher(new JpaWebhookRepository(em), sender, clock, SETTINGS, new ShopMetrics(),
                new Random(5));
    }

    private <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(em)));
        return result.get(0);
    }

    private WebhookService.Registered register(String path, String... types) {
        return inTransaction(em -> service(em).register(url(path), List.of(types), "test", "staff@mercato.test"));
    }

    /** Receives a message as the listener does; returns the deliveries queued. */
    private int receive(String eventType, UUID eventId, String body) {
        return inTransaction(em -> WebhookEventIntake.queue(message(eventType, eventId, 1, body), Topics.ORDERS,
                service(em), new ShopMetrics()));
    }

    /** One dispatcher pass: claim, POST, record; the statuses recorded. */
    private List<Optional<WebhookDeliveryStatus>> pass() {
        List<WebhookDispatcher.Job> jobs = inTransaction(em -> dispatcher(em).claimDue());
        List<WebhookDispatcher.Sent> sent = jobs.stream().map(job -> dispatcher(null).send(job).join()).toList();
        return sent.stream().map(s -> inTransaction(em -> dispatcher(em).record(s))).toList();
    }

    private List<WebhookService.DeliveryLog> log(UUID endpointId) {
        return inTransaction(em -> service(em).deliveries(endpointId, null, 0, 100));
    }

    private static String orderPlaced(String orderId) {
        return EventJson.write(TestEvents.placed(orderId, "ada@example.com", "Ada"));
    }

    @Test
    void anEventIsQueuedOnceForEachSubscribedEndpoint() {
        WebhookService.Registered orders = register("/hook", "OrderPlaced");
        WebhookService.Registered everything = register("/hook", "*");
        WebhookService.Registered shipments = register("/hook", "ShipmentDispatched");
        UUID eventId = UUID.randomUUID();
        assertEquals(2, receive("OrderPlaced", eventId, orderPlaced("o-1")));
        assertEquals(0, receive("OrderPlaced", eventId, orderPlaced("o-1")), "a redelivery queues nothing");
        assertEquals(1, log(orders.endpoint().id()).size());
        assertEquals(1, log(everything.endpoint().id()).size());
        assertEquals(0, log(shipments.endpoint().id()).size());
        // what no webhook can carry is skipped, saving nothing
        assertEquals(0, receive("OrderPlaced", UUID.randomUUID(), "this is not JSON"));
        assertEquals(0, receive("OrderPlaced", UUID.randomUUID(), "{\"orderId\":\"o-2\"}"));
        assertEquals(0, receive("NoSuchEvent", UUID.randomUUID(), "{}"));
        assertEquals(Integer.valueOf(0),
                inTransaction(em -> WebhookEventIntake.queue(message("OrderPlaced", UUID.randomUUID(), 2,
                        orderPlaced("o-3")), Topics.ORDERS, service(em), new ShopMetrics())),
                "a newer version is not sent");
        assertEquals(1, log(orders.endpoint().id()).size());
        // a disabled endpoint gets nothing new
        inTransaction(em -> service(em).change(orders.endpoint().id(), null, null, false, null, "staff"));
        assertEquals(1, receive("OrderPlaced", UUID.randomUUID(), orderPlaced("o-4")));
    }

    @Test
    void aFailingReceiverGetsTheDeliveryAgainUntilItAnswers2xxSignedEachTime() {
        WebhookService.Registered endpoint = register("/hook", "OrderPlaced");
        ANSWERS.addAll(List.of(500, 503));
        UUID eventId = UUID.randomUUID();
        receive("OrderPlaced", eventId, orderPlaced("o-10"));

        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.PENDING)), pass());
        assertEquals(List.of(), pass(), "not due again before its back-off");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.PENDING)), pass());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.DELIVERED)), pass());
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), pass(), "delivered once");

        assertEquals(3, RECEIVED.size());
        for (String[] request : RECEIVED) {
            assertEquals(eventId.toString(), request[1]);
            long t = Long.parseLong(request[2].substring(2, request[2].indexOf(',')));
            assertEquals("t=" + t + ",v1=" + WebhookSignature.sign(endpoint.secret(), t, request[3]), request[2]);
            assertTrue(request[3].contains("\"data\":" + orderPlaced("o-10")), "the body verbatim in data");
        }
        WebhookService.DeliveryLog log = log(endpoint.endpoint().id()).get(0);
        assertEquals(WebhookDeliveryStatus.DELIVERED, log.delivery().status());
        assertEquals(3, log.delivery().attempts());
        assertEquals(List.of(200, 503, 500), log.attempts().stream().map(a -> a.statusCode()).toList(),
                "newest first");
        assertEquals(RECEIVED.get(0)[3], log.delivery().payload());
    }

    @Test
    void afterTheWindowADeliveryFailsAndAReplayTriesItAgain() {
        WebhookService.Registered endpoint = register("/hook", "OrderPlaced");
        ANSWERS.addAll(List.of(500, 500, 500, 302));
        receive("OrderPlaced", UUID.randomUUID(), orderPlaced("o-20"));
        pass();
        clock.advance(Duration.ofHours(23));
        pass();
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.FAILED)), pass(), "the window's end was tried");
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(), pass(), "a failed delivery is not tried again by itself");

        UUID deliveryId = log(endpoint.endpoint().id()).get(0).delivery().id();
        inTransaction(em -> service(em).replay(endpoint.endpoint().id(), deliveryId, "staff@mercato.test"));
        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.PENDING)), pass(), "the 302 is not followed");
        assertEquals(List.of("/hook", "/hook", "/hook", "/hook"), RECEIVED.stream().map(r -> r[0]).toList());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(Optional.of(WebhookDeliveryStatus.DELIVERED)), pass());
        WebhookService.DeliveryLog log = log(endpoint.endpoint().id()).get(0);
        assertEquals(5, log.delivery().attempts());
        assertEquals("staff@mercato.test", log.attempts().get(1).replayedBy());
        assertNull(log.attempts().get(0).replayedBy());
        assertEquals("HTTP 302", log.attempts().get(1).error());
    }

    @Test
    void aRotationSignsWithBothSecretsForItsGracePeriod() {
        WebhookService.Registered endpoint = register("/hook", "*");
        WebhookService.Rotated rotated = inTransaction(em -> service(em).rotateSecret(endpoint.endpoint().id(),
                "staff"));
        receive("OrderPlaced", UUID.randomUUID(), orderPlaced("o-30"));
        pass();
        String[] request = RECEIVED.get(0);
        long t = Long.parseLong(request[2].substring(2, request[2].indexOf(',')));
        assertEquals("t=" + t + ",v1=" + WebhookSignature.sign(rotated.secret(), t, request[3]) + ",v1="
                + WebhookSignature.sign(endpoint.secret(), t, request[3]), request[2]);

        clock.advance(Duration.ofHours(25));
        receive("OrderPlaced", UUID.randomUUID(), orderPlaced("o-31"));
        pass();
        assertFalse(RECEIVED.get(1)[2].contains(WebhookSignature.sign(endpoint.secret(), clock.instant()
                .getEpochSecond(), RECEIVED.get(1)[3])), "the old secret no longer signs");
        assertEquals(2, RECEIVED.get(1)[2].split(",").length);
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainWhileItsLeaseRuns() {
        register("/hook", "*");
        receive("OrderPlaced", UUID.randomUUID(), orderPlaced("o-40"));
        List<WebhookDispatcher.Job> first = inTransaction(em -> dispatcher(em).claimDue());
        assertEquals(1, first.size());
        assertEquals(0, inTransaction(em -> dispatcher(em).claimDue()).size());
        // the first dispatcher died: after the lease another takes it, and the first one's late outcome is ignored
        clock.advance(SETTINGS.lease());
        List<WebhookDispatcher.Job> second = inTransaction(em -> dispatcher(em).claimDue());
        assertEquals(1, second.size());
        WebhookDispatcher.Sent late = dispatcher(null).send(first.get(0)).join();
        assertEquals(Optional.empty(), inTransaction(em -> dispatcher(em).record(late)));
        WebhookDispatcher.Sent current = dispatcher(null).send(second.get(0)).join();
        assertEquals(Optional.of(WebhookDeliveryStatus.DELIVERED), inTransaction(em -> dispatcher(em).record(
                current)));
    }

    /** A TextMessage with the Mercato envelope's properties (docs/events.md). */
    private static TextMessage message(String eventType, UUID eventId, int schemaVersion, String body) {
        return EventMessages.event(eventType, eventId.toString(), schemaVersion, "2026-11-24T10:15:31Z", body);
    }
}
