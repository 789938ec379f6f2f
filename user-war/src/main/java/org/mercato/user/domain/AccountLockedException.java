package org.mercato.user.domain;

/**
 * Sign-in refused because staff locked the account. Raised only once the password proved right, so it tells
 * nothing to someone guessing passwords; the lock's reason is for staff and is not given.
 */
public class AccountLockedException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public AccountLockedException() {
        super("this account is locked; please contact the shop");
    }
}
