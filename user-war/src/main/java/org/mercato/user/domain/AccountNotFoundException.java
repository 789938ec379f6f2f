package org.mercato.user.domain;

public class AccountNotFoundException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException() {
        super("account does not exist");
    }
}
