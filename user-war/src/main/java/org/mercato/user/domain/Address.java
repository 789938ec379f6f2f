package org.mercato.user.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One of an account's saved shipping addresses. */
@Entity
@Table(name = "address")
public class Address {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String line1;

    @Column(length = 200)
    private String line2;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", nullable = false, length = 20)
    private String postalCode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Address() {
        // for JPA
    }

    Address(Account account, PostalAddress postal, Instant now) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.createdAt = now;
        update(postal);
    }

    public void update(PostalAddress postal) {
        this.name = postal.name();
        this.line1 = postal.line1();
        this.line2 = postal.line2();
        this.city = postal.city();
        this.postalCode = postal.postalCode();
        this.country = postal.country();
    }

    public UUID id() {
        return id;
    }

    public PostalAddress postal() {
        return new PostalAddress(name, line1, line2, city, postalCode, country);
    }
}
