package org.mercato.user.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mercato.platform.json.VisibleText;

/**
 * A shopper's or staff member's account: identity, roles and password hash. Wrong passwords are throttled
 * outside the account (per client address), so nobody can lock the owner out by guessing; only staff lock an
 * account, on purpose and with a reason ({@link #lock}), and a locked account cannot sign in or refresh.
 */
@Entity
@Table(name = "account")
public class Account {

    /** Longest reason a lock may carry, in characters. */
    public static final int MAX_LOCK_REASON_LENGTH = 300;

    @Id
    private UUID id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_normalized", nullable = false, length = 254, unique = true)
    private String emailNormalized;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<Address> addresses = new ArrayList<>();

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "locked_reason", length = MAX_LOCK_REASON_LENGTH)
    private String lockedReason;

    // text, not uuid: EclipseLink 4.0's UUID conversion fails on a null column
    @Column(name = "locked_by", length = 36)
    private String lockedBy;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    /**
     * @param name shown name; whitespace around it is removed
     * @throws IllegalArgumentException when the name is blank (only whitespace or invisible characters,
     *         {@link VisibleText}) or no role is given
     */
    public Account(EmailAddress email, String name, String passwordHash, Set<Role> roles, Instant now) {
        if (VisibleText.isBlank(name)) {
            throw new IllegalArgumentException("name is required");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        this.id = UUID.randomUUID();
        this.email = email.value();
        this.emailNormalized = email.normalized();
        this.name = VisibleText.strip(name);
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.passwordChangedAt = now;
    }

    /** @throws IllegalArgumentException when the name is blank (only whitespace or invisible characters) */
    public void rename(String newName) {
        if (VisibleText.isBlank(newName)) {
            throw new IllegalArgumentException("name is required");
        }
        this.name = VisibleText.strip(newName);
    }

    public Address addAddress(PostalAddress postal, Instant now) {
        Address address = new Address(this, postal, now);
        addresses.add(address);
        return address;
    }

    public Address address(UUID addressId) {
        return addresses.stream().filter(a -> a.id().equals(addressId)).findFirst()
                .orElseThrow(AddressNotFoundException::new);
    }

    public void removeAddress(UUID addressId) {
        addresses.remove(address(addressId));
    }

    /**
     * Locks the account: it can no longer sign in or refresh (ending its sessions is the caller's part). Locking a
     * locked account changes nothing, not even its reason.
     *
     * @param reason why, for staff (1 to {@value #MAX_LOCK_REASON_LENGTH} characters once stripped of whitespace)
     * @param by the id of the account that locks it
     * @return whether the account was unlocked before (false: nothing changed)
     * @throws IllegalArgumentException when the reason is blank or too long
     */
    public boolean lock(String reason, UUID by, Instant now) {
        if (VisibleText.isBlank(reason)) {
            throw new IllegalArgumentException("reason is required");
        }
        String stripped = VisibleText.strip(reason);
        if (stripped.length() > MAX_LOCK_REASON_LENGTH) {
            throw new IllegalArgumentException("reason must have at most " + MAX_LOCK_REASON_LENGTH + " characters");
        }
        if (isLocked()) {
            return false;
        }
        // to the microsecond PostgreSQL keeps, so the answer to the lock equals every later read of it
        this.lockedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.lockedReason = stripped;
        this.lockedBy = by.toString();
        return true;
    }

    /** @return whether the account was locked before (false: nothing changed) */
    public boolean unlock() {
        if (!isLocked()) {
            return false;
        }
        this.lockedAt = null;
        this.lockedReason = null;
        this.lockedBy = null;
        return true;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    /** When it was locked, or null when it is not. */
    public Instant lockedAt() {
        return lockedAt;
    }

    /** Why it was locked (for staff, not for the account's owner), or null when it is not. */
    public String lockedReason() {
        return lockedReason;
    }

    /** Who locked it, or null when it is not locked. */
    public UUID lockedBy() {
        return lockedBy == null ? null : UUID.fromString(lockedBy);
    }

    /** A staff member (staff or admin role) rather than only a shopper. */
    public boolean isStaffMember() {
        return roles.contains(Role.STAFF) || roles.contains(Role.ADMIN);
    }

    /**
     * Replaces the roles (the rules of who may do so are {@link AccountAdministration}'s).
     *
     * @return whether they changed
     * @throws IllegalArgumentException when no role is given
     */
    public boolean changeRoles(Set<Role> newRoles) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        if (roles.equals(newRoles)) {
            return false;
        }
        this.roles = EnumSet.copyOf(newRoles);
        return true;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Address> addresses() {
        return Collections.unmodifiableList(addresses);
    }
}
