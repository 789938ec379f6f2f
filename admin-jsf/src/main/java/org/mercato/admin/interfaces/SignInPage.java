package org.mercato.admin.interfaces;

import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.mercato.admin.infrastructure.ServiceFailure;
import org.mercato.admin.infrastructure.StaffTokens;

/** Backs index.xhtml and the layout's sign-out: only staff and admins get into the console. */
@Named
@RequestScoped
public class SignInPage {

    private static final Logger LOG = Logger.getLogger(SignInPage.class.getName());

    @Inject
    StaffSession session;

    @Inject
    StaffTokens tokens;

    private String email;
    private String password;

    public String signIn() {
        try {
            StaffTokens.Tokens issued = tokens.signIn(email, password);
            StaffTokens.Account account = tokens.account(issued.accessToken());
            if (!account.roles().contains("staff") && !account.roles().contains("admin")) {
                tokens.revoke(issued.refreshToken());
                LOG.warning(() -> "Console sign-in refused for non-staff account " + account.id());
                return refuse("This account is not a staff account.");
            }
            // a new session id at sign-in: an id planted or seen before sign-in is worth nothing afterwards
            ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                    .changeSessionId();
            session.signIn(issued, account);
            LOG.info(() -> "Staff " + account.id() + " signed in to the console");
            return "dashboard?faces-redirect=true";
        } catch (ServiceFailure failure) {
            return refuse(switch (failure.status()) {
                case 400, 401 -> "Email or password is wrong.";
                case 429 -> "Too many failed sign-ins: the account is locked for a while.";
                case 0, 502, 503, 504 -> "The user service cannot be reached right now; try again shortly.";
                default -> failure.getMessage();
            });
        } finally {
            password = null;
        }
    }

    public String signOut() {
        String staffId = session.getStaffId();
        session.signOut();
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        LOG.info(() -> "Staff " + staffId + " signed out of the console");
        return "/index?faces-redirect=true";
    }

    private String refuse(String message) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
