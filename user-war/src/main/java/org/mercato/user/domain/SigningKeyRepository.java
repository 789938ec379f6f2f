package org.mercato.user.domain;

import java.util.List;
import java.util.Optional;

public interface SigningKeyRepository {

    Optional<SigningKey> newest();

    List<SigningKey> all();

    void add(SigningKey key);
}
