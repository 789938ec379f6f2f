package org.mercato.user.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface AccountRepository {

    Optional<Account> find(UUID id);

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean anyWithRole(Role role);

    /** One page of the accounts that match the search, in its order. */
    List<Account> search(AccountSearch search, int offset, int limit);

    /** How many accounts match the search (on all pages). */
    long count(AccountSearch search);

    void add(Account account);
}
