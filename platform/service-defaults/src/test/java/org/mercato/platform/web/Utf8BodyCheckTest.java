package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class Utf8BodyCheckTest {

    @Test
    void textBodiesMeantAsUtf8AreChecked() {
        for (String type : new String[]{"application/json", "application/json;charset=UTF-8", "text/csv",
                "text/plain; charset=utf-8", "application/merge-patch+json", "application/x-www-form-urlencoded"}) {
            assertTrue(Utf8BodyCheck.isText(MediaType.valueOf(type)), type);
        }
        for (String type : new String[]{"image/png", "application/octet-stream", "text/csv;charset=ISO-8859-1",
                "*/*"}) {
            assertFalse(Utf8BodyCheck.isText(MediaType.valueOf(type)), type);
        }
        assertFalse(Utf8BodyCheck.isText(null));
    }

    @Test
    void theContainerErrorPageSurvivesAMalformedPath() {
        assertNull(ContainerErrorServlet.instance("/payments/api/refunds%zz"));
        assertEquals("/users/api/accounts/%C3%A9", ContainerErrorServlet.instance("/users/api/accounts/%C3%A9")
                .getRawPath());
    }
}
