package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class BodyMediaTypeFilterTest {

    private static final String[] NOTHING_DECLARED = new String[0];

    @Test
    void jsonInUtf8IsTakenWhereNothingElseIsDeclared() {
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("application/json"), NOTHING_DECLARED));
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("application/json; charset=UTF-8"),
                NOTHING_DECLARED));
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("application/merge-patch+json"),
                NOTHING_DECLARED));
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("application/json"), new String[]{
                "application/json"}));
    }

    @Test
    void otherTypesAndCharsetsAreRefused() {
        // the tester's cases: a cancel taken as a picture, a cart created from text, JSON read as UTF-16
        for (String type : new String[]{"image/png", "text/plain", "*/*", "application/x-www-form-urlencoded",
                "application/json; charset=utf-16", "application/jsonx"}) {
            assertNotNull(BodyMediaTypeFilter.refusal(MediaType.valueOf(type), NOTHING_DECLARED), type);
        }
        assertNotNull(BodyMediaTypeFilter.refusal(null, NOTHING_DECLARED), "a body without a type");
    }

    @Test
    void declaredTypesAreTheRuntimesToMatchButOnlyInUtf8() {
        String[] csvOrJson = {"text/csv", "application/json"};
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("text/csv"), csvOrJson));
        assertNotNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("text/csv; charset=ISO-8859-1"), csvOrJson));
        assertNull(BodyMediaTypeFilter.refusal(MediaType.valueOf("image/webp"), new String[]{"image/*"}));
    }
}
