package org.mercato.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

class SaleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static Sale sale(Instant placedAt, long subtotal, long shipping, long tax, long total) {
        return Sale.placed("order-1", "customer-1", placedAt, eur(subtotal), eur(shipping), eur(tax), eur(total),
                false, List.of(new SaleLine("MC-1", "Headphones", 2, subtotal)), NOW);
    }

    private static Money eur(long amount) {
        return new Money(amount, "EUR");
    }

    @Test
    void countsForTheUtcDayItWasPlacedOn() {
        assertEquals(LocalDate.parse("2026-11-24"),
                sale(Instant.parse("2026-11-24T23:59:59.999Z"), 100, 0, 0, 100).saleDay());
        assertEquals(LocalDate.parse("2026-11-25"),
                sale(Instant.parse("2026-11-25T00:00:00Z"), 100, 0, 0, 100).saleDay());
    }

    private static Sale gross(long subtotal, long shipping, long tax, long total) {
        return Sale.placed("order-1", "customer-1", NOW, eur(subtotal), eur(shipping), eur(tax), eur(total), true,
                List.of(new SaleLine("MC-1", "Headphones", 2, subtotal)), NOW);
    }

    @Test
    void aGrossOrdersTaxIsPartOfItsTotal() {
        Sale sale = gross(2500, 495, 478, 2995);
        assertTrue(sale.taxIncluded());
        assertEquals(2995, sale.netRevenue());
        assertEquals(eur(478), sale.tax());
        assertThrows(SalesFactRefusedException.class, () -> gross(2500, 495, 478, 3473), "tax added to a gross");
        assertThrows(SalesFactRefusedException.class, () -> sale(NOW, 2500, 495, 478, 2995), "net without tax");
        assertThrows(SalesFactRefusedException.class, () -> gross(100, 0, 101, 100), "more tax than total");
    }

    @Test
    void refusesMoneyThatDoesNotAddUpOrMixesCurrencies() {
        assertThrows(SalesFactRefusedException.class, () -> sale(NOW, 100, 10, 10, 121));
        assertThrows(SalesFactRefusedException.class, () -> Sale.placed("order-1", "c", NOW, eur(100), eur(0),
                eur(0), new Money(100, "USD"), false, List.of(new SaleLine("MC-1", "x", 1, 100)), NOW));
        assertThrows(SalesFactRefusedException.class, () -> Sale.placed("order-1", "c", NOW, eur(100), eur(0),
                eur(0), eur(100), false, List.of(), NOW));
        assertThrows(SalesFactRefusedException.class, () -> Sale.placed("", "c", NOW, eur(100), eur(0), eur(0),
                eur(100), false, List.of(new SaleLine("MC-1", "x", 1, 100)), NOW));
        assertThrows(SalesFactRefusedException.class, () -> new SaleLine("MC-1", "x", 0, 100));
        assertEquals("MC-1", new SaleLine("MC-1", null, 1, 100).name());
    }

    @Test
    void refundsComeOffTheNetRevenueUpToTheTotalInItsCurrency() {
        Sale sale = sale(NOW, 4000, 500, 500, 5000);
        SaleRefund part = new SaleRefund("r-1", "order-1", "p-1", eur(2000), NOW, NOW);
        sale.addRefund(part, NOW);
        assertEquals(2000, sale.refunded());
        assertEquals(3000, sale.netRevenue());
        assertNotNull(part.appliedAt());

        SaleRefund tooMuch = new SaleRefund("r-2", "order-1", "p-1", eur(3001), NOW, NOW);
        assertTrue(sale.refusalOf(tooMuch).contains("more than"));
        assertThrows(SalesFactRefusedException.class, () -> sale.addRefund(tooMuch, NOW));
        assertNull(tooMuch.appliedAt());
        SaleRefund dollars = new SaleRefund("r-3", "order-1", "p-1", new Money(10, "USD"), NOW, NOW);
        assertTrue(sale.refusalOf(dollars).contains("USD"));
        SaleRefund otherOrder = new SaleRefund("r-4", "order-2", "p-1", eur(10), NOW, NOW);
        assertTrue(sale.refusalOf(otherOrder).contains("order-2"));
        assertEquals(3000, sale.netRevenue());

        sale.addRefund(new SaleRefund("r-5", "order-1", "p-1", eur(3000), NOW, NOW), NOW);
        assertEquals(0, sale.netRevenue());
        assertThrows(SalesFactRefusedException.class,
                () -> new SaleRefund("r-6", "order-1", "p-1", eur(0), NOW, NOW));
    }

    @Test
    void aSecondCancellationKeepsTheFirstTime() {
        Sale sale = sale(NOW, 100, 0, 0, 100);
        sale.cancel(NOW);
        sale.cancel(NOW.plusSeconds(60));
        assertTrue(sale.cancelled());
        assertEquals(NOW, sale.cancelledAt());
    }
}
