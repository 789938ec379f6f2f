package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An email's way from PENDING to SENT or FAILED, and the waits between attempts. */
class EmailTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Email queued() {
        return Email.queued(new ComposedEmail(EmailKind.ORDER_CONFIRMATION, "o-1", "ada@example.com", "Subject",
                "text", "<p>html</p>"), UUID.randomUUID(), NOW);
    }

    @Test
    void waitsTwoSecondsDoublingUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(2), Email.backOff(1));
        assertEquals(Duration.ofSeconds(4), Email.backOff(2));
        assertEquals(Duration.ofSeconds(256), Email.backOff(8));
        assertEquals(Duration.ofMinutes(5), Email.backOff(9));
        assertEquals(Duration.ofMinutes(5), Email.backOff(1000));
    }

    @Test
    void aRefusedEmailIsGivenUpAfterTenAttempts() {
        Email email = queued();
        Instant now = NOW;
        for (int attempt = 1; attempt < Email.MAX_ATTEMPTS; attempt++) {
            email.notSent("550 mailbox unavailable", false, now);
            assertEquals(EmailStatus.PENDING, email.status());
            assertEquals(attempt, email.attempts());
            assertEquals(now.plus(Email.backOff(attempt)), email.nextAttemptAt());
            now = email.nextAttemptAt();
        }
        email.notSent("550 mailbox unavailable", false, now);
        assertEquals(EmailStatus.FAILED, email.status());
        assertEquals(Email.MAX_ATTEMPTS, email.attempts());
        assertEquals("550 mailbox unavailable", email.lastError());
        assertThrows(IllegalStateException.class, () -> email.sent(NOW));
    }

    @Test
    void anUnreachableServerNeverMakesAnEmailFail() {
        Email email = queued();
        for (int attempt = 1; attempt <= 3 * Email.MAX_ATTEMPTS; attempt++) {
            email.notSent("Connection refused", true, NOW);
        }
        assertEquals(EmailStatus.PENDING, email.status());
        assertEquals(3 * Email.MAX_ATTEMPTS, email.attempts());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), email.nextAttemptAt());
        email.sent(NOW.plusSeconds(600));
        assertEquals(EmailStatus.SENT, email.status());
        assertEquals(NOW.plusSeconds(600), email.sentAt());
    }

    @Test
    void keepsTheLastErrorShortAndLogsOnlyTheRecipientsDomain() {
        Email email = queued();
        email.notSent("x".repeat(2000), false, NOW);
        assertEquals(500, email.lastError().length());
        assertEquals("example.com", email.recipientDomain());
        email.sent(NOW);
        assertThrows(IllegalStateException.class, () -> email.sent(NOW));
    }
}
