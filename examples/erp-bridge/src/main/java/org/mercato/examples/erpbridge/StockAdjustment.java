package org.mercato.examples.erpbridge;

import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The body of a {@code StockAdjusted} event (topic {@code mercato.inventory}, schemaVersion 1): units of one SKU booked
 * into or out of a warehouse by the ERP.
 *
 * @param sku
 *            the variant's SKU, required
 * @param quantity
 *            whole units, never 0: positive books units in (goods received), negative takes them out
 * @param warehouse
 *            the warehouse's code, {@code null} for inventory's default ({@code MAIN})
 * @param reason
 *            recorded in the stock movement, e.g. {@code delivery 4711}; {@code null} for none
 * @param source
 *            the system that booked it, recorded in the stock movement
 */
record StockAdjustment(String sku, int quantity, String warehouse, String reason, String source) {

    /** What every adjustment this bridge publishes names as its source. */
    static final String SOURCE = "erp-bridge";
    /** The event type inventory consumes. */
    static final String EVENT_TYPE = "StockAdjusted";
    /** Docs/events.md: a correlation id an outside system sets is 8 to 128 of these characters. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    /**
     * @throws IllegalArgumentException
     *             when the SKU is blank or the quantity is 0
     */
    StockAdjustment {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("a SKU is required");
        }
        if (quantity == 0) {
            throw new IllegalArgumentException("a quantity of 0 units changes nothing");
        }
        if (warehouse != null && warehouse.isBlank()) {
            warehouse = null;
        }
        if (reason != null && reason.isBlank()) {
            reason = null;
        }
    }

    /**
     * Goods received or taken out, from the words of the command line.
     *
     * @param units
     *            the number of units as typed, a whole number above 0
     * @param in
     *            {@code true} to book the units in, {@code false} to take them out
     * @throws IllegalArgumentException
     *             when the units are not a whole number above 0, or the SKU is blank
     */
    static StockAdjustment booking(String sku, String units, boolean in, String warehouse, String reason) {
        int quantity;
        try {
            quantity = Integer.parseInt(units);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the quantity must be a whole number of units: " + units);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("the quantity must be above 0 (book-out takes units out): " + units);
        }
        return new StockAdjustment(sku, in ? quantity : -quantity, warehouse, reason, SOURCE);
    }

    /** Whether a correlation id is one Mercato accepts: 8 to 128 of {@code A-Za-z0-9._:-}. */
    static boolean isValidCorrelationId(String correlationId) {
        return correlationId != null && CORRELATION_ID.matcher(correlationId).matches();
    }

    /** The event's body, fields that are {@code null} left out. */
    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("sku", sku).add("quantity", quantity);
        if (warehouse != null) {
            json.add("warehouse", warehouse);
        }
        if (reason != null) {
            json.add("reason", reason);
        }
        if (source != null) {
            json.add("source", source);
        }
        return json.build();
    }
}
