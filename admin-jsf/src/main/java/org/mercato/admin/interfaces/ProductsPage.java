package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs products.xhtml: the catalog's search, a page at a time, by text, category and brand, sorted by relevance,
 * price or newest. The catalog search lists active products only; drafts and archived products are opened by
 * their page (the product editor).
 */
@Named
@ViewScoped
public class ProductsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    private String text;
    private String category;
    private String brand;
    private String status = "any";
    private List<Formats.Pair> categories = List.of();

    private final LazyDataModel<JsonObject> products = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) search(0, 1, null).getJsonNumber("total").longValue();
            } catch (ServiceFailure failure) {
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                String sort = sortBy.values().stream().filter(s -> "price".equals(s.getField())).findFirst()
                        .map(s -> s.getOrder() == SortOrder.DESCENDING ? "price_desc" : "price_asc")
                        .orElse(sortBy.values().stream().anyMatch(s -> "createdAt".equals(s.getField()))
                                ? "newest"
                                : "relevance");
                JsonObject page = search(first / pageSize, pageSize, sort);
                setRowCount((int) page.getJsonNumber("total").longValue());
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("products", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject product) {
            return product.getString("id");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    @PostConstruct
    void loadCategories() {
        try {
            categories = flatten(ServiceFailure.call("catalog", () -> apis.catalog().categories()), "");
        } catch (ServiceFailure failure) {
            StaffActions.error("products", failure.getMessage());
        }
    }

    /** The category tree as (slug, "Parent / Child") pairs, depth first. */
    static List<Formats.Pair> flatten(JsonArray tree, String prefix) {
        List<Formats.Pair> flat = new ArrayList<>();
        for (JsonValue value : tree) {
            JsonObject node = value.asJsonObject();
            String label = prefix + node.getString("name");
            flat.add(new Formats.Pair(node.getString("slug"), label));
            JsonArray children = node.getJsonArray("children");
            if (children != null && !children.isEmpty()) {
                flat.addAll(flatten(children, label + " / "));
            }
        }
        return flat;
    }

    private JsonObject search(int page, int size, String sort) {
        String bearer = session.bearer();
        String wanted = blank(status);
        return ServiceFailure.call("catalog", () -> apis.catalog().products(blank(text), blank(category), blank(
                brand), wanted, sort, page, size, bearer));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public LazyDataModel<JsonObject> getProducts() {
        return products;
    }

    public List<Formats.Pair> getCategories() {
        return categories;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    /** The catalog's product statuses staff may list: active, draft, archived or any. */
    public List<String> getStatuses() {
        return List.of("any", "active", "draft", "archived");
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }
}
