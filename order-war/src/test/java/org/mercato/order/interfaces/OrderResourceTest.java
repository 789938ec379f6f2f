package org.mercato.order.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.mercato.order.application.OrderException;
import org.mercato.order.domain.OrderSearch;
import org.mercato.order.domain.OrderStatus;
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

    private static String refusedParameter(String q, String email, String from, String to, String sort) {
        ProblemException e = assertThrows(ProblemException.class, () -> OrderSearchParameters.read(null, q, email,
                from, to, sort));
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void theSearchParametersAreReadIntoASearch() {
        OrderSearch search = OrderSearchParameters.read(OrderStatus.PAID, " 3F2A9C1B-7 ", " Alice@Example.COM ",
                "2026-12-01", "2026-12-02T10:00:00Z", "-total");
        assertEquals(OrderStatus.PAID, search.status());
        assertEquals("3f2a9c1b-7", search.idPrefix());
        assertEquals("alice@example.com", search.emailPrefix());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), search.createdFrom());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), search.createdTo());
        assertEquals(new OrderSearch.Sort(OrderSearch.SortKey.TOTAL, true), search.sort());
        assertNull(search.customerId());
        OrderSearch none = OrderSearchParameters.read(null, null, null, null, null, null);
        assertEquals(OrderSearch.all(), none);
        assertEquals(new OrderSearch.Sort(OrderSearch.SortKey.STATUS, false), OrderSearchParameters.read(null, null,
                null, null, null, "status").sort());
        assertEquals(new OrderSearch.Sort(OrderSearch.SortKey.CREATED, false), OrderSearchParameters.read(null, null,
                null, null, null, "created").sort());
    }

    @Test
    void aBadSearchValueIsA400NamingItsParameter() {
        for (String q : new String[]{"", "3f2", "xyz1", "3f2a9c1b7", "3f2a%", "'; drop table"}) {
            assertEquals("q", refusedParameter(q, null, null, null, null), q);
        }
        assertEquals("email", refusedParameter(null, "", null, null, null));
        assertEquals("email", refusedParameter(null, "  ", null, null, null));
        assertEquals("email", refusedParameter(null, "a".repeat(321), null, null, null));
        assertEquals("from", refusedParameter(null, null, "yesterday", null, null));
        assertEquals("to", refusedParameter(null, null, null, "2026-02-30", null));
        assertEquals("from", refusedParameter(null, null, "2026-12-02", "2026-12-01", null), "from after to");
        for (String sort : new String[]{"", "price", "-", "+total", "TOTAL", "created,total"}) {
            assertEquals("sort", refusedParameter(null, null, null, null, sort), sort);
        }
    }

    @Test
    void aRequiredAddressTextMustShowSomethingAsInTheAddressBook() {
        org.mercato.platform.json.Visible.Validator visible = new org.mercato.platform.json.Visible.Validator();
        for (String blank : new String[]{"\u200b", "\u200b\u200c\u200d", "\ufeff", "\u2060", "\u00a0",
                "\u3000", "\u3164", "\u034f", "\ufe0f", "\u202e"}) {
            assertFalse(visible.isValid(blank, null), () -> "refused: U+" + Integer.toHexString(blank.codePointAt(0)));
        }
        for (String shows : new String[]{"Kim", "\u200bKim", "Zoë", "李", "1"}) {
            assertTrue(visible.isValid(shows, null), shows);
        }
        // null and ASCII-blank are @NotBlank's, so a field gets one error
        assertTrue(visible.isValid(null, null));
        assertTrue(visible.isValid("  ", null));
    }

    @Test
    void theNameClaimIsItsTextNotItsJson() {
        assertEquals("Ada \"the\" Lovelace \\", OrderResource.textClaim(token(jakarta.json.Json.createValue(
                "Ada \"the\" Lovelace \\")), "name"));
        assertEquals("Ada", OrderResource.textClaim(token("Ada"), "name"));
        assertNull(OrderResource.textClaim(token(null), "name"));
        assertNull(OrderResource.textClaim(token(jakarta.json.JsonValue.NULL), "name"));
    }

    /** A token whose one claim, "name", is {@code value} (a String as Payara gives it, or a JSON value). */
    private static org.eclipse.microprofile.jwt.JsonWebToken token(Object value) {
        return new org.eclipse.microprofile.jwt.JsonWebToken() {
            @Override
            public String getName() {
                return "ada@example.com";
            }

            @Override
            public java.util.Set<String> getClaimNames() {
                return value == null ? java.util.Set.of() : java.util.Set.of("name");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "name".equals(claimName) ? (T) value : null;
            }
        };
    }
}
