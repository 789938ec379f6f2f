package org.mercato.user.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.platform.security.Digests;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.RefreshToken;
import org.mercato.user.domain.RefreshTokenRepository;
import org.mercato.user.domain.Role;

/** Issues the access token (a short-lived JWT) and the rotating refresh token for an account. */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccessTokenSigner signer;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "mercato")
    String issuer;

    @Inject
    @ConfigProperty(name = "mercato.jwt.access-token-minutes", defaultValue = "15")
    long accessTokenMinutes;

    @Inject
    @ConfigProperty(name = "mercato.jwt.refresh-token-days", defaultValue = "30")
    long refreshTokenDays;

    /** Starts a new refresh-token family (a login). */
    public TokenPair issue(Account account) {
        return issue(account, UUID.randomUUID());
    }

    /** Continues a family (a refresh), so a replay of an old token can revoke all of it. */
    public TokenPair issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        Duration accessTtl = Duration.ofMinutes(accessTokenMinutes);
        JsonArrayBuilder groups = Json.createArrayBuilder();
        account.roles().stream().map(Role::group).sorted().forEach(groups::add);
        String accessToken = signer.sign(Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", account.id().toString())
                .add("upn", account.email())
                .add("name", account.name())
                .add("groups", groups)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(accessTtl).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Duration refreshTtl = Duration.ofDays(refreshTokenDays);
        refreshTokens.add(new RefreshToken(account.id(), familyId, hash(refreshToken), now, now.plus(refreshTtl)));
        return new TokenPair(accessToken, refreshToken, accessTtl.toSeconds(), refreshTtl.toSeconds());
    }

    /**
     * An access token for another Mercato service (client credentials checked by the caller): subject
     * {@code service:<client>}, the single group {@code service}, no refresh token.
     */
    public TokenPair issueServiceToken(String client) {
        Instant now = clock.instant();
        Duration accessTtl = Duration.ofMinutes(accessTokenMinutes);
        String accessToken = signer.sign(Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", "service:" + client)
                .add("upn", client + "@services.mercato")
                .add("name", client + " service")
                .add("groups", Json.createArrayBuilder().add(org.mercato.platform.security.Roles.SERVICE))
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(accessTtl).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());
        return new TokenPair(accessToken, null, accessTtl.toSeconds(), 0);
    }

    /** Refresh tokens are stored only as this hash: a leaked table cannot be replayed. */
    public static String hash(String refreshToken) {
        return Digests.sha256Hex(refreshToken);
    }
}
