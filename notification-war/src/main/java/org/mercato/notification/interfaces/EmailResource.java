package org.mercato.notification.interfaces;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.mercato.notification.application.NotificationService;
import org.mercato.notification.domain.NotificationException;
import org.mercato.platform.security.Roles;
import org.mercato.platform.web.Paging;

/**
 * The sent-mail log, for staff answering "did the shopper get our email?": every email with its status and
 * attempts, filtered by order or recipient, newest first; one email with its text and HTML bodies.
 */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    private static final int MAX_FILTER = 320;

    @Inject
    NotificationService notifications;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject emails(@QueryParam("orderId") String orderId, @QueryParam("recipient") String recipient,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging paging = Paging.of(page, size);
        if ((orderId != null && orderId.length() > MAX_FILTER)
                || (recipient != null && recipient.length() > MAX_FILTER)) {
            throw new NotificationException(400, "validation", "orderId and recipient have at most " + MAX_FILTER
                    + " characters");
        }
        return EmailViews.page(notifications.emails(orderId, recipient, paging.offset(), paging.size()),
                notifications.count(orderId, recipient), paging);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public JsonObject email(@PathParam("id") String id) {
        UUID emailId;
        try {
            emailId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            // nothing can live at a path that is not an email id
            throw NotificationException.notFound("there is no email at this id (not an email id)");
        }
        return EmailViews.detail(notifications.email(emailId));
    }
}
