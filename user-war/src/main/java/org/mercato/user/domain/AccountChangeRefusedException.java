package org.mercato.user.domain;

/** A change to someone's account that the rules of {@link AccountAdministration} do not allow this actor. */
public class AccountChangeRefusedException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** The actor's roles do not cover this change (e.g. staff locking a staff account). */
        NOT_PERMITTED,
        /** Nobody locks, unlocks or resets the password of their own account from the console. */
        OWN_ACCOUNT,
        /** An admin does not take their own admin role away (another admin may). */
        OWN_ADMIN_ROLE,
        /** Staff roles are given to staff accounts only; a shopper's account does not become a staff account. */
        NOT_A_STAFF_ACCOUNT
    }

    private final Reason reason;

    public AccountChangeRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
