package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Carts over HTTP: a guest builds one with current prices (catalog) and availability (inventory), bad input
 * changes nothing, a customer signs in and finds the guest cart merged into theirs, and OrderPlaced empties it.
 */
@ExtendWith(PlatformExtension.class)
class CartApiIT {

    private static String staff;
    private static String sku;
    private static String otherSku;

    @BeforeAll
    static void products() {
        staff = PlatformExtension.staffToken();
        sku = Products.newSku("Cart Teapot", 2450, staff);
        otherSku = Products.newSku("Cart Cup", 600, staff);
        assertEquals(200, http().put("/inventory/api/stock/" + sku, "{\"onHand\":4}", staff).status());
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static JsonObject add(String cartId, String sku, int quantity, String token) {
        Http.Reply added = http().post("/cart/api/carts/" + cartId + "/items",
                "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}", token);
        assertEquals(200, added.status(), added.body());
        return added.json();
    }

    private static String newGuestCart() {
        Http.Reply created = http().post("/cart/api/carts", "", null);
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith(created.json().getString("id")));
        return created.json().getString("id");
    }

    @Test
    void aGuestBuildsACartWithCurrentPricesAndAvailability() {
        String cart = newGuestCart();
        add(cart, sku, 2, null);
        JsonObject json = add(cart, otherSku, 1, null);
        assertEquals(2, json.getJsonArray("lines").size());
        JsonObject teapot = json.getJsonArray("lines").getJsonObject(0);
        assertEquals(2450, teapot.getJsonObject("unitPrice").getInt("amount"));
        assertEquals(4900, teapot.getJsonObject("lineTotal").getInt("amount"));
        assertEquals(4, teapot.getInt("available"));
        assertTrue(teapot.getBoolean("inStock"));
        assertEquals(5500, json.getJsonObject("subtotal").getInt("amount"));
        assertFalse(json.getBoolean("priceStale"));

        Http.Reply changed = http().patch("/cart/api/carts/" + cart + "/items/" + sku, "{\"quantity\":5}", null);
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().getJsonArray("lines").getJsonObject(0).getBoolean("inStock"),
                "5 wanted, 4 available");
        Http.Reply removed = http().delete("/cart/api/carts/" + cart + "/items/" + otherSku, null);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(5, removed.json().getInt("itemCount"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String cart = newGuestCart();
        add(cart, sku, 1, null);
        String items = "/cart/api/carts/" + cart + "/items";
        for (String body : new String[]{"{\"sku\":\"" + sku + "\",\"quantity\":0}",
                "{\"sku\":\"" + sku + "\",\"quantity\":-1}", "{\"sku\":\"" + sku + "\",\"quantity\":100}",
                "{\"sku\":\"" + sku + "\",\"quantity\":99}", "{\"sku\":\"" + sku + "\",\"quantity\":\"two\"}",
                "{\"sku\":\"not a sku\",\"quantity\":1}", "{\"quantity\":1}", "{\"sku\":\"" + sku + "\""}) {
            UserApiIT.assertProblem(http().post(items, body, null), 400);
        }
        UserApiIT.assertProblem(http().post(items, "{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}", null), 404);
        UserApiIT.assertProblem(http().patch(items + "/" + otherSku, "{\"quantity\":2}", null), 404);
        UserApiIT.assertProblem(http().get("/cart/api/carts/not-a-cart-id", null), 404);
        UserApiIT.assertProblem(http().get("/cart/api/carts/" + UUID.randomUUID(), null), 404);
        UserApiIT.assertProblem(http().get("/cart/api/carts/mine", null), 401);
        JsonObject unchanged = http().get("/cart/api/carts/" + cart, null).json();
        assertEquals(1, unchanged.getInt("itemCount"));
        assertEquals(1, unchanged.getJsonArray("lines").size());
    }

    @Test
    void signingInMergesTheGuestCartAndAnOrderEmptiesIt() throws JMSException {
        String guest = newGuestCart();
        add(guest, sku, 2, null);
        add(guest, otherSku, 3, null);
        String customer = UserApiIT.newSignedInCustomer().getString("access_token");
        String intruder = UserApiIT.newSignedInCustomer().getString("access_token");

        JsonObject mine = http().get("/cart/api/carts/mine", customer).json();
        assertEquals("customer", mine.getString("owner"));
        add(mine.getString("id"), sku, 1, customer);

        Http.Reply merged = http().post("/cart/api/carts/mine/merge", "{\"guestCartId\":\"" + guest + "\"}",
                customer);
        assertEquals(200, merged.status(), merged.body());
        assertEquals(mine.getString("id"), merged.json().getString("id"));
        assertEquals(3, merged.json().getJsonArray("lines").getJsonObject(0).getInt("quantity"), "1 + 2");
        assertEquals(6, merged.json().getInt("itemCount"));
        UserApiIT.assertProblem(http().get("/cart/api/carts/" + guest, null), 404);
        assertEquals(6, http().get("/cart/api/carts/mine", customer).json().getInt("itemCount"),
                "the merged cart is found under the account");
        UserApiIT.assertProblem(http().get("/cart/api/carts/" + mine.getString("id"), intruder), 404);
        UserApiIT.assertProblem(http().get("/cart/api/carts/" + mine.getString("id"), null), 404);

        try (BrokerClient broker = new BrokerClient()) {
            broker.publish("mercato.orders", "OrderPlaced", SampleEvents.orderPlaced("order-" + UUID.randomUUID(),
                    mine.getString("id"), "MC-SAMPLE", 1));
        }
        Eventually.within(Duration.ofSeconds(10), "the cart emptied after OrderPlaced",
                () -> http().get("/cart/api/carts/mine", customer).json().getInt("itemCount") == 0);
    }
}
