package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Backs orders.xhtml: every customer's orders, a page at a time from the orders API's staff search
 * ({@code all=true}): by order number (the whole id or its first characters), the start of the customer's email,
 * status and the days placed (inclusive, UTC), sorted by time placed, total or status; a whole order number opens
 * that order.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> STATUSES = List.of("PENDING", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "FAILED",
            "CANCELLED", "REFUNDED");
    /** The table's sortable columns and the orders API's sort keys for them. */
    static final Map<String, String> SORT_KEYS = Map.of("createdAt", "created", "total", "total", "status",
            "status");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    private String status;
    private String number;
    private String email;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<JsonObject> orders = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) total(page(0, 1, null));
            } catch (ServiceFailure failure) {
                StaffActions.error("orders", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                JsonObject page = page(first / pageSize, pageSize, sort(sortBy));
                setRowCount((int) total(page));
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("orders", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject order) {
            return order.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    /** The orders API's {@code sort} for the table's sorted column ({@code -created}, {@code total}, ...). */
    static String sort(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream().filter(s -> SORT_KEYS.containsKey(s.getField())).findFirst()
                .map(s -> (s.getOrder() == SortOrder.ASCENDING ? "" : "-") + SORT_KEYS.get(s.getField()))
                .orElse(null);
    }

    private JsonObject page(int page, int size, String sort) {
        String bearer = session.bearer();
        String wanted = blank(status);
        String prefix = blank(number);
        String customer = blank(email);
        String since = from == null ? null : from.toString();
        String until = to == null ? null : to.toString();
        return ServiceFailure.call("orders", () -> apis.orders().search(true, prefix, customer, wanted, since, until,
                sort, page, size, bearer));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static long total(JsonObject page) {
        return page.getJsonNumber("total").longValue();
    }

    /** Opens the order with this whole number (its id), if there is one. */
    public String open() {
        String id = number == null ? "" : number.trim();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            StaffActions.error("orders", "To open an order, give its whole number, like "
                    + "0b9f3c1e-8a2d-4f6b-9c51-2f8e7d6a4b10; Search finds orders by its first characters.");
            return null;
        }
        try {
            String bearer = session.bearer();
            ServiceFailure.call("orders", () -> apis.orders().order(id, bearer));
            return "/order?faces-redirect=true&id=" + id;
        } catch (ServiceFailure failure) {
            StaffActions.error("orders", failure.status() == 404
                    ? "There is no order " + id + "."
                    : failure.getMessage());
            return null;
        }
    }

    public LazyDataModel<JsonObject> getOrders() {
        return orders;
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
