package org.mercato.user.domain;

import java.time.Instant;

public class AccountLockedException extends UserDomainException {

    private static final long serialVersionUID = 1L;
    private final Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super("too many failed logins; the account is locked for a while");
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
