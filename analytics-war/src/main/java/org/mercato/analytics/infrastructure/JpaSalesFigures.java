package org.mercato.analytics.infrastructure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.mercato.analytics.domain.DailySales;
import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.SalesFigures;

/**
 * The figures as SQL aggregates over the facts: the database groups and sums, only one row per day that sold or per
 * product comes back. Cancelled sales never count; revenue is net of refunds.
 */
@ApplicationScoped
public class JpaSalesFigures implements SalesFigures {

    @PersistenceContext
    EntityManager em;

    protected JpaSalesFigures() {
        // for CDI
    }

    public JpaSalesFigures(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<DailySales> daily(ReportPeriod period, String currency) {
        // days travel as ISO text both ways: java.sql.Date would pass them through the Julian calendar
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select to_char(s.sale_day, 'YYYY-MM-DD'), count(s.order_id),"
                + " coalesce(sum(s.total - s.refunded), 0)"
                + " from sale_order s where s.currency = ?1 and not s.cancelled"
                + " and s.sale_day between cast(?2 as date) and cast(?3 as date)"
                + " group by s.sale_day")
                .setParameter(1, currency).setParameter(2, period.from().toString())
                .setParameter(3, period.to().toString()).getResultList();
        Map<LocalDate, DailySales> sold = new HashMap<>();
        for (Object[] row : rows) {
            LocalDate day = LocalDate.parse((String) row[0]);
            sold.put(day, new DailySales(day, number(row[1]), number(row[2])));
        }
        // every day of the period, made here from the period itself, so the days are exactly the ones asked for
        List<DailySales> days = new ArrayList<>((int) period.days());
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            days.add(sold.getOrDefault(day, new DailySales(day, 0, 0)));
        }
        return days;
    }

    @Override
    public List<ProductSales> topProducts(ReportPeriod period, String currency, int limit) {
        // a SKU keeps the name of its latest sale; the SKU breaks ties so the order never wobbles
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.sku,"
                + " (array_agg(l.name order by s.placed_at desc, s.order_id))[1],"
                + " sum(l.quantity) as quantity, sum(l.revenue) as revenue, count(distinct l.order_id)"
                + " from sale_line l join sale_order s on s.order_id = l.order_id"
                + " where s.currency = ?1 and not s.cancelled and s.sale_day between cast(?2 as date) and"
                + " cast(?3 as date)"
                + " group by l.sku order by quantity desc, revenue desc, l.sku limit ?4")
                .setParameter(1, currency).setParameter(2, period.from().toString())
                .setParameter(3, period.to().toString()).setParameter(4, limit).getResultList();
        return rows.stream().map(row -> new ProductSales((String) row[0], (String) row[1], number(row[2]),
                number(row[3]), number(row[4]))).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
