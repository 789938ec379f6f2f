package org.mercato.payment.interfaces;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mercato.payment.application.PaymentService;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;

/**
 * Charges for orders, only by the order service (role {@code service}, with the order id in its Idempotency-Key),
 * and refunds by staff or the order service. Idempotency keys belong to the caller (the JWT subject). A replay of a
 * finished request answers as the first time did, with {@code Idempotent-Replayed: true}.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    PaymentService payments;

    /** The one currency the shop sells in (ISO 4217; MERCATO_SHOP_CURRENCY), as catalog and orders read it. */
    @Inject
    @ConfigProperty(name = "mercato.shop.currency", defaultValue = "EUR")
    String shopCurrency;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    /** Authorize and capture; see payment-war/README.md for every answer. */
    @POST
    @Path("payments")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response charge(@Parameter(required = true) @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull PaymentRequests.ChargeRequest request) {
        Money amount;
        try {
            amount = new Money(request.amount.amount, request.amount.currency);
        } catch (IllegalArgumentException badMoney) {
            throw PaymentException.invalid(badMoney.getMessage());
        }
        if (!amount.currency().equals(shopCurrency)) {
            // no charge in a currency the shop's prices, shipping and taxes are not in (422, nothing recorded)
            throw new CurrencyNotAcceptedException(amount.currency(), shopCurrency);
        }
        PaymentService.Charge charge = payments.charge(caller(), key, request.orderId, amount, request.token);
        Payment payment = charge.payment();
        Response.ResponseBuilder response = switch (payment.status()) {
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> Response.created(location(payment)).entity(PaymentViews
                    .of(payments.payment(payment.id())));
            case DECLINED -> problem(Problem.of(402, "payment-declined", "Payment declined", "the card was declined ("
                    + payment.declineReason() + "); payment " + payment.id()));
            case AUTHENTICATION_REQUIRED -> problem(Problem.of(402, "authentication-required",
                    "Authentication required", "the card needs the shopper's authentication ("
                            + payment.declineReason() + "); 3-D Secure, nothing was charged; payment " + payment.id()));
            case VOIDED -> problem(Problem.of(502, "payment-capture-failed", "Payment capture failed",
                    "the provider authorized but did not capture, and the authorization was voided; nothing was"
                            + " charged; payment " + payment.id()));
            case FAILED -> problem(Problem.of(503, "payment-provider-unavailable", "Payment provider unavailable",
                    "the payment provider did not answer in time; nothing was charged, send the same request with"
                            + " the same Idempotency-Key to try again")
                    .withHeader("Retry-After", "2"));
            case AUTHORIZING, AUTHORIZED -> problem(Problem.of(503, "payment-provider-unavailable",
                    "Payment provider unavailable", "the payment provider did not finish in time; payment "
                            + payment.id() + " is settled within a minute (voided if not captured)")
                    .withHeader("Retry-After", "30"));
        };
        return (charge.replay() ? response.header(REPLAYED, "true") : response).build();
    }

    @GET
    @Path("payments/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    public PaymentViews.PaymentView payment(@PathParam("id") UUID id) {
        return PaymentViews.of(payments.payment(id));
    }

    /**
     * {@code ?orderId=}: every payment of that order, oldest first, unpaged ({@code {items}}), for staff, admins and
     * the order service. Without {@code orderId}, staff and admins only (else 403): every order's payments,
     * {@code ?status=&from=&to=&sort=&page=&size=} ({@link PaymentListParameters}), answered as a page
     * {@code {items, total, page, size}}. A bad value is 400 naming its parameter; the search parameters with
     * {@code orderId} are 400 too (they would be ignored).
     */
    @GET
    @Path("payments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    public PaymentViews.PaymentList list(@QueryParam("orderId") String orderId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (orderId != null) {
            if (orderId.isBlank()) {
                throw PaymentListParameters.invalid("orderId", "must not be blank");
            }
            for (String[] other : new String[][]{{"status", status}, {"from", from}, {"to", to}, {"sort", sort}}) {
                if (other[1] != null) {
                    throw PaymentListParameters.invalid(other[0], "cannot be combined with orderId (an order's"
                            + " payments are all listed)");
                }
            }
            return PaymentViews.list(payments.forOrder(orderId));
        }
        if (!security.isUserInRole(Roles.STAFF) && !security.isUserInRole(Roles.ADMIN)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "only staff may list every order's payments; name the order with orderId"));
        }
        Paging paging = Paging.of(page, size);
        PaymentService.PaymentPage found = payments.search(PaymentListParameters.read(status, from, to, sort), paging
                .page(), paging.size());
        return PaymentViews.page(found, paging);
    }

    /** Refund all or part of a captured payment, once per Idempotency-Key. */
    @POST
    @Path("refunds")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@Parameter(required = true) @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull PaymentRequests.RefundRequest request) {
        UUID paymentId;
        try {
            paymentId = UUID.fromString(request.paymentId);
        } catch (IllegalArgumentException e) {
            throw PaymentException.invalid("paymentId must be a payment's id");
        }
        PaymentService.RefundResult result = payments.refund(caller(), key, paymentId, request.amount,
                request.reason, security.getUserPrincipal().getName());
        Response.ResponseBuilder response = Response.status(201).entity(PaymentViews.of(result.refund()));
        return (result.replay() ? response.header(REPLAYED, "true") : response).build();
    }

    /** Whose Idempotency-Keys these are: the token's subject (e.g. service:orders), else the principal's name. */
    private String caller() {
        Principal principal = security.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    private URI location(Payment payment) {
        return uriInfo.getBaseUriBuilder().path("payments").path(payment.id().toString()).build();
    }

    private Response.ResponseBuilder problem(Problem problem) {
        return Response.fromResponse(problem.toResponse(uriInfo.getRequestUri()));
    }
}
