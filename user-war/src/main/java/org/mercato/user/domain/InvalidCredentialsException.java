package org.mercato.user.domain;

public class InvalidCredentialsException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super("email or password is wrong");
    }
}
