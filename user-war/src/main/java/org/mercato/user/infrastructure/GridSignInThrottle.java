package org.mercato.user.infrastructure;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.platform.ratelimit.RateLimit;
import org.mercato.platform.ratelimit.RateLimitDecision;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.ratelimit.RateLimiter;
import org.mercato.user.application.SignInThrottle;
import org.mercato.user.domain.SignInThrottledException;

/**
 * The sign-in back-off, in the Hazelcast data grid (so every instance of user-war shares it):
 * <ul>
 * <li>{@code signin.per-address}: every attempt from one address, whatever the account (stops one client from
 * burning the server's CPU on password hashes);</li>
 * <li>{@code signin.per-account-address}: wrong passwords for one account from one address: tight;</li>
 * <li>{@code signin.per-account}: wrong passwords for one account from all addresses together: generous, and it
 * does not apply to addresses the owner has signed in from before ({@code mercato.signin.known-address-days}),
 * so attackers together can slow down strangers but never keep the owner out.</li>
 * </ul>
 */
@ApplicationScoped
public class GridSignInThrottle implements SignInThrottle {

    static final String KNOWN_ADDRESSES = "mercato-signin-known-addresses";
    private static final Logger LOG = Logger.getLogger(GridSignInThrottle.class.getName());

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitSettings settings;

    @Inject
    Instance<HazelcastInstance> grid;

    @Inject
    @ConfigProperty(name = "mercato.signin.known-address-days", defaultValue = "30")
    long knownAddressDays;

    @Override
    public void beforeAttempt(String account, String clientAddress) {
        if (!settings.isExempt(clientAddress)) {
            refuseIfSpent(limiter.tryTake(addressKey(clientAddress), perAddress()));
        }
        refuseIfSpent(limiter.peek(accountAddressKey(account, clientAddress), perAccountAddress()));
        RateLimitDecision accountWide = limiter.peek(accountKey(account), perAccount());
        if (!accountWide.allowed() && !isKnown(account, clientAddress)) {
            // many addresses guessing one account: worth the operator's attention (the email is not logged)
            LOG.warning(() -> "Sign-in for one account refused from a new address: its wrong-password budget "
                    + perAccount() + " is spent");
            refuseIfSpent(accountWide);
        }
    }

    @Override
    public void failed(String account, String clientAddress) {
        limiter.take(accountAddressKey(account, clientAddress), perAccountAddress());
        limiter.take(accountKey(account), perAccount());
    }

    @Override
    public void succeeded(String account, String clientAddress) {
        limiter.forget(accountAddressKey(account, clientAddress), perAccountAddress());
        if (knownAddressDays > 0) {
            // not waited for: a grid busy migrating partitions must not hold up a successful sign-in
            knownAddresses().setAsync(account + "|" + clientAddress, Boolean.TRUE, knownAddressDays, TimeUnit.DAYS);
        }
    }

    /** Whether the owner signed in from this address before; unknown if the grid does not answer in 250 ms. */
    private boolean isKnown(String account, String clientAddress) {
        if (knownAddressDays <= 0) {
            return false;
        }
        try {
            return knownAddresses().getAsync(account + "|" + clientAddress).toCompletableFuture()
                    .get(250, TimeUnit.MILLISECONDS) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException gridTrouble) {
            LOG.warning(() -> "Sign-in: could not read the known addresses in time (" + gridTrouble
                    + "); treating this address as new");
            return false;
        }
    }

    private static void refuseIfSpent(RateLimitDecision decision) {
        if (!decision.allowed()) {
            LOG.fine(() -> "Sign-in throttled for " + decision.retryAfterSeconds() + " s");
            throw new SignInThrottledException(decision.retryAfterSeconds());
        }
    }

    private IMap<String, Boolean> knownAddresses() {
        return hazelcast().getMap(KNOWN_ADDRESSES);
    }

    HazelcastInstance hazelcast() {
        return grid.get();
    }

    private String addressKey(String clientAddress) {
        return settings.keyPrefix() + "signin.per-address:" + clientAddress;
    }

    private String accountAddressKey(String account, String clientAddress) {
        return settings.keyPrefix() + "signin.per-account-address:" + account + "|" + clientAddress;
    }

    private String accountKey(String account) {
        return settings.keyPrefix() + "signin.per-account:" + account;
    }

    private RateLimit perAddress() {
        return settings.limit("signin.per-address", "20/60");
    }

    private RateLimit perAccountAddress() {
        return settings.limit("signin.per-account-address", "5/900");
    }

    private RateLimit perAccount() {
        return settings.limit("signin.per-account", "50/3600");
    }
}
