package org.mercato.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.mercato.platform.money.Money;

/**
 * Writes the shop's three emails, each as plain text and as HTML saying the same. Values from events are escaped
 * in the HTML (see {@link Html}); the text part needs no escaping.
 */
public final class OrderEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String SIGNATURE = "Mercato";

    private OrderEmails() {
    }

    /**
     * OrderPlaced: every line with its prices, the totals (the tax as "incl. VAT" under the total when the prices
     * included it, else as "VAT" above it), the shipping address.
     */
    public static ComposedEmail confirmation(OrderConfirmation order) {
        String subject = "Your Mercato order " + order.orderId() + " is confirmed";
        Writer mail = new Writer(subject, order.customerName());
        mail.paragraph("thank you for your order. Your payment has been received and we are getting your parcel"
                + " ready.");
        mail.facts(new Fact("Order", order.orderId()), new Fact("Placed", when(order.placedAt())));

        StringBuilder text = mail.text;
        StringBuilder html = mail.html;
        html.append("<table cellpadding=\"6\" style=\"border-collapse:collapse\">\n")
                .append("<thead><tr><th align=\"left\">Item</th><th align=\"right\">Quantity</th>")
                .append("<th align=\"right\">Unit price</th><th align=\"right\">Total</th></tr></thead>\n<tbody>\n");
        for (OrderConfirmation.Line line : order.lines()) {
            text.append(line.quantity()).append(" x ").append(line.label()).append(" at ")
                    .append(MoneyText.of(line.unitPrice())).append(" each: ").append(MoneyText.of(line.total()))
                    .append('\n');
            html.append("<tr><td>").append(Html.escape(line.label())).append("</td><td align=\"right\">")
                    .append(line.quantity()).append("</td><td align=\"right\">")
                    .append(Html.escape(MoneyText.of(line.unitPrice()))).append("</td><td align=\"right\">")
                    .append(Html.escape(MoneyText.of(line.total()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n<tfoot>\n");
        text.append('\n');
        OrderConfirmation.Totals totals = order.totals();
        mail.total("Subtotal", totals.subtotal(), false);
        mail.total("Shipping", totals.shipping(), false);
        if (totals.taxIncluded()) {
            // gross prices: the tax is already in the total, shown as the part of it that is tax
            mail.total("Total", totals.total(), true);
            mail.total("incl. VAT", totals.tax(), false);
        } else {
            mail.total("VAT", totals.tax(), false);
            mail.total("Total", totals.total(), true);
        }
        html.append("</tfoot>\n</table>\n");
        text.append('\n');

        mail.address("Shipping to", order.shippingAddress());
        mail.paragraph("We will write again when your parcel is on its way.");
        return mail.finish(EmailKind.ORDER_CONFIRMATION, order.orderId(), order.customerEmail());
    }

    /** OrderCancelled: the reason, whether money comes back, what was cancelled. */
    public static ComposedEmail cancellation(OrderCancellation order) {
        String subject = "Your Mercato order " + order.orderId() + " has been cancelled";
        Writer mail = new Writer(subject, order.customerName());
        mail.paragraph("your order " + order.orderId() + " has been cancelled.");
        mail.facts(new Fact("Reason", order.reason()),
                new Fact("Order total", order.total() == null ? null : MoneyText.of(order.total())));
        if (order.refunded()) {
            mail.paragraph("Your payment is being refunded to the payment method you used; it may take a few days"
                    + " to appear on your statement.");
        }
        mail.items("Cancelled items", order.items());
        mail.paragraph("If you did not expect this, please reply to this email.");
        return mail.finish(EmailKind.ORDER_CANCELLED, order.orderId(), order.customerEmail());
    }

    /** ShipmentDispatched: the carrier, the tracking number, what is in the parcel and where it goes. */
    public static ComposedEmail shipping(ShipmentDispatch shipment) {
        String subject = "Your Mercato order " + shipment.orderId() + " is on its way";
        Writer mail = new Writer(subject, shipment.recipientName());
        mail.paragraph("your order " + shipment.orderId() + " has left our warehouse.");
        mail.facts(new Fact("Carrier", shipment.carrier()),
                new Fact("Tracking number", shipment.trackingNumber() == null
                        ? "not given by the carrier"
                        : shipment.trackingNumber()),
                new Fact("Dispatched", when(shipment.dispatchedAt())));
        mail.items("In the parcel", shipment.items());
        mail.address("Going to", shipment.shippingAddress());
        return mail.finish(EmailKind.SHIPMENT_DISPATCHED, shipment.orderId(), shipment.recipientEmail());
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant);
    }

    private record Fact(String label, String value) {
    }

    /** Writes the text and the HTML part side by side, so they cannot drift apart. */
    private static final class Writer {

        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        private final String subject;

        Writer(String subject, String name) {
            this.subject = subject;
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>")
                    .append(Html.escape(subject)).append("</title></head>\n")
                    .append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">\n");
            String greeting = name == null || name.isBlank() ? "Hello," : "Hello " + name + ",";
            paragraph(greeting);
        }

        void paragraph(String words) {
            text.append(words).append("\n\n");
            html.append("<p>").append(Html.escape(words)).append("</p>\n");
        }

        /** Label and value pairs; those without a value are left out. */
        void facts(Fact... facts) {
            html.append("<p>");
            boolean first = true;
            for (Fact fact : facts) {
                if (fact.value() == null || fact.value().isBlank()) {
                    continue;
                }
                text.append(fact.label()).append(": ").append(fact.value()).append('\n');
                html.append(first ? "" : "<br>\n").append(Html.escape(fact.label())).append(": <strong>")
                        .append(Html.escape(fact.value())).append("</strong>");
                first = false;
            }
            text.append('\n');
            html.append("</p>\n");
        }

        void total(String label, Money amount, boolean strong) {
            text.append(label).append(": ").append(MoneyText.of(amount)).append('\n');
            String value = Html.escape(MoneyText.of(amount));
            html.append("<tr><td colspan=\"3\" align=\"right\">").append(strong
                    ? "<strong>" + label + "</strong>"
                    : label).append("</td><td align=\"right\">").append(strong
                            ? "<strong>" + value + "</strong>"
                            : value)
                    .append("</td></tr>\n");
        }

        void items(String heading, List<ItemLine> items) {
            if (items.isEmpty()) {
                return;
            }
            text.append(heading).append(":\n");
            html.append("<p><strong>").append(Html.escape(heading)).append("</strong></p>\n<ul>\n");
            for (ItemLine item : items) {
                text.append(item.quantity()).append(" x ").append(item.label()).append('\n');
                html.append("<li>").append(item.quantity()).append(" x ").append(Html.escape(item.label()))
                        .append("</li>\n");
            }
            text.append('\n');
            html.append("</ul>\n");
        }

        void address(String heading, Address address) {
            if (address == null) {
                return;
            }
            text.append(heading).append(":\n");
            html.append("<p><strong>").append(Html.escape(heading)).append("</strong>");
            for (String line : address.lines()) {
                text.append(line).append('\n');
                html.append("<br>\n").append(Html.escape(line));
            }
            text.append('\n');
            html.append("</p>\n");
        }

        ComposedEmail finish(EmailKind kind, String orderId, String recipient) {
            text.append(SIGNATURE).append('\n');
            html.append("<p>").append(SIGNATURE).append("</p>\n</body>\n</html>\n");
            return new ComposedEmail(kind, orderId, recipient, subject, text.toString(), html.toString());
        }
    }
}
