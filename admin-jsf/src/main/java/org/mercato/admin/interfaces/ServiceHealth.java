package org.mercato.admin.interfaces;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One readiness check as the dashboard shows it; a class with getters because Faces EL cannot read records. */
public class ServiceHealth {

    private final String name;
    private final String status;

    public ServiceHealth(String name, String status) {
        this.name = name;
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public boolean isUp() {
        return "UP".equals(status);
    }

    /**
     * What a readiness URL that did not answer is shown as: its service and "unreachable", e.g.
     * {@code http://gw:8081/users/health/ready} is {@code users-unreachable}.
     */
    static String nameOf(String url) {
        String path = java.net.URI.create(url).getPath();
        String[] parts = path.split("/");
        String service = parts.length > 2 && !parts[1].equals("health") ? parts[1] : "platform";
        return service + "-unreachable";
    }

    /** Reads MicroProfile Health's {@code {"status":..,"checks":[{"name":..,"status":..}]}}. */
    static List<ServiceHealth> fromHealthJson(JsonObject health) {
        List<ServiceHealth> checks = new ArrayList<>();
        for (JsonValue value : health.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            checks.add(new ServiceHealth(check.getString("name"), check.getString("status")));
        }
        checks.sort(java.util.Comparator.comparing(ServiceHealth::getName));
        return checks;
    }
}
