package org.mercato.user.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The RSA key pair that signs access tokens, generated at first start unless one is configured. Kept in the
 * users database so every user-war instance signs with the same key.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "private_key", nullable = false)
    private byte[] privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, byte[] publicKeyX509, byte[] privateKeyPkcs8, Instant createdAt) {
        this.kid = kid;
        this.publicKey = publicKeyX509.clone();
        this.privateKey = privateKeyPkcs8.clone();
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    public byte[] publicKeyX509() {
        return publicKey.clone();
    }

    public byte[] privateKeyPkcs8() {
        return privateKey.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
