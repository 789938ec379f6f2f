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

/**
 * Backs emails.xhtml: the log of the emails the shop sent (or is retrying), newest first, by recipient or order,
 * a page at a time from the notifications API; one email opens with its plain text as the customer received it.
 */
@Named
@ViewScoped
public class EmailsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    private String recipient;
    private String orderId;
    private JsonObject email;

    private final LazyDataModel<JsonObject> emails = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) page(0, 1).getJsonNumber("total").longValue();
            } catch (ServiceFailure failure) {
                StaffActions.error("emails", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                JsonObject page = page(first / pageSize, pageSize);
                setRowCount((int) page.getJsonNumber("total").longValue());
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("emails", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject email) {
            return email.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    private JsonObject page(int page, int size) {
        String bearer = session.bearer();
        return ServiceFailure.call("notifications", () -> apis.notifications().emails(blank(orderId), blank(
                recipient), page, size, bearer));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Opens one email with its text. */
    public void open(String id) {
        try {
            String bearer = session.bearer();
            email = StoredJson.of(ServiceFailure.call("notifications", () -> apis.notifications().email(id,
                    bearer)));
        } catch (ServiceFailure failure) {
            email = null;
            StaffActions.error("emails", failure.getMessage());
        }
    }

    public LazyDataModel<JsonObject> getEmails() {
        return emails;
    }

    public JsonObject getEmail() {
        return email;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }
}
