package org.mercato.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ProblemTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void writesTheRfc9457Members() {
        JsonObject json = parse(Problem.of(409, "email-taken", "Email already registered", "taken")
                .toJson(URI.create("http://shop.example/users/api/accounts?x=secret")));
        assertEquals("https://mercato.dev/problems/email-taken", json.getString("type"));
        assertEquals("Email already registered", json.getString("title"));
        assertEquals(409, json.getInt("status"));
        assertEquals("taken", json.getString("detail"));
        // the instance is the path only: query strings may carry secrets
        assertEquals("/users/api/accounts", json.getString("instance"));
        assertFalse(json.containsKey("errors"));
    }

    @Test
    void neverWritesMarkupBackEvenWhenItQuotesTheRequest() {
        String written = Problem.of(404, "not-found", "Not found", "product <script>alert(1)</script> & co")
                .toJson(URI.create("http://shop.example/catalog/api/products/%3Cscript%3E"));
        assertFalse(written.contains("<") || written.contains(">") || written.contains("&"), written);
        JsonObject json = parse(written);
        // the same text for any JSON reader
        assertEquals("product <script>alert(1)</script> & co", json.getString("detail"));
        assertEquals("/catalog/api/products/%3Cscript%3E", json.getString("instance"));
    }

    @Test
    void listsFieldErrorsWhenThereAreSome() {
        JsonObject json = parse(Problem.of(400, "validation", "Invalid request", null)
                .withErrors(List.of(new Problem.FieldError("email", "must not be blank"))).toJson(null));
        assertEquals("email", json.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(json.containsKey("detail"));
        assertFalse(json.containsKey("instance"));
    }

    @Test
    void headersTravelWithTheProblem() {
        Problem locked = Problem.of(429, "account-locked", "Locked", null).withHeader("Retry-After", "60");
        assertEquals("60", locked.toResponse(null).getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, locked.toResponse(null).getMediaType().toString());
    }

    @Test
    void neverWritesBidiOrInvisibleCharactersBack() {
        String json = Problem.of(400, "validation", "Invalid request", "unknown warehouse abc\u202egpj.exe\u200b")
                .withErrors(List.of(new Problem.FieldError("attributes.a\u2066b", "value \u202d\u0007x")))
                .toJson(null);
        JsonObject problem = Json.createReader(new StringReader(json)).readObject();
        assertEquals("unknown warehouse abc?gpj.exe?", problem.getString("detail"));
        assertEquals("attributes.a?b", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("value ??x", problem.getJsonArray("errors").getJsonObject(0).getString("message"));
    }
}
