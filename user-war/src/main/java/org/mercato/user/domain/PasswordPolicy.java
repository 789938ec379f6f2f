package org.mercato.user.domain;

/**
 * What a password must be. The upper bound keeps a slow hash from becoming a denial-of-service lever.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** @throws WeakPasswordException with a reason a shopper can act on */
    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new WeakPasswordException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new WeakPasswordException("password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new WeakPasswordException("password must not be blank");
        }
        if (email != null && password.equalsIgnoreCase(email.trim())) {
            throw new WeakPasswordException("password must not be the email address");
        }
    }
}
