package org.mercato.user.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who changes an account from the console: the signed-in account's id and the roles it may act with now. Those are
 * the roles both its access token and its stored account have (a token lives up to 15 minutes after a demotion), and
 * none at all while its account is locked.
 *
 * @param roles the roles it acts with; empty when it may do nothing
 */
public record Actor(UUID id, Set<Role> roles) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * @param account the caller's stored account
     * @param tokenRoles the roles its access token names
     */
    public static Actor of(Account account, Set<Role> tokenRoles) {
        if (account.isLocked()) {
            return new Actor(account.id(), Set.of());
        }
        Set<Role> both = EnumSet.noneOf(Role.class);
        tokenRoles.stream().filter(account::hasRole).forEach(both::add);
        return new Actor(account.id(), both);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Staff or admin: may look after customers. */
    public boolean isStaffMember() {
        return isAdmin() || roles.contains(Role.STAFF);
    }
}
