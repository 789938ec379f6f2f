package org.mercato.user.domain;

public class EmailAlreadyRegisteredException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegisteredException() {
        super("an account with this email already exists");
    }
}
