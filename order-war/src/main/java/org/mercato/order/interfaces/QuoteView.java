package org.mercato.order.interfaces;

import java.util.List;

import org.mercato.order.application.OrderService;
import org.mercato.order.domain.OrderLine;
import org.mercato.order.domain.Totals;
import org.mercato.platform.money.Money;

/**
 * The answer to a quote, written by JSON-B: the cart's lines at the catalog's prices and the totals an order placed
 * from it would charge, all money in minor units ({@code {"amount": 1999, "currency": "EUR"}}). Classes with public
 * fields, as Payara's OpenAPI reader needs.
 */
public final class QuoteView {

    public List<Line> lines;
    public Amounts totals;
    /** true: the prices are gross and {@code totals.tax} is the tax part of the total; false: tax is added */
    public boolean taxIncluded;

    /** One SKU of the cart: {@code total = unitPrice x quantity}. */
    public static final class Line {
        public String sku;
        public String name;
        public int quantity;
        public Amount unitPrice;
        public Amount total;
    }

    /** What the order would charge: {@code total} is the charge. */
    public static final class Amounts {
        public Amount subtotal;
        public Amount shipping;
        public Amount tax;
        public Amount total;
    }

    /** Money in minor units of an ISO 4217 currency. */
    public static final class Amount {
        public long amount;
        public String currency;

        static Amount of(Money money) {
            Amount json = new Amount();
            json.amount = money.amount();
            json.currency = money.currency();
            return json;
        }
    }

    /** The view of a quote. */
    static QuoteView of(OrderService.Quote quote) {
        QuoteView view = new QuoteView();
        view.lines = quote.lines().stream().map(QuoteView::line).toList();
        Totals totals = quote.totals();
        view.totals = new Amounts();
        view.totals.subtotal = Amount.of(totals.subtotal());
        view.totals.shipping = Amount.of(totals.shipping());
        view.totals.tax = Amount.of(totals.tax());
        view.totals.total = Amount.of(totals.total());
        view.taxIncluded = totals.taxIncluded();
        return view;
    }

    private static Line line(OrderLine orderLine) {
        Line line = new Line();
        line.sku = orderLine.sku();
        line.name = orderLine.name();
        line.quantity = orderLine.quantity();
        line.unitPrice = Amount.of(orderLine.unitPrice());
        line.total = Amount.of(orderLine.total());
        return line;
    }
}
