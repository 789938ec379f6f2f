package org.mercato.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;
import org.mercato.messaging.events.EventContract;
import org.mercato.messaging.events.EventJson;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.PaymentRefunded;
import org.mercato.messaging.outbox.Outbox;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.Refund;
import org.mercato.platform.money.Money;

/** PaymentRefunded as its contract's record, and as the JSON text the order service and analytics read back. */
class OutboxPaymentEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    /** An outbox that keeps what it is given. */
    private static final class KeptEvents extends Outbox {
        final List<EventContract<?>> contracts = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public <T extends Record> EventHeaders add(EventContract<T> contract, T body) {
            contracts.add(contract);
            bodies.add(EventJson.write(body));
            return EventHeaders.newEvent(contract.eventType(), contract.schemaVersion(), NOW);
        }
    }

    private static Payment captured() {
        Payment payment = Payment.intent("service:orders", "order-1", "key-1", "h".repeat(64), new Money(5000,
                "EUR"), "sandbox", NOW);
        payment.authorized("sbx_pi_1", NOW);
        payment.captured(NOW);
        return payment;
    }

    private static Refund refunded(Payment payment, long amount, String reason) {
        Refund refund = Refund.reserve(payment, "staff", "rk-" + amount, "h".repeat(64), amount, reason,
                "staff@mercato.test", NOW);
        refund.succeeded(payment, "sbx_re_" + amount, NOW);
        return refund;
    }

    @Test
    void aPartialThenTheLastRefundAreAnnouncedWithWhatRemains() {
        Payment payment = captured();
        KeptEvents outbox = new KeptEvents();
        OutboxPaymentEvents events = new OutboxPaymentEvents();
        events.outbox = outbox;

        Refund first = refunded(payment, 2000, "scratched");
        events.refunded(payment, first);
        Refund last = refunded(payment, 3000, null);
        events.refunded(payment, last);

        assertEquals(List.of(PaymentRefunded.CONTRACT, PaymentRefunded.CONTRACT), outbox.contracts);
        assertEquals(new PaymentRefunded(payment.id().toString(), "order-1", first.id().toString(),
                new MonetaryAmount(2000L, "EUR"), 3000L, "PARTIALLY_REFUNDED", "scratched"),
                EventJson.read(
                        outbox.bodies.get(0), PaymentRefunded.CONTRACT));
        assertEquals(new PaymentRefunded(payment.id().toString(), "order-1", last.id().toString(),
                new MonetaryAmount(3000L, "EUR"), 0L, "REFUNDED", ""),
                EventJson.read(outbox.bodies.get(1),
                        PaymentRefunded.CONTRACT));
        assertTrue(outbox.bodies.get(1).contains("\"reason\":\"\""), "no reason is written as \"\": " + outbox.bodies
                .get(1));
        assertTrue(outbox.bodies.get(0).contains("\"amount\":{\"amount\":2000,\"currency\":\"EUR\"}"), outbox.bodies
                .get(0));
    }
}
