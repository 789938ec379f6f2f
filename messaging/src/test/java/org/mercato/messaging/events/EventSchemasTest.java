package org.mercato.messaging.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The published JSON Schemas ({@code docs/schemas}) are the ones the contract records give, every producer-shaped
 * body validates against its schema and malformed ones do not, and a record refuses a missing field exactly when
 * its schema requires it. Regenerate the schemas after changing a record with
 * {@code ./mvnw -pl messaging test -Dmercato.schemas.write=true}, then read the diff: a change the compatibility
 * rule refuses ({@link EventSchemaCompatibilityTest}) needs a new schemaVersion.
 */
class EventSchemasTest {

    static Schema compiled(JsonNode schema) {
        // formats (date-time) asserted, not only annotated
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(schema.toString(), InputFormat.JSON);
    }

    @Test
    void everyContractsPublishedSchemaIsTheOneItsRecordGives() throws Exception {
        boolean write = Boolean.getBoolean("mercato.schemas.write");
        for (EventContract<?> contract : EventJson.CONTRACTS) {
            JsonNode generated = EventSchemas.generate(contract);
            Path file = EventSchemas.PUBLISHED.resolve(contract.schemaFile());
            if (write) {
                EventSchemas.write(file, generated);
            }
            assertTrue(Files.exists(file), file + " is missing: run ./mvnw -pl messaging test"
                    + " -Dmercato.schemas.write=true");
            assertEquals(generated, EventSchemas.published(contract.schemaFile()), file + " is not what "
                    + contract.body().getSimpleName() + " gives: run ./mvnw -pl messaging test"
                    + " -Dmercato.schemas.write=true and review the change against the compatibility rule");
        }
    }

    @Test
    void everyBodyAsItsProducerWritesItValidatesAgainstItsSchema() throws Exception {
        for (EventContract<?> contract : EventJson.CONTRACTS) {
            Schema schema = compiled(EventSchemas.published(contract.schemaFile()));
            String body = EventJson.write(ContractSamples.of(contract));
            var errors = schema.validate(body, InputFormat.JSON);
            assertTrue(errors.isEmpty(), contract.eventType() + " " + body + " -> " + errors);
        }
    }

    @Test
    void malformedBodiesDoNotValidate() throws Exception {
        Schema placed = compiled(EventSchemas.published(OrderPlaced.CONTRACT.schemaFile()));
        String good = EventJson.write(ContractSamples.of(OrderPlaced.CONTRACT));
        for (String bad : List.of(good.replace("\"orderId\":\"o-1\",", ""),
                good.replace("\"currency\":\"EUR\"", "\"currency\":\"euro\""),
                good.replace("\"quantity\":2", "\"quantity\":\"2\""),
                good.replace("\"placedAt\":\"2026-11-24T10:15:30Z\"", "\"placedAt\":\"yesterday\""),
                good.replace("{\"cartId\"", "{\"coupon\":\"X\",\"cartId\""))) {
            assertFalse(bad.equals(good), "the replacement applied");
            assertFalse(placed.validate(bad, InputFormat.JSON).isEmpty(), bad);
        }
        Schema adjusted = compiled(EventSchemas.published(StockAdjusted.CONTRACT.schemaFile()));
        assertTrue(adjusted.validate("{\"sku\":\"MC-1\",\"quantity\":-3}", InputFormat.JSON).isEmpty(),
                "optional fields may be left out");
        assertFalse(adjusted.validate("{\"sku\":\"MC-1\",\"quantity\":2.5}", InputFormat.JSON).isEmpty());
    }

    /** A record refuses null for a component exactly when the schema requires it (collections are always written). */
    @Test
    void aRecordRefusesAMissingFieldExactlyWhenItsSchemaRequiresIt() throws Exception {
        List<String> checked = new ArrayList<>();
        for (EventContract<?> contract : EventJson.CONTRACTS) {
            check(ContractSamples.of(contract), checked);
        }
        assertTrue(checked.size() > 60, "components checked: " + checked);
    }

    private static void check(Record sample, List<String> checked) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(sample);
        }
        Constructor<?> canonical = sample.getClass().getDeclaredConstructor(
                java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = sample.getClass().getSimpleName() + "." + component.getName();
            checked.add(name);
            Object[] withNull = values.clone();
            withNull[i] = null;
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            boolean collection = Collection.class.isAssignableFrom(component.getType()) || Map.class
                    .isAssignableFrom(component.getType());
            if (nullable) {
                canonical.newInstance(withNull);
            } else if (!collection) {
                InvocationTargetException refused = assertThrows(InvocationTargetException.class,
                        () -> canonical.newInstance(withNull), name + " is required by the schema");
                assertTrue(refused.getCause() instanceof IllegalArgumentException, name + ": " + refused.getCause());
            }
            Object value = values[i];
            if (value instanceof Record nested) {
                check(nested, checked);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record first) {
                check(first, checked);
            }
        }
    }
}
