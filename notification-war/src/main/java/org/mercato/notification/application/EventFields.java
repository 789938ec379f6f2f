package org.mercato.notification.application;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.mercato.messaging.RejectedMessageException;
import org.mercato.platform.json.TextRules;
import org.mercato.platform.money.Money;

/**
 * Reads one JSON object of an event body, nested objects included, and refuses what it cannot use with a
 * {@link RejectedMessageException} naming the field's path ("OrderPlaced: lines[0].unitPrice.currency ..."), the
 * reason an operator reads on the dead-letter queue.
 */
final class EventFields {

    private final String eventType;
    private final String path;
    private final JsonObject json;

    EventFields(String eventType, String path, JsonObject json) {
        this.eventType = eventType;
        this.path = path;
        this.json = json;
    }

    static EventFields of(String eventType, JsonObject body) {
        return new EventFields(eventType, "", body);
    }

    RejectedMessageException refused(String name, String problem) {
        return new RejectedMessageException(eventType + ": " + path + name + " " + problem);
    }

    String string(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw refused(name, "is missing");
        }
        return value;
    }

    /** A string, or null when absent, null or blank. */
    String optionalString(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw refused(name, "must be a string");
        }
        return text.getString().isBlank() ? null : text.getString();
    }

    /** A string of at most {@code max} characters, without line breaks or other control characters. */
    String line(String name, int max) {
        return checkedLine(name, string(name), max);
    }

    String optionalLine(String name, int max) {
        String value = optionalString(name);
        return value == null ? null : checkedLine(name, value, max);
    }

    private String checkedLine(String name, String value, int max) {
        if (value.length() > max) {
            throw refused(name, "must have at most " + max + " characters");
        }
        // the platform's one rule for text (control characters and unpaired surrogates), on one line
        String refusal = TextRules.refusal(value, false);
        if (refusal != null) {
            throw refused(name, refusal);
        }
        return value;
    }

    boolean optionalBoolean(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw refused(name, "must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    int wholeNumber(String name, int min, int max) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw refused(name, "must be a whole number");
        }
        BigInteger n = number.bigIntegerValue();
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw refused(name, "must be between " + min + " and " + max);
        }
        return n.intValue();
    }

    Instant optionalInstant(String name) {
        String value = optionalString(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw refused(name, "must be an ISO-8601 instant");
        }
    }

    EventFields object(String name) {
        EventFields object = optionalObject(name);
        if (object == null) {
            throw refused(name, "is missing");
        }
        return object;
    }

    EventFields optionalObject(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw refused(name, "must be an object");
        }
        return new EventFields(eventType, path + name + ".", object);
    }

    /** The objects of an array; an absent array is empty. */
    List<EventFields> objects(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw refused(name, "must be an array");
        }
        List<EventFields> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject object)) {
                throw refused(name + "[" + i + "]", "must be an object");
            }
            objects.add(new EventFields(eventType, path + name + "[" + i + "].", object));
        }
        return objects;
    }

    /** {@code {"amount": <minor units>, "currency": "EUR"}}. */
    Money money(String name) {
        EventFields money = object(name);
        JsonValue amount = money.json.get("amount");
        if (!(amount instanceof JsonNumber number) || !number.isIntegral()) {
            throw money.refused("amount", "must be a whole number of minor units");
        }
        String currency = money.string("currency");
        if (!Money.isCurrency(currency)) {
            throw money.refused("currency", "must be an ISO 4217 code");
        }
        try {
            return new Money(number.longValueExact(), currency);
        } catch (ArithmeticException tooBig) {
            throw money.refused("amount", "is out of range");
        }
    }

    Money optionalMoney(String name) {
        return optionalObject(name) == null ? null : money(name);
    }
}
