package org.mercato.notification.application;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.notification.domain.Address;
import org.mercato.notification.domain.ItemLine;
import org.mercato.notification.domain.OrderCancellation;
import org.mercato.notification.domain.OrderConfirmation;
import org.mercato.notification.domain.ShipmentDispatch;

/**
 * The bodies of the events this service turns into emails (docs/events.md), read into the domain's terms. A body
 * the emails cannot be written from (no recipient address, a line without a price) is refused with the reason
 * before anything is saved; fields the emails do not need are ignored.
 */
final class EventBodies {

    /** Order ids end up in a subject and a mail header: no room for anything but plain id characters. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_QUANTITY = 1_000_000;

    private EventBodies() {
    }

    static OrderConfirmation orderPlaced(ReceivedEvent event) {
        EventFields body = fields(event);
        String orderId = orderId(body);
        EventFields customer = body.object("customer");
        String email = emailAddress(customer, "email");
        List<EventFields> lineFields = body.objects("lines");
        if (lineFields.isEmpty()) {
            throw body.refused("lines", "must list what was ordered");
        }
        List<OrderConfirmation.Line> lines = lineFields.stream().map(line -> new OrderConfirmation.Line(
                line.line("sku", 64), line.optionalLine("name", 300), line.wholeNumber("quantity", 1, MAX_QUANTITY),
                line.money("unitPrice"), line.money("total"))).toList();
        EventFields totals = body.object("totals");
        return new OrderConfirmation(orderId, email, customer.optionalLine("name", 200), lines,
                new OrderConfirmation.Totals(totals.money("subtotal"), totals.money("shipping"), totals.money("tax"),
                        totals.money("total"), totals.optionalBoolean("taxIncluded")),
                address(body.object("shippingAddress")), body.optionalInstant("placedAt"));
    }

    static OrderCancellation orderCancelled(ReceivedEvent event) {
        EventFields body = fields(event);
        String orderId = orderId(body);
        EventFields customer = body.object("customer");
        return new OrderCancellation(orderId, emailAddress(customer, "email"), customer.optionalLine("name", 200),
                body.optionalLine("reason", 500), body.optionalBoolean("refunded"), items(body),
                body.optionalMoney("total"), body.optionalInstant("cancelledAt"));
    }

    static ShipmentDispatch shipmentDispatched(ReceivedEvent event) {
        EventFields body = fields(event);
        String orderId = orderId(body);
        EventFields recipient = body.object("recipient");
        EventFields address = body.optionalObject("shippingAddress");
        return new ShipmentDispatch(orderId, body.optionalLine("shipmentId", 64), emailAddress(recipient, "email"),
                recipient.optionalLine("name", 200), body.line("carrier", 100), body.optionalLine("trackingNumber",
                        100),
                address == null ? null : address(address), items(body), body.optionalInstant("dispatchedAt"));
    }

    private static EventFields fields(ReceivedEvent event) {
        return EventFields.of(event.headers().eventType(), event.body());
    }

    private static String orderId(EventFields body) {
        String orderId = body.string("orderId");
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw body.refused("orderId", "must be 1 to 64 letters, digits, dots, colons, hyphens or underscores");
        }
        return orderId;
    }

    /** One plain address ("ada@example.com"), nothing that could add a recipient or a header. */
    private static String emailAddress(EventFields fields, String name) {
        String value = fields.line(name, 254);
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (!value.equals(address.getAddress()) || !value.contains("@")) {
                throw new AddressException("not a plain address");
            }
            return value;
        } catch (AddressException e) {
            throw fields.refused(name, "must be an email address");
        }
    }

    private static Address address(EventFields address) {
        return new Address(address.optionalLine("name", 200), address.line("line1", 200),
                address.optionalLine("line2", 200), address.line("city", 100), address.optionalLine("postalCode", 20),
                address.line("country", 100));
    }

    private static List<ItemLine> items(EventFields body) {
        return body.objects("lines").stream().map(line -> new ItemLine(line.line("sku", 64), line.optionalLine(
                "name", 300), line.wholeNumber("quantity", 1, MAX_QUANTITY))).toList();
    }

    /** Thrown for an event type this service does not consume (the subscriptions' selectors keep them out). */
    static RejectedMessageException unknownType(ReceivedEvent event) {
        return new RejectedMessageException(event.headers().eventType() + " is not an event notification consumes");
    }
}
