package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs customer.xhtml: one customer's profile and addresses (users), their latest orders (orders, by the
 * account's email), and locking or unlocking the account behind a confirmation dialog. A locked account cannot sign
 * in and its refresh tokens are revoked, so a stolen or abusive account stops at once; the reason is kept with it.
 */
@Named
@ViewScoped
public class CustomerPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ORDERS_SHOWN = 20;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String id;
    private JsonObject account;
    private List<JsonObject> orders = List.of();
    private long orderCount;
    private String lockReason;

    /** f:viewAction: reads the account, then its orders. */
    public void load() {
        account = null;
        orders = List.of();
        orderCount = 0;
        try {
            UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException notAnId) {
            StaffActions.error("customer", "There is no account " + id + ".");
            return;
        }
        try {
            String bearer = session.bearer();
            account = StoredJson.of(ServiceFailure.call("users", () -> apis.users().account(id, bearer)));
        } catch (ServiceFailure failure) {
            StaffActions.error("customer", failure.status() == 404
                    ? "There is no account " + id + "."
                    : failure.getMessage());
            return;
        }
        try {
            String bearer = session.bearer();
            String email = account.getString("email");
            JsonObject page = ServiceFailure.call("orders", () -> apis.orders().search(true, null, email, null,
                    null, null, "-created", 0, ORDERS_SHOWN, bearer));
            orders = StoredJson.list(page.getJsonArray("items"));
            orderCount = page.getJsonNumber("total").longValue();
        } catch (ServiceFailure failure) {
            StaffActions.error("customerOrders", failure.getMessage());
        }
    }

    /** A dialog opens: its field cleared. */
    public void prepare() {
        lockReason = null;
    }

    public void lock() {
        String reason = lockReason == null ? "" : lockReason.strip();
        if (reason.isEmpty()) {
            StaffActions.error("Say why the account is locked.");
            return;
        }
        String what = "lock account " + id;
        try {
            String bearer = session.bearer();
            ServiceFailure.call("users", () -> apis.users().lock(id, Json.createObjectBuilder().add("reason",
                    reason).build(), bearer));
            actions.audit("locked account " + id);
            StaffActions.info("Account locked: it cannot sign in any more.");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error(failure.getMessage());
        }
        load();
    }

    public void unlock() {
        String what = "unlock account " + id;
        try {
            String bearer = session.bearer();
            ServiceFailure.call("users", () -> apis.users().unlock(id, bearer));
            actions.audit("unlocked account " + id);
            StaffActions.info("Account unlocked: it can sign in again.");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error(failure.getMessage());
        }
        load();
    }

    public boolean isLocked() {
        return account != null && account.getBoolean("locked", false);
    }

    public List<JsonObject> getAddresses() {
        return account == null || !account.containsKey("addresses") || account.isNull("addresses")
                ? List.of()
                : StoredJson.list(account.getJsonArray("addresses"));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public JsonObject getAccount() {
        return account;
    }

    public List<JsonObject> getOrders() {
        return orders;
    }

    public long getOrderCount() {
        return orderCount;
    }

    public String getLockReason() {
        return lockReason;
    }

    public void setLockReason(String lockReason) {
        this.lockReason = lockReason;
    }
}
