package org.mercato.user.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountLockedException;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.EmailAddress;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.InvalidRefreshTokenException;
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
    SignInThrottle throttle;

    private volatile String dummyHash;

    /**
     * Checks the password and issues tokens. Attempts are throttled per client address and per account before the
     * (deliberately slow) password check runs; wrong passwords never lock an account. An account staff locked is
     * refused only after its password proved right, so a guesser learns nothing about locks; that attempt counts
     * neither as a failure nor as a sign-in for the throttle.
     *
     * @param clientAddress the client's address, as resolved by the interfaces layer
     * @throws InvalidCredentialsException unknown email or wrong password
     * @throws AccountLockedException right password, but staff locked the account
     * @throws org.mercato.user.domain.SignInThrottledException this client must wait before trying again
     */
    @Transactional
    public TokenPair login(String email, char[] password, String clientAddress) {
        String normalized = EmailAddress.normalize(email);
        throttle.beforeAttempt(normalized, clientAddress);
        Optional<Account> found = accounts.findByEmail(normalized);
        if (found.isEmpty()) {
            // spend the same time as a real check, so response time does not reveal which emails exist
            hasher.verify(password, dummyHash());
            throttle.failed(normalized, clientAddress);
            throw new InvalidCredentialsException();
        }
        Account account = found.get();
        if (!hasher.verify(password, account.passwordHash())) {
            throttle.failed(normalized, clientAddress);
            throw new InvalidCredentialsException();
        }
        if (account.isLocked()) {
            LOG.info(() -> "Sign-in to locked account " + account.id() + " refused");
            throw new AccountLockedException();
        }
        throttle.succeeded(normalized, clientAddress);
        return tokens.issue(account);
    }

    /**
     * Trades a refresh token for a new pair; the old one is spent. A locked account's tokens were revoked when it
     * was locked; one it might still hold (issued in the same instant) is refused and revoked here.
     *
     * @throws InvalidRefreshTokenException unknown, spent, expired, or its account is gone or locked
     */
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
        token.revoke(now);
        if (account.isLocked()) {
            refreshTokens.revokeAllOf(account.id(), now);
            throw new InvalidRefreshTokenException();
        }
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
