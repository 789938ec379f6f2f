package org.mercato.platform.json;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * The parser limits every JSON request body of every service is read under, set once here: nesting depth, length
 * of one string, of one number and of a property name. The document size is the request-size limit
 * ({@code mercato.http.max-body-bytes}, or a method's {@code @BodyLimit}). A body past a limit, or not JSON at all,
 * is a 400 problem (never a parser's stack overflow or a 500).
 */
public final class JsonLimits {

    /** Deepest nesting of arrays and objects accepted (the deepest Mercato body needs 4). */
    public static final int MAX_DEPTH = 32;
    /** Longest string value, in characters (a product description may have 10,000). */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest property name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest number, in characters: a long has at most 19 digits and a sign. */
    public static final int MAX_NUMBER_LENGTH = 40;

    private JsonLimits() {
    }

    /**
     * Parses a whole document within the limits, in one streaming pass (no recursion, so no depth can overflow a
     * stack). A property named twice in one object is refused (parsers disagree on which one wins). A number
     * written with a fraction or an exponent ({@code 2.0}, {@code 2e0}) keeps a fraction digit in the tree, so
     * that {@link StrictJsonBinding} can tell it from an integer ({@code 2}).
     *
     * @return the document, or null for an empty body
     * @throws ProblemException 400 {@code malformed-json} or {@code json-limit}
     */
    public static JsonValue parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Deque<Object> open = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        Deque<Set<String>> names = new ArrayDeque<>();
        JsonValue[] document = new JsonValue[1];
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (document[0] != null) {
                    throw malformed("unexpected content after the JSON document", parser.getLocation());
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw limit("nesting deeper than " + MAX_DEPTH + " levels", parser.getLocation());
                        }
                        if (event == JsonParser.Event.START_OBJECT) {
                            open.push(Json.createObjectBuilder());
                            names.push(new HashSet<>());
                        } else {
                            open.push(Json.createArrayBuilder());
                        }
                    }
                    case END_OBJECT -> {
                        names.pop();
                        add(open, keys, document, ((JsonObjectBuilder) open.pop()).build());
                    }
                    case END_ARRAY -> add(open, keys, document, ((JsonArrayBuilder) open.pop()).build());
                    case KEY_NAME -> {
                        String name = parser.getString();
                        if (name.length() > MAX_NAME_LENGTH) {
                            throw limit("a property name longer than " + MAX_NAME_LENGTH + " characters",
                                    parser.getLocation());
                        }
                        if (!names.peek().add(name)) {
                            throw malformed("a property is named twice in one object", parser.getLocation());
                        }
                        keys.push(name);
                    }
                    case VALUE_STRING -> {
                        String text = parser.getString();
                        if (text.length() > MAX_STRING_LENGTH) {
                            throw limit("a string longer than " + MAX_STRING_LENGTH + " characters",
                                    parser.getLocation());
                        }
                        add(open, keys, document, Json.createValue(text));
                    }
                    case VALUE_NUMBER -> {
                        String text = parser.getString();
                        if (text.length() > MAX_NUMBER_LENGTH) {
                            throw limit("a number longer than " + MAX_NUMBER_LENGTH + " characters",
                                    parser.getLocation());
                        }
                        add(open, keys, document, number(text));
                    }
                    case VALUE_TRUE -> add(open, keys, document, JsonValue.TRUE);
                    case VALUE_FALSE -> add(open, keys, document, JsonValue.FALSE);
                    case VALUE_NULL -> add(open, keys, document, JsonValue.NULL);
                    default -> throw malformed("unexpected " + event, parser.getLocation());
                }
            }
        } catch (JsonParsingException e) {
            throw malformed(e.getMessage(), e.getLocation());
        } catch (jakarta.json.JsonException | java.util.NoSuchElementException e) {
            throw malformed(e.getMessage(), null);
        }
        if (document[0] == null) {
            throw malformed("the document ends too early", null);
        }
        return document[0];
    }

    private static void add(Deque<Object> open, Deque<String> keys, JsonValue[] document, JsonValue value) {
        Object parent = open.peek();
        if (parent == null) {
            document[0] = value;
        } else if (parent instanceof JsonObjectBuilder object) {
            object.add(keys.pop(), value);
        } else {
            ((JsonArrayBuilder) parent).add(value);
        }
    }

    private static JsonNumber number(String text) {
        if (text.matches("-?[0-9]+")) {
            return Json.createValue(new BigInteger(text));
        }
        BigDecimal value = new BigDecimal(text);
        if (Math.abs(value.scale()) > 100) {
            // 1e999999999 is short to write but would take a gigabyte to expand
            throw limit("a number with an exponent beyond 100", null);
        }
        return Json.createValue(value.scale() < 1 ? value.setScale(1) : value);
    }

    static ProblemException malformed(String reason, JsonLocation where) {
        return new ProblemException(Problem.of(400, "malformed-json", "Malformed request body",
                "The request body is not valid JSON" + at(where)).withErrors(
                        List.of(new Problem.FieldError("body",
                                reason == null ? "not valid JSON" : shorten(reason)))));
    }

    static ProblemException limit(String what, JsonLocation where) {
        return new ProblemException(Problem.of(400, "json-limit", "Request body past a limit",
                "The request body has " + shorten(what) + at(where)));
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNumber() < 0
                ? ""
                : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
