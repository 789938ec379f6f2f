package org.mercato.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The emails in the service's database: the dispatcher's queue and the sent-mail log. */
public interface EmailRepository {

    /** Saves a new email; false if one was already saved for its event (nothing is saved then). */
    boolean add(Email email);

    /**
     * Locks up to {@code max} pending emails that are due, oldest due first, skipping those another dispatcher has
     * locked; the caller changes them and its transaction's commit saves and unlocks them.
     */
    List<Email> claimDue(Instant now, int max);

    Optional<Email> find(UUID id);

    /** Newest first; a null filter matches every email, the recipient is compared ignoring case. */
    List<Email> search(String orderId, String recipient, int offset, int limit);

    long count(String orderId, String recipient);
}
