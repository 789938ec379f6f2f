package org.mercato.order.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderException;
import org.mercato.platform.problem.ProblemException;

/** What the orders resource reads from a request and answers, without a container. */
class OrderResourceTest {

    @Test
    void allIsTrueFalseOrAbsentAndAnythingElseIsA400NamingIt() {
        assertFalse(OrderResource.everyone(null));
        assertFalse(OrderResource.everyone("false"));
        assertTrue(OrderResource.everyone("true"));
        for (String bad : new String[]{"yes", "1", "0", "TRUE", "True", "", " true", "on"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> OrderResource.everyone(bad), bad);
            assertEquals(400, e.problem().status(), bad);
            assertEquals("all", e.problem().errors().get(0).field(), bad);
        }
    }

    @Test
    void aReplayedRefusalIsTheFirstAnswerSayingItIsAReplay() {
        OrderException first = new OrderException(402, "payment-declined", "the card was declined (card_declined)"
                + "; order 1");
        Response replayed = OrderResource.replayed(first.asReplay()).toResponse(URI.create("/orders/api/orders"));
        assertEquals(402, replayed.getStatus());
        assertEquals("true", replayed.getHeaderString("Idempotent-Replayed"));
        assertNull(replayed.getHeaderString("Retry-After"));
        assertTrue(replayed.getEntity().toString().contains("\"detail\":\"the card was declined (card_declined); order"
                + " 1\""), replayed.getEntity().toString());
        assertTrue(replayed.getEntity().toString().contains("/payment-declined\""), replayed.getEntity().toString());

        Response authentication = OrderResource.replayed(new OrderException(402, "authentication-required",
                "3-D Secure").asReplay()).toResponse(null);
        assertTrue(authentication.getEntity().toString().contains("\"title\":\"Authentication required\""));
        Response unavailable = OrderResource.replayed(new OrderException(503, "payment-unavailable",
                "payments did not answer").asReplay()).toResponse(null);
        assertEquals("2", unavailable.getHeaderString("Retry-After"), "the same headers as the first answer");
        assertEquals("true", unavailable.getHeaderString("Idempotent-Replayed"));
    }
}
