package org.mercato.user.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.EmailAddress;
import org.mercato.user.domain.PasswordHasher;
import org.mercato.user.domain.RefreshToken;
import org.mercato.user.domain.RefreshTokenRepository;
import org.mercato.user.domain.Role;

/**
 * The sign-in, refresh and logout use cases, and the account use cases, wired to small in-memory fakes behind their
 * ports (no container, no database), for tests of the layers above them.
 */
public final class InMemoryAuthentication {

    /** Refresh-token lifetime the fakes are configured with, in days. */
    public static final long REFRESH_TOKEN_DAYS = 30;

    private final Map<UUID, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final AuthenticationService service = new AuthenticationService();
    private final AccountService accountService = new AccountService();
    private final AccountAdministrationService administration = new AccountAdministrationService();
    private final AtomicInteger passwordChecks = new AtomicInteger();

    /** Without a sign-in throttle (every attempt allowed). */
    public InMemoryAuthentication() {
        this(new SignInThrottle() {
            @Override
            public void beforeAttempt(String account, String clientAddress) {
            }

            @Override
            public void failed(String account, String clientAddress) {
            }

            @Override
            public void succeeded(String account, String clientAddress) {
            }
        });
    }

    /** With this sign-in throttle, for sign-in and password changes alike. */
    public InMemoryAuthentication(SignInThrottle throttle) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        TokenService tokens = new TokenService();
        tokens.signer = new AccessTokenSigner() {
            @Override
            public String sign(JsonObject claims) {
                return "jwt-for-" + claims.getString("sub") + "-" + claims.getString("jti");
            }

            @Override
            public JsonObject jwks() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> keyIds() {
                return List.of();
            }
        };
        tokens.refreshTokens = new Tokens();
        tokens.clock = clock;
        tokens.issuer = "mercato";
        tokens.accessTokenMinutes = 15;
        tokens.refreshTokenDays = REFRESH_TOKEN_DAYS;
        service.accounts = new Accounts();
        service.refreshTokens = tokens.refreshTokens;
        service.hasher = new PasswordHasher() {
            @Override
            public String hash(char[] password) {
                return "plain:" + new String(password);
            }

            @Override
            public boolean verify(char[] password, String storedHash) {
                passwordChecks.incrementAndGet();
                return hash(password).equals(storedHash);
            }
        };
        service.tokens = tokens;
        service.clock = clock;
        service.throttle = throttle;
        accountService.accounts = service.accounts;
        accountService.refreshTokens = service.refreshTokens;
        accountService.hasher = service.hasher;
        accountService.clock = clock;
        accountService.throttle = throttle;
        administration.accounts = service.accounts;
        administration.refreshTokens = service.refreshTokens;
        administration.hasher = service.hasher;
        administration.clock = clock;
    }

    /** The use cases, on the fakes. */
    public AuthenticationService service() {
        return service;
    }

    /** The account use cases (password change...), on the same fakes. */
    public AccountService accounts() {
        return accountService;
    }

    /** The console's use cases on other accounts (lock, roles, password reset...), on the same fakes. */
    public AccountAdministrationService administration() {
        return administration;
    }

    /** How many passwords have been checked against a hash so far (each check is the expensive part). */
    public int passwordChecks() {
        return passwordChecks.get();
    }

    /** A customer account with this email and password. */
    public Account customer(String email, String password) {
        Account account = new Account(new EmailAddress(email), "Test Shopper", "plain:" + password,
                Set.of(Role.CUSTOMER), Instant.parse("2026-11-01T10:00:00Z"));
        accounts.put(account.id(), account);
        return account;
    }

    /** An account with this email, password, name, roles and creation time (for searches and the console). */
    public Account account(String email, String password, String name, Instant createdAt, Role... roles) {
        Account account = new Account(new EmailAddress(email), name, "plain:" + password, Set.of(roles), createdAt);
        accounts.put(account.id(), account);
        return account;
    }

    /** Refresh tokens of the account not yet revoked. */
    public long liveRefreshTokens(UUID accountId) {
        return refreshTokens.values().stream().filter(t -> t.accountId().equals(accountId) && !t.isRevoked())
                .count();
    }

    private final class Accounts implements AccountRepository {
        @Override
        public Optional<Account> find(UUID id) {
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public Optional<Account> findByEmail(String email) {
            return accounts.values().stream().filter(a -> EmailAddress.normalize(a.email()).equals(email)).findFirst();
        }

        @Override
        public boolean existsByEmail(String email) {
            return findByEmail(email).isPresent();
        }

        @Override
        public boolean anyWithRole(Role role) {
            return accounts.values().stream().anyMatch(a -> a.hasRole(role));
        }

        @Override
        public List<Account> search(AccountSearch search, int offset, int limit) {
            Comparator<Account> order = switch (search.sortBy()) {
                case EMAIL -> Comparator.comparing(a -> EmailAddress.normalize(a.email()));
                case NAME -> Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT));
                case CREATED -> Comparator.comparing(Account::createdAt);
            };
            order = order.thenComparing(Account::id);
            return matching(search).sorted(search.descending() ? order.reversed() : order).skip(offset).limit(limit)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }

        @Override
        public long count(AccountSearch search) {
            return matching(search).count();
        }

        private java.util.stream.Stream<Account> matching(AccountSearch search) {
            String text = search.text().trim().toLowerCase(Locale.ROOT);
            return accounts.values().stream()
                    .filter(a -> a.email().toLowerCase(Locale.ROOT).contains(text)
                            || a.name().toLowerCase(Locale.ROOT).contains(text))
                    .filter(a -> search.role() == null || a.hasRole(search.role()))
                    .filter(a -> search.locked() == null || a.isLocked() == search.locked());
        }

        @Override
        public void add(Account account) {
            accounts.put(account.id(), account);
        }
    }

    private final class Tokens implements RefreshTokenRepository {
        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return Optional.ofNullable(refreshTokens.get(tokenHash));
        }

        @Override
        public void add(RefreshToken token) {
            refreshTokens.put(token.tokenHash(), token);
        }

        @Override
        public int revokeFamily(UUID familyId, Instant now) {
            return revokeWhere(t -> t.familyId().equals(familyId), now);
        }

        @Override
        public int revokeAllOf(UUID accountId, Instant now) {
            return revokeWhere(t -> t.accountId().equals(accountId), now);
        }

        private int revokeWhere(java.util.function.Predicate<RefreshToken> which, Instant now) {
            int revoked = 0;
            for (RefreshToken token : refreshTokens.values()) {
                if (which.test(token) && !token.isRevoked()) {
                    token.revoke(now);
                    revoked++;
                }
            }
            return revoked;
        }
    }
}
