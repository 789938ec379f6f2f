package org.mercato.notification.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.events.MonetaryAmount;
import org.mercato.messaging.events.OrderCancelled;
import org.mercato.messaging.events.OrderCustomer;
import org.mercato.messaging.events.OrderPlaced;
import org.mercato.messaging.events.PostalAddress;
import org.mercato.messaging.events.ShipmentDispatched;
import org.mercato.notification.domain.Address;
import org.mercato.notification.domain.ItemLine;
import org.mercato.notification.domain.OrderCancellation;
import org.mercato.notification.domain.OrderConfirmation;
import org.mercato.notification.domain.ShipmentDispatch;
import org.mercato.platform.json.TextRules;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/**
 * What the emails say, from the events' contract records (read and their shape checked by messaging). What an
 * email cannot be written from (no recipient address, a text that does not belong in a mail, money in no ISO 4217
 * currency) is refused with a {@link RejectedMessageException} naming the field's path ("OrderPlaced:
 * lines[0].unitPrice.currency ..."), before anything is saved.
 */
final class EventContents {

    /** Order ids end up in a subject and a mail header: no room for anything but plain id characters. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_QUANTITY = 1_000_000;

    private final String eventType;

    private EventContents(String eventType) {
        this.eventType = eventType;
    }

    static OrderConfirmation confirmation(OrderPlaced event) {
        EventContents check = new EventContents(OrderPlaced.TYPE);
        String orderId = check.orderId(event.orderId());
        OrderCustomer customer = event.customer();
        String email = check.emailAddress("customer.email", customer.email());
        List<OrderConfirmation.Line> lines = new ArrayList<>(event.lines().size());
        for (int i = 0; i < event.lines().size(); i++) {
            OrderPlaced.Line line = event.lines().get(i);
            String path = "lines[" + i + "].";
            lines.add(new OrderConfirmation.Line(check.line(path + "sku", line.sku(), 64), check.optionalLine(path
                    + "name", line.name(), 300), check.quantity(path + "quantity", line.quantity()), check.money(
                            path
                                    + "unitPrice",
                            line.unitPrice()),
                    check.money(path + "total", line.total())));
        }
        OrderPlaced.Totals totals = event.totals();
        return new OrderConfirmation(orderId, email, check.optionalLine("customer.name", customer.name(), 200),
                lines, new OrderConfirmation.Totals(check.money("totals.subtotal", totals.subtotal()), check.money(
                        "totals.shipping", totals.shipping()), check.money("totals.tax", totals.tax()),
                        check.money(
                                "totals.total", totals.total()),
                        totals.taxIncluded()),
                check.address(
                        "shippingAddress.", event.shippingAddress()),
                event.placedAt());
    }

    static OrderCancellation cancellation(OrderCancelled event) {
        EventContents check = new EventContents(OrderCancelled.TYPE);
        String orderId = check.orderId(event.orderId());
        OrderCustomer customer = event.customer();
        if (customer == null) {
            throw check.refused("customer", "is missing");
        }
        List<ItemLine> items = new ArrayList<>(event.lines().size());
        for (int i = 0; i < event.lines().size(); i++) {
            OrderCancelled.Line line = event.lines().get(i);
            items.add(check.item("lines[" + i + "].", line.sku(), null, line.quantity()));
        }
        return new OrderCancellation(orderId, check.emailAddress("customer.email", customer.email()), check
                .optionalLine("customer.name", customer.name(), 200),
                check.optionalLine("reason", event.reason(),
                        500),
                event.refunded(), items, event.total() == null
                        ? null
                        : check.money("total", event
                                .total()),
                event.cancelledAt());
    }

    static ShipmentDispatch dispatch(ShipmentDispatched event) {
        EventContents check = new EventContents(ShipmentDispatched.TYPE);
        String orderId = check.orderId(event.orderId());
        List<ItemLine> items = new ArrayList<>(event.lines().size());
        for (int i = 0; i < event.lines().size(); i++) {
            ShipmentDispatched.Line line = event.lines().get(i);
            items.add(check.item("lines[" + i + "].", line.sku(), line.name(), line.quantity()));
        }
        return new ShipmentDispatch(orderId, check.optionalLine("shipmentId", event.shipmentId(), 64), check
                .emailAddress("recipient.email", event.recipient().email()),
                check.optionalLine("recipient.name",
                        event.recipient().name(), 200),
                check.line("carrier", event.carrier(), 100), check
                        .optionalLine("trackingNumber", event.trackingNumber(), 100),
                check.address(
                        "shippingAddress.", event.shippingAddress()),
                items, event.dispatchedAt());
    }

    private RejectedMessageException refused(String path, String problem) {
        return new RejectedMessageException(eventType + ": " + path + " " + problem);
    }

    private String orderId(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw refused("orderId", "must be 1 to 64 letters, digits, dots, colons, hyphens or underscores");
        }
        return orderId;
    }

    /** One plain address ("ada@example.com"), nothing that could add a recipient or a header. */
    private String emailAddress(String path, String value) {
        String checked = line(path, value, 254);
        try {
            InternetAddress address = new InternetAddress(checked, true);
            if (!checked.equals(address.getAddress()) || !checked.contains("@")) {
                throw new AddressException("not a plain address");
            }
            return checked;
        } catch (AddressException e) {
            throw refused(path, "must be an email address");
        }
    }

    /** A text of at most {@code max} characters, without line breaks or other control characters. */
    private String line(String path, String value, int max) {
        if (value == null || value.isBlank()) {
            throw refused(path, "is missing");
        }
        return checkedLine(path, value, max);
    }

    /** As {@link #line}, or null when absent or blank. */
    private String optionalLine(String path, String value, int max) {
        return value == null || value.isBlank() ? null : checkedLine(path, value, max);
    }

    private String checkedLine(String path, String value, int max) {
        if (value.length() > max) {
            throw refused(path, "must have at most " + max + " characters");
        }
        // the platform's one rule for text (control characters and unpaired surrogates), on one line
        String refusal = TextRules.refusal(value, false);
        if (refusal != null) {
            throw refused(path, refusal);
        }
        return value;
    }

    private int quantity(String path, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw refused(path, "must be between 1 and " + MAX_QUANTITY);
        }
        return quantity;
    }

    private ItemLine item(String path, String sku, String name, int quantity) {
        return new ItemLine(line(path + "sku", sku, 64), optionalLine(path + "name", name, 300), quantity(path
                + "quantity", quantity));
    }

    private Money money(String path, MonetaryAmount amount) {
        if (!Money.isCurrency(amount.currency())) {
            throw refused(path + ".currency", "must be an ISO 4217 code");
        }
        try {
            return new Money(amount.amount(), amount.currency());
        } catch (MoneyLimitException tooBig) {
            throw refused(path + ".amount", "is out of range");
        }
    }

    private Address address(String path, PostalAddress address) {
        return new Address(optionalLine(path + "name", address.name(), 200), line(path + "line1", address.line1(),
                200), optionalLine(path + "line2", address.line2(), 200), line(path + "city", address.city(), 100),
                optionalLine(path + "postalCode", address.postalCode(), 20), line(path + "country", address
                        .country(), 100));
    }
}
