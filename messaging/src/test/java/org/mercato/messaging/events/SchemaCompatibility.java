package org.mercato.messaging.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The compatibility rule of Mercato's event contracts (docs/events.md, "Versions"): within one
 * {@code schemaVersion}, a body's schema may only gain optional properties. Removing a property, adding or
 * dropping a required one, making a field nullable or not, changing a type, format or pattern breaks the readers
 * or the producers of the released version, and needs a new {@code schemaVersion} (a new schema file), published
 * beside the old one.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** What the current schema breaks of the released one; empty when compatible. */
    static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", released, released, current, current, problems);
        return problems;
    }

    private static void compare(String at, JsonNode releasedRoot, JsonNode released, JsonNode currentRoot,
            JsonNode current, List<String> problems) {
        JsonNode was = resolve(releasedRoot, released);
        JsonNode is = resolve(currentRoot, current);
        if (!types(was).equals(types(is))) {
            problems.add(at + ": type changed from " + types(was) + " to " + types(is));
            return;
        }
        for (String keyword : List.of("format", "pattern", "const")) {
            if (!was.path(keyword).equals(is.path(keyword))) {
                problems.add(at + ": " + keyword + " changed from " + was.path(keyword) + " to " + is.path(keyword));
            }
        }
        Set<String> requiredBefore = names(was.path("required"));
        Set<String> requiredNow = names(is.path("required"));
        for (String name : requiredNow) {
            if (!requiredBefore.contains(name)) {
                problems.add(at + "." + name + ": became required");
            }
        }
        for (String name : requiredBefore) {
            if (!requiredNow.contains(name)) {
                problems.add(at + "." + name + ": is no longer required");
            }
        }
        for (Iterator<String> it = was.path("properties").fieldNames(); it.hasNext();) {
            String name = it.next();
            JsonNode now = is.path("properties").get(name);
            if (now == null) {
                problems.add(at + "." + name + ": removed");
            } else {
                compare(at + "." + name, releasedRoot, was.path("properties").get(name), currentRoot, now, problems);
            }
        }
        if (was.has("items")) {
            compare(at + "[]", releasedRoot, was.get("items"), currentRoot, is.path("items"), problems);
        }
        if (was.path("additionalProperties").isObject()) {
            compare(at + "{}", releasedRoot, was.get("additionalProperties"), currentRoot, is.path(
                    "additionalProperties"), problems);
        }
    }

    /** Follows a local {@code $ref} ("#/$defs/Name"). */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asText().substring(1));
    }

    /** The types a schema allows, as a sorted set ("null" included when nullable). */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        JsonNode anyOf = schema.path("anyOf");
        anyOf.forEach(option -> types.addAll(types(option.has("$ref") ? option : option)));
        if (anyOf.size() > 0) {
            anyOf.forEach(option -> {
                if (option.has("$ref")) {
                    types.add("ref:" + option.get("$ref").asText());
                }
            });
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
