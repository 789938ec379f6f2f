package org.mercato.user.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Account account() {
        return new Account(new EmailAddress("Ann@Shop.example"), "Ann", "hash", Set.of(Role.CUSTOMER), T0);
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

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u3000", "\u00A0", "\uFEFF", " \u200B\u200C\u200D ", "\u2060\u202E",
            "\u3164", "\uFE0F"})
    void aNameMadeOfInvisibleCharactersIsBlank(String blank) {
        EmailAddress email = new EmailAddress("a@b.example");
        assertThrows(IllegalArgumentException.class, () -> new Account(email, blank, "h", Set.of(Role.CUSTOMER), T0));
        Account account = account();
        assertThrows(IllegalArgumentException.class, () -> account.rename(blank));
        assertEquals("Ann", account.name(), "unchanged");
        account.rename("\u3000Ada\u00A0");
        assertEquals("Ada", account.name(), "Unicode whitespace around a name is removed");
    }
}
