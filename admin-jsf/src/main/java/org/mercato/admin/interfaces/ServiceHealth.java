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
