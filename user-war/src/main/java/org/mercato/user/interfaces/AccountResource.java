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
import org.mercato.platform.ratelimit.RateLimitSettings;
import org.mercato.platform.ratelimit.RateLimited;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;
import org.mercato.user.application.AccountService;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.Address;
import org.mercato.user.domain.Role;

@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

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
    public JsonObject rename(@Valid @NotNull AccountRequests.Rename body) {
        return AccountViews.account(accounts.rename(callerId(), body.name));
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

    /** Staff look accounts up by email or name. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject search(@QueryParam("q") String text, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Paging paging = Paging.of(page, size);
        String query = text == null ? "" : text.length() > 200 ? text.substring(0, 200) : text;
        List<JsonObject> items = accounts.search(query, paging.page(), paging.size()).stream()
                .map(AccountViews::account).toList();
        return paging.answer(Json.createArrayBuilder(items), accounts.count(query));
    }

    @GET
    @Path("{accountId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject get(@PathParam("accountId") UUID accountId) {
        return AccountViews.account(accounts.get(accountId));
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
}
