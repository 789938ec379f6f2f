package org.mercato.user.infrastructure;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.user.domain.SigningKey;
import org.mercato.user.domain.SigningKeyRepository;

/** Loads the token-signing key from the users database, generating one at first start. */
@ApplicationScoped
public class SigningKeyStore {

    private static final Logger LOG = Logger.getLogger(SigningKeyStore.class.getName());

    @Inject
    SigningKeyRepository keys;

    @Inject
    Clock clock;

    @Transactional
    public SigningKey currentOrGenerate() {
        return keys.newest().orElseGet(() -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                SigningKey key = new SigningKey(UUID.randomUUID().toString(), pair.getPublic().getEncoded(),
                        pair.getPrivate().getEncoded(), clock.instant());
                keys.add(key);
                LOG.info(() -> "Generated a new RS256 token-signing key " + key.kid());
                return key;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("RSA is part of every JDK", e);
            }
        });
    }

    @Transactional
    public List<SigningKey> all() {
        return keys.all();
    }
}
