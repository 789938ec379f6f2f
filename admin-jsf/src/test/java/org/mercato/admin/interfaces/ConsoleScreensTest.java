package org.mercato.admin.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** What the fulfillment, customer and events screens derive from the services' answers. */
class ConsoleScreensTest {

    private static JsonObject shipment(String status) {
        return Json.createReader(new StringReader("""
                {"id":"s1","orderId":"0b9f3c1e-8a2d-4f6b-9c51-2f8e7d6a4b10","status":"%s","lines":[
                 {"sku":"TEE-M","name":"Tee <b>","quantity":2},{"sku":"CAP","name":"Cap","quantity":1}]}"""
                .formatted(status))).readObject();
    }

    @Test
    void eachShipmentOffersTheNextStepOfTheWarehouse() {
        FulfillmentPage page = new FulfillmentPage();
        assertEquals("pick", page.nextStep(shipment("NEW")));
        assertEquals("pack", page.nextStep(shipment("PICKED")));
        assertEquals("dispatch", page.nextStep(shipment("PACKED")));
        assertEquals("deliver", page.nextStep(shipment("DISPATCHED")));
        assertNull(page.nextStep(shipment("DELIVERED")));
        assertNull(page.nextStep(shipment("CANCELLED")));
        assertTrue(page.cancellable(shipment("PACKED")));
        assertFalse(page.cancellable(shipment("DISPATCHED")), "a parcel with the carrier is a return, not a cancel");
        assertEquals("2 × Tee <b> (TEE-M), 1 × Cap (CAP)", page.items(shipment("NEW")));
    }

    @Test
    void aStepOutsideTheWarehouseVocabularyIsNeverSent() {
        assertEquals(java.util.Set.of("pick", "pack", "dispatch", "deliver", "cancel"), FulfillmentPage.STEPS);
        FulfillmentPage.NEXT_STEP.values().forEach(step -> assertTrue(FulfillmentPage.STEPS.contains(step)));
    }

    @Test
    void aCustomerIsLockedOnlyWhenTheUsersServiceSaysSo() {
        CustomerPage page = new CustomerPage();
        assertFalse(page.isLocked(), "no account read yet");
        assertTrue(page.getAddresses().isEmpty());
    }
}
