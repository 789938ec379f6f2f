package org.mercato.user.domain;

public class AddressNotFoundException extends UserDomainException {

    private static final long serialVersionUID = 1L;

    public AddressNotFoundException() {
        super("address does not exist");
    }
}
