package org.mercato.user.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface AccountRepository {

    Optional<Account> find(UUID id);

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean anyWithRole(Role role);

    /** Accounts whose email or name contains the text, newest first. */
    List<Account> search(String text, int offset, int limit);

    long count(String text);

    void add(Account account);
}
