package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

/** Who is signed in to the console, with the access token used to call the services on their behalf. */
@Named
@SessionScoped
public class StaffSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accessToken;
    private String email;
    private String name;
    private List<String> roles = List.of();

    void signIn(String token, String signedInEmail, String signedInName, List<String> signedInRoles) {
        this.accessToken = token;
        this.email = signedInEmail;
        this.name = signedInName;
        this.roles = List.copyOf(signedInRoles);
    }

    void signOut() {
        accessToken = null;
        email = null;
        name = null;
        roles = List.of();
    }

    public boolean isSignedIn() {
        return accessToken != null;
    }

    String accessToken() {
        return accessToken;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getRoles() {
        return String.join(", ", roles);
    }
}
