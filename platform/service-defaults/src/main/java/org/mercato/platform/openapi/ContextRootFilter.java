package org.mercato.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Payara's {@code /openapi} merges the documents of every WAR of an instance with paths relative to each WAR
 * ({@code /api/status} of nine services became one path). This filter, set for every service by
 * {@code mp.openapi.filter}, writes each service's paths with its context root ({@code /users/api/...}) and one
 * server at the root, so the merged view is right. Each service's own, complete document is
 * {@code GET <service>/api/openapi} ({@link ApiDescriptionResource}).
 */
public class ContextRootFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String root = ConfigProvider.getConfig().getOptionalValue("mercato.service.name", String.class)
                .orElse(null);
        Paths paths = openAPI.getPaths();
        if (root == null || paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = new LinkedHashMap<>(paths.getPathItems());
        for (Map.Entry<String, PathItem> item : items.entrySet()) {
            paths.removePathItem(item.getKey());
        }
        for (Map.Entry<String, PathItem> item : items.entrySet()) {
            String path = item.getKey().startsWith("/" + root + "/") ? item.getKey() : "/" + root + item.getKey();
            paths.addPathItem(path, item.getValue());
        }
        openAPI.setServers(List.of(OASFactory.createServer().url("/")));
    }
}
