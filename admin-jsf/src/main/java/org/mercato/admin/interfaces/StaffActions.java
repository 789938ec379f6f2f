package org.mercato.admin.interfaces;

import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * What every screen does around a staff action: the audit line (at INFO, with the staff member's id, never a token
 * or password) and the message the screen shows.
 */
@RequestScoped
public class StaffActions {

    static final Logger AUDIT = Logger.getLogger("org.mercato.admin.audit");

    @Inject
    StaffSession session;

    /** Records that the signed-in staff member did {@code what} (e.g. "cancelled order 42"). */
    public void audit(String what) {
        AUDIT.info(() -> "Staff " + session.getStaffId() + " " + what);
    }

    /** Records a refused attempt; the reason is the service's, never a token. */
    public void auditRefused(String what, ServiceFailure failure) {
        AUDIT.info(() -> "Staff " + session.getStaffId() + " could not " + what + " (HTTP " + failure.status() + ")");
    }

    public static void info(String text) {
        message(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        message(null, FacesMessage.SEVERITY_ERROR, text);
    }

    /** A message for one part of a screen ({@code p:messages for="..."}), so the rest stays clear. */
    public static void error(String forId, String text) {
        message(forId, FacesMessage.SEVERITY_ERROR, text);
    }

    private static void message(String forId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(forId, new FacesMessage(severity, text, null));
    }
}
