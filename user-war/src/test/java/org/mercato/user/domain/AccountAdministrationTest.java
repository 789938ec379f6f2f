package org.mercato.user.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mercato.user.domain.AccountChangeRefusedException.Reason;

/** Who may lock, unlock, change the roles of and set the password of whose account. */
class AccountAdministrationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final Account customer = account("ann@shop.example", Role.CUSTOMER);
    private final Account staff = account("sam@shop.example", Role.STAFF);
    private final Account otherStaff = account("sue@shop.example", Role.STAFF);
    private final Account admin = account("max@shop.example", Role.STAFF, Role.ADMIN);
    private final Account otherAdmin = account("mia@shop.example", Role.STAFF, Role.ADMIN);

    private static Account account(String email, Role... roles) {
        return new Account(new EmailAddress(email), "Someone", "hash", Set.of(roles), T0);
    }

    /** The actor an account is when its token names all its roles. */
    private static Actor actor(Account account) {
        return Actor.of(account, account.roles());
    }

    private static void assertRefused(Reason reason, Runnable change) {
        AccountChangeRefusedException refused = assertThrows(AccountChangeRefusedException.class, change::run);
        assertEquals(reason, refused.reason(), refused.getMessage());
    }

    @Test
    void staffLockAndUnlockAShoppersAccount() {
        assertTrue(AccountAdministration.lock(actor(staff), customer, "  card testing  ", T0));
        assertTrue(customer.isLocked());
        assertEquals("card testing", customer.lockedReason(), "whitespace around the reason is removed");
        assertEquals(staff.id(), customer.lockedBy());
        assertEquals(T0, customer.lockedAt());
        assertTrue(AccountAdministration.unlock(actor(staff), customer));
        assertFalse(customer.isLocked());
        assertNull(customer.lockedReason());
        assertNull(customer.lockedBy());
        assertNull(customer.lockedAt());
    }

    @Test
    void theLockTimeIsKeptToTheMicrosecondAsTheDatabaseStoresIt() {
        AccountAdministration.lock(actor(staff), customer, "x", T0.plusNanos(1_234_567));
        assertEquals(T0.plusNanos(1_234_000), customer.lockedAt());
    }

    @Test
    void lockingALockedAccountChangesNothingNotEvenTheReason() {
        AccountAdministration.lock(actor(staff), customer, "first reason", T0);
        assertFalse(AccountAdministration.lock(actor(admin), customer, "second reason", T1));
        assertEquals("first reason", customer.lockedReason());
        assertEquals(staff.id(), customer.lockedBy());
        assertEquals(T0, customer.lockedAt());
        assertTrue(AccountAdministration.unlock(actor(admin), customer));
        assertFalse(AccountAdministration.unlock(actor(admin), customer), "unlocking twice changes nothing");
    }

    @Test
    void onlyAnAdminLocksOrUnlocksAStaffOrAdminAccount() {
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(actor(staff), otherStaff, "x", T0));
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(actor(staff), admin, "x", T0));
        assertFalse(otherStaff.isLocked() || admin.isLocked(), "refusals change nothing");
        assertTrue(AccountAdministration.lock(actor(admin), otherStaff, "left the company", T0));
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.unlock(actor(staff), otherStaff));
        assertTrue(otherStaff.isLocked());
        assertTrue(AccountAdministration.lock(actor(admin), otherAdmin, "compromised", T0));
        assertTrue(AccountAdministration.unlock(actor(admin), otherAdmin));
        // a refusal comes before the no-op: staff learn nothing by "locking" a locked admin
        AccountAdministration.lock(actor(admin), otherAdmin, "compromised", T0);
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(actor(staff), otherAdmin, "x", T1));
    }

    @Test
    void nobodyLocksOrUnlocksTheirOwnAccount() {
        for (Account self : new Account[]{customer, staff, admin}) {
            assertRefused(self == customer ? Reason.NOT_PERMITTED : Reason.OWN_ACCOUNT,
                    () -> AccountAdministration.lock(actor(self), self, "x", T0));
            assertFalse(self.isLocked());
        }
        assertRefused(Reason.OWN_ACCOUNT, () -> AccountAdministration.unlock(actor(admin), admin));
    }

    @Test
    void aShopperLocksNobody() {
        Account other = account("bob@shop.example", Role.CUSTOMER);
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(actor(customer), other, "x", T0));
        assertFalse(other.isLocked());
    }

    @Test
    void aLockNeedsAReasonOfAtMost300Characters() {
        assertThrows(IllegalArgumentException.class, () -> AccountAdministration.lock(actor(staff), customer, " ",
                T0));
        assertThrows(IllegalArgumentException.class, () -> AccountAdministration.lock(actor(staff), customer,
                "\u200b", T0));
        assertThrows(IllegalArgumentException.class, () -> AccountAdministration.lock(actor(staff), customer,
                "x".repeat(301), T0));
        assertFalse(customer.isLocked());
        assertTrue(AccountAdministration.lock(actor(staff), customer, "x".repeat(300), T0));
    }

    @Test
    void theActorHasOnlyTheRolesBothItsTokenAndItsAccountHaveAndNoneWhileLocked() {
        Actor demoted = Actor.of(staff, Set.of(Role.STAFF, Role.ADMIN));
        assertFalse(demoted.isAdmin(), "a token from before a demotion does not make an admin");
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(demoted, otherStaff, "x", T0));
        Actor staleToken = Actor.of(admin, Set.of(Role.STAFF));
        assertFalse(staleToken.isAdmin(), "a promotion applies from the next token");
        AccountAdministration.lock(actor(otherAdmin), admin, "compromised", T0);
        Actor locked = actor(admin);
        assertEquals(Set.of(), locked.roles());
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.lock(locked, customer, "x", T0));
    }

    @Test
    void anAdminGivesAStaffAccountTheAdminRoleAndTakesItAway() {
        assertTrue(AccountAdministration.changeStaffRoles(actor(admin), staff, Set.of(Role.STAFF, Role.ADMIN)));
        assertEquals(Set.of(Role.STAFF, Role.ADMIN), staff.roles());
        assertFalse(AccountAdministration.changeStaffRoles(actor(admin), staff, Set.of(Role.ADMIN, Role.STAFF)),
                "the same roles again change nothing");
        assertTrue(AccountAdministration.changeStaffRoles(actor(admin), otherAdmin, Set.of(Role.STAFF)));
        assertEquals(Set.of(Role.STAFF), otherAdmin.roles());
        assertTrue(AccountAdministration.changeStaffRoles(actor(admin), otherStaff, Set.of(Role.ADMIN)));
        assertEquals(Set.of(Role.STAFF, Role.ADMIN), otherStaff.roles(), "staff is always kept");
    }

    @Test
    void rolesAreChangedByAnAdminOnlyAndNeverOnAShoppersAccount() {
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.changeStaffRoles(actor(staff), otherStaff,
                Set.of(Role.STAFF, Role.ADMIN)));
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.changeStaffRoles(actor(staff), staff,
                Set.of(Role.STAFF, Role.ADMIN)));
        assertRefused(Reason.NOT_A_STAFF_ACCOUNT, () -> AccountAdministration.changeStaffRoles(actor(admin),
                customer, Set.of(Role.STAFF)));
        assertThrows(IllegalArgumentException.class, () -> AccountAdministration.changeStaffRoles(actor(admin),
                staff, Set.of(Role.CUSTOMER)));
        assertEquals(Set.of(Role.STAFF), staff.roles());
        assertEquals(Set.of(Role.STAFF), otherStaff.roles());
        assertEquals(Set.of(Role.CUSTOMER), customer.roles());
    }

    @Test
    void anAdminKeepsTheirOwnAdminRole() {
        assertRefused(Reason.OWN_ADMIN_ROLE, () -> AccountAdministration.changeStaffRoles(actor(admin), admin,
                Set.of(Role.STAFF)));
        assertEquals(Set.of(Role.STAFF, Role.ADMIN), admin.roles());
        assertFalse(AccountAdministration.changeStaffRoles(actor(admin), admin, Set.of(Role.STAFF, Role.ADMIN)));
    }

    @Test
    void onlyAnAdminSetsPasswordsAndNeverTheirOwn() {
        AccountAdministration.checkMaySetPassword(actor(admin), customer);
        AccountAdministration.checkMaySetPassword(actor(admin), otherAdmin);
        assertRefused(Reason.NOT_PERMITTED, () -> AccountAdministration.checkMaySetPassword(actor(staff), customer));
        assertRefused(Reason.OWN_ACCOUNT, () -> AccountAdministration.checkMaySetPassword(actor(admin), admin));
    }
}
