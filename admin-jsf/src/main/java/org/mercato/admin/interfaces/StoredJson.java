package org.mercato.admin.interfaces;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringReader;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonReader;

/**
 * A service's JSON answer as a console page keeps it between requests. Staff sessions, with the view-scoped pages
 * in them, are replicated through the Hazelcast data grid so that another console instance can serve the next
 * request; the JSON-P values the REST clients return are not {@link Serializable}, so a page keeps its JSON as a
 * {@code StoredJson}: the same object, written to the grid as its JSON text and read back from it.
 */
public final class StoredJson extends AbstractMap<String, JsonValue> implements JsonObject, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient JsonObject json;

    private StoredJson(JsonObject json) {
        this.json = json;
    }

    /** The object as a page may keep it; null stays null. */
    public static JsonObject of(JsonObject json) {
        return json == null || json instanceof StoredJson ? json : new StoredJson(json);
    }

    /** The array's objects, each as a page may keep it, in a serializable list. */
    public static List<JsonObject> list(JsonArray array) {
        List<JsonObject> items = new ArrayList<>();
        if (array != null) {
            array.getValuesAs(JsonObject.class).forEach(item -> items.add(of(item)));
        }
        return items;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(json.toString());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try (JsonReader reader = Json.createReader(new StringReader((String) in.readObject()))) {
            json = reader.readObject();
        }
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return json.entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        return json.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return json.containsKey(key);
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return json.getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return json.getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return json.getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return json.getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return json.getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return json.getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return json.getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return json.getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return json.getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return json.getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return json.isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
