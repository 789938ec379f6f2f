package org.mercato.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.notification.domain.Email;
import org.mercato.notification.domain.EmailKind;
import org.mercato.notification.domain.EmailStatus;
import org.mercato.notification.infrastructure.EventEmails;
import org.mercato.notification.infrastructure.JpaEmailRepository;
import org.mercato.notification.infrastructure.MailSettings;
import org.mercato.notification.infrastructure.SmtpMailSender;
import org.mercato.platform.testing.PostgresUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Events to emails in a shopper's inbox: a real PostgreSQL (the service's migrations) and a real SMTP server
 * (GreenMail on a free loopback port), each use case in its own transaction as the container runs it. Every test
 * writes to its own recipient, so emails other tests left behind never count.
 */
class EmailDeliveryIT {

    private static PostgresUnit db;
    private static final TestClock CLOCK = new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private int smtpPort;
    private GreenMail smtp;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = PostgresUnit.start("notifications-it", "notifications", EmailDeliveryIT.class.getClassLoader());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void startSmtp() throws IOException {
        smtpPort = org.mercato.platform.ports.LoopbackPorts.free();
        smtp = startGreenMail();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private GreenMail startGreenMail() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** What the listeners do with a received event: its body read into its record, its email queued. */
    private boolean apply(ReceivedEvent event) {
        return inTransaction(em -> EventEmails.queue(event, new NotificationService(new JpaEmailRepository(em),
                () -> {
                }, CLOCK)));
    }

    private EmailDispatcher.Pass dispatch() {
        SmtpMailSender sender = new SmtpMailSender(new MailSettings("127.0.0.1", smtpPort,
                "Mercato <shop@mercato.test>", null, null, false, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        return inTransaction(em -> new EmailDispatcher(new JpaEmailRepository(em), sender, CLOCK).dispatchDue());
    }

    /** Passes until nothing due is left (other tests' leftovers included). */
    private void dispatchAll() {
        EmailDispatcher.Pass pass;
        do {
            pass = dispatch();
        } while (pass.claimed() > 0 && pass.serverProblem() == null);
    }

    private static <T> T inTransaction(Function<jakarta.persistence.EntityManager, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(em)));
        return result.get(0);
    }

    private static List<Email> emailsTo(String recipient) {
        return inTransaction(em -> new NotificationService(new JpaEmailRepository(em), () -> {
        }, CLOCK).emails(null, recipient, 0, 100));
    }

    private List<MimeMessage> inbox(String recipient) throws Exception {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equals(recipient))) {
                received.add(message);
            }
        }
        return received;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void anOrderPlacedEventBecomesOneEmailWithTextAndHtmlParts() throws Exception {
        String ada = unique("ada");
        String orderId = "order-" + UUID.randomUUID();
        ReceivedEvent placed = TestEvents.orderPlaced(orderId, ada, "Ada Lovelace");
        assertTrue(apply(placed));

        Email queued = emailsTo(ada).get(0);
        assertEquals(EmailStatus.PENDING, queued.status());
        assertEquals(EmailKind.ORDER_CONFIRMATION, queued.kind());
        assertEquals(placed.headers().eventId(), queued.eventId());

        dispatchAll();
        List<MimeMessage> inbox = inbox(ada);
        assertEquals(1, inbox.size());
        MimeMessage mail = inbox.get(0);
        assertEquals("Your Mercato order " + orderId + " is confirmed", mail.getSubject());
        assertEquals("Mercato <shop@mercato.test>", mail.getFrom()[0].toString());
        assertEquals(orderId, mail.getHeader("X-Mercato-Order", null));
        assertEquals(placed.headers().eventId().toString(), mail.getHeader("X-Mercato-Event", null));
        assertEquals("<" + queued.id() + "@mercato.test>", mail.getMessageID());

        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && text.getContentType().toUpperCase().contains("UTF-8"),
                text.getContentType());
        assertTrue(html.isMimeType("text/html") && html.getContentType().toUpperCase().contains("UTF-8"),
                html.getContentType());
        String textBody = lines(text);
        String htmlBody = lines(html);
        assertTrue(textBody.contains("2 x Sonora Crème Headphones 319 (MC-7KQ2ZP) at EUR 173.99 each: EUR 347.98"),
                textBody);
        assertTrue(textBody.contains("1 x Braided Cable (MC-CABLE1) at EUR 0.00 each: EUR 0.00"), textBody);
        assertTrue(textBody.contains("Total: EUR 417.58"), textBody);
        assertTrue(htmlBody.contains("<td>Sonora Crème Headphones 319 (MC-7KQ2ZP)</td>"), htmlBody);
        assertTrue(htmlBody.contains("<td>Braided Cable (MC-CABLE1)</td>"), htmlBody);
        assertTrue(htmlBody.contains("EUR 417.58"), htmlBody);

        Email sent = emailsTo(ada).get(0);
        assertEquals(EmailStatus.SENT, sent.status());
        assertNotNull(sent.sentAt());
        assertEquals(0, sent.attempts());
        assertNull(sent.lastError());
    }

    @Test
    void theSameEventTwiceSendsOneEmail() throws Exception {
        String ada = unique("twice");
        ReceivedEvent placed = TestEvents.orderPlaced("order-" + UUID.randomUUID(), ada, "Ada Lovelace");
        assertTrue(apply(placed));
        assertFalse(apply(TestEvents.again(placed)));
        dispatchAll();
        // redelivered after it was sent: still nothing new
        assertFalse(apply(TestEvents.again(placed)));
        dispatchAll();
        assertEquals(1, inbox(ada).size());
        assertEquals(1, emailsTo(ada).size());
    }

    @Test
    void anSmtpOutageDelaysTheEmailWithBackOffAndItIsSentOnceWhenTheServerIsBack() throws Exception {
        String ada = unique("outage");
        smtp.stop();
        assertTrue(apply(TestEvents.orderPlaced("order-" + UUID.randomUUID(), ada, "Ada Lovelace")));

        Instant firstTry = CLOCK.instant();
        EmailDispatcher.Pass failed = dispatch();
        assertNotNull(failed.serverProblem());
        Email waiting = emailsTo(ada).get(0);
        assertEquals(EmailStatus.PENDING, waiting.status());
        assertEquals(1, waiting.attempts());
        assertNotNull(waiting.lastError());
        assertEquals(firstTry.plusSeconds(2), waiting.nextAttemptAt());

        // not due yet: the pass leaves it alone
        CLOCK.advance(Duration.ofSeconds(1));
        dispatch();
        assertEquals(1, emailsTo(ada).get(0).attempts());

        // due again, still down: the wait doubles
        CLOCK.advance(Duration.ofSeconds(1));
        Instant secondTry = CLOCK.instant();
        dispatch();
        waiting = emailsTo(ada).get(0);
        assertEquals(EmailStatus.PENDING, waiting.status());
        assertEquals(2, waiting.attempts());
        assertEquals(secondTry.plusSeconds(4), waiting.nextAttemptAt());

        smtp = startGreenMail();
        dispatch();
        assertEquals(0, inbox(ada).size(), "it waits out its back-off even when the server is back");
        CLOCK.advance(Duration.ofSeconds(4));
        dispatchAll();
        dispatchAll();
        assertEquals(1, inbox(ada).size());
        Email sent = emailsTo(ada).get(0);
        assertEquals(EmailStatus.SENT, sent.status());
        assertEquals(2, sent.attempts());
    }

    @Test
    void theHtmlPartEscapesWhatTheShopperTyped() throws Exception {
        String ada = unique("script");
        apply(TestEvents.orderPlaced("order-" + UUID.randomUUID(), ada, "<script>alert('hi')</script> & Co"));
        dispatchAll();
        MimeMultipart parts = (MimeMultipart) inbox(ada).get(0).getContent();
        String text = lines(parts.getBodyPart(0));
        String html = lines(parts.getBodyPart(1));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("Hello &lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; Co,"), html);
        assertTrue(html.contains("<strong>Shipping to</strong><br>\n&lt;script&gt;"), html);
        assertTrue(text.contains("Hello <script>alert('hi')</script> & Co,"), text);
    }

    @Test
    void cancellationAndShippingEmailsJoinTheLogNewestFirst() throws Exception {
        String ada = unique("Log");
        String orderId = "order-" + UUID.randomUUID();
        apply(TestEvents.orderPlaced(orderId, ada, "Ada"));
        CLOCK.advance(Duration.ofMillis(10));
        apply(TestEvents.shipmentDispatched(orderId, ada));
        CLOCK.advance(Duration.ofMillis(10));
        apply(TestEvents.orderCancelled(orderId, ada));
        dispatchAll();

        List<Email> log = inTransaction(em -> new NotificationService(new JpaEmailRepository(em), () -> {
        }, CLOCK).emails(orderId, null, 0, 20));
        assertEquals(List.of(EmailKind.ORDER_CANCELLED, EmailKind.SHIPMENT_DISPATCHED, EmailKind.ORDER_CONFIRMATION),
                log.stream().map(Email::kind).toList());
        assertTrue(log.stream().allMatch(e -> e.status() == EmailStatus.SENT));
        long byRecipient = inTransaction(em -> new NotificationService(new JpaEmailRepository(em), () -> {
        }, CLOCK).count(null, ada.toUpperCase()));
        assertEquals(3, byRecipient);
        List<Email> secondPage = inTransaction(em -> new NotificationService(new JpaEmailRepository(em), () -> {
        }, CLOCK).emails(orderId, ada, 2, 2));
        assertEquals(List.of(EmailKind.ORDER_CONFIRMATION), secondPage.stream().map(Email::kind).toList());

        List<MimeMessage> inbox = inbox(ada);
        assertEquals(3, inbox.size());
        String shipping = inbox.stream().filter(m -> subject(m).endsWith("is on its way")).map(m -> body(m, 0))
                .findFirst().orElseThrow();
        assertTrue(shipping.contains("Carrier: Mercato Post\nTracking number: MP1234567890"), shipping);
        assertTrue(shipping.contains("2 x Sonora Crème Headphones 319 (MC-7KQ2ZP)"), shipping);
    }

    @Test
    void aBodyNoEmailCanBeWrittenFromSavesNothing() {
        String ada = unique("refused");
        String json = TestEvents.orderPlaced("order-1", ada, "Ada").json().replace("\"lines\"",
                "\"items\"");
        assertThrows(RejectedMessageException.class, () -> apply(TestEvents.event("OrderPlaced", json)));
        assertThrows(RejectedMessageException.class, () -> apply(TestEvents.event("PaymentRefunded", "{}")));
        assertEquals(0, emailsTo(ada).size());
    }

    @Test
    void dispatchersSideBySideSendEachEmailOnce() throws Exception {
        String ada = unique("parallel");
        for (int i = 0; i < 30; i++) {
            apply(TestEvents.orderPlaced("order-" + i + "-" + UUID.randomUUID(), ada, "Ada"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dispatchers.add(pool.submit(this::dispatchAll));
        }
        for (Future<?> dispatcher : dispatchers) {
            dispatcher.get();
        }
        pool.shutdown();
        assertEquals(30, inbox(ada).size());
        assertEquals(30, inbox(ada).stream().map(EmailDeliveryIT::messageId).distinct().count());
        assertTrue(emailsTo(ada).stream().allMatch(e -> e.status() == EmailStatus.SENT));
    }

    @Test
    void theConsumersProcessedEventTableIsThere() {
        // IdempotentConsumer records event ids in processed_event; the outbox jar's migrations create it
        long tables = inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from"
                + " information_schema.tables where table_name in ('processed_event', 'email')").getSingleResult())
                .longValue());
        assertEquals(2, tables);
    }

    /** A text part as written: SMTP carries every line break as CRLF. */
    private static String lines(BodyPart part) throws jakarta.mail.MessagingException, IOException {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message, int part) {
        try {
            return lines(((MimeMultipart) message.getContent()).getBodyPart(part));
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
