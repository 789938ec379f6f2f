package org.mercato.user.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountChangeRefusedException;
import org.mercato.user.domain.AccountLockedException;
import org.mercato.user.domain.AccountNotFoundException;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.InvalidRefreshTokenException;
import org.mercato.user.domain.PostalAddress;
import org.mercato.user.domain.Role;
import org.mercato.user.domain.WeakPasswordException;

/**
 * The console's use cases on the real sign-in and refresh use cases over in-memory fakes: a lock ends sessions and
 * stops sign-in (only once the password is right) and refresh, role changes and password resets end sessions, and
 * every change is logged with both ids and no password.
 */
class AccountAdministrationServiceTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String CLIENT = "203.0.113.9";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private InMemoryAuthentication fakes;
    private Account customer;
    private Account staff;
    private Account admin;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(AccountAdministrationService.class.getName());

    @BeforeEach
    void setUp() {
        fakes = new InMemoryAuthentication();
        customer = fakes.account("ann@shop.example", PASSWORD, "Ann Shopper", T0, Role.CUSTOMER);
        staff = fakes.account("sam@shop.example", PASSWORD, "Sam Staff", T0.plusSeconds(1), Role.STAFF);
        admin = fakes.account("max@shop.example", PASSWORD, "Max Admin", T0.plusSeconds(2), Role.STAFF,
                Role.ADMIN);
        log.addHandler(capture);
        log.setLevel(Level.INFO);
    }

    @AfterEach
    void removeCapture() {
        log.removeHandler(capture);
    }

    private AccountAdministrationService console() {
        return fakes.administration();
    }

    private TokenPair signIn(Account account, String password) {
        return fakes.service().login(account.email(), password.toCharArray(), CLIENT);
    }

    private void assertLogged(String what, Account actor, Account target) {
        assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains(what)
                && r.getMessage().contains(actor.id().toString()) && r.getMessage().contains(target.id().toString())),
                "an INFO line \"" + what + "\" with both ids: " + logged.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void aLockedCustomerCannotSignInOrRefreshUntilUnlocked() {
        TokenPair session = signIn(customer, PASSWORD);
        var profile = console().lock(staff.id(), Set.of(Role.STAFF), customer.id(), "chargeback fraud");
        assertTrue(profile.account().isLocked());
        assertEquals(0, fakes.liveRefreshTokens(customer.id()), "its sessions ended");
        assertThrows(InvalidRefreshTokenException.class, () -> fakes.service().refresh(session.refreshToken()));
        assertThrows(InvalidCredentialsException.class, () -> signIn(customer, "a wrong password"),
                "a wrong password is told nothing about the lock");
        assertThrows(AccountLockedException.class, () -> signIn(customer, PASSWORD));
        assertEquals(0, fakes.liveRefreshTokens(customer.id()), "a refused sign-in hands out nothing");
        assertLogged("locked", staff, customer);

        console().unlock(staff.id(), Set.of(Role.STAFF), customer.id());
        assertFalse(customer.isLocked());
        TokenPair again = signIn(customer, PASSWORD);
        fakes.service().refresh(again.refreshToken());
        assertThrows(InvalidRefreshTokenException.class, () -> fakes.service().refresh(session.refreshToken()),
                "sessions ended by the lock stay ended");
        assertLogged("unlocked", staff, customer);
    }

    @Test
    void aRefreshTokenALockedAccountStillHoldsIsRefusedAndRevoked() {
        TokenPair session = signIn(customer, PASSWORD);
        // locked without going through the use case, as if a token had been issued in the same instant
        customer.lock("race", staff.id(), T0);
        assertThrows(InvalidRefreshTokenException.class, () -> fakes.service().refresh(session.refreshToken()));
        assertEquals(0, fakes.liveRefreshTokens(customer.id()));
    }

    @Test
    void lockingALockedAccountIsANoOpThatKeepsTheFirstLock() {
        console().lock(staff.id(), Set.of(Role.STAFF), customer.id(), "first");
        var again = console().lock(admin.id(), Set.of(Role.STAFF, Role.ADMIN), customer.id(), "second");
        assertEquals("first", again.account().lockedReason());
        assertEquals(staff.id(), again.account().lockedBy());
    }

    @Test
    void refusalsChangeNothing() {
        TokenPair session = signIn(admin, PASSWORD);
        assertThrows(AccountChangeRefusedException.class, () -> console().lock(staff.id(), Set.of(Role.STAFF),
                admin.id(), "coup"));
        assertThrows(AccountChangeRefusedException.class, () -> console().lock(admin.id(), Set.of(Role.STAFF,
                Role.ADMIN), admin.id(), "oops"));
        assertThrows(AccountNotFoundException.class, () -> console().lock(admin.id(), Set.of(Role.STAFF,
                Role.ADMIN), UUID.randomUUID(), "nobody"));
        assertFalse(admin.isLocked());
        assertEquals(1, fakes.liveRefreshTokens(admin.id()));
        fakes.service().refresh(session.refreshToken());
    }

    @Test
    void aLockedStaffMemberLocksNobodyEvenWithAValidAccessToken() {
        console().lock(admin.id(), Set.of(Role.STAFF, Role.ADMIN), staff.id(), "left the company");
        AccountChangeRefusedException refused = assertThrows(AccountChangeRefusedException.class, () -> console()
                .lock(staff.id(), Set.of(Role.STAFF), customer.id(), "revenge"));
        assertEquals(AccountChangeRefusedException.Reason.NOT_PERMITTED, refused.reason());
        assertFalse(customer.isLocked());
    }

    @Test
    void aRoleChangeEndsTheSessionsSoTheNextSignInCarriesTheNewRoles() {
        TokenPair session = signIn(staff, PASSWORD);
        var profile = console().changeRoles(admin.id(), Set.of(Role.STAFF, Role.ADMIN), staff.id(), Set.of(
                Role.STAFF, Role.ADMIN));
        assertEquals(Set.of(Role.STAFF, Role.ADMIN), profile.account().roles());
        assertThrows(InvalidRefreshTokenException.class, () -> fakes.service().refresh(session.refreshToken()));
        assertLogged("Roles of account", admin, staff);

        TokenPair promoted = signIn(staff, PASSWORD);
        console().changeRoles(admin.id(), Set.of(Role.STAFF, Role.ADMIN), staff.id(), Set.of(Role.STAFF,
                Role.ADMIN));
        fakes.service().refresh(promoted.refreshToken());
        assertEquals(1, fakes.liveRefreshTokens(staff.id()), "the same roles again end no session");
    }

    @Test
    void aStaffMemberChangesNoRolesAndAnAdminKeepsTheirOwn() {
        assertThrows(AccountChangeRefusedException.class, () -> console().changeRoles(staff.id(), Set.of(
                Role.STAFF), staff.id(), Set.of(Role.STAFF, Role.ADMIN)));
        assertThrows(AccountChangeRefusedException.class, () -> console().changeRoles(admin.id(), Set.of(
                Role.STAFF, Role.ADMIN), admin.id(), Set.of(Role.STAFF)));
        assertThrows(AccountChangeRefusedException.class, () -> console().changeRoles(admin.id(), Set.of(
                Role.STAFF, Role.ADMIN), customer.id(), Set.of(Role.STAFF)));
        assertEquals(Set.of(Role.STAFF), staff.roles());
        assertEquals(Set.of(Role.STAFF, Role.ADMIN), admin.roles());
        assertEquals(Set.of(Role.CUSTOMER), customer.roles());
    }

    @Test
    void anAdminResetsAPasswordWhichEndsTheSessionsAndIsNeverLogged() {
        TokenPair session = signIn(customer, PASSWORD);
        String newPassword = "a brand new password";
        console().resetPassword(admin.id(), Set.of(Role.STAFF, Role.ADMIN), customer.id(), newPassword);
        assertThrows(InvalidRefreshTokenException.class, () -> fakes.service().refresh(session.refreshToken()));
        assertThrows(InvalidCredentialsException.class, () -> signIn(customer, PASSWORD));
        signIn(customer, newPassword);
        assertLogged("reset", admin, customer);
        assertFalse(logged.stream().anyMatch(r -> r.getMessage().contains(newPassword)), "no password in the log");
    }

    @Test
    void aResetPasswordFollowsTheRegistrationRules() {
        assertThrows(WeakPasswordException.class, () -> console().resetPassword(admin.id(), Set.of(Role.STAFF,
                Role.ADMIN), customer.id(), "ann@shop.example"));
        assertThrows(AccountChangeRefusedException.class, () -> console().resetPassword(admin.id(), Set.of(
                Role.STAFF, Role.ADMIN), admin.id(), "a brand new password"));
        assertThrows(AccountChangeRefusedException.class, () -> console().resetPassword(staff.id(), Set.of(
                Role.STAFF), customer.id(), "a brand new password"));
        signIn(customer, PASSWORD);
        signIn(admin, PASSWORD);
    }

    @Test
    void theProfileHoldsTheAddressesAndTheSearchItsFilters() {
        customer.addAddress(new PostalAddress("Ann", "1 Rue X", null, "Paris", "75001", "FR"), T0);
        var profile = console().profile(customer.id());
        assertEquals(1, profile.addresses().size());
        assertEquals("Paris", profile.addresses().get(0).postal().city());
        assertThrows(AccountNotFoundException.class, () -> console().profile(UUID.randomUUID()));

        console().lock(staff.id(), Set.of(Role.STAFF), customer.id(), "fraud");
        var staffPage = console().search(new AccountSearch("", Role.STAFF, null, AccountSearch.SortKey.NAME, false),
                0, 10);
        assertEquals(List.of("Max Admin", "Sam Staff"), staffPage.items().stream().map(Account::name).toList());
        assertEquals(2, staffPage.total());
        var locked = console().search(new AccountSearch("ANN", null, true, AccountSearch.SortKey.CREATED, true), 0,
                10);
        assertEquals(List.of(customer.id()), locked.items().stream().map(Account::id).toList());
    }
}
