package org.mercato.messaging.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code docs/asyncapi.yaml} says what the services really send (that it is a valid AsyncAPI 3.0.0 document is
 * checked by the reference parser, module {@code docs/asyncapi-check}): every contract is a message on
 * its topic's channel, with the envelope headers, its schema version and its generated payload schema; an
 * operation sends it (or, for StockAdjusted, receives it); nothing else is listed; every reference resolves.
 */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = EventSchemas.PUBLISHED.resolveSibling("asyncapi.yaml");
    static JsonNode tree;

    @BeforeAll
    static void read() throws Exception {
        tree = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void everyContractIsAMessageOnItsTopicWithItsHeadersVersionAndSchema() throws Exception {
        Set<String> listed = new TreeSet<>();
        tree.path("components").path("messages").fieldNames().forEachRemaining(listed::add);
        Set<String> contracts = new TreeSet<>();
        for (EventContract<?> contract : EventJson.CONTRACTS) {
            String type = contract.eventType();
            contracts.add(type);
            JsonNode message = tree.at("/components/messages/" + type);
            assertEquals(type, message.path("name").asText(), type);
            assertEquals("schemas/" + contract.schemaFile(), message.at("/payload/$ref").asText(), type);
            assertEquals(contract.schemaVersion(), message.path("x-schema-version").asInt(), type);
            assertEquals("#/components/schemas/EventHeaders", message.at("/headers/$ref").asText(), type);

            String channel = channelOf(contract.topic());
            assertEquals("#/components/messages/" + type, tree.at("/channels/" + channel + "/messages/" + type
                    + "/$ref").asText(), type + " on channel " + channel);
            String action = StockAdjusted.TYPE.equals(type) ? "receive" : "send";
            assertTrue(operations(channel, type).contains(action), type + " needs a " + action + " operation");
        }
        assertEquals(contracts, listed, "the document lists exactly the contracts");
        Set<String> required = new TreeSet<>();
        tree.at("/components/schemas/EventHeaders/required").forEach(name -> required.add(name.asText()));
        assertEquals(new TreeSet<>(List.of(EventHeaders.EVENT_TYPE, EventHeaders.EVENT_ID, EventHeaders.OCCURRED_AT,
                EventHeaders.SCHEMA_VERSION)), required);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collect(tree, refs);
        assertTrue(refs.size() > 30, refs.toString());
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertTrue(!tree.at(ref.substring(1)).isMissingNode(), ref + " resolves in the document");
            } else {
                assertTrue(Files.exists(DOCUMENT.resolveSibling(ref)), ref + " exists beside the document");
            }
        }
    }

    private static String channelOf(String topic) {
        for (var it = tree.path("channels").fields(); it.hasNext();) {
            var channel = it.next();
            if (topic.equals(channel.getValue().path("address").asText())) {
                return channel.getKey();
            }
        }
        throw new AssertionError("no channel has the address " + topic);
    }

    private static Set<String> operations(String channel, String type) {
        Set<String> actions = new TreeSet<>();
        tree.path("operations").forEach(operation -> {
            boolean onChannel = ("#/channels/" + channel).equals(operation.at("/channel/$ref").asText());
            for (JsonNode message : operation.path("messages")) {
                if (onChannel && ("#/channels/" + channel + "/messages/" + type).equals(message.path("$ref")
                        .asText())) {
                    actions.add(operation.path("action").asText());
                }
            }
        });
        return actions;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, refs));
        }
    }
}
