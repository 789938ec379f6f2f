package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import jakarta.json.JsonObjectBuilder;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs stock.xhtml: the stock of SKUs found by product search (or of one product, or one SKU typed in), with a
 * low-stock filter; one SKU's warehouses and movements; and adjusting it, in or out or as a count, with a reason
 * and an Idempotency-Key per confirmation (a double click changes stock once).
 */
@Named
@ViewScoped
public class StockPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Products whose SKUs one search lists; each needs a catalog read. */
    static final int PRODUCTS_PER_SEARCH = 20;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String text;
    private String product;
    private String sku;
    private boolean lowOnly;
    private int threshold = 5;
    private List<StockRow> rows = List.of();
    private String prefix;
    private String levelWarehouse;

    /** Every SKU's stock per warehouse from the inventory API's staff list: SKU prefix, warehouse, low stock. */
    private final LazyDataModel<JsonObject> levels = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) levels(0, 1, null).getJsonNumber("total").longValue();
            } catch (ServiceFailure failure) {
                StaffActions.error("levels", failure.getMessage());
                return 0;
            }
        }

        @Override
        public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                String sort = sortBy.values().stream().findFirst().map(o -> (o.getOrder() == SortOrder.DESCENDING
                        ? "-"
                        : "") + o.getField()).orElse(null);
                JsonObject page = levels(first / pageSize, pageSize, sort);
                setRowCount((int) page.getJsonNumber("total").longValue());
                return StoredJson.list(page.getJsonArray("items"));
            } catch (ServiceFailure failure) {
                StaffActions.error("levels", failure.getMessage());
                return List.of();
            }
        }

        @Override
        public String getRowKey(JsonObject level) {
            return level.getString("sku") + "@" + level.getString("warehouse");
        }

        @Override
        public JsonObject getRowData(String rowKey) {
            return null;
        }
    };

    private JsonObject levels(int page, int size, String sort) {
        String bearer = session.bearer();
        String skuPrefix = blank(prefix);
        String wanted = blank(levelWarehouse);
        Boolean low = lowOnly ? Boolean.TRUE : null;
        Integer below = lowOnly ? threshold : null;
        return ServiceFailure.call("inventory", () -> apis.inventory().stockList(skuPrefix, low, below, wanted, sort,
                page, size, bearer));
    }

    private JsonObject stock;
    private List<JsonObject> movements = List.of();

    private String mode = "adjustBy";
    private Integer quantity;
    private String warehouse;
    private String reason;
    private String actionKey;

    /** One SKU as the list shows it; a class with getters because Faces EL cannot read records. */
    public static class StockRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String sku;
        private final String productId;
        private final String productName;
        private final String attributes;
        private final long available;

        StockRow(String sku, String productId, String productName, String attributes, long available) {
            this.sku = sku;
            this.productId = productId;
            this.productName = productName;
            this.attributes = attributes;
            this.available = available;
        }

        public String getSku() {
            return sku;
        }

        public String getProductId() {
            return productId;
        }

        public String getProductName() {
            return productName;
        }

        public String getAttributes() {
            return attributes;
        }

        public long getAvailable() {
            return available;
        }
    }

    /** f:viewAction: a product's SKUs when the page is opened from the product editor, or one SKU. */
    public void open() {
        if (product == null && sku != null && !sku.isBlank()) {
            select(sku.strip());
        }
        if (product != null && !product.isBlank()) {
            try {
                String bearer = session.bearer();
                JsonObject found = ServiceFailure.call("catalog", () -> apis.catalog().product(product, bearer));
                rows = withAvailability(skusOf(List.of(found)));
            } catch (ServiceFailure failure) {
                StaffActions.error("stock", failure.getMessage());
            }
        }
    }

    /** The SKUs of the products matching the search (or the SKU typed in), with what is available of each. */
    public void search() {
        stock = null;
        try {
            String bearer = session.bearer();
            Map<String, String[]> skus;
            if (sku != null && !sku.isBlank()) {
                skus = new LinkedHashMap<>();
                skus.put(sku.strip().toUpperCase(Locale.ROOT), new String[]{null, "", ""});
            } else {
                List<JsonObject> hits = ServiceFailure.call("catalog", () -> apis.catalog().products(blank(text), null,
                        null, blank(text) == null ? "newest" : null, 0, PRODUCTS_PER_SEARCH, bearer))
                        .getJsonArray("items").getValuesAs(JsonObject.class);
                List<JsonObject> products = new ArrayList<>();
                for (JsonObject hit : hits) {
                    products.add(ServiceFailure.call("catalog", () -> apis.catalog().product(hit.getString("id"),
                            bearer)));
                }
                skus = skusOf(products);
            }
            rows = withAvailability(skus);
        } catch (ServiceFailure failure) {
            rows = List.of();
            StaffActions.error("stock", failure.getMessage());
        }
    }

    private static Map<String, String[]> skusOf(List<JsonObject> products) {
        Map<String, String[]> skus = new LinkedHashMap<>();
        Formats fmt = new Formats();
        for (JsonObject p : products) {
            for (JsonObject variant : p.getJsonArray("variants").getValuesAs(JsonObject.class)) {
                skus.put(variant.getString("sku"), new String[]{p.getString("id"), p.getString("name"), fmt
                        .attributes(variant.getJsonObject("attributes"))});
            }
        }
        return skus;
    }

    private List<StockRow> withAvailability(Map<String, String[]> skus) {
        List<StockRow> found = new ArrayList<>();
        if (skus.isEmpty()) {
            return found;
        }
        List<String> codes = new ArrayList<>(skus.keySet()).subList(0, Math.min(100, skus.size()));
        JsonObject availability = ServiceFailure.call("inventory", () -> apis.inventory().availability(codes));
        for (JsonObject item : availability.getJsonArray("items").getValuesAs(JsonObject.class)) {
            String[] about = skus.get(item.getString("sku"));
            found.add(new StockRow(item.getString("sku"), about[0], about[1], about[2], item.getJsonNumber(
                    "available").longValue()));
        }
        return found;
    }

    /** The rows shown: all, or with the low-stock filter those below the threshold (the StockLow rule). */
    public List<StockRow> getShown() {
        return lowOnly ? rows.stream().filter(r -> r.getAvailable() < threshold).toList() : rows;
    }

    public LazyDataModel<JsonObject> getLevels() {
        return levels;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getLevelWarehouse() {
        return levelWarehouse;
    }

    public void setLevelWarehouse(String levelWarehouse) {
        this.levelWarehouse = levelWarehouse;
    }

    /** Opens one SKU: its warehouses and latest movements. */
    public void select(String code) {
        sku = code;
        loadStock();
    }

    private void loadStock() {
        try {
            String bearer = session.bearer();
            stock = StoredJson.of(ServiceFailure.call("inventory", () -> apis.inventory().stock(sku, bearer)));
            movements = StoredJson.list(ServiceFailure.call("inventory", () -> apis.inventory().movements(sku, 0, 50,
                    bearer)).getJsonArray("items"));
        } catch (ServiceFailure failure) {
            stock = null;
            movements = List.of();
            StaffActions.error("sku", failure.getMessage());
        }
    }

    /** The adjust dialog opens: a fresh key, fields cleared. */
    public void prepare() {
        actionKey = UUID.randomUUID().toString();
        quantity = null;
        reason = null;
        mode = "adjustBy";
    }

    public void adjust() {
        if (quantity == null) {
            StaffActions.error("Enter a quantity.");
            return;
        }
        if (reason == null || reason.isBlank()) {
            StaffActions.error("Say why the stock changes.");
            return;
        }
        if ("onHand".equals(mode) && quantity < 0) {
            StaffActions.error("A count cannot be negative.");
            return;
        }
        JsonObjectBuilder change = Json.createObjectBuilder().add(mode.equals("onHand") ? "onHand" : "adjustBy",
                quantity).add("reason", reason.strip());
        if (warehouse != null && !warehouse.isBlank()) {
            change.add("warehouse", warehouse.strip());
        }
        String what = (mode.equals("onHand") ? "set on-hand of " + sku + " to " : "adjusted " + sku + " by ")
                + quantity;
        try {
            String bearer = session.bearer();
            String key = actionKey == null ? UUID.randomUUID().toString() : actionKey;
            ServiceFailure.call("inventory", () -> apis.inventory().change(sku, change.build(), key, bearer));
            actions.audit(what);
            StaffActions.info("Stock of " + sku + " changed.");
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error(failure.getMessage());
        }
        loadStock();
        rows = rows.stream().map(r -> r.getSku().equals(sku) && stock != null
                ? new StockRow(r.sku, r.productId, r.productName, r.attributes, stock.getJsonNumber("available")
                        .longValue())
                : r).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public boolean isLowOnly() {
        return lowOnly;
    }

    public void setLowOnly(boolean lowOnly) {
        this.lowOnly = lowOnly;
    }

    public int getThreshold() {
        return threshold;
    }

    public void setThreshold(int threshold) {
        this.threshold = threshold;
    }

    public JsonObject getStock() {
        return stock;
    }

    public List<JsonObject> getMovements() {
        return movements;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
