package org.mercato.admin.interfaces;

import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Backs index.xhtml: only staff and admins get into the console. */
@Named
@RequestScoped
public class SignInPage {

    private static final Logger LOG = Logger.getLogger(SignInPage.class.getName());

    @Inject
    StaffSession session;

    @Inject
    UsersApiClient users;

    private String email;
    private String password;

    public String signIn() {
        try {
            UsersApiClient.SignedIn signedIn = users.signIn(email, password);
            if (!signedIn.roles().contains("staff") && !signedIn.roles().contains("admin")) {
                LOG.warning(() -> "Console sign-in refused for a non-staff account");
                return refuse("This account is not a staff account.");
            }
            // a new session id at sign-in: an id planted or seen before sign-in is worth nothing afterwards
            ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                    .changeSessionId();
            session.signIn(signedIn.accessToken(), signedIn.email(), signedIn.name(), signedIn.roles());
            LOG.info(() -> "Staff member signed in to the console: " + signedIn.email());
            return "dashboard?faces-redirect=true";
        } catch (UsersApiClient.SignInRefused refused) {
            return refuse(refused.getMessage());
        } finally {
            password = null;
        }
    }

    public String signOut() {
        session.signOut();
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return "index?faces-redirect=true";
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
