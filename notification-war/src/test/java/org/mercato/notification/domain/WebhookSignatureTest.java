package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e1\",\"data\":{\"a\":1}}";

    @Test
    void signsTimestampDotBodyWithHmacSha256AsStripeDoes() throws Exception {
        // computed outside Java: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac 'whsec_test-secret'
        assertEquals("e4d931c63e57fe2433ffbc9de6b2c8aefe1d981d24572c933e2cf03e5ddf9654", WebhookSignature.sign(
                "whsec_test-secret", 1_700_000_000L, BODY));
        // and with the JDK's Mac directly, as a receiver verifies it
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_other".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("42." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, WebhookSignature.sign("whsec_other", 42, BODY));
    }

    @Test
    void theHeaderCarriesTheTimestampAndOneV1PerSecretNewestFirst() {
        String header = WebhookSignature.header(1_700_000_000L, List.of("whsec_new", "whsec_old"), BODY);
        assertEquals("t=1700000000,v1=" + WebhookSignature.sign("whsec_new", 1_700_000_000L, BODY) + ",v1="
                + WebhookSignature.sign("whsec_old", 1_700_000_000L, BODY), header);
        assertEquals("t=5,v1=" + WebhookSignature.sign("whsec_new", 5, BODY), WebhookSignature.header(5, List.of(
                "whsec_new"), BODY));
    }

    @Test
    void anyChangeToBodyTimeOrSecretChangesTheSignature() {
        String signature = WebhookSignature.sign("whsec_a", 1, BODY);
        assertNotEquals(signature, WebhookSignature.sign("whsec_b", 1, BODY));
        assertNotEquals(signature, WebhookSignature.sign("whsec_a", 2, BODY));
        assertNotEquals(signature, WebhookSignature.sign("whsec_a", 1, BODY + " "));
    }

    @Test
    void secretsAreWhsecAnd32RandomBytesInBase64Url() {
        String first = WebhookSignature.newSecret();
        assertTrue(first.matches("whsec_[A-Za-z0-9_-]{43}"), first);
        assertNotEquals(first, WebhookSignature.newSecret());
    }
}
