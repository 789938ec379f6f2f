package org.mercato.user.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.platform.persistence.DatabaseMigrations;
import org.mercato.platform.testing.PostgresUnit;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.EmailAddress;
import org.mercato.user.domain.EmailAlreadyRegisteredException;
import org.mercato.user.domain.PostalAddress;
import org.mercato.user.domain.RefreshToken;
import org.mercato.user.domain.Role;
import org.mercato.user.domain.SigningKey;

/** The user repositories and Flyway migrations against a real PostgreSQL 17. */
class UserRepositoriesIT {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static PostgresUnit db;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = PostgresUnit.start("users-it", "users", UserRepositoriesIT.class.getClassLoader());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private void inTransaction(Consumer<EntityManager> work) {
        db.inTransaction(work);
    }

    private Account newAccount(String email, Role... roles) {
        return new Account(new EmailAddress(email), "Someone", "hash", Set.of(roles), NOW);
    }

    @Test
    void flywayCreatesTheSchemaAndASecondRunChangesNothing() throws Exception {
        assertTrue(db.migration().migrationsExecuted >= 1);
        MigrateResult again = DatabaseMigrations.migrate(db.dataSource(), getClass().getClassLoader(), "users");
        assertEquals(0, again.migrationsExecuted);
        try (Connection c = db.dataSource().getConnection();
                ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            var names = new java.util.HashSet<String>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertTrue(names.containsAll(Set.of("account", "account_role", "address", "refresh_token",
                    "signing_key", "flyway_schema_history")), names.toString());
        }
    }

    @Test
    void findsAnAccountByEmailInAnyLetterCase() {
        Account account = newAccount("Mixed.Case@Shop.example", Role.CUSTOMER);
        inTransaction(em -> new JpaAccountRepository(em).add(account));
        inTransaction(em -> {
            var repository = new JpaAccountRepository(em);
            Account found = repository.findByEmail(EmailAddress.normalize("MIXED.case@shop.EXAMPLE")).orElseThrow();
            assertEquals(account.id(), found.id());
            assertEquals("Mixed.Case@Shop.example", found.email());
            assertEquals(Set.of(Role.CUSTOMER), found.roles());
            assertTrue(repository.existsByEmail("mixed.case@shop.example"));
        });
    }

    @Test
    void theDatabaseRefusesASecondAccountForTheSameEmail() {
        inTransaction(em -> new JpaAccountRepository(em).add(newAccount("twin@shop.example", Role.CUSTOMER)));
        assertThrows(EmailAlreadyRegisteredException.class, () -> inTransaction(
                em -> new JpaAccountRepository(em).add(newAccount("TWIN@shop.example", Role.CUSTOMER))));
        inTransaction(em -> assertEquals(1, new JpaAccountRepository(em).count(AccountSearch.text("twin@shop"))));
    }

    @Test
    void findsAdminsByRoleAndSearchesByText() {
        inTransaction(em -> new JpaAccountRepository(em).add(newAccount("boss@shop.example", Role.ADMIN,
                Role.STAFF)));
        inTransaction(em -> {
            var repository = new JpaAccountRepository(em);
            assertTrue(repository.anyWithRole(Role.ADMIN));
            assertEquals("boss@shop.example", repository.search(AccountSearch.text("BOSS"), 0, 10).get(0).email());
            assertTrue(repository.search(AccountSearch.text("no-such-person"), 0, 10).isEmpty());
            // LIKE wildcards in the text are taken literally
            assertEquals(0, repository.count(AccountSearch.text("%")));
        });
    }

    @Test
    void searchesFilterByRoleAndLockAndSortByEmailNameOrCreation() {
        String tag = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        Account ann = new Account(new EmailAddress("b-ann-" + tag + "@shop.example"), "Zoe Ann", "h",
                Set.of(Role.CUSTOMER), NOW.minusSeconds(30));
        Account bob = new Account(new EmailAddress("A-bob-" + tag + "@shop.example"), "yann Bob", "h",
                Set.of(Role.CUSTOMER), NOW.minusSeconds(20));
        Account sam = new Account(new EmailAddress("c-sam-" + tag + "@shop.example"), "Xavier Sam", "h",
                Set.of(Role.STAFF), NOW.minusSeconds(10));
        Account max = new Account(new EmailAddress("d-max-" + tag + "@shop.example"), "Will Max", "h",
                Set.of(Role.STAFF, Role.ADMIN), NOW);
        bob.lock("chargebacks", max.id(), NOW);
        inTransaction(em -> List.of(ann, bob, sam, max).forEach(new JpaAccountRepository(em)::add));
        inTransaction(em -> {
            var repository = new JpaAccountRepository(em);
            Function<AccountSearch, List<String>> names = search -> repository.search(search, 0, 10).stream()
                    .map(Account::name).toList();
            var created = AccountSearch.SortKey.CREATED;
            assertEquals(List.of("Will Max", "Xavier Sam", "yann Bob", "Zoe Ann"),
                    names.apply(AccountSearch.text(tag.toUpperCase())), "newest first by default");
            assertEquals(List.of("yann Bob", "Zoe Ann"), names.apply(new AccountSearch(tag, Role.CUSTOMER, null,
                    created, true)));
            assertEquals(List.of("Will Max", "Xavier Sam"), names.apply(new AccountSearch(tag, Role.STAFF, null,
                    created, true)), "admins are staff too");
            assertEquals(List.of("Will Max"), names.apply(new AccountSearch(tag, Role.ADMIN, null, created, true)));
            assertEquals(List.of("yann Bob"), names.apply(new AccountSearch(tag, null, true, created, true)));
            assertEquals(3, repository.count(new AccountSearch(tag, null, false, created, true)));
            assertEquals(1, repository.count(new AccountSearch(tag, Role.CUSTOMER, false, created, true)));
            assertEquals(List.of("yann Bob", "Zoe Ann", "Xavier Sam", "Will Max"), names.apply(new AccountSearch(
                    tag, null, null, AccountSearch.SortKey.EMAIL, false)), "email ignoring letter case");
            assertEquals(List.of("Will Max", "Xavier Sam", "yann Bob", "Zoe Ann"), names.apply(new AccountSearch(
                    tag, null, null, AccountSearch.SortKey.NAME, false)), "name ignoring letter case");
            assertEquals(List.of("Zoe Ann", "yann Bob", "Xavier Sam", "Will Max"), names.apply(new AccountSearch(
                    tag, null, null, AccountSearch.SortKey.NAME, true)));
            assertEquals(List.of("Zoe Ann", "yann Bob"), repository.search(new AccountSearch(tag, null, null,
                    created, false), 0, 2).stream().map(Account::name).toList(), "oldest first, first page");
            assertEquals(List.of("Xavier Sam", "Will Max"), repository.search(new AccountSearch(tag, null, null,
                    created, false), 2, 2).stream().map(Account::name).toList(), "second page");
        });
    }

    @Test
    void aLockIsStoredWithItsReasonAndRemovedByUnlocking() {
        Account account = newAccount("locked-" + UUID.randomUUID() + "@shop.example", Role.CUSTOMER);
        UUID by = UUID.randomUUID();
        inTransaction(em -> new JpaAccountRepository(em).add(account));
        inTransaction(em -> new JpaAccountRepository(em).find(account.id()).orElseThrow().lock(" fraud ", by, NOW));
        inTransaction(em -> {
            Account found = new JpaAccountRepository(em).find(account.id()).orElseThrow();
            assertTrue(found.isLocked());
            assertEquals("fraud", found.lockedReason());
            assertEquals(by, found.lockedBy());
            assertEquals(NOW, found.lockedAt());
            found.unlock();
        });
        inTransaction(em -> {
            Account found = new JpaAccountRepository(em).find(account.id()).orElseThrow();
            assertFalse(found.isLocked());
            assertEquals(null, found.lockedReason());
        });
    }

    @Test
    void addressesAreStoredWithTheirAccount() {
        Account account = newAccount("home@shop.example", Role.CUSTOMER);
        account.addAddress(new PostalAddress("Home", "1 Rue X", null, "Paris", "75001", "FR"), NOW);
        inTransaction(em -> new JpaAccountRepository(em).add(account));
        inTransaction(em -> {
            Account found = new JpaAccountRepository(em).find(account.id()).orElseThrow();
            assertEquals(1, found.addresses().size());
            assertEquals("Paris", found.addresses().get(0).postal().city());
            found.removeAddress(found.addresses().get(0).id());
        });
        inTransaction(em -> assertTrue(new JpaAccountRepository(em).find(account.id()).orElseThrow()
                .addresses().isEmpty()));
    }

    @Test
    void refreshTokensAreFoundByHashAndRevokedByFamily() {
        Account account = newAccount("tokens@shop.example", Role.CUSTOMER);
        UUID family = UUID.randomUUID();
        inTransaction(em -> {
            new JpaAccountRepository(em).add(account);
            var tokens = new JpaRefreshTokenRepository(em);
            tokens.add(new RefreshToken(account.id(), family, "a".repeat(64), NOW, NOW.plus(30, ChronoUnit.DAYS)));
            tokens.add(new RefreshToken(account.id(), family, "b".repeat(64), NOW, NOW.plus(30, ChronoUnit.DAYS)));
        });
        inTransaction(em -> {
            var tokens = new JpaRefreshTokenRepository(em);
            assertTrue(tokens.findByHash("a".repeat(64)).orElseThrow().isUsableAt(NOW));
            assertEquals(2, tokens.revokeFamily(family, NOW));
        });
        inTransaction(em -> {
            var tokens = new JpaRefreshTokenRepository(em);
            assertTrue(tokens.findByHash("b".repeat(64)).orElseThrow().isRevoked());
            assertFalse(tokens.findByHash("c".repeat(64)).isPresent());
        });
    }

    @Test
    void theNewestSigningKeyWins() {
        inTransaction(em -> {
            var keys = new JpaSigningKeyRepository(em);
            keys.add(new SigningKey("old", new byte[]{1}, new byte[]{2}, NOW.minusSeconds(60)));
            keys.add(new SigningKey("new", new byte[]{3}, new byte[]{4}, NOW));
        });
        inTransaction(em -> {
            var keys = new JpaSigningKeyRepository(em);
            assertEquals("new", keys.newest().orElseThrow().kid());
            assertEquals(2, keys.all().size());
        });
    }
}
