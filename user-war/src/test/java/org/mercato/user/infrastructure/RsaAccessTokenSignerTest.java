package org.mercato.user.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** A configured signing key: its id is its JWK thumbprint, and additional public keys are published beside it. */
class RsaAccessTokenSignerTest {

    @Test
    void theKeyIdIsTheRfc7638Thumbprint() throws Exception {
        // the example key of RFC 7638, section 3.1, and the thumbprint the RFC gives for it
        Base64.Decoder b64url = Base64.getUrlDecoder();
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64url.decode(
                        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")),
                new BigInteger(1, b64url.decode("AQAB"))));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", RsaAccessTokenSigner.thumbprint(key));
    }

    @Test
    void signsWithTheConfiguredKeyAndPublishesTheAdditionalOnes() throws Exception {
        KeyPair current = rsa();
        KeyPair previous = rsa();
        RsaAccessTokenSigner signer = new RsaAccessTokenSigner();
        signer.configuredPrivateKey = Optional.of(pem("PRIVATE KEY", current.getPrivate().getEncoded()));
        signer.configuredPublicKey = Optional.of(pem("PUBLIC KEY", current.getPublic().getEncoded()));
        // the current key listed again is published once
        signer.additionalPublicKeys = Optional.of(pem("PUBLIC KEY", previous.getPublic().getEncoded()) + "\n"
                + pem("PUBLIC KEY", current.getPublic().getEncoded()));

        String token = signer.sign(Json.createObjectBuilder().add("sub", "someone").build());
        JsonObject header = Json.createReader(new java.io.StringReader(new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8)))
                .readObject();
        String currentKid = RsaAccessTokenSigner.thumbprint((RSAPublicKey) current.getPublic());
        String previousKid = RsaAccessTokenSigner.thumbprint((RSAPublicKey) previous.getPublic());
        assertNotEquals(currentKid, previousKid);
        assertEquals(currentKid, header.getString("kid"), "tokens name the signing key");
        assertEquals(List.of(currentKid, previousKid), signer.keyIds(), "the JWKS lists both, the signing key first");
        assertEquals(2, signer.jwks().getJsonArray("keys").size());
    }

    @Test
    void anUnreadableAdditionalKeyIsRefusedClearly() throws Exception {
        KeyPair current = rsa();
        RsaAccessTokenSigner signer = new RsaAccessTokenSigner();
        signer.configuredPrivateKey = Optional.of(pem("PRIVATE KEY", current.getPrivate().getEncoded()));
        signer.configuredPublicKey = Optional.of(pem("PUBLIC KEY", current.getPublic().getEncoded()));
        signer.additionalPublicKeys = Optional.of("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----");
        IllegalStateException refused = assertThrows(IllegalStateException.class, signer::keyIds);
        assertEquals("mercato.jwt.additional-public-keys holds an unreadable RSA key", refused.getMessage());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
