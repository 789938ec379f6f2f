package org.mercato.user.domain;

/** Sign-in refused: an unknown account or a wrong password (never said which), or a wrong client secret. */
public class InvalidCredentialsException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        this("email or password is wrong");
    }

    /** @param message what was wrong, without saying which part of a pair was */
    public InvalidCredentialsException(String message) {
        super(message);
    }
}
