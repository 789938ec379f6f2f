package org.mercato.payment.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.platform.problem.ProblemException;

/** What the staff's list of payments reads from its query parameters, without a container. */
class PaymentListParametersTest {

    private static String refused(String status, String from, String to, String sort) {
        ProblemException e = assertThrows(ProblemException.class, () -> PaymentListParameters.read(status, from, to,
                sort));
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void statusesFromToAndSortAreRead() {
        PaymentSearch search = PaymentListParameters.read("DECLINED,FAILED", "2026-12-01", "2026-12-01", "amount");
        assertEquals(Set.of(PaymentStatus.DECLINED, PaymentStatus.FAILED), search.statuses());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), search.createdFrom());
        assertEquals(Instant.parse("2026-12-01T23:59:59.999999Z"), search.createdTo());
        assertEquals(new PaymentSearch.Sort(PaymentSearch.SortKey.AMOUNT, false), search.sort());
        assertEquals(PaymentSearch.all(), PaymentListParameters.read(null, null, null, null));
        assertEquals(Set.of(PaymentStatus.DECLINED), PaymentListParameters.read("DECLINED", null, null, "-status")
                .statuses());
    }

    @Test
    void aBadValueIsA400NamingItsParameter() {
        for (String status : new String[]{"", "declined", "DECLINED,", ",FAILED", "DECLINED, FAILED", "NOPE"}) {
            assertEquals("status", refused(status, null, null, null), status);
        }
        assertEquals("from", refused(null, "tomorrow", null, null));
        assertEquals("to", refused(null, null, "2026-12-32", null));
        assertEquals("from", refused(null, "2026-12-02", "2026-12-01", null));
        assertEquals("sort", refused(null, null, null, "total"));
        assertEquals("sort", refused(null, null, null, "-"));
    }
}
