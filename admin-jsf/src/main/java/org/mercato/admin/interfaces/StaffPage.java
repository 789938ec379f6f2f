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
    private String chosenId;
    private String chosenEmail;
    private boolean chosenAdmin;
    private String newPassword;

    /** The roles dialog opens for this account. */
    public void chooseRoles(String id, String accountEmail, boolean isAdmin) {
        chosenId = id;
        chosenEmail = accountEmail;
        chosenAdmin = isAdmin;
    }

    /** The password dialog opens for this account. */
    public void choosePassword(String id, String accountEmail) {
        chosenId = id;
        chosenEmail = accountEmail;
        newPassword = null;
    }

    /** Staff, or staff and admin; the account's sessions pick the new roles up at their next refresh. */
    public void saveRoles() {
        JsonArrayBuilder roles = Json.createArrayBuilder().add("staff");
        if (chosenAdmin) {
            roles.add("admin");
        }
        String what = "change the roles of account " + chosenId;
        try {
            String bearer = session.bearer();
            ServiceFailure.call("users", () -> apis.users().roles(chosenId, Json.createObjectBuilder().add("roles",
                    roles).build(), bearer));
            actions.audit("set the roles of account " + chosenId + " to staff" + (chosenAdmin ? ", admin" : ""));
            StaffActions.info("Roles changed.");
            search();
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error("accounts", failure.getMessage());
        }
    }

    /** A new password chosen by the admin; the account's refresh tokens are revoked by the users service. */
    public void resetPassword() {
        String what = "reset the password of account " + chosenId;
        try {
            String bearer = session.bearer();
            String chosen = newPassword == null ? "" : newPassword;
            ServiceFailure.run("users", () -> apis.users().resetPassword(chosenId, Json.createObjectBuilder().add(
                    "password", chosen).build(), bearer));
            actions.audit("reset the password of account " + chosenId);
            StaffActions.info("Password reset: give it to " + chosenEmail + " in person or by phone.");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error("accounts", failure.getMessage());
        } finally {
            newPassword = null;
        }
    }

    /** Whether the account's roles include admin. */
    public boolean isAdminAccount(JsonObject account) {
        return account.containsKey("roles") && account.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().anyMatch(role -> "admin".equals(role.getString()));
    }

    public String getChosenEmail() {
        return chosenEmail;
    }

    public boolean isChosenAdmin() {
        return chosenAdmin;
    }

    public void setChosenAdmin(boolean chosenAdmin) {
        this.chosenAdmin = chosenAdmin;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public void search() {
        try {
            String bearer = session.bearer();
            String query = text == null ? "" : text.strip();
            // staff and admins: the customers have their own screen
            JsonObject page = ServiceFailure.call("users", () -> apis.users().accounts(query, "staff", null, "email",
                    0, 50, bearer));
            accounts = StoredJson.list(page.getJsonArray("items"));
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
