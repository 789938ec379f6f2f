package org.mercato.user.domain;

/** A rule of the user domain was broken; the message is safe to show to the caller. */
public abstract class UserDomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected UserDomainException(String message) {
        super(message, null, false, false);
    }
}
