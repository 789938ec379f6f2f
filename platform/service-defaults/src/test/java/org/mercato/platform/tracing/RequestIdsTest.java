package org.mercato.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void onlyIdsTheGatewayWouldPassOnAreTaken() {
        assertEquals("0f3c9a7e2b1d4c5e8f9a0b1c2d3e4f50", RequestIds.sanitize("0f3c9a7e2b1d4c5e8f9a0b1c2d3e4f50"));
        assertEquals("shop.checkout:42-a_b", RequestIds.sanitize("shop.checkout:42-a_b"));
        assertNull(RequestIds.sanitize(null));
        assertNull(RequestIds.sanitize("short"), "under 8 characters");
        assertNull(RequestIds.sanitize("x".repeat(129)), "over 128 characters");
        assertNull(RequestIds.sanitize("abc\r\nSet-Cookie: x=1"), "no header or log injection");
        assertNull(RequestIds.sanitize("abcdefgh ijk"), "no spaces");
    }

    @Test
    void aScopeSetsTheThreadsIdAndRestoresTheOneBefore() {
        assertEquals(Optional.empty(), RequestIds.current());
        try (RequestIds.Scope outer = RequestIds.open("outer-request")) {
            assertEquals(Optional.of("outer-request"), RequestIds.current());
            try (RequestIds.Scope inner = RequestIds.open("inner-request")) {
                assertEquals(Optional.of("inner-request"), RequestIds.current());
            }
            assertEquals(Optional.of("outer-request"), RequestIds.current());
            try (RequestIds.Scope none = RequestIds.open(null)) {
                assertTrue(RequestIds.current().isEmpty(), "an event without an id carries none of the caller's");
            }
            assertEquals(Optional.of("outer-request"), RequestIds.current());
        }
        assertEquals(Optional.empty(), RequestIds.current());
    }
}
