package org.mercato.catalog.infrastructure.search;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.search.engine.environment.bean.BeanReference;

/**
 * Where the product index lives, chosen by configuration ({@code mercato.catalog.search.backend}): {@code lucene}
 * (embedded, index files on disk; the default) or {@code elasticsearch} (a server speaking the Elasticsearch
 * protocol: OpenSearch 2.x or Elasticsearch 8).
 */
public record SearchBackend(Kind kind, Path indexDirectory, String hosts, String protocol, String username,
        String password) {

    public enum Kind {
        LUCENE, ELASTICSEARCH
    }

    public static SearchBackend lucene(Path indexDirectory) {
        return new SearchBackend(Kind.LUCENE, indexDirectory.toAbsolutePath(), null, null, null, null);
    }

    /** @param hosts comma-separated host:port list */
    public static SearchBackend elasticsearch(String hosts, String protocol, String username, String password) {
        return new SearchBackend(Kind.ELASTICSEARCH, null, hosts, protocol, username, password);
    }

    /** Parses the configured backend name; anything else is a configuration error operators must see at start. */
    public static Kind kind(String name) {
        return switch (name.trim().toLowerCase()) {
            case "lucene" -> Kind.LUCENE;
            case "elasticsearch", "opensearch" -> Kind.ELASTICSEARCH;
            default -> throw new IllegalArgumentException(
                    "mercato.catalog.search.backend must be lucene or elasticsearch, not " + name);
        };
    }

    /** Hibernate Search backend properties (without the "hibernate.search.backend." prefix). */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (kind == Kind.LUCENE) {
            properties.put("type", "lucene");
            properties.put("directory.root", indexDirectory.toString());
            properties.put("analysis.configurer", BeanReference.ofInstance(new LuceneCatalogAnalysis()));
        } else {
            properties.put("type", "elasticsearch");
            properties.put("hosts", hosts);
            properties.put("protocol", protocol);
            if (username != null && !username.isBlank()) {
                properties.put("username", username);
                properties.put("password", password);
            }
            properties.put("analysis.configurer", BeanReference.ofInstance(new ElasticsearchCatalogAnalysis()));
        }
        return properties;
    }

    /** For the log: where the index is, never the password. */
    public String describe() {
        return kind == Kind.LUCENE
                ? "Lucene in " + indexDirectory
                : "Elasticsearch protocol at " + protocol + "://"
                        + hosts;
    }

    @Override
    public String toString() {
        return describe();
    }
}
