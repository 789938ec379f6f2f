package org.mercato.messaging.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

/**
 * The JSON Schema (draft 2020-12) of each event contract, generated from its record with victools'
 * jsonschema-generator: a component marked {@link Nullable} may be null or absent, every other one is required;
 * no property beyond the record's is allowed; instants are ISO-8601 date-times, currencies ISO 4217 codes. The
 * published copies are {@code docs/schemas/<eventType>.v<schemaVersion>.json}.
 */
final class EventSchemas {

    /** Where the published schemas live, from the messaging module's folder (Maven's working directory). */
    static final Path PUBLISHED = Path.of(System.getProperty("mercato.schemas.dir", "../docs/schemas"));
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forFields().withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(
                Nullable.class) == null);
        config.forFields().withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(
                Nullable.class) != null);
        config.forFields().withStringPatternResolver(field -> "currency".equals(field.getName())
                ? "^[A-Z]{3}$"
                : null);
        // a required text is never blank (Required.text)
        config.forFields().withStringMinLengthResolver(field -> field.getType().isInstanceOf(String.class) && field
                .getAnnotationConsideringFieldAndGetter(Nullable.class) == null ? 1 : null);
        config.forTypesInGeneral().withStringFormatResolver(scope -> scope.getType().isInstanceOf(Instant.class)
                ? "date-time"
                : null);
        return new SchemaGenerator(config.build());
    }

    /** The schema of a contract's body, with its title and the topic it travels on. */
    static ObjectNode generate(EventContract<?> contract) {
        ObjectNode generated = GENERATOR.generateSchema(contract.body());
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", generated.path("$schema").asText());
        schema.put("$id", "https://mercato.dev/schemas/" + contract.schemaFile());
        schema.put("title", contract.eventType() + " (schemaVersion " + contract.schemaVersion() + ")");
        schema.put("description", "Body of the " + contract.eventType() + " event on the JMS topic "
                + contract.topic() + " (docs/events.md, docs/asyncapi.yaml)");
        generated.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$schema")) {
                schema.set(field.getKey(), field.getValue());
            }
        });
        return schema;
    }

    static JsonNode published(String file) throws IOException {
        return JSON.readTree(PUBLISHED.resolve(file).toFile());
    }

    static void write(Path file, JsonNode schema) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(schema) + "\n");
    }
}
