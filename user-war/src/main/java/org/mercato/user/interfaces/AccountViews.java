package org.mercato.user.interfaces;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mercato.user.application.AccountAdministrationService;
import org.mercato.user.application.TokenPair;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.Address;
import org.mercato.user.domain.PostalAddress;
import org.mercato.user.domain.Role;

/**
 * Assembles the JSON the users API answers with; never includes hashes. An account's lock (and its reason, written
 * by staff for staff) is shown only in staff's views ({@link #managed}, {@link #profile}), not to its owner.
 */
final class AccountViews {

    private AccountViews() {
    }

    static JsonObject account(Account account) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        account.roles().stream().map(Role::group).sorted().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("id", account.id().toString())
                .add("email", account.email())
                .add("name", account.name())
                .add("roles", roles)
                .add("createdAt", account.createdAt().toString())
                .build();
    }

    /**
     * An account as staff see it in lists and after a change: {@link #account} plus {@code locked} and, when it is
     * locked, {@code lockedAt}, {@code lockedReason} and {@code lockedBy} (the id of the account that locked it).
     */
    static JsonObject managed(Account account) {
        return managedBuilder(account).build();
    }

    /** {@link #managed} with the account's saved addresses ({@link #address}), oldest first. */
    static JsonObject profile(AccountAdministrationService.Profile profile) {
        JsonArrayBuilder addresses = Json.createArrayBuilder();
        profile.addresses().forEach(a -> addresses.add(address(a)));
        return managedBuilder(profile.account()).add("addresses", addresses).build();
    }

    private static JsonObjectBuilder managedBuilder(Account account) {
        JsonObjectBuilder json = Json.createObjectBuilder(account(account)).add("locked", account.isLocked());
        if (account.isLocked()) {
            json.add("lockedAt", account.lockedAt().toString())
                    .add("lockedReason", account.lockedReason())
                    .add("lockedBy", account.lockedBy().toString());
        }
        return json;
    }

    static JsonObject address(Address address) {
        PostalAddress postal = address.postal();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", address.id().toString())
                .add("name", postal.name())
                .add("line1", postal.line1());
        if (postal.line2() != null) {
            json.add("line2", postal.line2());
        } else {
            json.addNull("line2");
        }
        return json.add("city", postal.city())
                .add("postalCode", postal.postalCode())
                .add("country", postal.country())
                .build();
    }

    static JsonObject tokens(TokenPair pair) {
        return Json.createObjectBuilder()
                .add("access_token", pair.accessToken())
                .add("refresh_token", pair.refreshToken())
                .add("expires_in", pair.expiresInSeconds())
                .add("token_type", "Bearer")
                .build();
    }

    static PostalAddress postal(AccountRequests.AddressBody body) {
        return new PostalAddress(body.name, body.line1, body.line2, body.city, body.postalCode,
                body.country);
    }
}
