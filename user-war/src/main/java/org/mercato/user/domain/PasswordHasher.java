package org.mercato.user.domain;

/** A slow, salted, one-way password hash. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String storedHash);
}
