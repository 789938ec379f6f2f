package org.mercato.user.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountNotFoundException;
import org.mercato.user.domain.AccountRepository;
import org.mercato.user.domain.Address;
import org.mercato.user.domain.EmailAddress;
import org.mercato.user.domain.EmailAlreadyRegisteredException;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.PasswordHasher;
import org.mercato.user.domain.PasswordPolicy;
import org.mercato.user.domain.PostalAddress;
import org.mercato.user.domain.RefreshTokenRepository;
import org.mercato.user.domain.Role;

/** Use cases on accounts: registration, profile, password, addresses, staff accounts. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    SignInThrottle throttle;

    /** A shopper signs up; the account gets the customer role. */
    public Account register(String email, String password, String name) {
        return create(email, password, name, Set.of(Role.CUSTOMER));
    }

    /** An admin creates a staff (or admin) account. */
    public Account createStaff(String email, String password, String name, Set<Role> roles) {
        Account account = create(email, password, name, roles);
        LOG.info(() -> "Staff account " + account.id() + " created with roles " + account.roles());
        return account;
    }

    Account create(String email, String password, String name, Set<Role> roles) {
        EmailAddress address = new EmailAddress(email);
        PasswordPolicy.check(password, email);
        if (accounts.existsByEmail(address.normalized())) {
            throw new EmailAlreadyRegisteredException();
        }
        Account account = new Account(address, name, hasher.hash(password.toCharArray()), roles, clock.instant());
        // the unique index on email_normalized settles a race between two registrations
        accounts.add(account);
        return account;
    }

    public Account get(UUID accountId) {
        return accounts.find(accountId).orElseThrow(AccountNotFoundException::new);
    }

    public Account rename(UUID accountId, String name) {
        Account account = get(accountId);
        account.rename(name);
        return account;
    }

    /**
     * Needs the current password; ends every session (refresh token) of the account. Wrong current passwords are
     * throttled exactly like wrong sign-in passwords, in the same buckets (per client address, per account and
     * address, per account), so a stolen access token guesses no faster here than at sign-in, and the owner's
     * other addresses are not slowed down.
     *
     * @param clientAddress the client's address, as resolved by the interfaces layer
     * @throws InvalidCredentialsException when the current password is wrong
     * @throws org.mercato.user.domain.SignInThrottledException when this client must wait before trying again
     * @throws org.mercato.user.domain.WeakPasswordException when the new password breaks the policy
     */
    public void changePassword(UUID accountId, String currentPassword, String newPassword, String clientAddress) {
        Account account = get(accountId);
        String throttled = EmailAddress.normalize(account.email());
        throttle.beforeAttempt(throttled, clientAddress);
        if (!hasher.verify(currentPassword.toCharArray(), account.passwordHash())) {
            throttle.failed(throttled, clientAddress);
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(throttled, clientAddress);
        PasswordPolicy.check(newPassword, account.email());
        account.changePassword(hasher.hash(newPassword.toCharArray()), clock.instant());
        refreshTokens.revokeAllOf(accountId, clock.instant());
        LOG.info(() -> "Password changed for account " + accountId + "; its sessions were ended");
    }

    public List<Address> addresses(UUID accountId) {
        return List.copyOf(get(accountId).addresses());
    }

    public Address addAddress(UUID accountId, PostalAddress postal) {
        return get(accountId).addAddress(postal, clock.instant());
    }

    public Address updateAddress(UUID accountId, UUID addressId, PostalAddress postal) {
        Address address = get(accountId).address(addressId);
        address.update(postal);
        return address;
    }

    public void removeAddress(UUID accountId, UUID addressId) {
        get(accountId).removeAddress(addressId);
    }
}
