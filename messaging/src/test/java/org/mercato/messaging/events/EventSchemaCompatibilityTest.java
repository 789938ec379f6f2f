package org.mercato.messaging.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every schema of the previous release ({@code docs/schemas/released/<release>/}) is still published and the
 * current one breaks nothing of it ({@link SchemaCompatibility}): a breaking change must come as a new
 * schemaVersion. At a release, the schemas are copied there (docs/events.md, "Versions").
 */
class EventSchemaCompatibilityTest {

    static final Path RELEASED = EventSchemas.PUBLISHED.resolve("released");

    @Test
    void theCurrentSchemasBreakNothingOfThePreviousRelease() throws Exception {
        List<Path> released;
        try (Stream<Path> files = Files.walk(RELEASED)) {
            released = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(released.size() >= EventJson.CONTRACTS.size(), "the released schemas: " + released);
        for (Path file : released) {
            Path current = EventSchemas.PUBLISHED.resolve(file.getFileName().toString());
            assertTrue(Files.exists(current), file.getFileName() + " was released and must stay published");
            List<String> breaks = SchemaCompatibility.breaks(EventSchemas.JSON.readTree(file.toFile()),
                    EventSchemas.JSON.readTree(current.toFile()));
            assertEquals(List.of(), breaks, current + " breaks " + file + ": publish a new schemaVersion instead");
        }
    }

    @Test
    void theRuleAllowsAnOptionalPropertyAndRefusesEveryBreakingChange() throws Exception {
        JsonNode released = EventSchemas.generate(OrderPlaced.CONTRACT);
        assertEquals(List.of(), SchemaCompatibility.breaks(released, released.deepCopy()));

        ObjectNode added = released.deepCopy();
        ((ObjectNode) added.path("properties")).putObject("coupon").put("type", "string");
        assertEquals(List.of(), SchemaCompatibility.breaks(released, added), "an optional property may be added");

        ObjectNode required = added.deepCopy();
        ((ArrayNode) required.path("required")).add("coupon");
        assertEquals(List.of("$.coupon: became required"), SchemaCompatibility.breaks(released, required));

        ObjectNode nullable = released.deepCopy();
        ((ObjectNode) nullable.at("/properties/orderId")).putArray("type").add("string").add("null");
        assertTrue(SchemaCompatibility.breaks(released, nullable).stream().anyMatch(problem -> problem.startsWith(
                "$.orderId: type changed")), SchemaCompatibility.breaks(released, nullable).toString());

        ObjectNode removed = released.deepCopy();
        ((ObjectNode) removed.path("properties")).remove("paymentId");
        assertTrue(SchemaCompatibility.breaks(released, removed).contains("$.paymentId: removed"));

        ObjectNode retyped = released.deepCopy();
        ((ObjectNode) retyped.at("/properties/lines/items/properties/quantity")).put("type", "string");
        assertTrue(SchemaCompatibility.breaks(released, retyped).stream().anyMatch(problem -> problem.startsWith(
                "$.lines[].quantity: type changed")), SchemaCompatibility.breaks(released, retyped).toString());
    }
}
