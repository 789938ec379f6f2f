package org.mercato.platform.testing.payara;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens for an in-container test's HTTP calls, signed with a key pair made for the test, as the users
 * service signs them ({@code TokenService}: RS256, issuer {@code mercato}, {@code sub}, {@code upn},
 * {@code groups}); the service under test verifies them with the key's JWKS, which {@link OtherServices} serves
 * where the users service would ({@code /users/api/jwks}).
 */
public final class TestTokens {

    static final String KEY_ID = "in-container-test";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    private TestTokens(KeyPair keys) {
        this.keys = keys;
    }

    static TestTokens generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new TestTokens(generator.generateKeyPair());
    }

    /** The {@code Authorization} header value of a 15-minute token for the subject in the groups (roles). */
    public String bearer(String subject, String upn, String... groups) {
        Instant now = Instant.now();
        String groupList = Arrays.stream(groups).map(group -> "\"" + group + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"mercato\",\"sub\":\"" + subject + "\",\"upn\":\"" + upn + "\",\"name\":\""
                + upn + "\",\"groups\":[" + groupList + "],\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(
                        Duration.ofMinutes(15)).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signed = base64url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}") + "."
                + base64url(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + signed + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff member's token ({@code staff@example.com}, group {@code staff}). */
    public String staff() {
        return bearer(UUID.nameUUIDFromBytes("staff".getBytes(StandardCharsets.UTF_8)).toString(),
                "staff@example.com", "staff");
    }

    /** The public key as a JSON Web Key Set, as the users service publishes its own. */
    String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
