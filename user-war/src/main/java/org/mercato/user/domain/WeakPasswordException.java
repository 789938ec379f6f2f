package org.mercato.user.domain;

public class WeakPasswordException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public WeakPasswordException(String message) {
        super(message);
    }
}
