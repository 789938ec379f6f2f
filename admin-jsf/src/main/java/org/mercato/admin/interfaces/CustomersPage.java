package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs customers.xhtml: the shop's customer accounts by email or name, locked ones alone if asked, sorted by
 * email, name or sign-up, a page at a time from the users API; a customer opens on customer.xhtml.
 */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    private String text;
    private boolean lockedOnly;

    private final LazyDataModel<JsonObject> customers = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) page(0, 1, null).getJsonNumber("total").longValue();
            } catch (ServiceFailure failure) {
                StaffActions.error("customers", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                JsonObject page = page(first / pageSize, pageSize, sort(sortBy));
                setRowCount((int) page.getJsonNumber("total").longValue());
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("customers", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject account) {
            return account.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    /** The users API's sort parameter for the table's sorted column: {@code email}, {@code -created}, ... */
    static String sort(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream().findFirst().map(s -> (s.getOrder() == SortOrder.DESCENDING ? "-" : "")
                + ("createdAt".equals(s.getField()) ? "created" : s.getField())).orElse(null);
    }

    private JsonObject page(int page, int size, String sort) {
        String bearer = session.bearer();
        String query = text == null ? "" : text.strip();
        Boolean locked = lockedOnly ? Boolean.TRUE : null;
        return ServiceFailure.call("users", () -> apis.users().accounts(query, "customer", locked, sort, page, size,
                bearer));
    }

    public LazyDataModel<JsonObject> getCustomers() {
        return customers;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isLockedOnly() {
        return lockedOnly;
    }

    public void setLockedOnly(boolean lockedOnly) {
        this.lockedOnly = lockedOnly;
    }
}
