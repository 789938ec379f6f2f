package org.mercato.notification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercato.platform.testing.payara.PayaraMicroPlatform.eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.platform.testing.payara.InPayaraMicro;
import org.mercato.platform.testing.payara.PayaraMicroPlatform;
import org.mercato.platform.testing.payara.TestBroker;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The notification WAR on Payara Micro with the Artemis resource adapter, a real broker, PostgreSQL and an SMTP
 * server (GreenMail): OrderPlaced and OrderCancelled on {@code mercato.orders} and ShipmentDispatched on
 * {@code mercato.fulfillment} reach its message-driven beans and each sends one email per event id, through the
 * after-commit dispatcher; what no email can be written from is parked with its reason; a failure that passes is
 * redelivered by the broker and applied. The webhook beans on the same topics are deployed too (no endpoint is
 * registered here, so they deliver nothing).
 */
@InPayaraMicro(value = "notifications", settings = {"mercato.mail.host=127.0.0.1", "mercato.mail.port={port:smtp}"})
class NotificationJmsWiringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PayaraMicroPlatform platform;
    private static TestBroker broker;
    private static GreenMail smtp;

    /** The WAR as the build packaged it (failsafe runs after {@code package}): what ships is what is tested. */
    @Deployment(testable = false)
    static WebArchive notifications() {
        return PayaraMicroPlatform.packagedWar("notifications.war");
    }

    @BeforeAll
    static void ready() throws Exception {
        platform = PayaraMicroPlatform.current();
        broker = platform.broker();
        // nothing is sent before the first event below, so the server may start after the service
        smtp = new GreenMail(new ServerSetup(platform.port("smtp"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        platform.awaitReady(Duration.ofSeconds(120));
        broker.awaitSubscription(Topics.ORDERS, "notification-orders", Duration.ofSeconds(60));
        broker.awaitSubscription(Topics.FULFILLMENT, "notification-shipments", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anOrdersEventsEachSendOneEmailHoweverOftenTheyArrive() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        String email = shopper(orderId);
        String placed = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, placed, 1, orderPlaced(orderId, email));
        // the same message again (a redelivery after a lost acknowledgement)
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, placed, 1, orderPlaced(orderId, email));
        broker.publish(Topics.FULFILLMENT, ShipmentDispatched.TYPE, shipmentDispatched(orderId, email));
        broker.publish(Topics.ORDERS, OrderCancelled.TYPE, orderCancelled(orderId, email));

        eventually(WAIT, "three emails to " + email, () -> received(email).size() == 3);
        List<String> subjects = received(email).stream().map(NotificationJmsWiringIT::subject).sorted().toList();
        assertEquals(List.of("Your Mercato order " + orderId + " has been cancelled", "Your Mercato order " + orderId
                + " is confirmed", "Your Mercato order " + orderId + " is on its way"), subjects);
        eventually(WAIT, "the emails recorded as sent", () -> platform.number(
                "select count(*) from email where order_id = ? and status = 'SENT'", orderId) == 3);
        assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?", placed));
        Thread.sleep(1000);
        assertEquals(3, received(email).size(), "one email per event");
    }

    @Test
    void whatNoEmailCanBeWrittenFromIsParkedWithItsReasonAndSendsNothing() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        String email = shopper(orderId);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId, "ada at example")),
                "customer.email must be an email address");
        reasons.put(broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId + " x", email)), "orderId");
        reasons.put(broker.publish(Topics.ORDERS, OrderCancelled.TYPE, "cancelled " + orderId), "unreadable");
        String newer = UUID.randomUUID().toString();
        broker.publish(Topics.ORDERS, OrderPlaced.TYPE, newer, 2, orderPlaced(orderId, email));
        reasons.put(newer, "schemaVersion 2");
        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            String reason = broker.parkedReason(Topics.ORDERS, "eventId = '" + expected.getKey() + "'");
            assertNotNull(reason, expected.getValue());
            assertTrue(reason.contains(expected.getValue()), expected.getValue() + " not in: " + reason);
        }
        String noRecipient = broker.publish(Topics.FULFILLMENT, ShipmentDispatched.TYPE, shipmentDispatched(orderId,
                email).replace("\"trackingNumber\"", "\"tracking\""));
        assertTrue(
                broker.parkedReason(Topics.FULFILLMENT, "eventId = '" + noRecipient + "'").contains("trackingNumber"));
        assertEquals(0, platform.number("select count(*) from email where order_id like ?", orderId + "%"));
        assertEquals(0, received(email).size());
    }

    @Test
    void aFailureThatPassesIsRedeliveredByTheBrokerAndSendsOneEmail() throws Exception {
        String orderId = "o-" + UUID.randomUUID();
        String email = shopper(orderId);
        // the database refuses the first two attempts at the order's email (a failure the consumer cannot tell
        // from a database outage); a sequence counts the attempts, its numbers are not rolled back
        platform.execute("create sequence email_attempts",
                "create function refuse_email() returns trigger language plpgsql as $$ begin"
                        + " if new.order_id = '" + orderId + "' and nextval('email_attempts') <= 2 then"
                        + " raise exception 'test: the database refuses this email now'; end if;"
                        + " return new; end $$",
                "create trigger refuse_email before insert on email for each row execute function refuse_email()");
        try {
            String eventId = broker.publish(Topics.ORDERS, OrderPlaced.TYPE, orderPlaced(orderId, email));
            eventually(WAIT, "the confirmation sent after the third delivery", () -> received(email).size() == 1);
            assertEquals(3, platform.number("select last_value from email_attempts"));
            assertEquals(1, platform.number("select count(*) from processed_event where event_id::text = ?",
                    eventId));
        } finally {
            platform.execute("drop trigger refuse_email on email", "drop function refuse_email()");
        }
    }

    /** A shopper's address of this order alone, so each test counts its own emails. */
    private static String shopper(String orderId) {
        return "ada+" + orderId.substring(2, 10) + "@example.com";
    }

    private static List<MimeMessage> received(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().contains(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reason a message the selector picks was parked with, or null if none arrives. */

    private static final PostalAddress ADDRESS = new PostalAddress("Ada Lovelace", "1 Analytical Row", null,
            "London", "N1 1AA", "GB");

    /** The documented OrderPlaced (docs/events.md), written from its contract record as the order service does. */
    private static String orderPlaced(String orderId, String email) {
        return EventJson.write(new OrderPlaced(orderId, "b0a4", new OrderCustomer("2f1e", email, "Ada Lovelace"),
                List.of(new OrderPlaced.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2, eur(17399), eur(34798))),
                new OrderPlaced.Totals(eur(34798), eur(0), eur(6960), eur(41758), false), ADDRESS, "5b0e", Instant
                        .parse("2026-11-24T10:15:30Z")));
    }

    private static String orderCancelled(String orderId, String email) {
        return EventJson.write(new OrderCancelled(orderId, "customer asked", "staff@example.com", true,
                new OrderCustomer("2f1e", email, "Ada Lovelace"), List.of(new OrderCancelled.Line("MC-7KQ2ZP", 2)),
                eur(41758), Instant.parse("2026-11-24T11:00:00Z")));
    }

    private static String shipmentDispatched(String orderId, String email) {
        return EventJson.write(new ShipmentDispatched("s-" + orderId, orderId, "DHL", "TRK-1", Instant.parse(
                "2026-11-25T08:00:00Z"), new ShipmentDispatched.Recipient(email, "Ada Lovelace"), ADDRESS,
                List.of(
                        new ShipmentDispatched.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2))));
    }

    private static MonetaryAmount eur(long amount) {
        return new MonetaryAmount(amount, "EUR");
    }
}
