package org.mercato.admin.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;

import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

class ServiceFailureTest {

    @Test
    void aProblemShowsItsTitleAndDetail() {
        assertEquals("Refund too large: the payment has 500 left to refund", ServiceFailure.describe("payments", 422,
                Json.createObjectBuilder().add("type", "https://mercato.dev/problems/refund-too-large")
                        .add("title", "Refund too large").add("detail", "the payment has 500 left to refund")
                        .add("status", 422).build()));
        assertEquals("Conflict", ServiceFailure.describe("orders", 409, Json.createObjectBuilder()
                .add("title", "Conflict").build()));
    }

    @Test
    void withoutAProblemTheStatusSaysWhatHappened() {
        assertTrue(ServiceFailure.describe("catalog", 503, null).contains("catalog service is not available"));
        assertTrue(ServiceFailure.describe("orders", 404, null).contains("does not know"));
    }

    @Test
    void aTimeoutBecomesAPlainMessageWithoutTheStackTrace() {
        ServiceFailure failure = assertThrows(ServiceFailure.class, () -> ServiceFailure.call("analytics", () -> {
            throw new ProcessingException(new SocketTimeoutException("Read timed out"));
        }));
        assertEquals(0, failure.status());
        assertTrue(failure.unavailable());
        assertEquals("The analytics service is not answering right now (timed out); try again shortly.", failure
                .getMessage());
    }
}
