package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void malformedEscapesAreRefused() {
        for (String raw : new String[]{"/payments/api/refunds%zz", "/users/api/accounts/%zz", "/a/%", "/a/%4",
                "q=%g1", "q=abc%2", "q=%%41"}) {
            assertNotNull(PercentEncoding.refusal(raw), raw);
        }
    }

    @Test
    void escapedBytesMustBeUtf8() {
        for (String raw : new String[]{"q=%ED%A0%80", "q=%C0%80", "q=%FF", "q=a%E2%82", "q=%E2%82&x=%AC",
                "/users/api/accounts/%C3"}) {
            assertNotNull(PercentEncoding.refusal(raw), raw);
        }
    }

    @Test
    void wellFormedTextPasses() {
        for (String raw : new String[]{null, "", "/catalog/api/products", "q=caf%C3%A9&size=20", "q=%F0%9F%98%80",
                "q=a+b%20c", "/catalog/api/products/%E6%9D%B1%E4%BA%AC", "q=%25zz"}) {
            assertNull(PercentEncoding.refusal(raw), raw);
        }
    }
}
