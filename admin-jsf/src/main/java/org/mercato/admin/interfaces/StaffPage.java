package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs staff.xhtml (admins only, the guard checks it): looks accounts up by email or name and creates staff or
 * admin accounts.
 */
@Named
@ViewScoped
public class StaffPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String text;
    private List<JsonObject> accounts = List.of();
    private long total;

    private String email;
    private String name;
    private String password;
    private boolean admin;

    public void search() {
        try {
            String bearer = session.bearer();
            JsonObject page = ServiceFailure.call("users", () -> apis.users().accounts(text == null
                    ? ""
                    : text
                            .strip(),
                    0, 50, bearer));
            accounts = page.getJsonArray("items").getValuesAs(JsonObject.class);
            total = page.getJsonNumber("total").longValue();
        } catch (ServiceFailure failure) {
            StaffActions.error("accounts", failure.getMessage());
        }
    }

    public void create() {
        JsonArrayBuilder roles = Json.createArrayBuilder().add("staff");
        if (admin) {
            roles.add("admin");
        }
        JsonObject body = Json.createObjectBuilder().add("email", email == null ? "" : email.strip())
                .add("password", password == null ? "" : password).add("name", name == null ? "" : name.strip())
                .add("roles", roles).build();
        try {
            String bearer = session.bearer();
            JsonObject created = ServiceFailure.call("users", () -> apis.users().createStaff(body, bearer));
            actions.audit("created " + (admin ? "admin" : "staff") + " account " + created.getString("id"));
            StaffActions.info("Account created.");
            email = null;
            name = null;
            admin = false;
            text = created.getString("email");
            search();
        } catch (ServiceFailure failure) {
            actions.auditRefused("create a staff account", failure);
            StaffActions.error("newStaff", failure.getMessage());
        } finally {
            password = null;
        }
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<JsonObject> getAccounts() {
        return accounts;
    }

    public long getTotal() {
        return total;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
