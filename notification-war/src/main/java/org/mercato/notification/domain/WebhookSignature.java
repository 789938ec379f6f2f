package org.mercato.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery proves it comes from Mercato, after Stripe's webhook signature scheme
 * (https://docs.stripe.com/webhooks#verify-manually): the header {@value #HEADER} is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the endpoint's secret (its UTF-8 bytes, the
 * {@code whsec_} prefix included) over {@code "<t>.<raw body>"}. While a rotated-out secret is still valid the
 * header carries one {@code v1} per valid secret, newest first; a receiver accepts the delivery if any of them
 * matches and {@code t} is recent.
 */
public final class WebhookSignature {

    public static final String HEADER = "Mercato-Signature";
    /** Every secret starts with it, so one is recognisable in a config file or a leak scanner. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"} keyed with the secret. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The header's value: {@code t=<timestamp>,v1=<signature>} with one {@code v1} per secret, in order.
     *
     * @param timestamp unix seconds of the attempt
     */
    public static String header(long timestamp, List<String> secrets, String body) {
        StringBuilder value = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            value.append(",v1=").append(sign(secret, timestamp, body));
        }
        return value.toString();
    }
}
