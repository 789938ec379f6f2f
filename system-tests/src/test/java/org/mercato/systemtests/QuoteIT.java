package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checkout's review: a quote of the shopper's cart gives the totals the order service then charges, with the
 * platform's default pricing (gross prices: the tax is the part of the total that is tax), and the order JSON and
 * the confirmation email show that tax part. A quote holds and charges nothing, and is refused as placing would be.
 */
@ExtendWith(PlatformExtension.class)
class QuoteIT {

    private static String staff;

    @BeforeAll
    static void signIn() {
        staff = PlatformExtension.staffToken();
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static String stockedSku(String name, long price, int units) {
        return Products.stockedSku(name, price, units, staff);
    }

    private static Http.Reply quote(String token, String cart, String country) {
        return http().post("/orders/api/quotes", "{\"cartId\":\"" + cart + "\",\"country\":\"" + country + "\"}",
                token);
    }

    private static int amount(JsonObject parent, String name) {
        return parent.getJsonObject(name).getInt("amount");
    }

    private static int available(String sku) {
        return http().get("/inventory/api/stock/" + sku, staff).json().getInt("available");
    }

    private static String confirmationOf(String orderId) {
        for (MimeMessage message : PlatformExtension.platform().receivedMail()) {
            try {
                String[] header = message.getHeader("X-Mercato-Order");
                if (header != null && Arrays.asList(header).contains(orderId)
                        && message.getSubject().contains("confirmed")) {
                    StringBuilder text = new StringBuilder();
                    Object content = message.getContent();
                    if (content instanceof jakarta.mail.Multipart multipart) {
                        for (int i = 0; i < multipart.getCount(); i++) {
                            text.append(multipart.getBodyPart(i).getContent()).append('\n');
                        }
                    } else {
                        text.append(content);
                    }
                    // SMTP writes lines ending in CRLF
                    return text.toString().replace("\r\n", "\n");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    @Test
    void theQuotedTotalIsWhatTheOrderChargesAndShowsWithItsTaxPart() {
        String teapot = stockedSku("Quote Teapot", 2450, 10);
        String cup = stockedSku("Quote Cup", 600, 10);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(teapot, 2, cup, 1));

        Http.Reply quoted = quote(token, cart, "DE");
        assertEquals(200, quoted.status(), quoted.body());
        JsonObject quote = quoted.json();
        JsonObject totals = quote.getJsonObject("totals");
        // 2 x 24.50 + 6.00 = 55.00 gross, free shipping from 50.00; 55.00 * 19 / 119 = 8.78 of it is tax
        assertTrue(quote.getBoolean("taxIncluded"), quoted.body());
        assertEquals(5500, amount(totals, "subtotal"));
        assertEquals(0, amount(totals, "shipping"));
        assertEquals(878, amount(totals, "tax"));
        assertEquals(5500, amount(totals, "total"));
        assertEquals("EUR", totals.getJsonObject("total").getString("currency"));
        assertEquals(2, quote.getJsonArray("lines").size());
        JsonObject teapotLine = quote.getJsonArray("lines").stream().map(JsonObject.class::cast).filter(l -> l
                .getString("sku").equals(teapot)).findFirst().orElseThrow();
        assertEquals(2, teapotLine.getInt("quantity"));
        assertEquals(2450, amount(teapotLine, "unitPrice"));
        assertEquals(4900, amount(teapotLine, "total"));
        assertTrue(teapotLine.getString("name").startsWith("Quote Teapot"), teapotLine.toString());
        // another destination, another rate: 55.00 * 20 / 120 = 9.1667
        assertEquals(917, amount(quote(token, cart, "FR").json().getJsonObject("totals"), "tax"));

        // nothing held, charged or ordered by quoting
        assertEquals(10, available(teapot));
        assertEquals(0, http().get("/orders/api/orders", token).json().getInt("total"));

        Http.Reply placed = OrderFlowIT.place(token, UUID.randomUUID().toString(), cart, "tok_visa");
        assertEquals(201, placed.status(), placed.body());
        JsonObject order = placed.json();
        String id = order.getString("id");
        JsonObject orderTotals = order.getJsonObject("totals");
        assertTrue(orderTotals.getBoolean("taxIncluded"), placed.body());
        for (String part : new String[]{"subtotal", "shipping", "tax", "total"}) {
            assertEquals(totals.getJsonObject(part), orderTotals.getJsonObject(part), part + " as quoted");
        }
        assertEquals(totals.getJsonObject("total"), order.getJsonObject("total"));
        Http.Reply payments = http().get("/payments/api/payments?orderId=" + id, staff);
        assertEquals(200, payments.status(), payments.body());
        assertEquals(totals.getJsonObject("total"), payments.json().getJsonArray("items").getJsonObject(0)
                .getJsonObject("amount"), "charged exactly the quoted total: " + payments.body());

        Eventually.within(Duration.ofSeconds(30), "the confirmation email", () -> confirmationOf(id) != null);
        String email = confirmationOf(id);
        assertTrue(email.contains("Total: EUR 55.00\nincl. VAT: EUR 8.78"), email);
        assertTrue(email.contains("incl. VAT</td><td align=\"right\">EUR 8.78</td>"), email);
    }

    @Test
    void aQuoteIsRefusedAsPlacingWouldRefuseIt() {
        String sku = stockedSku("Quote Vase", 1500, 5);
        String token = UserApiIT.newSignedInCustomer().getString("access_token");
        String cart = OrderFlowIT.cartWith(token, Map.of(sku, 1));
        // 15.00 + 4.95 shipping = 19.95 gross; 19.95 * 19 / 119 = 3.1853
        JsonObject small = quote(token, cart, "DE").json().getJsonObject("totals");
        assertEquals(495, amount(small, "shipping"));
        assertEquals(319, amount(small, "tax"));
        assertEquals(1995, amount(small, "total"));

        Http.Reply notServed = quote(token, cart, "BR");
        UserApiIT.assertProblem(notServed, 422);
        assertEquals("country-not-served", notServed.json().getString("type").replaceAll(".*/", ""));
        Http.Reply placingThere = OrderFlowIT.place(token, UUID.randomUUID().toString(), "{\"cartId\":\"" + cart
                + "\",\"shippingAddress\":" + OrderFlowIT.ADDRESS.replace("\"DE\"", "\"BR\"")
                + ",\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"}}");
        UserApiIT.assertProblem(placingThere, 422);
        assertEquals(notServed.json().getString("type"), placingThere.json().getString("type"));

        UserApiIT.assertProblem(quote(token, cart, "de"), 400);
        UserApiIT.assertProblem(http().post("/orders/api/quotes", "{\"cartId\":\"" + cart + "\",\"country\":\"DE\","
                + "\"currency\":\"USD\"}", token), 400);
        UserApiIT.assertProblem(http().post("/orders/api/quotes", "{\"cartId\":\"" + cart + "\"}", token), 400);

        // a guest cart is anyone's who has its id; a customer's own cart is theirs alone, here as for placing
        Http.Reply mine = http().get("/cart/api/carts/mine", token);
        assertEquals(200, mine.status(), mine.body());
        String own = mine.json().getString("id");
        assertEquals(200, http().post("/cart/api/carts/" + own + "/items", "{\"sku\":\"" + sku + "\",\"quantity\":1}",
                token).status());
        assertEquals(200, quote(token, own, "DE").status());
        String stranger = UserApiIT.newSignedInCustomer().getString("access_token");
        UserApiIT.assertProblem(quote(stranger, own, "DE"), 404);
        UserApiIT.assertProblem(OrderFlowIT.place(stranger, UUID.randomUUID().toString(), own, "tok_visa"), 404);
        UserApiIT.assertProblem(quote(token, UUID.randomUUID().toString(), "DE"), 404);

        Http.Reply created = http().post("/cart/api/carts", "", token);
        assertEquals(201, created.status(), created.body());
        String empty = created.json().getString("id");
        Http.Reply emptyQuote = quote(token, empty, "DE");
        Http.Reply emptyPlace = OrderFlowIT.place(token, UUID.randomUUID().toString(), empty, "tok_visa");
        assertEquals(emptyPlace.status(), emptyQuote.status(), emptyQuote.body() + " / " + emptyPlace.body());
        UserApiIT.assertProblem(emptyQuote, 409);

        assertEquals(401, http().post("/orders/api/quotes", "{\"cartId\":\"" + cart + "\",\"country\":\"DE\"}",
                null).status());
        assertEquals(5, available(sku), "nothing held by any of it");
    }
}
