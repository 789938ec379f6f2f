package org.mercato.user.application;

import org.mercato.user.domain.SignInThrottledException;

/**
 * Back-off for password sign-in, per client address and per account, so that guessing is slow and expensive
 * while the account's owner can always sign in from their own address. See user-war/README.md for the design.
 */
public interface SignInThrottle {

    /**
     * Called before the password is checked (the check is the expensive part).
     *
     * @param account the normalized email, whether or not such an account exists
     * @param clientAddress the client's address
     * @throws SignInThrottledException when this attempt must wait
     */
    void beforeAttempt(String account, String clientAddress);

    /** The password was wrong (or the account does not exist). */
    void failed(String account, String clientAddress);

    /** The password was right: this address is now known to belong to the account's owner. */
    void succeeded(String account, String clientAddress);
}
