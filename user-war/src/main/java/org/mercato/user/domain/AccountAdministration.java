package org.mercato.user.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.mercato.user.domain.AccountChangeRefusedException.Reason;

/**
 * Who may change whose account from the console, in one place:
 * <ul>
 * <li>staff (and admins) lock and unlock shoppers' accounts; only an admin locks or unlocks a staff or admin
 * account;</li>
 * <li>only an admin changes a staff account's roles (staff, optionally admin) or sets anyone's password;</li>
 * <li>nobody locks, unlocks or sets the password of their own account here, and an admin does not take their own
 * admin role away, so the shop always keeps an admin who can sign in.</li>
 * </ul>
 * Ending the changed account's sessions is the application's part.
 */
public final class AccountAdministration {

    private AccountAdministration() {
    }

    /**
     * Locks the target (a no-op when it is locked already).
     *
     * @return whether it changed
     * @throws AccountChangeRefusedException when the rules above forbid it
     * @throws IllegalArgumentException when the reason is blank or longer than {@value Account#MAX_LOCK_REASON_LENGTH}
     */
    public static boolean lock(Actor actor, Account target, String reason, Instant now) {
        checkMayLockOrUnlock(actor, target, "lock");
        return target.lock(reason, actor.id(), now);
    }

    /**
     * Unlocks the target (a no-op when it is not locked).
     *
     * @return whether it changed
     * @throws AccountChangeRefusedException when the rules above forbid it
     */
    public static boolean unlock(Actor actor, Account target) {
        checkMayLockOrUnlock(actor, target, "unlock");
        return target.unlock();
    }

    /**
     * Gives a staff account exactly these staff roles: {@link Role#STAFF} always (every staff account has it),
     * {@link Role#ADMIN} when asked for.
     *
     * @param requested staff and/or admin
     * @return whether the roles changed
     * @throws AccountChangeRefusedException when the actor is no admin, the target is a shopper's account, or the
     *         actor would lose their own admin role
     * @throws IllegalArgumentException when a requested role is not a staff role
     */
    public static boolean changeStaffRoles(Actor actor, Account target, Set<Role> requested) {
        if (!actor.isAdmin()) {
            throw new AccountChangeRefusedException(Reason.NOT_PERMITTED, "only an admin changes roles");
        }
        if (requested.contains(Role.CUSTOMER)) {
            throw new IllegalArgumentException("roles are staff and admin only");
        }
        if (!target.isStaffMember()) {
            throw new AccountChangeRefusedException(Reason.NOT_A_STAFF_ACCOUNT,
                    "a shopper's account does not become a staff account; create a staff account instead");
        }
        Set<Role> roles = EnumSet.of(Role.STAFF);
        roles.addAll(requested);
        if (target.hasRole(Role.CUSTOMER)) {
            roles.add(Role.CUSTOMER);
        }
        if (target.id().equals(actor.id()) && !roles.contains(Role.ADMIN)) {
            throw new AccountChangeRefusedException(Reason.OWN_ADMIN_ROLE,
                    "an admin cannot take their own admin role away; another admin can");
        }
        return target.changeRoles(roles);
    }

    /**
     * @throws AccountChangeRefusedException when the actor is no admin or the target is the actor's own account
     *         (whose password is changed with the current one)
     */
    public static void checkMaySetPassword(Actor actor, Account target) {
        if (!actor.isAdmin()) {
            throw new AccountChangeRefusedException(Reason.NOT_PERMITTED, "only an admin sets a password");
        }
        if (target.id().equals(actor.id())) {
            throw new AccountChangeRefusedException(Reason.OWN_ACCOUNT,
                    "your own password is changed with your current one, not reset");
        }
    }

    private static void checkMayLockOrUnlock(Actor actor, Account target, String what) {
        if (!actor.isStaffMember()) {
            throw new AccountChangeRefusedException(Reason.NOT_PERMITTED, "only staff " + what + " accounts");
        }
        if (target.id().equals(actor.id())) {
            throw new AccountChangeRefusedException(Reason.OWN_ACCOUNT, "nobody can " + what + " their own account");
        }
        if (target.isStaffMember() && !actor.isAdmin()) {
            throw new AccountChangeRefusedException(Reason.NOT_PERMITTED,
                    "only an admin can " + what + " a staff or admin account");
        }
    }
}
