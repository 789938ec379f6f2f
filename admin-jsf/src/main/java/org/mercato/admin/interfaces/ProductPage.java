package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs product.xhtml: creates a product or edits one (fields, attributes, variants with prices; optimistic
 * locking: the version edited travels with the update, a stale one is refused by the catalog), uploads pictures
 * and archives it.
 */
@Named
@ViewScoped
public class ProductPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> PICTURES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String id;
    private JsonObject product;
    private ProductForm form = new ProductForm();
    private List<Formats.Pair> categories = List.of();

    /** f:viewAction: the product to edit, or an empty form for a new one. */
    public void load() {
        try {
            categories = categoryChoices(ServiceFailure.call("catalog", () -> apis.catalog().categories()), "");
        } catch (ServiceFailure failure) {
            StaffActions.error("product", failure.getMessage());
        }
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            String bearer = session.bearer();
            product = StoredJson.of(ServiceFailure.call("catalog", () -> apis.catalog().product(id, bearer)));
            form = ProductForm.of(product);
        } catch (ServiceFailure failure) {
            StaffActions.error("product", failure.status() == 404
                    ? "There is no product " + id + "."
                    : failure
                            .getMessage());
        }
    }

    /** The category tree as (id, "Parent / Child") pairs. */
    static List<Formats.Pair> categoryChoices(JsonArray tree, String prefix) {
        List<Formats.Pair> flat = new ArrayList<>();
        for (JsonValue value : tree) {
            JsonObject node = value.asJsonObject();
            String label = prefix + node.getString("name");
            flat.add(new Formats.Pair(node.getString("id"), label));
            JsonArray children = node.getJsonArray("children");
            if (children != null) {
                flat.addAll(categoryChoices(children, label + " / "));
            }
        }
        return flat;
    }

    public String save() {
        JsonObject body;
        try {
            body = form.toJson();
        } catch (IllegalArgumentException unreadable) {
            StaffActions.error("product", unreadable.getMessage());
            return null;
        }
        boolean creating = product == null;
        try {
            String bearer = session.bearer();
            JsonObject saved = creating
                    ? ServiceFailure.call("catalog", () -> apis.catalog().create(body, bearer))
                    : ServiceFailure.call("catalog", () -> apis.catalog().update(id, body, bearer));
            actions.audit((creating ? "created product " : "updated product ") + saved.getString("id"));
            StaffActions.info(creating ? "Product created." : "Product saved.");
            if (creating) {
                return "/product?faces-redirect=true&id=" + saved.getString("id");
            }
            product = StoredJson.of(saved);
            form = ProductForm.of(saved);
        } catch (ServiceFailure failure) {
            actions.auditRefused(creating ? "create a product" : "update product " + id, failure);
            StaffActions.error("product", failure.status() == 409
                    ? "Someone changed this product meanwhile: reload it and make your change again. ("
                            + failure.getMessage() + ")"
                    : failure.getMessage());
        }
        return null;
    }

    public void archive() {
        try {
            String bearer = session.bearer();
            ServiceFailure.run("catalog", () -> apis.catalog().archive(id, bearer));
            actions.audit("archived product " + id);
            StaffActions.info("Product archived: it left the shop.");
        } catch (ServiceFailure failure) {
            actions.auditRefused("archive product " + id, failure);
            StaffActions.error("product", failure.getMessage());
        }
        load();
    }

    /** p:fileUpload: a picture goes to the catalog, which checks its bytes and makes the smaller copies. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (!PICTURES.contains(type)) {
            StaffActions.error("images", "Pictures must be JPEG, PNG, GIF or WebP.");
            return;
        }
        try {
            String bearer = session.bearer();
            byte[] bytes = file.getContent();
            String alt = form.getName();
            JsonObject image = ServiceFailure.call("catalog", () -> apis.catalog().addImage(id, alt, type, bytes,
                    bearer));
            actions.audit("added picture " + image.getString("id") + " to product " + id);
            StaffActions.info("Picture added.");
        } catch (ServiceFailure failure) {
            actions.auditRefused("add a picture to product " + id, failure);
            StaffActions.error("images", failure.getMessage());
        }
        load();
    }

    public void removeImage(String imageId) {
        try {
            String bearer = session.bearer();
            ServiceFailure.run("catalog", () -> apis.catalog().removeImage(id, imageId, bearer));
            actions.audit("removed picture " + imageId + " from product " + id);
        } catch (ServiceFailure failure) {
            actions.auditRefused("remove picture " + imageId, failure);
            StaffActions.error("images", failure.getMessage());
        }
        load();
    }

    /**
     * Moves a picture one place earlier ({@code -1}) or later ({@code +1}); the first picture is the product's main
     * one in listings and search.
     */
    public void moveImage(String imageId, int by) {
        List<String> order = new java.util.ArrayList<>(getImages().stream().map(i -> i.getString("id")).toList());
        int from = order.indexOf(imageId);
        int to = from + by;
        if (from < 0 || to < 0 || to >= order.size()) {
            return;
        }
        java.util.Collections.swap(order, from, to);
        try {
            String bearer = session.bearer();
            jakarta.json.JsonObject body = jakarta.json.Json.createObjectBuilder()
                    .add("imageIds", jakarta.json.Json.createArrayBuilder(order))
                    .build();
            ServiceFailure.run("catalog", () -> apis.catalog().reorderImages(id, body, bearer));
            actions.audit("moved picture " + imageId + " of product " + id + " to place " + (to + 1));
        } catch (ServiceFailure failure) {
            actions.auditRefused("reorder the pictures of product " + id, failure);
            StaffActions.error("images", failure.getMessage());
        }
        load();
    }

    public boolean isExisting() {
        return product != null;
    }

    public boolean isArchived() {
        return product != null && "ARCHIVED".equals(product.getString("status"));
    }

    public List<JsonObject> getImages() {
        return product == null ? List.of() : product.getJsonArray("images").getValuesAs(JsonObject.class);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public JsonObject getProduct() {
        return product;
    }

    public ProductForm getForm() {
        return form;
    }

    public List<Formats.Pair> getCategories() {
        return categories;
    }
}
