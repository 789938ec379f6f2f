package org.mercato.user.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final LoginPolicy POLICY = new LoginPolicy(3, Duration.ofMinutes(15));

    private Account account() {
        return new Account(new EmailAddress("Ann@Shop.example"), "Ann", "hash", Set.of(Role.CUSTOMER), T0);
    }

    @Test
    void locksAfterTheAllowedNumberOfFailuresAndNotBefore() {
        Account account = account();
        account.recordFailedLogin(T0, POLICY);
        account.recordFailedLogin(T0.plusSeconds(1), POLICY);
        assertFalse(account.isLockedAt(T0.plusSeconds(2)));
        account.recordFailedLogin(T0.plusSeconds(2), POLICY);
        assertTrue(account.isLockedAt(T0.plusSeconds(3)));
        assertEquals(T0.plusSeconds(2).plus(Duration.ofMinutes(15)), account.lockedUntil());
    }

    @Test
    void lockRunsOutAndCountingStartsAfresh() {
        Account account = account();
        for (int i = 0; i < 3; i++) {
            account.recordFailedLogin(T0, POLICY);
        }
        Instant later = T0.plus(Duration.ofMinutes(16));
        assertFalse(account.isLockedAt(later));
        account.recordFailedLogin(later, POLICY);
        assertEquals(1, account.failedLogins());
        assertFalse(account.isLockedAt(later));
    }

    @Test
    void successfulLoginResetsTheCounter() {
        Account account = account();
        account.recordFailedLogin(T0, POLICY);
        account.recordFailedLogin(T0, POLICY);
        account.recordSuccessfulLogin();
        account.recordFailedLogin(T0, POLICY);
        assertFalse(account.isLockedAt(T0));
        assertEquals(1, account.failedLogins());
    }

    @Test
    void keepsTheEmailAsTypedAndTheRolesGiven() {
        Account account = account();
        assertEquals("Ann@Shop.example", account.email());
        assertTrue(account.hasRole(Role.CUSTOMER));
        assertFalse(account.hasRole(Role.STAFF));
    }

    @Test
    void addressesCanBeAddedUpdatedAndRemoved() {
        Account account = account();
        Address home = account.addAddress(new PostalAddress("Ann", "1 Main St", null, "Lyon", "69001", "fr"), T0);
        assertEquals("FR", home.postal().country());
        home.update(new PostalAddress("Ann", "2 Main St", "Flat 3", "Lyon", "69002", "FR"));
        assertEquals("2 Main St", account.address(home.id()).postal().line1());
        account.removeAddress(home.id());
        assertTrue(account.addresses().isEmpty());
        assertThrows(AddressNotFoundException.class, () -> account.address(UUID.randomUUID()));
    }

    @Test
    void refusesAnAccountWithoutNameOrRoles() {
        EmailAddress email = new EmailAddress("a@b.example");
        assertThrows(IllegalArgumentException.class, () -> new Account(email, " ", "h", Set.of(Role.CUSTOMER), T0));
        assertThrows(IllegalArgumentException.class, () -> new Account(email, "A", "h", Set.of(), T0));
    }
}
