package org.mercato.user.interfaces;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.mercato.user.application.AccessTokenSigner;

/** The public keys every service uses to verify our access tokens (RFC 7517). */
@Path("jwks")
@RequestScoped
@PermitAll
public class JwksResource {

    @Inject
    AccessTokenSigner signer;

    /**
     * How long a verifier may keep this key set, in seconds: every Mercato service's JWT verifier (Payara's) reads
     * the key set again when this answer's {@code Cache-Control: max-age} has passed, so a key published here is
     * trusted everywhere within a minute (the wait between a key rotation's first two steps, docs/deploy.md).
     */
    static final int MAX_AGE_SECONDS = 60;

    /** The key set, {@code {"keys":[{"kty":"RSA","kid":...,"n":...,"e":...}, ...]}}, cacheable for a minute. */
    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(signer.jwks().toString()).cacheControl(cache).build();
    }
}
