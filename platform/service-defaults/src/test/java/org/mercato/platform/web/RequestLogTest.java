package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void byDefaultOnlyServerErrorsAndSlowRequestsAreInfo() {
        assertEquals(Level.FINE, RequestLog.level("slow", 200, 12, 1000), "a fast request writes nothing at INFO");
        assertEquals(Level.FINE, RequestLog.level(null, 404, -1, 1000));
        assertEquals(Level.INFO, RequestLog.level("slow", 503, 3, 1000));
        assertEquals(Level.INFO, RequestLog.level("SLOW", 200, 1000, 1000));
    }

    @Test
    void allAndOffAreWhatTheySay() {
        assertEquals(Level.INFO, RequestLog.level("all", 200, 1, 1000));
        assertEquals(Level.INFO, RequestLog.level("true", 200, 1, 1000));
        assertNull(RequestLog.level("off", 500, 5000, 1000));
        assertNull(RequestLog.level("false", 200, 1, 1000));
    }
}
