package org.mercato.messaging.events;

import java.lang.reflect.Type;
import java.math.BigDecimal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

/**
 * JSON-B's default readers coerce: 2.5 becomes 2 for a whole number, 7 becomes "7" for a string, "true" a
 * boolean. An event body is a contract, so these readers take a JSON value of the declared type only, and
 * anything else makes the body unreadable (and the message rejected) instead of misread.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static JsonbDeserializer<?>[] all() {
        return new JsonbDeserializer<?>[]{new Text(), new WholeLong(), new WholeInteger(), new Flag()};
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonString text)) {
                throw new JsonbException("a string was expected, not " + value.getValueType());
            }
            return text.getString();
        }
    }

    static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            BigDecimal value = whole(parser);
            return value == null ? null : value.longValueExact();
        }
    }

    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            BigDecimal value = whole(parser);
            try {
                return value == null ? null : value.intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("a whole number up to " + Integer.MAX_VALUE + " was expected, not " + value);
            }
        }
    }

    static final class Flag implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new JsonbException("true or false was expected, not " + value.getValueType());
        }
    }

    /** The whole number at the parser, or null for JSON null. */
    private static BigDecimal whole(JsonParser parser) {
        JsonValue json = parser.getValue();
        if (json == JsonValue.NULL) {
            return null;
        }
        if (!(json instanceof JsonNumber number)) {
            throw new JsonbException("a whole number was expected, not " + json.getValueType());
        }
        BigDecimal value = number.bigDecimalValue();
        try {
            value.longValueExact();
            return value;
        } catch (ArithmeticException e) {
            // the reason, not the arithmetic's "Rounding necessary"
            throw new JsonbException("a whole number was expected, not " + value);
        }
    }
}
