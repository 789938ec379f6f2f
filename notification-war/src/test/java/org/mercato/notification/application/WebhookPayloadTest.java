package org.mercato.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mercato.messaging.EventHeaders;

class WebhookPayloadTest {

    private static final EventHeaders HEADERS = new EventHeaders("OrderPlaced", UUID.fromString(
            "6c0f5d0e-3f8e-4d59-a0a4-8d9e4a1c2b77"), Instant.parse("2026-11-24T10:15:30Z"), 1);

    @Test
    void theEnvelopeCarriesTheEventsBodyVerbatim() {
        String body = "{\"orderId\": \"o-1\",  \"note\": \"caf\u00e9 \\u00e9\"}";
        assertEquals("{\"id\":\"6c0f5d0e-3f8e-4d59-a0a4-8d9e4a1c2b77\",\"type\":\"OrderPlaced\",\"occurredAt\":"
                + "\"2026-11-24T10:15:30Z\",\"schemaVersion\":1,\"data\":" + body + "}",
                WebhookPayload.envelope(
                        HEADERS, "\n" + body + "\n"));
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsRefused() {
        for (String body : new String[]{"this is not JSON", "[1]", "{} {}", "", null, "{\"a\":1} x"}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookPayload.envelope(HEADERS, body), body);
        }
    }
}
