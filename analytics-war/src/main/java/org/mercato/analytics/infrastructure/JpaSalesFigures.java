package org.mercato.analytics.infrastructure;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.mercato.analytics.domain.DailySales;
import org.mercato.analytics.domain.ProductSales;
import org.mercato.analytics.domain.ReportPeriod;
import org.mercato.analytics.domain.SalesFigures;

/**
 * The figures as SQL aggregates over the facts: the database groups and sums, only one row per day or per product
 * comes back. Cancelled sales never count; revenue is net of refunds.
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
        // generate_series gives every day of the period, so days without sales come back as zeros
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(d.day as date), count(s.order_id),"
                + " coalesce(sum(s.total - s.refunded), 0)"
                + " from generate_series(cast(?1 as date), cast(?2 as date), interval '1 day') as d(day)"
                + " left join sale_order s on s.sale_day = cast(d.day as date) and s.currency = ?3"
                + " and not s.cancelled"
                + " group by d.day order by d.day")
                .setParameter(1, Date.valueOf(period.from())).setParameter(2, Date.valueOf(period.to()))
                .setParameter(3, currency).getResultList();
        return rows.stream().map(row -> new DailySales(date(row[0]), number(row[1]), number(row[2]))).toList();
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
                .setParameter(1, currency).setParameter(2, Date.valueOf(period.from()))
                .setParameter(3, Date.valueOf(period.to())).setParameter(4, limit).getResultList();
        return rows.stream().map(row -> new ProductSales((String) row[0], (String) row[1], number(row[2]),
                number(row[3]), number(row[4]))).toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
