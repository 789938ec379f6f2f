package org.mercato.fulfillment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who gets the parcel and the shipping email: the customer who placed the order. */
@Embeddable
public class Recipient {

    @Column(name = "recipient_email", nullable = false, length = 320)
    private String email;

    @Column(name = "recipient_name", nullable = false, length = 200)
    private String name;

    protected Recipient() {
        // for JPA
    }

    /** @throws IllegalArgumentException if a value is missing or too long */
    public Recipient(String email, String name) {
        this.email = Texts.require("recipient email", email, 320);
        if (!this.email.contains("@")) {
            throw new IllegalArgumentException("recipient email must be an email address");
        }
        this.name = Texts.require("recipient name", name, 200);
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }
}
