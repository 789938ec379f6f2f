package org.mercato.payment.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentException.Reason;
import org.mercato.platform.problem.Problem;

class PaymentExceptionMapperTest {

    private final PaymentExceptionMapper mapper = new PaymentExceptionMapper();

    @Test
    void aRefusalAnsweredAgainFromItsKeySaysItIsAReplay() {
        PaymentException refused = new PaymentException(Reason.REFUND_EXCEEDS_PAYMENT, "only 8.46 EUR of payment p"
                + " can be refunded");
        Problem first = mapper.problem(refused);
        Problem replayed = mapper.problem(refused.asReplay());
        assertEquals(409, first.status());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(first.type(), replayed.type());
        assertEquals(first.detail(), replayed.detail());
        assertEquals(404, mapper.problem(PaymentException.notFound("no payment p").asReplay()).status());
    }
}
