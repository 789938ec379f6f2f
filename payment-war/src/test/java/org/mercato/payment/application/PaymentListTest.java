package org.mercato.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentSearch;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.infrastructure.SandboxPaymentProvider;
import org.mercato.platform.money.Money;

/**
 * The staff's list of every order's payments (the dashboard's failed-payments panel): by status, created window and
 * sort, alone and together, through the sandbox processor, so a declined card (tok_chargeDeclined) is listed the way
 * the shop declines it: DECLINED with the issuer's reason.
 */
class PaymentListTest {

    private final InMemoryPayments db = new InMemoryPayments();
    private final PaymentServiceTest.TestClock clock = new PaymentServiceTest.TestClock();
    private final PaymentService service = new PaymentService(db, new SandboxPaymentProvider(Duration.ofMillis(
            200)), (payment, refund) -> {
            }, db, clock);
    private Payment visa;
    private Payment declined;
    private Payment threeDs;
    private Payment bigVisa;

    private Payment charge(String order, long amount, String card) {
        Payment payment = service.charge("service:orders", "order:" + order, order, new Money(amount, "EUR"), card)
                .payment();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        return payment;
    }

    @BeforeEach
    void paymentsOfFourOrders() {
        // 10:00, 10:01, 10:02, 10:03
        visa = charge("o-1", 2000, "tok_visa");
        declined = charge("o-2", 1500, "tok_chargeDeclined");
        threeDs = charge("o-3", 500, "tok_threeDSecureRequired");
        bigVisa = charge("o-4", 9000, "tok_visa");
    }

    private List<UUID> ids(PaymentSearch search) {
        PaymentService.PaymentPage page = service.search(search, 0, 20);
        assertEquals(page.items().size(), page.total());
        return page.items().stream().map(d -> d.payment().id()).toList();
    }

    @Test
    void aDeclinedCardIsListedUnderDeclinedWithTheIssuersReason() {
        PaymentService.PaymentPage page = service.search(new PaymentSearch(Set.of(PaymentStatus.DECLINED), null,
                null, null), 0, 20);
        assertEquals(1, page.total());
        Payment listed = page.items().get(0).payment();
        assertEquals(declined.id(), listed.id());
        assertEquals("o-2", listed.orderId());
        assertEquals("card_declined", listed.declineReason());
        assertEquals(List.of(threeDs.id(), declined.id()), ids(new PaymentSearch(Set.of(PaymentStatus.DECLINED,
                PaymentStatus.FAILED, PaymentStatus.AUTHENTICATION_REQUIRED, PaymentStatus.VOIDED), null, null,
                null)), "the failed-payments panel: every payment that took no money, newest first");
    }

    @Test
    void everyPaymentNewestFirstAndEachSort() {
        assertEquals(List.of(bigVisa.id(), threeDs.id(), declined.id(), visa.id()), ids(PaymentSearch.all()));
        assertEquals(List.of(threeDs.id(), declined.id(), visa.id(), bigVisa.id()), ids(new PaymentSearch(Set.of(),
                null, null, new PaymentSearch.Sort(PaymentSearch.SortKey.AMOUNT, false))));
        assertEquals(List.of(bigVisa.id(), visa.id(), declined.id(), threeDs.id()), ids(new PaymentSearch(Set.of(),
                null, null, new PaymentSearch.Sort(PaymentSearch.SortKey.AMOUNT, true))));
        // AUTHENTICATION_REQUIRED, CAPTURED (newest first), DECLINED
        assertEquals(List.of(threeDs.id(), bigVisa.id(), visa.id(), declined.id()), ids(new PaymentSearch(Set.of(),
                null, null, new PaymentSearch.Sort(PaymentSearch.SortKey.STATUS, false))));
        assertEquals(List.of(visa.id(), declined.id(), threeDs.id(), bigVisa.id()), ids(new PaymentSearch(Set.of(),
                null, null, new PaymentSearch.Sort(PaymentSearch.SortKey.CREATED, false))));
    }

    @Test
    void aCreatedWindowAloneAndWithStatusBothEndsInclusive() {
        assertEquals(List.of(threeDs.id(), declined.id()), ids(new PaymentSearch(Set.of(), declined.createdAt(),
                threeDs.createdAt(), null)));
        assertEquals(List.of(bigVisa.id()), ids(new PaymentSearch(Set.of(PaymentStatus.CAPTURED), declined
                .createdAt(), null, null)));
        assertEquals(List.of(), ids(new PaymentSearch(Set.of(PaymentStatus.DECLINED), threeDs.createdAt(), null,
                null)));
        assertEquals(List.of(visa.id()), ids(new PaymentSearch(Set.of(), null, visa.createdAt(), null)));
    }

    @Test
    void pagesCountEveryPaymentTheSearchKeeps() {
        PaymentService.PaymentPage first = service.search(new PaymentSearch(Set.of(PaymentStatus.CAPTURED), null,
                null, null), 0, 1);
        PaymentService.PaymentPage second = service.search(new PaymentSearch(Set.of(PaymentStatus.CAPTURED), null,
                null, null), 1, 1);
        assertEquals(2, first.total());
        assertEquals(List.of(bigVisa.id()), first.items().stream().map(d -> d.payment().id()).toList());
        assertEquals(List.of(visa.id()), second.items().stream().map(d -> d.payment().id()).toList());
        assertTrue(service.search(PaymentSearch.all(), 5, 20).items().isEmpty());
    }
}
