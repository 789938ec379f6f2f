package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The console's sessions are replicated through the Hazelcast grid (web.xml {@code <distributable/>}), view-scoped
 * pages included: everything a page keeps must survive Java serialization, as the grid writes it.
 */
class ReplicatedSessionTest {

    private static final String ORDER = """
            {"id":"0b9f3c1e-8a2d-4f6b-9c51-2f8e7d6a4b10","status":"PAID","total":{"amount":1999,"currency":"EUR"},
             "lines":[{"sku":"TEE-M","quantity":2,"name":"<img src=x onerror=alert(1)>"}],"refunded":null}""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @SuppressWarnings("unchecked")
    private static <T> T throughTheGrid(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aServiceAnswerAsAPageKeepsItArrivesWhole() throws Exception {
        JsonObject order = StoredJson.of(json(ORDER));

        JsonObject copy = throughTheGrid(order);

        assertEquals(json(ORDER), json(copy.toString()));
        assertEquals("PAID", copy.getString("status"));
        assertEquals(1999, copy.getJsonObject("total").getInt("amount"));
        assertEquals("<img src=x onerror=alert(1)>", copy.getJsonArray("lines").getJsonObject(0).getString("name"));
        assertTrue(copy.isNull("refunded"));
        assertEquals(order, copy, "equal as maps, like the JSON-P object it stands for");
    }

    @Test
    void theJsonPObjectsTheClientsReturnCannotBeReplicatedAsTheyAre() {
        assertThrows(NotSerializableException.class, () -> throughTheGrid(new LinkedHashMap<>(Map.of("order",
                json(ORDER)))));
    }

    @Test
    void anOpenOrderPageMovesToAnotherConsoleInstance() throws Exception {
        OrderPage page = new OrderPage();
        page.setId("0b9f3c1e-8a2d-4f6b-9c51-2f8e7d6a4b10");
        java.lang.reflect.Field order = OrderPage.class.getDeclaredField("order");
        order.setAccessible(true);
        order.set(page, StoredJson.of(json(ORDER)));

        OrderPage copy = throughTheGrid(page);

        assertEquals("PAID", copy.getOrder().getString("status"));
        assertEquals(page.getId(), copy.getId());
    }

    @Test
    void aListPageKeepsTheRowsItShowsThroughTheGrid() throws Exception {
        JsonArray items = Json.createArrayBuilder().add(json(ORDER)).add(json(ORDER.replace("PAID", "SHIPPED")))
                .build();
        OrdersPage page = new OrdersPage();
        page.setEmail("ada@");
        page.getOrders().setWrappedData(StoredJson.list(items));

        OrdersPage copy = throughTheGrid(page);

        List<?> rows = (List<?>) copy.getOrders().getWrappedData();
        assertEquals(2, rows.size());
        assertInstanceOf(JsonObject.class, rows.get(1));
        assertEquals("SHIPPED", ((JsonObject) rows.get(1)).getString("status"));
        assertEquals("ada@", copy.getEmail());
    }

    @Test
    void tableSortsBecomeTheServicesSortParameters() {
        assertEquals("-created", OrdersPage.sort(Map.of("createdAt", SortMeta.builder().field("createdAt").order(
                SortOrder.DESCENDING).build())));
        assertEquals("total", OrdersPage.sort(Map.of("total", SortMeta.builder().field("total").order(
                SortOrder.ASCENDING).build())));
        assertEquals(null, OrdersPage.sort(Map.of()));
        assertEquals("-created", CustomersPage.sort(Map.of("createdAt", SortMeta.builder().field("createdAt")
                .order(SortOrder.DESCENDING).build())));
        assertEquals("email", CustomersPage.sort(Map.of("email", SortMeta.builder().field("email").order(
                SortOrder.ASCENDING).build())));
    }
}
