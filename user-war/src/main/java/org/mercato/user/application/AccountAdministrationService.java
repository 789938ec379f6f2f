package org.mercato.user.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountAdministration;
import org.mercato.user.domain.AccountChangeRefusedException;
import org.mercato.user.domain.AccountNotFoundException;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.Actor;
import org.mercato.user.domain.Address;
import org.mercato.user.domain.PasswordHasher;
import org.mercato.user.domain.PasswordPolicy;
import org.mercato.user.domain.RefreshTokenRepository;
import org.mercato.user.domain.Role;

/**
 * The console's use cases on other people's accounts: search, profile, lock and unlock, staff roles, password
 * reset. The rules of who may do what are {@link AccountAdministration}'s; this class loads the actor (the caller's
 * stored account, {@link Actor}), ends the changed account's sessions (its refresh tokens, so new roles or a lock
 * apply at its next refresh at the latest) and logs every change with the actor's and the target's ids.
 */
@ApplicationScoped
@Transactional
public class AccountAdministrationService {

    private static final Logger LOG = Logger.getLogger(AccountAdministrationService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    /** An account with its saved addresses (oldest first), read in one transaction. */
    public record Profile(Account account, List<Address> addresses) {
    }

    /** One page of a search and the number of matches on all pages. */
    public record Page(List<Account> items, long total) {
    }

    /**
     * @param page from 0
     * @param size rows per page (the caller has checked the paging limits)
     */
    public Page search(AccountSearch search, int page, int size) {
        return new Page(accounts.search(search, page * size, size), accounts.count(search));
    }

    /** @throws AccountNotFoundException when there is no such account */
    public Profile profile(UUID accountId) {
        Account account = find(accountId);
        return new Profile(account, List.copyOf(account.addresses()));
    }

    /**
     * Locks the account and ends its sessions; locking a locked account changes nothing (its reason stays).
     *
     * @param actorId the caller's account id
     * @param actorRoles the roles its token names
     * @throws AccountNotFoundException no such account
     * @throws AccountChangeRefusedException the caller may not lock it (its own, or staff locking staff)
     */
    public Profile lock(UUID actorId, Set<Role> actorRoles, UUID accountId, String reason) {
        Actor actor = actor(actorId, actorRoles);
        Account target = find(accountId);
        Instant now = clock.instant();
        if (AccountAdministration.lock(actor, target, reason, now)) {
            int ended = refreshTokens.revokeAllOf(target.id(), now);
            LOG.info(() -> "Account " + target.id() + " locked by account " + actor.id() + "; " + ended
                    + " refresh token(s) revoked");
        } else {
            LOG.info(() -> "Account " + target.id() + " already locked; lock by account " + actor.id()
                    + " changed nothing");
        }
        return profile(target);
    }

    /**
     * Unlocks the account; it signs in again with its password (its old sessions stay ended).
     *
     * @throws AccountNotFoundException no such account
     * @throws AccountChangeRefusedException the caller may not unlock it
     */
    public Profile unlock(UUID actorId, Set<Role> actorRoles, UUID accountId) {
        Actor actor = actor(actorId, actorRoles);
        Account target = find(accountId);
        if (AccountAdministration.unlock(actor, target)) {
            LOG.info(() -> "Account " + target.id() + " unlocked by account " + actor.id());
        } else {
            LOG.info(() -> "Account " + target.id() + " not locked; unlock by account " + actor.id()
                    + " changed nothing");
        }
        return profile(target);
    }

    /**
     * Sets a staff account's roles (staff always, admin when asked) and, when they changed, ends its sessions so the
     * new roles are in its next access token.
     *
     * @param roles staff and/or admin
     * @throws AccountNotFoundException no such account
     * @throws AccountChangeRefusedException not an admin, a shopper's account, or the caller's own admin role
     */
    public Profile changeRoles(UUID actorId, Set<Role> actorRoles, UUID accountId, Set<Role> roles) {
        Actor actor = actor(actorId, actorRoles);
        Account target = find(accountId);
        Set<Role> before = Set.copyOf(target.roles());
        if (AccountAdministration.changeStaffRoles(actor, target, roles)) {
            int ended = refreshTokens.revokeAllOf(target.id(), clock.instant());
            LOG.info(() -> "Roles of account " + target.id() + " changed from " + before + " to " + target.roles()
                    + " by account " + actor.id() + "; " + ended + " refresh token(s) revoked");
        } else {
            LOG.info(() -> "Roles of account " + target.id() + " set to " + target.roles() + " by account "
                    + actor.id() + ": unchanged");
        }
        return profile(target);
    }

    /**
     * An admin sets another account's password (same policy as at registration) and ends its sessions.
     *
     * @throws AccountNotFoundException no such account
     * @throws AccountChangeRefusedException not an admin, or the caller's own account
     * @throws org.mercato.user.domain.WeakPasswordException the password breaks the policy
     */
    public void resetPassword(UUID actorId, Set<Role> actorRoles, UUID accountId, String password) {
        Actor actor = actor(actorId, actorRoles);
        Account target = find(accountId);
        AccountAdministration.checkMaySetPassword(actor, target);
        PasswordPolicy.check(password, target.email());
        Instant now = clock.instant();
        target.changePassword(hasher.hash(password.toCharArray()), now);
        int ended = refreshTokens.revokeAllOf(target.id(), now);
        LOG.info(() -> "Password of account " + target.id() + " reset by account " + actor.id() + "; " + ended
                + " refresh token(s) revoked");
    }

    /** The caller as it may act now; an account that no longer exists acts with no role. */
    private Actor actor(UUID actorId, Set<Role> tokenRoles) {
        return accounts.find(actorId).map(account -> Actor.of(account, tokenRoles))
                .orElseGet(() -> new Actor(actorId, Set.of()));
    }

    private Account find(UUID accountId) {
        return accounts.find(accountId).orElseThrow(AccountNotFoundException::new);
    }

    private static Profile profile(Account account) {
        return new Profile(account, List.copyOf(account.addresses()));
    }
}
