package org.mercato.payment.interfaces;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import org.mercato.platform.money.MoneyJson;
import org.mercato.payment.application.PaymentProvider;
import org.mercato.payment.application.PaymentService;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.PaymentException;
import org.mercato.payment.domain.PaymentStatus;
import org.mercato.payment.domain.Refund;
import org.mercato.platform.money.Money;
import org.mercato.platform.security.Roles;

/**
 * Charges for orders (the order service calls this with the shopper's token and the order id as part of the
 * Idempotency-Key) and refunds by staff. A decline is 402 problem+json naming the issuer's reason.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    PaymentService payments;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @Path("payments")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response charge(@HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull PaymentRequests.ChargeRequest request) {
        PaymentService.Charge charge;
        try {
            charge = payments.charge(key, request.orderId, new Money(request.amount.amount,
                    request.amount.currency), request.token);
        } catch (IllegalArgumentException badMoney) {
            throw PaymentException.invalid(badMoney.getMessage());
        } catch (PaymentProvider.UnavailableException e) {
            throw new PaymentException(503, "payment-provider-unavailable", "the payment provider failed; nothing"
                    + " was charged, try again with the same Idempotency-Key");
        }
        Payment payment = charge.payment();
        URI location = uriInfo.getBaseUriBuilder().path("payments").path(payment.id().toString()).build();
        if (payment.status() == PaymentStatus.DECLINED) {
            throw new PaymentException(402, "payment-declined", "the card was declined (" + payment.declineReason()
                    + "); payment " + payment.id());
        }
        return (charge.replay() ? Response.ok() : Response.created(location)).entity(view(payment)).build();
    }

    @GET
    @Path("payments/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    public JsonObject payment(@PathParam("id") UUID id) {
        return view(payments.payment(id));
    }

    @GET
    @Path("payments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    public JsonObject forOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw PaymentException.invalid("orderId is required");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        payments.forOrder(orderId).forEach(p -> items.add(view(p)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    @Path("refunds")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@Valid @NotNull PaymentRequests.RefundRequest request) {
        UUID paymentId;
        try {
            paymentId = UUID.fromString(request.paymentId);
        } catch (IllegalArgumentException e) {
            throw PaymentException.invalid("paymentId must be a payment's id");
        }
        Refund refund = payments.refund(paymentId, request.amount, request.reason,
                security.getUserPrincipal().getName());
        Payment payment = payments.payment(paymentId);
        return Response.status(201).entity(Json.createObjectBuilder().add("id", refund.id().toString())
                .add("paymentId", paymentId.toString()).add("amount", MoneyJson.of(new Money(refund.amount(),
                        payment.amount().currency())))
                .add("payment", view(payment)).build()).build();
    }

    static JsonObject view(Payment payment) {
        JsonArrayBuilder refunds = Json.createArrayBuilder();
        for (Refund refund : payment.refunds()) {
            refunds.add(Json.createObjectBuilder().add("id", refund.id().toString()).add("amount", refund.amount())
                    .add("createdAt", refund.createdAt().toString()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", payment.id().toString())
                .add("orderId", payment.orderId()).add("status", payment.status().name())
                .add("amount", MoneyJson.of(payment.amount())).add("refundable", payment.refundable())
                .add("provider", payment.provider()).add("refunds", refunds)
                .add("createdAt", payment.createdAt().toString());
        if (payment.providerReference() != null) {
            json.add("providerReference", payment.providerReference());
        }
        if (payment.declineReason() != null) {
            json.add("declineReason", payment.declineReason());
        }
        return json.build();
    }

}
