package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24));
    private static final Duration LEASE = Duration.ofSeconds(50);
    private final Random random = new Random(11);

    private static WebhookDelivery delivery() {
        return WebhookDelivery.queued(UUID.randomUUID(), UUID.randomUUID(), "OrderPlaced", NOW, 1, "{}", NOW);
    }

    @Test
    void aTwoHundredDeliversAndOtherAnswersWaitTheirBackOff() {
        WebhookDelivery delivery = delivery();
        UUID lease = delivery.claim(NOW, LEASE);
        assertTrue(delivery.holds(lease));
        assertEquals(NOW.plus(LEASE), delivery.nextAttemptAt(), "nobody else takes it during the attempt");
        WebhookAttempt first = delivery.attempted(WebhookDelivery.AttemptResult.answered(500, Duration.ofMillis(30)),
                NOW, SCHEDULE, random);
        assertEquals(WebhookDeliveryStatus.PENDING, delivery.status());
        assertEquals(500, first.statusCode());
        assertEquals("HTTP 500", first.error());
        assertFalse(delivery.holds(lease), "a lease serves one attempt");
        long waited = Duration.between(NOW, delivery.nextAttemptAt()).toSeconds();
        assertTrue(waited >= 5 && waited <= 10, "waited " + waited);

        Instant later = delivery.nextAttemptAt();
        delivery.claim(later, LEASE);
        WebhookAttempt second = delivery.attempted(WebhookDelivery.AttemptResult.answered(204, Duration.ofMillis(
                40)), later, SCHEDULE, random);
        assertEquals(WebhookDeliveryStatus.DELIVERED, delivery.status());
        assertEquals(WebhookDeliveryStatus.DELIVERED, second.resultingStatus());
        assertNull(second.error());
        assertEquals(2, delivery.attempts());
        assertNull(delivery.nextAttemptAt());
        assertEquals(later.plusMillis(40), delivery.deliveredAt());
    }

    @Test
    void noTwoHundredWithinTheWindowFails() {
        WebhookDelivery delivery = delivery();
        delivery.claim(NOW, LEASE);
        delivery.attempted(WebhookDelivery.AttemptResult.noAnswer("ConnectException", Duration.ZERO), NOW, SCHEDULE,
                random);
        Instant end = NOW.plus(Duration.ofHours(24));
        delivery.claim(end, LEASE);
        WebhookAttempt last = delivery.attempted(WebhookDelivery.AttemptResult.answered(302, Duration.ZERO), end,
                SCHEDULE, random);
        assertEquals(WebhookDeliveryStatus.FAILED, delivery.status());
        assertEquals(WebhookDeliveryStatus.FAILED, last.resultingStatus());
        assertEquals(end, delivery.failedAt());
        assertEquals("HTTP 302", delivery.lastError(), "a redirect is not followed: it is a failure");
    }

    @Test
    void aReplayMakesAFinishedDeliveryDueNowWithANewWindowAndNamesWhoAsked() {
        WebhookDelivery delivery = delivery();
        delivery.claim(NOW, LEASE);
        delivery.attempted(WebhookDelivery.AttemptResult.answered(200, Duration.ZERO), NOW, SCHEDULE, random);
        Instant replayAt = NOW.plus(Duration.ofDays(3));
        delivery.replay(replayAt, "staff@mercato.test");
        assertEquals(WebhookDeliveryStatus.PENDING, delivery.status());
        assertEquals(replayAt, delivery.nextAttemptAt());
        delivery.claim(replayAt, LEASE);
        WebhookAttempt attempt = delivery.attempted(WebhookDelivery.AttemptResult.answered(503, Duration.ZERO),
                replayAt, SCHEDULE, random);
        assertEquals("staff@mercato.test", attempt.replayedBy());
        assertEquals(WebhookDeliveryStatus.PENDING, delivery.status(), "the replay's window starts at the replay");
        long waited = Duration.between(replayAt, delivery.nextAttemptAt()).toSeconds();
        assertTrue(waited <= 10, "the back-off starts again at the base: " + waited);
    }

    @Test
    void theTransitionsAreTheTablesOnly() {
        assertEquals(Set.of(WebhookDeliveryStatus.PENDING), WebhookDeliveryStatus.DELIVERED.next());
        assertEquals(Set.of(WebhookDeliveryStatus.PENDING), WebhookDeliveryStatus.FAILED.next());
        WebhookDelivery delivery = delivery();
        delivery.claim(NOW, LEASE);
        delivery.attempted(WebhookDelivery.AttemptResult.answered(200, Duration.ZERO), NOW, SCHEDULE, random);
        assertThrows(IllegalStateException.class, () -> delivery.claim(NOW, LEASE), "a delivered one is not tried");
    }

    @Test
    void aRotatedSecretKeepsSigningForItsGracePeriodOnly() {
        WebhookEndpoint endpoint = WebhookEndpoint.register("https://erp.example.com/hook", List.of("OrderPlaced"),
                null, NOW);
        String first = endpoint.secret();
        assertEquals(List.of(first), endpoint.validSecrets(NOW));
        String second = endpoint.rotateSecret(Duration.ofHours(24), NOW);
        assertEquals(List.of(second, first), endpoint.validSecrets(NOW.plusSeconds(60)));
        assertEquals(NOW.plus(Duration.ofHours(24)), endpoint.previousSecretValidUntil(NOW));
        assertEquals(List.of(second), endpoint.validSecrets(NOW.plus(Duration.ofHours(24))));
        assertNull(endpoint.previousSecretValidUntil(NOW.plus(Duration.ofHours(25))));
    }

    @Test
    void eventTypesAreKnownTypesOrStar() {
        Set<String> known = Set.of("OrderPlaced", "ShipmentDispatched");
        assertEquals(List.of("OrderPlaced"), WebhookEndpoint.checkedTypes(List.of("OrderPlaced", "OrderPlaced"),
                known));
        assertEquals(List.of("*"), WebhookEndpoint.checkedTypes(List.of("*"), known));
        assertEquals(List.of("*"), WebhookEndpoint.checkedTypes(List.of("OrderPlaced", "*"), known),
                "every type, said once");
        WebhookException unknown = assertThrows(WebhookException.class, () -> WebhookEndpoint.checkedTypes(List.of(
                "OrderPlaced", "<script>"), known));
        assertEquals("eventTypes[1]", unknown.field());
        assertFalse(unknown.getMessage().contains("<script>"), "the value is not echoed");
        assertThrows(WebhookException.class, () -> WebhookEndpoint.checkedTypes(List.of(), known));
        WebhookEndpoint star = WebhookEndpoint.register("https://x.example/h", List.of("*"), " ", NOW);
        assertTrue(star.subscribesTo("StockLow"));
        assertNull(star.description());
    }
}
