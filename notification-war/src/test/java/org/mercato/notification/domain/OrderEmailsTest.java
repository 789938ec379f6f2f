package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.platform.money.Money;

/** What the three emails say, in text and in HTML, and that nothing from an event is taken as HTML. */
class OrderEmailsTest {

    private static final Address LONDON = new Address("Ada Lovelace", "1 Analytical Row", null, "London", "N1 1AA",
            "GB");

    private static OrderConfirmation order(String name, Address address) {
        return new OrderConfirmation("6c0f5d0e", "ada@example.com", name, List.of(
                new OrderConfirmation.Line("MC-7KQ2ZP", "Sonora Crème Headphones 319", 2, eur(17399), eur(34798)),
                new OrderConfirmation.Line("MC-CABLE1", "Braided Cable", 3, eur(1250), eur(3750))),
                new OrderConfirmation.Totals(eur(38548), eur(490), eur(7808), eur(46846), false), address,
                Instant.parse("2026-11-24T10:15:30Z"));
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    @Test
    void formatsMoneyWithTheCurrencysOwnDecimals() {
        assertEquals("EUR 417.58", MoneyText.of(eur(41758)));
        assertEquals("EUR 0.05", MoneyText.of(eur(5)));
        assertEquals("EUR 0.00", MoneyText.of(eur(0)));
        assertEquals("JPY 1500", MoneyText.of(new Money(1500, "JPY")));
        assertEquals("BHD 1.234", MoneyText.of(new Money(1234, "BHD")));
        assertEquals("EUR -2.50", MoneyText.of(eur(-250)));
    }

    @Test
    void theConfirmationListsEveryLineTheTotalsAndTheAddress() {
        ComposedEmail email = OrderEmails.confirmation(order("Ada Lovelace", LONDON));
        assertEquals(EmailKind.ORDER_CONFIRMATION, email.kind());
        assertEquals("ada@example.com", email.recipient());
        assertEquals("6c0f5d0e", email.orderId());
        assertTrue(email.subject().contains("6c0f5d0e"), email.subject());
        String text = email.text();
        assertTrue(text.startsWith("Hello Ada Lovelace,"), text);
        assertTrue(text.contains("2 x Sonora Crème Headphones 319 (MC-7KQ2ZP) at EUR 173.99 each: EUR 347.98"), text);
        assertTrue(text.contains("3 x Braided Cable (MC-CABLE1) at EUR 12.50 each: EUR 37.50"), text);
        assertTrue(text.contains("Subtotal: EUR 385.48\nShipping: EUR 4.90\nVAT: EUR 78.08\nTotal: EUR 468.46"),
                text);
        assertTrue(text.contains("Order: 6c0f5d0e\nPlaced: 2026-11-24 10:15 UTC"), text);
        assertTrue(text.contains("Shipping to:\nAda Lovelace\n1 Analytical Row\nN1 1AA London\nGB\n"), text);

        String html = email.html();
        assertTrue(html.contains("<td>Sonora Crème Headphones 319 (MC-7KQ2ZP)</td><td align=\"right\">2</td>"
                + "<td align=\"right\">EUR 173.99</td><td align=\"right\">EUR 347.98</td>"), html);
        assertTrue(html.contains("<td>Braided Cable (MC-CABLE1)</td><td align=\"right\">3</td>"
                + "<td align=\"right\">EUR 12.50</td><td align=\"right\">EUR 37.50</td>"), html);
        assertTrue(html.contains("Subtotal</td><td align=\"right\">EUR 385.48"), html);
        assertTrue(html.contains("<strong>Total</strong></td><td align=\"right\"><strong>EUR 468.46</strong>"),
                html);
        assertTrue(html.contains("<br>\n1 Analytical Row<br>\nN1 1AA London<br>\nGB</p>"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"UTF-8\">"), html);
    }

    @Test
    void grossPricesShowTheTaxAsThePartOfTheTotal() {
        OrderConfirmation order = new OrderConfirmation("o-2", "ada@example.com", "Ada", List.of(
                new OrderConfirmation.Line("MUG", "Mug", 2, eur(1250), eur(2500))),
                new OrderConfirmation.Totals(eur(2500), eur(495), eur(478), eur(2995), true), LONDON, null);
        ComposedEmail email = OrderEmails.confirmation(order);
        assertTrue(email.text().contains("Subtotal: EUR 25.00\nShipping: EUR 4.95\nTotal: EUR 29.95\n"
                + "incl. VAT: EUR 4.78\n"), email.text());
        assertFalse(email.text().contains("\nVAT:"), "the tax is not shown as added: " + email.text());
        assertTrue(email.html().contains("<strong>Total</strong></td><td align=\"right\"><strong>EUR 29.95</strong>"
                + "</td></tr>\n<tr><td colspan=\"3\" align=\"right\">incl. VAT</td><td align=\"right\">EUR 4.78</td>"),
                email.html());
    }

    @Test
    void theHtmlEscapesEverythingThatCameFromTheEvent() {
        Address address = new Address("<script>alert('x')</script>", "1 \"Quoted\" & <b>Bold</b> Row", null,
                "London", null, "GB");
        OrderConfirmation order = new OrderConfirmation("o-1", "ada@example.com", "<script>alert(1)</script>",
                List.of(new OrderConfirmation.Line("MC-1", "<img src=x onerror=alert(2)>", 1, eur(100), eur(100))),
                new OrderConfirmation.Totals(eur(100), eur(0), eur(0), eur(100), true), address, null);
        ComposedEmail email = OrderEmails.confirmation(order);
        String html = email.html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("1 &quot;Quoted&quot; &amp; &lt;b&gt;Bold&lt;/b&gt; Row"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt; (MC-1)"), html);
        // the text part shows the name as it is: no markup is interpreted there
        assertTrue(email.text().startsWith("Hello <script>alert(1)</script>,"), email.text());
        assertFalse(email.text().contains("Placed:"), "no placedAt, no line for it");
    }

    @Test
    void withoutANameTheGreetingIsPlain() {
        assertTrue(OrderEmails.confirmation(order(null, LONDON)).text().startsWith("Hello,\n"));
    }

    @Test
    void theCancellationSaysWhyAndWhetherMoneyComesBack() {
        OrderCancellation cancelled = new OrderCancellation("o-9", "ada@example.com", "Ada", "out of <stock>", true,
                List.of(new ItemLine("MC-7KQ2ZP", null, 2)), eur(41758), Instant.parse("2026-11-24T11:00:00Z"));
        ComposedEmail email = OrderEmails.cancellation(cancelled);
        assertEquals(EmailKind.ORDER_CANCELLED, email.kind());
        assertTrue(email.subject().contains("o-9") && email.subject().contains("cancelled"), email.subject());
        assertTrue(email.text().contains("Reason: out of <stock>\nOrder total: EUR 417.58"), email.text());
        assertTrue(email.text().contains("refunded"), email.text());
        assertTrue(email.text().contains("Cancelled items:\n2 x MC-7KQ2ZP\n"), email.text());
        assertTrue(email.html().contains("Reason: <strong>out of &lt;stock&gt;</strong>"), email.html());
        assertTrue(email.html().contains("<li>2 x MC-7KQ2ZP</li>"), email.html());

        ComposedEmail unpaid = OrderEmails.cancellation(new OrderCancellation("o-9", "ada@example.com", null, null,
                false, List.of(), null, null));
        assertFalse(unpaid.text().contains("refunded"), unpaid.text());
        assertFalse(unpaid.text().contains("Reason"), unpaid.text());
    }

    @Test
    void theShippingEmailNamesCarrierTrackingNumberLinesAndAddress() {
        ShipmentDispatch shipment = new ShipmentDispatch("o-7", "s-1", "ada@example.com", "Ada Lovelace",
                "Mercato Post", "MP1234567890", LONDON, List.of(new ItemLine("MC-7KQ2ZP",
                        "Sonora Crème Headphones 319", 2)),
                Instant.parse("2026-11-24T12:00:00Z"));
        ComposedEmail email = OrderEmails.shipping(shipment);
        assertEquals(EmailKind.SHIPMENT_DISPATCHED, email.kind());
        assertTrue(email.text().contains("Carrier: Mercato Post\nTracking number: MP1234567890\n"
                + "Dispatched: 2026-11-24 12:00 UTC"), email.text());
        assertTrue(email.text().contains("In the parcel:\n2 x Sonora Crème Headphones 319 (MC-7KQ2ZP)\n"),
                email.text());
        assertTrue(email.text().contains("Going to:\nAda Lovelace\n1 Analytical Row\nN1 1AA London\nGB"),
                email.text());
        assertTrue(email.html().contains("Tracking number: <strong>MP1234567890</strong>"), email.html());
        assertTrue(email.html().contains("<li>2 x Sonora Crème Headphones 319 (MC-7KQ2ZP)</li>"), email.html());
    }
}
