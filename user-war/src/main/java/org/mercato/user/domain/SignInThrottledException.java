package org.mercato.user.domain;

/**
 * Too many password attempts (sign-in, or the current password of a password change) from this client, or for
 * this account from this client: wait, then try again.
 */
public class SignInThrottledException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** @param retryAfterSeconds seconds until the next attempt is allowed (at least 1) */
    public SignInThrottledException(long retryAfterSeconds) {
        super("too many password attempts; try again in " + Math.max(1, retryAfterSeconds) + " seconds");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until the next attempt is allowed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
