package org.mercato.user.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface RefreshTokenRepository {

    Optional<RefreshToken> findByHash(String tokenHash);

    void add(RefreshToken token);

    int revokeFamily(UUID familyId, Instant now);

    int revokeAllOf(UUID accountId, Instant now);
}
