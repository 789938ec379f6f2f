package org.mercato.user.interfaces;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mercato.platform.json.TextRules;
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.ratelimit.RateLimited;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;
import org.mercato.user.application.AccountAdministrationService;
import org.mercato.user.application.AccountService;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.AccountSearch;
import org.mercato.user.domain.Address;
import org.mercato.user.domain.Role;

@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** The default order of the account search: newest first. */
    static final String DEFAULT_SORT = "-created";

    @Inject
    AccountService accounts;

    @Inject
    AccountAdministrationService administration;

    @Inject
    JsonWebToken caller;

    @Inject
    RateLimitSettings rateLimits;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest servletRequest;

    /** A shopper registers; 409 when the email (in any letter case) is taken. */
    @POST
    @PermitAll
    @RateLimited(value = "accounts.per-address", byDefault = "10/600")
    public Response register(@Valid @NotNull AccountRequests.Register body) {
        Account account = accounts.register(body.email, body.password, body.name);
        return Response.created(location(account)).entity(AccountViews.account(account)).build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public JsonObject me() {
        return AccountViews.account(accounts.get(callerId()));
    }

    @PATCH
    @Path("me")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response rename(@Valid @NotNull AccountRequests.Rename body) {
        // the new name is echoed: <, > and & as JSON escapes (the same characters), so no markup is written back,
        // as problems do (Problem.toJson)
        String json = TextRules.withoutMarkup(AccountViews.account(accounts.rename(callerId(), body.name)).toString());
        return Response.ok(json, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * 204; 401 for a wrong current password; 429 with {@code Retry-After} (seconds) when this client has guessed
     * too often (the sign-in throttle, shared with {@code POST /tokens}).
     */
    @PUT
    @Path("me/password")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response changePassword(@Valid @NotNull AccountRequests.ChangePassword body) {
        accounts.changePassword(callerId(), body.currentPassword, body.newPassword,
                rateLimits.clientAddress(servletRequest));
        return Response.noContent().build();
    }

    @GET
    @Path("me/addresses")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public List<JsonObject> addresses() {
        return accounts.addresses(callerId()).stream().map(AccountViews::address).toList();
    }

    @POST
    @Path("me/addresses")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response addAddress(@Valid @NotNull AccountRequests.AddressBody body) {
        Address address = accounts.addAddress(callerId(), AccountViews.postal(body));
        URI location = uriInfo.getAbsolutePathBuilder().path(address.id().toString()).build();
        return Response.created(location).entity(AccountViews.address(address)).build();
    }

    @PUT
    @Path("me/addresses/{addressId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public JsonObject updateAddress(@PathParam("addressId") UUID addressId,
            @Valid @NotNull AccountRequests.AddressBody body) {
        return AccountViews.address(accounts.updateAddress(callerId(), addressId, AccountViews.postal(body)));
    }

    @DELETE
    @Path("me/addresses/{addressId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response removeAddress(@PathParam("addressId") UUID addressId) {
        accounts.removeAddress(callerId(), addressId);
        return Response.noContent().build();
    }

    /**
     * Staff look accounts up: {@code q} (part of the email or name, any letter case; at most 200 characters are
     * used), {@code role} ({@code customer}, {@code staff} or {@code admin}: accounts having it; admins have staff
     * too), {@code locked} ({@code true}/{@code false}), {@code sort} ({@code email}, {@code name} or
     * {@code created}, {@code -} first for descending; default {@code -created}, newest first), {@code page},
     * {@code size}. An empty value is no filter; any other bad value is 400 naming its parameter. Answers
     * {@code {items, total, page, size}}, each item {@link AccountViews#managed}.
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject search(@QueryParam("q") String text, @QueryParam("role") String role,
            @QueryParam("locked") String locked, @QueryParam("sort") @DefaultValue(DEFAULT_SORT) String sort,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging paging = Paging.of(page, size);
        String query = text == null ? "" : text.length() > 200 ? text.substring(0, 200) : text;
        AccountSearch search = AccountQueries.search(query, role, locked, sort);
        AccountAdministrationService.Page found = administration.search(search, paging.page(), paging.size());
        return paging.answer(Json.createArrayBuilder(found.items().stream().map(AccountViews::managed).toList()),
                found.total());
    }

    /** An account with its lock state and saved addresses ({@link AccountViews#profile}); 404 when unknown. */
    @GET
    @Path("{accountId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject get(@PathParam("accountId") UUID accountId) {
        return AccountViews.profile(administration.profile(accountId));
    }

    /**
     * Locks an account with a reason (1-300 characters, for staff): it can no longer sign in ({@code POST /tokens}
     * answers 403 {@code account-locked} once the password is right) and its sessions end. Staff lock shoppers;
     * only an admin locks a staff or admin account (403 {@code not-permitted}); nobody locks their own (422
     * {@code own-account}). Locking a locked account changes nothing. Answers the profile.
     */
    @POST
    @Path("{accountId}/lock")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject lock(@PathParam("accountId") UUID accountId, @Valid @NotNull AccountRequests.Lock body) {
        return AccountViews.profile(administration.lock(callerId(), callerRoles(), accountId, body.reason));
    }

    /** Unlocks an account (same rules as locking; unlocking an unlocked account changes nothing); the profile. */
    @POST
    @Path("{accountId}/unlock")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject unlock(@PathParam("accountId") UUID accountId) {
        return AccountViews.profile(administration.unlock(callerId(), callerRoles(), accountId));
    }

    /**
     * An admin sets a staff account's roles: {@code ["staff"]} or {@code ["staff", "admin"]} (staff is always kept).
     * 422 {@code not-a-staff-account} for a shopper's account, 422 {@code own-admin-role} when an admin would drop
     * their own admin role. When they change, the account's sessions end, so its next sign-in carries the new roles.
     * Answers the profile.
     */
    @PUT
    @Path("{accountId}/roles")
    @RolesAllowed(Roles.ADMIN)
    public JsonObject changeRoles(@PathParam("accountId") UUID accountId,
            @Valid @NotNull AccountRequests.StaffRoles body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.roles.forEach(group -> roles.add(Role.fromGroup(group)));
        return AccountViews.profile(administration.changeRoles(callerId(), callerRoles(), accountId, roles));
    }

    /**
     * An admin sets another account's password (the registration rules; 400 {@code weak-password}); its sessions
     * end. 204; 422 {@code own-account} for the admin's own account (changed with the current password instead).
     */
    @PUT
    @Path("{accountId}/password")
    @RolesAllowed(Roles.ADMIN)
    public Response resetPassword(@PathParam("accountId") UUID accountId,
            @Valid @NotNull AccountRequests.SetPassword body) {
        administration.resetPassword(callerId(), callerRoles(), accountId, body.password);
        return Response.noContent().build();
    }

    /** Only an admin creates staff or admin accounts. */
    @POST
    @Path("staff")
    @RolesAllowed(Roles.ADMIN)
    public Response createStaff(@Valid @NotNull AccountRequests.CreateStaff body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.roles.forEach(group -> roles.add(Role.fromGroup(group)));
        roles.add(Role.STAFF);
        Account account = accounts.createStaff(body.email, body.password, body.name, roles);
        return Response.created(location(account)).entity(AccountViews.account(account)).build();
    }

    private URI location(Account account) {
        return uriInfo.getBaseUriBuilder().path("accounts").path(account.id().toString()).build();
    }

    private UUID callerId() {
        return UUID.fromString(caller.getSubject());
    }

    /** The account roles the caller's token names (other groups, such as service, are not account roles). */
    private Set<Role> callerRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (caller.getGroups() != null && caller.getGroups().contains(role.group())) {
                roles.add(role);
            }
        }
        return roles;
    }
}
