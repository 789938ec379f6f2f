package org.mercato.user.application;

import java.util.List;

import jakarta.json.JsonObject;

/** Port to the key material: signs access tokens (RS256) and publishes the matching public keys. */
public interface AccessTokenSigner {

    String sign(JsonObject claims);

    /** The public keys, as a JSON Web Key Set, that every service uses to verify our tokens. */
    JsonObject jwks();

    List<String> keyIds();
}
