package org.mercato.analytics.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.analytics.domain.DailySales;
import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.Sale;
import org.mercato.analytics.domain.SaleCancellation;
import org.mercato.analytics.domain.SaleLine;
import org.mercato.analytics.domain.SaleRefund;
import org.mercato.analytics.domain.SalesFactRefusedException;
import org.mercato.analytics.domain.SalesReport;
import org.mercato.analytics.infrastructure.JpaSaleRepository;
import org.mercato.analytics.infrastructure.JpaSalesFigures;
import org.mercato.platform.money.Money;
import org.mercato.platform.testing.PostgresUnit;

/** Sales facts and the reports made of them, on a real PostgreSQL migrated by the service's own scripts. */
class SalesFactsIT {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static PostgresUnit db;

    @BeforeAll
    static void start() throws Exception {
        db = PostgresUnit.start("analytics-it", "analytics", SalesFactsIT.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void noFactsYet() {
        db.inTransaction(em -> em.createNativeQuery("truncate sale_line, sale_order, sale_refund, sale_cancellation")
                .executeUpdate());
    }

    private static <T> T facts(Function<SalesFactService, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(new SalesFactService(new JpaSaleRepository(em), CLOCK))));
        return result.get(0);
    }

    /** A use case that says whether it changed anything. */
    private static boolean changed(Function<SalesFactService, Boolean> work) {
        return facts(work);
    }

    private static <T> T reports(Function<SalesReportService, T> work) {
        List<T> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(work.apply(new SalesReportService(new JpaSalesFigures(em)))));
        return result.get(0);
    }

    private static long count(String sql) {
        List<Long> result = new ArrayList<>(1);
        db.inTransaction(em -> result.add(((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
        return result.get(0);
    }

    private static SalesReport daily(String from, String to, String currency) {
        return reports(r -> r.daily(new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to)), currency));
    }

    private static List<ProductSales> top(String from, String to, String currency, int limit) {
        return reports(r -> r.topProducts(new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to)), currency,
                limit));
    }

    /** A sale whose total is its lines (no shipping, no tax), each line given as sku, name, quantity, revenue. */
    private static Sale sale(String orderId, String placedAt, String currency, Object... lines) {
        List<SaleLine> saleLines = new ArrayList<>();
        long subtotal = 0;
        for (int i = 0; i < lines.length; i += 4) {
            saleLines.add(new SaleLine((String) lines[i], (String) lines[i + 1], (Integer) lines[i + 2],
                    ((Number) lines[i + 3]).longValue()));
            subtotal += ((Number) lines[i + 3]).longValue();
        }
        Money zero = new Money(0, currency);
        return Sale.placed(orderId, "customer-" + orderId, Instant.parse(placedAt), new Money(subtotal, currency),
                zero, zero, new Money(subtotal, currency), false, saleLines, NOW);
    }

    private static Sale eur(String orderId, String placedAt, long total) {
        return sale(orderId, placedAt, "EUR", "MC-" + orderId, "Product " + orderId, 1, total);
    }

    private static void placed(Sale... sales) {
        for (Sale sale : sales) {
            assertTrue(changed(f -> f.orderPlaced(sale)), sale.orderId());
        }
    }

    private static SaleRefund refund(String refundId, String orderId, long amount, String currency) {
        return new SaleRefund(refundId, orderId, "payment-" + orderId, new Money(amount, currency), NOW, NOW);
    }

    private static void assertDay(DailySales day, String date, long orders, long revenue, long average) {
        assertEquals(LocalDate.parse(date), day.date());
        assertEquals(orders, day.orders(), date + " orders");
        assertEquals(revenue, day.revenue(), date + " revenue");
        assertEquals(average, day.averageOrderValue(), date + " average");
    }

    @Test
    void theDailySeriesHasEveryDayOfThePeriodWithTotalsAndAverageOrderValue() {
        placed(eur("a", "2026-11-24T08:00:00Z", 1000), eur("b", "2026-11-24T23:59:59.999Z", 2001),
                eur("c", "2026-11-26T00:00:00Z", 500), eur("before", "2026-11-22T23:59:59Z", 7000),
                eur("after", "2026-11-28T00:00:00Z", 9000));

        SalesReport report = daily("2026-11-23", "2026-11-27", "EUR");

        assertEquals(5, report.days().size());
        assertDay(report.days().get(0), "2026-11-23", 0, 0, 0);
        assertDay(report.days().get(1), "2026-11-24", 2, 3001, 1501); // 1500.5 rounds up
        assertDay(report.days().get(2), "2026-11-25", 0, 0, 0);
        assertDay(report.days().get(3), "2026-11-26", 1, 500, 500);
        assertDay(report.days().get(4), "2026-11-27", 0, 0, 0);
        assertEquals(3, report.orders());
        assertEquals(3501, report.revenue());
        assertEquals(1167, report.averageOrderValue());

        SalesReport empty = daily("2025-01-01", "2025-12-31", "EUR");
        assertEquals(365, empty.days().size());
        assertEquals(0, empty.orders());
        assertEquals(0, empty.averageOrderValue());
    }

    @Test
    void theFirstAndLastReportableDaysAnswerExactlyThoseDays() {
        placed(eur("epoch", "1970-01-01T00:00:00Z", 1200), eur("last", "9999-12-31T23:59:59Z", 3400),
                eur("late-1969", "1969-12-31T23:59:59Z", 5600));

        SalesReport first = daily("1970-01-01", "1970-01-05", "EUR");
        assertEquals(5, first.days().size());
        assertDay(first.days().get(0), "1970-01-01", 1, 1200, 1200);
        assertDay(first.days().get(4), "1970-01-05", 0, 0, 0);
        assertEquals(1200, first.revenue());
        SalesReport last = daily("9999-12-30", "9999-12-31", "EUR");
        assertDay(last.days().get(0), "9999-12-30", 0, 0, 0);
        assertDay(last.days().get(1), "9999-12-31", 1, 3400, 3400);
        assertEquals(List.of("MC-last"), top("9999-12-01", "9999-12-31", "EUR", 10).stream().map(ProductSales::sku)
                .toList());
        assertEquals(List.of("MC-epoch"), top("1970-01-01", "1970-01-01", "EUR", 10).stream().map(
                ProductSales::sku).toList());
    }

    @Test
    void aSecondOrderPlacedForTheSameOrderChangesNothing() {
        placed(sale("o-1", "2026-11-24T10:00:00Z", "EUR", "MC-1", "Headphones", 2, 3000));
        assertFalse(changed(f -> f.orderPlaced(sale("o-1", "2026-11-24T10:00:00Z", "EUR", "MC-1", "Headphones", 2,
                3000))));
        // the same order id with other contents (a producer bug, a replay of an edited copy) changes nothing either
        assertFalse(changed(f -> f.orderPlaced(sale("o-1", "2026-11-25T10:00:00Z", "EUR", "MC-2", "Speaker", 9,
                99000))));

        assertEquals(1, count("select count(*) from sale_order"));
        assertEquals(1, count("select count(*) from sale_line"));
        SalesReport report = daily("2026-11-24", "2026-11-25", "EUR");
        assertEquals(1, report.orders());
        assertEquals(3000, report.revenue());
        assertEquals(0, report.days().get(1).orders());
        assertEquals(List.of("MC-1"), top("2026-11-24", "2026-11-25", "EUR", 10).stream().map(ProductSales::sku)
                .toList());
    }

    @Test
    void aCancellationTakesTheSaleOutAndARefundComesOffItsRevenue() {
        placed(sale("keep", "2026-11-24T10:00:00Z", "EUR", "MC-1", "Headphones", 1, 5000),
                sale("cancel", "2026-11-24T11:00:00Z", "EUR", "MC-2", "Speaker", 3, 10000));
        assertEquals(15000, daily("2026-11-24", "2026-11-24", "EUR").revenue());

        assertTrue(changed(f -> f.paymentRefunded(refund("r-1", "keep", 2000, "EUR"))));
        assertFalse(changed(f -> f.paymentRefunded(refund("r-1", "keep", 2000, "EUR"))), "a refund counts once");
        SalesReport refunded = daily("2026-11-24", "2026-11-24", "EUR");
        assertEquals(2, refunded.orders());
        assertEquals(13000, refunded.revenue());
        assertEquals(6500, refunded.averageOrderValue());

        SaleCancellation cancellation = new SaleCancellation("cancel", NOW, "staff@mercato.test", "asked", NOW);
        facts(f -> {
            f.orderCancelled(cancellation);
            return null;
        });
        facts(f -> {
            f.orderCancelled(cancellation);
            return null;
        });
        SalesReport cancelled = daily("2026-11-24", "2026-11-24", "EUR");
        assertEquals(1, cancelled.orders());
        assertEquals(3000, cancelled.revenue());
        assertEquals(3000, cancelled.averageOrderValue());
        assertEquals(List.of("MC-1"), top("2026-11-24", "2026-11-24", "EUR", 10).stream().map(ProductSales::sku)
                .toList());

        // the cancelled order's money comes back too (PaymentRefunded follows OrderCancelled): still out
        assertTrue(changed(f -> f.paymentRefunded(refund("r-2", "cancel", 10000, "EUR"))));
        assertEquals(3000, daily("2026-11-24", "2026-11-24", "EUR").revenue());
        assertEquals(2000 + 10000, count("select sum(refunded) from sale_order"));
    }

    @Test
    void aRefundThatCanNeverApplyIsRefusedAndChangesNothing() {
        placed(eur("o-1", "2026-11-24T10:00:00Z", 5000));
        facts(f -> f.paymentRefunded(refund("r-1", "o-1", 4000, "EUR")));

        SalesFactRefusedException tooMuch = assertThrows(SalesFactRefusedException.class,
                () -> facts(f -> f.paymentRefunded(refund("r-2", "o-1", 1001, "EUR"))));
        assertTrue(tooMuch.getMessage().contains("more than"), tooMuch.getMessage());
        SalesFactRefusedException dollars = assertThrows(SalesFactRefusedException.class,
                () -> facts(f -> f.paymentRefunded(refund("r-3", "o-1", 10, "USD"))));
        assertTrue(dollars.getMessage().contains("USD"), dollars.getMessage());

        assertEquals(1, count("select count(*) from sale_refund"));
        assertEquals(1000, daily("2026-11-24", "2026-11-24", "EUR").revenue());
    }

    @Test
    void aRefundOrCancellationThatOvertakesItsOrderAppliesWhenTheOrderArrives() {
        facts(f -> f.paymentRefunded(refund("r-early", "late", 1500, "EUR")));
        facts(f -> {
            f.orderCancelled(new SaleCancellation("late-cancelled", NOW, null, null, NOW));
            return null;
        });
        assertEquals(1, count("select count(*) from sale_refund where applied_at is null"));
        assertEquals(0, daily("2026-11-24", "2026-11-24", "EUR").orders());

        placed(eur("late", "2026-11-24T10:00:00Z", 4000), eur("late-cancelled", "2026-11-24T11:00:00Z", 9000));

        SalesReport report = daily("2026-11-24", "2026-11-24", "EUR");
        assertEquals(1, report.orders());
        assertEquals(2500, report.revenue());
        assertEquals(0, count("select count(*) from sale_refund where applied_at is null"));
        assertEquals(1, count("select count(*) from sale_order where cancelled"));
    }

    @Test
    void anEarlyRefundThatDoesNotFitItsOrderStaysUnappliedAndTheOrderStillCounts() {
        facts(f -> f.paymentRefunded(refund("r-usd", "o-1", 100, "USD")));
        placed(eur("o-1", "2026-11-24T10:00:00Z", 4000));
        assertEquals(4000, daily("2026-11-24", "2026-11-24", "EUR").revenue());
        assertEquals(1, count("select count(*) from sale_refund where applied_at is null"));
    }

    @Test
    void topProductsAreOrderedByQuantityThenRevenueFromStandingOrdersOnly() {
        placed(sale("o-1", "2026-11-24T10:00:00Z", "EUR", "A", "Cable", 3, 300, "B", "Speaker", 2, 600),
                sale("o-2", "2026-11-25T10:00:00Z", "EUR", "A", "Cable (braided)", 2, 200, "B", "Speaker", 3,
                        900),
                sale("o-3", "2026-11-25T12:00:00Z", "EUR", "C", "Headphones", 7, 700),
                sale("o-4", "2026-11-25T13:00:00Z", "EUR", "D", "Lamp", 100, 10000, "A", "Cable", 50, 5000),
                sale("o-5", "2026-11-29T13:00:00Z", "EUR", "E", "Outside the period", 500, 500));
        facts(f -> {
            f.orderCancelled(new SaleCancellation("o-4", NOW, null, null, NOW));
            return null;
        });

        List<ProductSales> top = top("2026-11-24", "2026-11-25", "EUR", 10);

        assertEquals(List.of("C", "B", "A"), top.stream().map(ProductSales::sku).toList());
        assertEquals(new ProductSales("C", "Headphones", 7, 700, 1), top.get(0));
        assertEquals(new ProductSales("B", "Speaker", 5, 1500, 2), top.get(1));
        // same quantity as B, less revenue; named as in its latest sale
        assertEquals(new ProductSales("A", "Cable (braided)", 5, 500, 2), top.get(2));
        assertEquals(List.of("C", "B"), top("2026-11-24", "2026-11-25", "EUR", 2).stream()
                .map(ProductSales::sku).toList());
    }

    @Test
    void anotherCurrencyIsKeptApart() {
        placed(sale("eur", "2026-11-24T10:00:00Z", "EUR", "A", "Cable", 1, 1000),
                sale("usd", "2026-11-24T11:00:00Z", "USD", "A", "Cable", 4, 4400),
                sale("gbp", "2026-11-24T12:00:00Z", "GBP", "B", "Speaker", 9, 9900));

        SalesReport euros = daily("2026-11-24", "2026-11-24", "EUR");
        assertEquals(1, euros.orders());
        assertEquals(1000, euros.revenue());
        SalesReport dollars = daily("2026-11-24", "2026-11-24", "USD");
        assertEquals("USD", dollars.currency());
        assertEquals(1, dollars.orders());
        assertEquals(4400, dollars.revenue());
        assertEquals(List.of(new ProductSales("A", "Cable", 1, 1000, 1)), top("2026-11-24", "2026-11-24", "EUR",
                10));
        assertEquals(List.of(new ProductSales("A", "Cable", 4, 4400, 1)), top("2026-11-24", "2026-11-24", "USD",
                10));
        assertEquals(0, daily("2026-11-24", "2026-11-24", "CHF").orders());
    }

    @Test
    void theMessagingTablesAreMigratedWithTheServicesOwn() {
        for (String table : new String[]{"sale_order", "sale_line", "sale_refund", "sale_cancellation",
                "processed_event", "outbox_message"}) {
            assertEquals(1, count("select count(*) from information_schema.tables where table_name = '" + table
                    + "'"), table);
        }
    }

    @Test
    void theOrderLockIsHeldOnTheTransactionsConnectionUntilItEnds() throws Exception {
        List<Boolean> othersCouldLock = new ArrayList<>();
        db.inTransaction(em -> {
            new JpaSaleRepository(em).lockOrder("o-locked");
            // a write binds the transaction's connection; the lock must be on that one, not a read connection
            em.createNativeQuery("update sale_order set cancelled = cancelled where false").executeUpdate();
            assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from pg_locks where locktype ="
                    + " 'advisory' and pid = pg_backend_pid()").getSingleResult()).longValue());
            othersCouldLock.add(tryLockElsewhere("o-locked"));
            othersCouldLock.add(tryLockElsewhere("o-other"));
        });
        assertEquals(Arrays.asList(false, true), othersCouldLock);
        assertTrue(tryLockElsewhere("o-locked"), "released at commit");
    }

    /** Whether another connection could take the order's lock just now (it lets go at once). */
    private static boolean tryLockElsewhere(String orderId) {
        try (Connection other = db.dataSource().getConnection();
                ResultSet rs = other.createStatement().executeQuery("select pg_try_advisory_xact_lock("
                        + 0x53414c45 + ", " + orderId.hashCode() + ")")) {
            assertTrue(rs.next());
            return rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void factsKeepWhatTheOrderSaid() {
        placed(sale("o-1", "2026-11-24T10:00:00Z", "EUR", "A", "Cable", 2, 300, "B", "Speaker", 1, 700));
        Sale stored = facts(f -> f.sales.find("o-1").orElseThrow());
        assertEquals("customer-o-1", stored.customerId());
        assertEquals(LocalDate.parse("2026-11-24"), stored.saleDay());
        assertEquals(new Money(1000, "EUR"), stored.total());
        assertEquals(List.of("A", "B"), stored.lines().stream().map(SaleLine::sku).toList());
        assertNotNull(stored.placedAt());
    }
}
