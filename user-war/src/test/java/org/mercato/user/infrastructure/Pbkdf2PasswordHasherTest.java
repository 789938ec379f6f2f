package org.mercato.user.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest {

    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horsE".toCharArray(), hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void storesTheCostSoItCanBeRaisedLater() {
        String oldHash = new Pbkdf2PasswordHasher(500).hash("pw123456".toCharArray());
        assertTrue(oldHash.startsWith("pbkdf2-sha256$500$"));
        assertTrue(hasher.verify("pw123456".toCharArray(), oldHash));
        assertTrue(new Pbkdf2PasswordHasher().hash("x".toCharArray()).startsWith("pbkdf2-sha256$210000$"));
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertFalse(hasher.verify("x".toCharArray(), null));
        assertFalse(hasher.verify("x".toCharArray(), "plain"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$!!$!!"));
        assertFalse(hasher.verify("x".toCharArray(), "md5$1$a$b"));
    }
}
