package org.mercato.user.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.user.application.AccessTokenSigner;
import org.mercato.user.domain.SigningKey;

/**
 * Signs JWTs with RS256. The key comes from {@code mercato.jwt.signing-key} (a PKCS#8 PEM, e.g. a Docker secret)
 * when set, else from the users database. A configured key's id ({@code kid}) is its RFC 7638 JWK thumbprint, so
 * a new key always has a new id. {@code mercato.jwt.additional-public-keys} (PEM public keys, one after the other)
 * are published in the key set beside the signing key without signing anything: the next key before a rotation
 * (verifiers learn it before the first token signed with it), the previous one after (tokens signed before still
 * verify until they expire); docs/deploy.md, "Rotating the JWT signing key".
 */
@ApplicationScoped
public class RsaAccessTokenSigner implements AccessTokenSigner {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    SigningKeyStore store;

    @Inject
    @ConfigProperty(name = "mercato.jwt.signing-key")
    Optional<String> configuredPrivateKey;

    @Inject
    @ConfigProperty(name = "mercato.jwt.signing-key-public")
    Optional<String> configuredPublicKey;

    @Inject
    @ConfigProperty(name = "mercato.jwt.additional-public-keys")
    Optional<String> additionalPublicKeys;

    private volatile Loaded current;

    private record Loaded(String kid, PrivateKey privateKey, RSAPublicKey publicKey) {
    }

    @Override
    public String sign(JsonObject claims) {
        Loaded key = current();
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", key.kid())
                .build().toString();
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** How long the published key set is served from memory, in seconds (a new key shows within it). */
    static final long JWKS_CACHE_SECONDS = 10;

    private record PublishedKeys(JsonObject document, long loadedAtNanos) {
    }

    private volatile PublishedKeys publishedKeys;

    /** The key set ({@code {"keys": [...]}}, RFC 7517), read from the store at most every {@value #JWKS_CACHE_SECONDS} s. */
    @Override
    public JsonObject jwks() {
        PublishedKeys cached = publishedKeys;
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < JWKS_CACHE_SECONDS * 1_000_000_000L) {
            return cached.document();
        }
        JsonObject document = readJwks();
        publishedKeys = new PublishedKeys(document, now);
        return document;
    }

    private JsonObject readJwks() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (Loaded key : published()) {
            keys.add(Json.createObjectBuilder()
                    .add("kty", "RSA")
                    .add("use", "sig")
                    .add("alg", "RS256")
                    .add("kid", key.kid())
                    .add("n", B64URL.encodeToString(unsigned(key.publicKey().getModulus().toByteArray())))
                    .add("e", B64URL.encodeToString(unsigned(key.publicKey().getPublicExponent().toByteArray()))));
        }
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    @Override
    public List<String> keyIds() {
        return published().stream().map(Loaded::kid).toList();
    }

    private List<Loaded> published() {
        if (configuredPrivateKey.isPresent()) {
            List<Loaded> keys = new ArrayList<>(List.of(current()));
            for (Loaded extra : additional()) {
                if (keys.stream().noneMatch(key -> key.kid().equals(extra.kid()))) {
                    keys.add(extra);
                }
            }
            return keys;
        }
        List<Loaded> all = new ArrayList<>();
        for (SigningKey key : store.all()) {
            all.add(load(key.kid(), key.privateKeyPkcs8(), key.publicKeyX509()));
        }
        return all.isEmpty() ? List.of(current()) : all;
    }

    private Loaded current() {
        Loaded key = current;
        if (key == null) {
            synchronized (this) {
                if (current == null) {
                    current = configuredPrivateKey.isPresent() ? fromConfig() : fromStore();
                }
                key = current;
            }
        }
        return key;
    }

    private Loaded fromStore() {
        SigningKey key = store.currentOrGenerate();
        return load(key.kid(), key.privateKeyPkcs8(), key.publicKeyX509());
    }

    private Loaded fromConfig() {
        byte[] privateDer = pem(configuredPrivateKey.get());
        byte[] publicDer = pem(configuredPublicKey.orElseThrow(() -> new IllegalStateException(
                "mercato.jwt.signing-key-public must be set with mercato.jwt.signing-key")));
        Loaded key = load("configured", privateDer, publicDer);
        return new Loaded(thumbprint(key.publicKey()), key.privateKey(), key.publicKey());
    }

    private static final java.util.regex.Pattern PUBLIC_KEY_PEM = java.util.regex.Pattern.compile(
            "-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", java.util.regex.Pattern.DOTALL);

    /** The additional public keys (verification only: no private key). */
    private List<Loaded> additional() {
        List<Loaded> keys = new ArrayList<>();
        java.util.regex.Matcher pem = PUBLIC_KEY_PEM.matcher(additionalPublicKeys.orElse(""));
        while (pem.find()) {
            try {
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(pem(pem.group(1))));
                keys.add(new Loaded(thumbprint(key), null, key));
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException("mercato.jwt.additional-public-keys holds an unreadable RSA key", e);
            }
        }
        return keys;
    }

    /** RFC 7638: base64url(SHA-256({"e":..,"kty":"RSA","n":..})), members in that order, no whitespace. */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + B64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray()))
                + "\",\"kty\":\"RSA\",\"n\":\"" + B64URL.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\"}";
        try {
            return B64URL.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static Loaded load(String kid, byte[] privatePkcs8, byte[] publicX509) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new Loaded(kid, rsa.generatePrivate(new PKCS8EncodedKeySpec(privatePkcs8)),
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicX509)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token-signing key " + kid + " is unreadable", e);
        }
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    /** JWK integers are unsigned big-endian: drop BigInteger's sign byte. */
    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
