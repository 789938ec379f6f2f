package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/** Products the tests create for themselves through the staff API, so no test depends on the demo catalog. */
final class Products {

    private Products() {
    }

    /** A new active product (name made unique) with its default variant; returns that variant's SKU. */
    static String newSku(String name, long price, String staffToken) {
        Http.Reply created = PlatformExtension.http().post("/catalog/api/products", "{\"name\":\"" + name + " "
                + UUID.randomUUID().toString().substring(0, 6) + "\",\"status\":\"ACTIVE\",\"price\":{\"amount\":"
                + price + ",\"currency\":\"EUR\"}}", staffToken);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonArray("variants").getJsonObject(0).getString("sku");
    }

    /** A new active product's SKU with {@code units} on hand in the default warehouse. */
    static String stockedSku(String name, long price, int units, String staffToken) {
        String sku = newSku(name, price, staffToken);
        assertEquals(200, PlatformExtension.http().put("/inventory/api/stock/" + sku, "{\"onHand\":" + units + "}",
                staffToken).status());
        return sku;
    }
}
