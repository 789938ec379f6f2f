package org.mercato.user.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void emailIsUniqueWhateverItsCase() {
        assertEquals("ann@shop.example", new EmailAddress("  Ann@SHOP.example ").normalized());
        assertEquals(EmailAddress.normalize("ANN@shop.example"), new EmailAddress("ann@Shop.Example").normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@shop.example", "ann@shop", "a b@shop.example", "ann@@shop.example"})
    void refusesMalformedEmails(String email) {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(email));
    }

    @Test
    void passwordPolicyRefusesShortLongAndEmailPasswords() {
        assertThrows(WeakPasswordException.class, () -> PasswordPolicy.check("short", "a@b.example"));
        assertThrows(WeakPasswordException.class, () -> PasswordPolicy.check("x".repeat(129), "a@b.example"));
        assertThrows(WeakPasswordException.class, () -> PasswordPolicy.check("A@B.example", "a@b.example"));
        assertThrows(WeakPasswordException.class, () -> PasswordPolicy.check("          ", "a@b.example"));
        assertDoesNotThrow(() -> PasswordPolicy.check("correct horse battery", "a@b.example"));
    }

    @Test
    void addressNeedsAnIsoCountry() {
        assertThrows(IllegalArgumentException.class,
                () -> new PostalAddress("Ann", "1 Main St", null, "Lyon", "69001", "XX"));
        assertThrows(IllegalArgumentException.class,
                () -> new PostalAddress("Ann", " ", null, "Lyon", "69001", "FR"));
        assertEquals("DE", new PostalAddress("Ann", "1 Main", "", "Berlin", "10115", "de").country());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u3000", "\u00A0", "\uFEFF", "\u200B\u00A0\u2060", "\u202E", "\u3164"})
    void addressFieldsMadeOfInvisibleCharactersAreBlank(String blank) {
        assertThrows(IllegalArgumentException.class,
                () -> new PostalAddress(blank, "1 Main St", null, "Lyon", "69001", "FR"));
        assertThrows(IllegalArgumentException.class, () -> new PostalAddress("Ann", blank, null, "Lyon", "69001",
                "FR"));
        assertThrows(IllegalArgumentException.class, () -> new PostalAddress("Ann", "1 Main", null, blank, "69001",
                "FR"));
        assertThrows(IllegalArgumentException.class, () -> new PostalAddress("Ann", "1 Main", null, "Lyon", blank,
                "FR"));
        assertEquals(null, new PostalAddress("Ann", "1 Main", blank, "Lyon", "69001", "FR").line2());
        assertEquals("Ann", new PostalAddress("\u3000Ann\u2003", "1 Main", null, "Lyon", "69001", "FR").name());
    }

    @Test
    void rolesMapToJwtGroups() {
        assertEquals("staff", Role.STAFF.group());
        assertEquals(Role.ADMIN, Role.fromGroup("admin"));
    }
}
