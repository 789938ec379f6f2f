package org.mercato.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

class StrictJsonReaderTest {

    public static final class Line {
        public String sku;
        public Integer quantity;
    }

    public static final class Body {
        public String name;
        @MultiLine
        public String description;
        public long amount;
        public int count;
        public Double ratio;
        public Boolean active;
        public UUID id;
        public List<Line> lines;
        public Map<String, String> attributes;
    }

    public record Refund(String paymentId, Long amount, @MultiLine String reason) {
    }

    private static Problem refusal(String json, Class<?> type) {
        return assertThrows(ProblemException.class, () -> StrictJsonReader.bind(json, type)).problem();
    }

    private static String field(Problem problem) {
        return problem.errors().get(0).field();
    }

    @Test
    void aWellFormedBodyBinds() {
        Body body = (Body) StrictJsonReader.bind("""
                {"name":"Mug","description":"two\\nlines","amount":1999,"count":-3,"ratio":1.5,"active":true,
                 "id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","lines":[{"sku":"A","quantity":2}],
                 "attributes":{"colour":"black"}}""", Body.class);
        assertEquals("Mug", body.name);
        assertEquals(1999, body.amount);
        assertEquals(2, body.lines.get(0).quantity);
        assertEquals("two\nlines", body.description);
        Refund refund = (Refund) StrictJsonReader.bind("{\"paymentId\":\"p\",\"amount\":5}", Refund.class);
        assertEquals(5L, refund.amount());
        assertNull(StrictJsonReader.bind("  ", Body.class));
    }

    @Test
    void integersAreJsonIntegersOnly() {
        for (String amount : List.of("1.5", "\"2\"", "2e0", "1.0", "true", "[]", "{}")) {
            Problem problem = refusal("{\"amount\":" + amount + "}", Body.class);
            assertEquals(400, problem.status());
            assertEquals("amount", field(problem), amount);
        }
        assertEquals("lines[1].quantity", field(refusal("{\"lines\":[{\"quantity\":1},{\"quantity\":0.5}]}",
                Body.class)));
        assertEquals("count", field(refusal("{\"count\":2147483648}", Body.class)));
        assertEquals("amount", field(refusal("{\"amount\":9223372036854775808}", Body.class)));
        assertEquals("amount", field(refusal("{\"amount\":null}", Body.class)));
        assertEquals("amount", field(refusal("{\"paymentId\":\"p\",\"amount\":1.5}", Refund.class)));
    }

    @Test
    void unknownPropertiesAreNamed() {
        Problem problem = refusal("{\"paymentId\":\"p\",\"currency\":\"USD\"}", Refund.class);
        assertEquals("currency", field(problem));
        assertEquals("lines[0].price", field(refusal("{\"lines\":[{\"sku\":\"A\",\"price\":1}]}", Body.class)));
        assertTrue(field(refusal("{\"<script>\":1}", Body.class)).indexOf('<') < 0, "no markup echoed");
    }

    @Test
    void controlCharactersAreRefusedOutsideMultiLineText() {
        assertEquals("name", field(refusal("{\"name\":\"a\\u0000b\"}", Body.class)));
        assertEquals("name", field(refusal("{\"name\":\"a\\nb\"}", Body.class)));
        assertEquals("description", field(refusal("{\"description\":\"a\\u0007b\"}", Body.class)));
        assertEquals("name", field(refusal("{\"name\":\"\\ud800\"}", Body.class)));
        assertEquals("attributes.colour", field(refusal("{\"attributes\":{\"colour\":\"\\u001b[31m\"}}",
                Body.class)));
        assertEquals("reason", field(refusal("{\"paymentId\":\"p\",\"reason\":\"\\u0000\"}", Refund.class)));
        // emoji (a surrogate pair) and other scripts are text
        Body body = (Body) StrictJsonReader.bind("{\"name\":\"Tasse \\ud83d\\ude00 \u00e9\u4e2d\"}", Body.class);
        assertTrue(body.name.startsWith("Tasse"));
    }

    @Test
    void typesAreNotCoerced() {
        assertEquals("active", field(refusal("{\"active\":\"true\"}", Body.class)));
        assertEquals("name", field(refusal("{\"name\":5}", Body.class)));
        assertEquals("ratio", field(refusal("{\"ratio\":\"1.5\"}", Body.class)));
        assertEquals("id", field(refusal("{\"id\":\"not-a-uuid\"}", Body.class)));
        assertEquals("lines", field(refusal("{\"lines\":{}}", Body.class)));
        assertEquals("body", field(refusal("[1,2]", Body.class)));
    }

    @Test
    void parserLimitsAre400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Problem problem = refusal(deep, Object.class);
        assertEquals(400, problem.status());
        assertTrue(problem.type().endsWith("json-limit"), problem.type());
        assertTrue(refusal("{\"name\":\"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}", Body.class)
                .type().endsWith("json-limit"));
        assertTrue(refusal("{\"amount\":" + "9".repeat(100) + "}", Body.class).type().endsWith("json-limit"));
        assertTrue(refusal("{\"name\": ", Body.class).type().endsWith("malformed-json"));
        assertTrue(refusal("{} {}", Body.class).type().endsWith("malformed-json"));
        assertTrue(refusal("{\"name\":\"a\",\"name\":\"b\"}", Body.class).type().endsWith("malformed-json"));
        assertTrue(refusal("{\"ratio\":1e999999999}", Body.class).type().endsWith("json-limit"));
    }

    @Test
    void nullItemsAndMapValuesAreRefusedByPath() {
        Problem items = refusal("{\"lines\":[{\"sku\":\"A\",\"quantity\":1},null]}", Body.class);
        assertEquals(400, items.status());
        assertEquals("lines[1]", field(items));
        assertEquals("attributes.color", field(refusal("{\"attributes\":{\"color\":null}}", Body.class)));
        Problem nested = refusal("{\"variants\":[{\"attributes\":{\"size\":null}}],\"tags\":[null]}",
                Product.class);
        assertEquals(List.of("variants[0].attributes.size", "tags[0]"), nested.errors().stream().map(
                Problem.FieldError::field).toList());
        // a property itself may still be null: whether it is required is Bean Validation's decision
        Body body = (Body) StrictJsonReader.bind("{\"lines\":null,\"attributes\":null,\"name\":null}", Body.class);
        assertNull(body.lines);
    }

    public record Variant(Map<String, String> attributes) {
    }

    public record Product(List<Variant> variants, String[] tags) {
    }

    @Test
    void bodiesMustBeValidUtf8() throws java.io.IOException {
        byte[][] invalid = {{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'A', (byte) 0xC0, (byte) 0x80, '"', '}'},
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'},
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}};
        StrictJsonReader reader = new StrictJsonReader();
        for (byte[] bytes : invalid) {
            Problem problem = assertThrows(ProblemException.class, () -> reader.readFrom(cast(Body.class), Body.class,
                    new java.lang.annotation.Annotation[0], jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE,
                    null, new java.io.ByteArrayInputStream(bytes))).problem();
            assertEquals(400, problem.status());
            assertTrue(problem.type().endsWith("invalid-utf8"), problem.type());
        }
        Body body = (Body) reader.readFrom(cast(Body.class), Body.class, new java.lang.annotation.Annotation[0],
                jakarta.ws.rs.core.MediaType.valueOf("application/json; charset=UTF-8"), null,
                new java.io.ByteArrayInputStream("{\"name\":\"Zo\u00eb \ud83d\ude00\"}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("Zo\u00eb \ud83d\ude00", body.name);
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> cast(Class<?> type) {
        return (Class<Object>) type;
    }

    @Test
    void onlyJsonInUtf8IsRead() {
        for (String refused : new String[]{"*/*", "application/*", "application/json;charset=utf-16",
                "application/json; charset=ISO-8859-1", "text/plain", "application/xml"}) {
            assertNotNull(StrictJsonReader.mediaTypeRefusal(jakarta.ws.rs.core.MediaType.valueOf(refused)), refused);
        }
        assertNotNull(StrictJsonReader.mediaTypeRefusal(null));
        for (String accepted : new String[]{"application/json", "Application/JSON", "application/json;charset=utf-8",
                "application/json; charset=UTF-8", "application/merge-patch+json"}) {
            assertNull(StrictJsonReader.mediaTypeRefusal(jakarta.ws.rs.core.MediaType.valueOf(accepted)), accepted);
        }
        Problem problem = assertThrows(ProblemException.class, () -> new StrictJsonReader().readFrom(cast(
                Body.class), Body.class, new java.lang.annotation.Annotation[0],
                jakarta.ws.rs.core.MediaType
                        .valueOf("application/json;charset=utf-16"),
                null, new java.io.ByteArrayInputStream(
                        new byte[]{'{', '}'})))
                .problem();
        assertEquals(415, problem.status());
    }
}
