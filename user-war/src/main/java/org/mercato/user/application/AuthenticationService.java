package org.mercato.user.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountLockedException;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.EmailAddress;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.InvalidRefreshTokenException;
import org.mercato.user.domain.LoginPolicy;
import org.mercato.user.domain.PasswordHasher;
import org.mercato.user.domain.RefreshToken;
import org.mercato.user.domain.RefreshTokenRepository;

/** Login, token refresh and logout. */
@ApplicationScoped
public class AuthenticationService {

    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mercato.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "mercato.login.lockout-minutes", defaultValue = "15")
    long lockoutMinutes;

    private volatile String dummyHash;

    /**
     * Checks the password and issues tokens. A wrong password is counted (and committed) even though the call
     * fails, so repeated guesses lock the account.
     */
    @Transactional(dontRollbackOn = {InvalidCredentialsException.class, AccountLockedException.class})
    public TokenPair login(String email, char[] password) {
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByEmail(EmailAddress.normalize(email));
        if (found.isEmpty()) {
            // spend the same time as a real check, so response time does not reveal which emails exist
            hasher.verify(password, dummyHash());
            throw new InvalidCredentialsException();
        }
        Account account = found.get();
        if (account.isLockedAt(now)) {
            throw new AccountLockedException(account.lockedUntil());
        }
        if (!hasher.verify(password, account.passwordHash())) {
            account.recordFailedLogin(now, new LoginPolicy(maxFailures, Duration.ofMinutes(lockoutMinutes)));
            if (account.isLockedAt(now)) {
                LOG.warning(() -> "Account " + account.id() + " locked until " + account.lockedUntil()
                        + " after " + account.failedLogins() + " failed logins");
                throw new AccountLockedException(account.lockedUntil());
            }
            throw new InvalidCredentialsException();
        }
        account.recordSuccessfulLogin();
        return tokens.issue(account);
    }

    /** Trades a refresh token for a new pair; the old one is spent. */
    @Transactional(dontRollbackOn = InvalidRefreshTokenException.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByHash(TokenService.hash(refreshToken))
                .orElseThrow(InvalidRefreshTokenException::new);
        if (token.isRevoked()) {
            // a spent token came back: someone else may hold the family, so end all of it
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            LOG.warning(() -> "Reuse of a spent refresh token for account " + token.accountId() + "; revoked "
                    + revoked + " token(s) of its family");
            throw new InvalidRefreshTokenException();
        }
        if (!token.isUsableAt(now)) {
            throw new InvalidRefreshTokenException();
        }
        Account account = accounts.find(token.accountId()).orElseThrow(InvalidRefreshTokenException::new);
        if (account.isLockedAt(now)) {
            throw new InvalidRefreshTokenException();
        }
        token.revoke(now);
        return tokens.issue(account, token.familyId());
    }

    /** Logout: the refresh token and the rest of its family stop working. Unknown tokens are ignored. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.findByHash(TokenService.hash(refreshToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash("not-a-real-password".toCharArray());
        }
        return dummyHash;
    }
}
