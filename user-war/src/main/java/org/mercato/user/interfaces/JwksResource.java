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

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(signer.jwks().toString()).cacheControl(cache).build();
    }
}
