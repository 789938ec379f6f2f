package org.mercato.user.domain;

public class InvalidRefreshTokenException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public InvalidRefreshTokenException() {
        super("refresh token is invalid, expired or revoked");
    }
}
