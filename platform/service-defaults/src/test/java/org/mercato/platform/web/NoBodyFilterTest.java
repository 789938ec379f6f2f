package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class NoBodyFilterTest {

    public record Order(String id) {
    }

    public static class Resource {
        public void deliver(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                @Context UriInfo uri) {
        }

        public void list(@QueryParam("page") @DefaultValue("0") int page) {
        }

        public void create(@HeaderParam("Idempotency-Key") String key, Order order) {
        }

        public void text(String body) {
        }

        public void form(@FormParam("name") String name) {
        }

        public void bean(@BeanParam Object parameters) {
        }
    }

    private static boolean takesBody(String name) {
        for (var method : Resource.class.getMethods()) {
            if (method.getName().equals(name)) {
                return NoBodyFilter.takesBody(method);
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aMethodTakesABodyWhenAParameterIsTheEntityOrAForm() {
        assertFalse(takesBody("deliver"));
        assertFalse(takesBody("list"));
        assertTrue(takesBody("create"));
        assertTrue(takesBody("text"));
        assertTrue(takesBody("form"));
        assertTrue(takesBody("bean"));
    }

    @Test
    void onlyAnEmptyBodyOrAnEmptyObjectIsNoBody() {
        for (String empty : new String[]{"", "  \r\n\t", "{}", " { } \n"}) {
            assertTrue(NoBodyFilter.isEmptyOrEmptyObject(empty.getBytes(StandardCharsets.UTF_8)), empty);
        }
        for (String body : new String[]{"{bad", "\u0000<script>", "null", "[]", "{\"reason\":\"x\"}", "\"\"",
                "{}{}"}) {
            assertFalse(NoBodyFilter.isEmptyOrEmptyObject(body.getBytes(StandardCharsets.UTF_8)), body);
        }
    }
}
