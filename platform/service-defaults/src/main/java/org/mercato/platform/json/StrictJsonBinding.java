package org.mercato.platform.json;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import org.mercato.platform.problem.Problem;

/**
 * Checks a parsed request body against the Java type it is bound to, before JSON-B binds it, so that every service
 * reads JSON by one strict contract:
 * <ul>
 * <li>integer properties ({@code int}, {@code long}, ...) accept only JSON integers ({@code 2}, never {@code 1.5},
 * {@code "2"} or {@code 2e0}) within the Java type's range;</li>
 * <li>other numbers must be JSON numbers, booleans JSON booleans, text JSON strings;</li>
 * <li>a property the type does not declare is refused (a refund with a {@code currency} it would ignore);</li>
 * <li>text refuses control characters and unpaired surrogates ({@link TextRules}), except line breaks and tabs in
 * {@link MultiLine} properties; map keys follow the same rule;</li>
 * <li>an item of an array ({@code "lines": [null]}) or a value of a map ({@code "attributes": {"color": null}}) is
 * never null (a property itself may be null or absent: Bean Validation decides whether it is required).</li>
 * </ul>
 * Each refusal names the property by its JSON path ({@code variants[1].price.amount}).
 */
public final class StrictJsonBinding {

    private static final Map<Class<?>, Map<String, Property>> PROPERTIES = new ConcurrentHashMap<>();

    private record Property(Type type, boolean multiLine) {
    }

    private StrictJsonBinding() {
    }

    /** @return the refusals, empty when the body fits the type */
    public static List<Problem.FieldError> check(JsonValue body, Type type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(body, type, "", false, errors);
        return errors.stream().map(e -> new Problem.FieldError(TextRules.printable(e.field()), e.message())).toList();
    }

    private static void check(JsonValue value, Type type, String path, boolean multiLine,
            List<Problem.FieldError> errors) {
        Class<?> raw = raw(type);
        String name = path.isEmpty() ? "body" : path;
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                errors.add(new Problem.FieldError(name, "must not be null"));
            }
            return;
        }
        if (raw == Optional.class) {
            check(value, typeArgument(type, 0), path, multiLine, errors);
        } else if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
            checkAnyText(value, path, errors);
        } else if (isInteger(raw)) {
            checkInteger(value, raw, name, errors);
        } else if (Number.class.isAssignableFrom(unbox(raw)) || raw == double.class || raw == float.class) {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                errors.add(new Problem.FieldError(name, "must be a JSON number"));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE
                    && value.getValueType() != JsonValue.ValueType.FALSE) {
                errors.add(new Problem.FieldError(name, "must be true or false"));
            }
        } else if (raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()
                || raw == UUID.class || Temporal.class.isAssignableFrom(raw) || raw == java.time.Duration.class
                || raw == java.net.URI.class) {
            checkText(value, raw, name, multiLine, errors);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) {
                errors.add(new Problem.FieldError(name, "must be a JSON array"));
                return;
            }
            Type element = raw.isArray() ? componentType(type) : typeArgument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                String itemPath = path + "[" + i + "]";
                if (array.get(i).getValueType() == JsonValue.ValueType.NULL) {
                    // a list never holds "no item": the services would fail on it later
                    errors.add(new Problem.FieldError(itemPath, "must not be null"));
                    continue;
                }
                check(array.get(i), element, itemPath, multiLine, errors);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new Problem.FieldError(name, "must be a JSON object"));
                return;
            }
            Type valueType = typeArgument(type, 1);
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String entryPath = join(path, entry.getKey());
                String refusal = TextRules.refusal(entry.getKey(), false);
                if (refusal != null) {
                    errors.add(new Problem.FieldError(TextRules.printable(entryPath), "key " + refusal));
                    continue;
                }
                if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    // a map's value is never "no value": leave the key out instead
                    errors.add(new Problem.FieldError(TextRules.printable(entryPath), "must not be null"));
                    continue;
                }
                check(entry.getValue(), valueType, entryPath, multiLine, errors);
            }
        } else {
            checkObject(value, raw, path, errors);
        }
    }

    private static void checkObject(JsonValue value, Class<?> raw, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, "must be a JSON object"));
            return;
        }
        Map<String, Property> properties = PROPERTIES.computeIfAbsent(raw, StrictJsonBinding::properties);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            Property property = properties.get(entry.getKey());
            String propertyPath = join(path, entry.getKey());
            if (property == null) {
                errors.add(
                        new Problem.FieldError(TextRules.printable(propertyPath), "is not a property of this request"));
            } else {
                check(entry.getValue(), property.type(), propertyPath, property.multiLine(), errors);
            }
        }
    }

    private static void checkInteger(JsonValue value, Class<?> raw, String name, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonNumber number) || !number.toString().matches("-?[0-9]+")) {
            errors.add(new Problem.FieldError(name, "must be a JSON integer (no fraction, exponent or quotes)"));
            return;
        }
        BigInteger integer = number.bigIntegerValue();
        BigInteger min;
        BigInteger max;
        Class<?> boxed = unbox(raw);
        if (boxed == Integer.class) {
            min = BigInteger.valueOf(Integer.MIN_VALUE);
            max = BigInteger.valueOf(Integer.MAX_VALUE);
        } else if (boxed == Short.class) {
            min = BigInteger.valueOf(Short.MIN_VALUE);
            max = BigInteger.valueOf(Short.MAX_VALUE);
        } else if (boxed == Byte.class) {
            min = BigInteger.valueOf(Byte.MIN_VALUE);
            max = BigInteger.valueOf(Byte.MAX_VALUE);
        } else if (boxed == Long.class) {
            min = BigInteger.valueOf(Long.MIN_VALUE);
            max = BigInteger.valueOf(Long.MAX_VALUE);
        } else {
            return; // BigInteger: any integer
        }
        if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
            errors.add(new Problem.FieldError(name, "must be an integer between " + min + " and " + max));
        }
    }

    private static void checkText(JsonValue value, Class<?> raw, String name, boolean multiLine,
            List<Problem.FieldError> errors) {
        if (!(value instanceof JsonString string)) {
            errors.add(new Problem.FieldError(name, "must be a JSON string"));
            return;
        }
        String refusal = TextRules.refusal(string.getString(), multiLine);
        if (refusal != null) {
            errors.add(new Problem.FieldError(name, refusal));
            return;
        }
        if (raw == UUID.class) {
            try {
                UUID.fromString(string.getString());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(name, "must be a UUID"));
            }
        } else if (raw.isEnum()) {
            boolean known = false;
            for (Object constant : raw.getEnumConstants()) {
                known |= ((Enum<?>) constant).name().equals(string.getString());
            }
            if (!known) {
                errors.add(new Problem.FieldError(name, "must be one of " + List.of(raw.getEnumConstants())));
            }
        } else if ((raw == char.class || raw == Character.class) && string.getString().length() != 1) {
            errors.add(new Problem.FieldError(name, "must be one character"));
        }
    }

    /** A free-form value (JsonObject, Object): only its text is checked. */
    private static void checkAnyText(JsonValue value, String path, List<Problem.FieldError> errors) {
        if (value instanceof JsonString string) {
            String refusal = TextRules.refusal(string.getString(), true);
            if (refusal != null) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, refusal));
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                checkAnyText(array.get(i), path + "[" + i + "]", errors);
            }
        } else if (value instanceof JsonObject object) {
            object.forEach((key, item) -> {
                String refusal = TextRules.refusal(key, false);
                if (refusal != null) {
                    errors.add(new Problem.FieldError(TextRules.printable(join(path, key)), "key " + refusal));
                } else {
                    checkAnyText(item, join(path, key), errors);
                }
            });
        }
    }

    /** The JSON properties JSON-B binds for a class: record components, public fields and setters. */
    private static Map<String, Property> properties(Class<?> type) {
        Map<String, Property> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
                Field field = field(type, component.getName());
                if (renamed == null && field != null) {
                    renamed = field.getAnnotation(JsonbProperty.class);
                }
                boolean multiLine = component.isAnnotationPresent(MultiLine.class)
                        || (field != null && field.isAnnotationPresent(MultiLine.class));
                properties.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName(),
                        new Property(component.getGenericType(), multiLine));
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                        || field.isAnnotationPresent(JsonbTransient.class)
                        || (!Modifier.isPublic(modifiers) && setter(type, field.getName()) == null)) {
                    continue;
                }
                JsonbProperty renamed = field.getAnnotation(JsonbProperty.class);
                properties.putIfAbsent(renamed != null && !renamed.value().isEmpty()
                        ? renamed.value()
                        : field.getName(),
                        new Property(field.getGenericType(),
                                field.isAnnotationPresent(MultiLine.class)));
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("set") && method.getName().length() > 3
                    && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())
                    && !method.isAnnotationPresent(JsonbTransient.class)) {
                String name = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                JsonbProperty renamed = method.getAnnotation(JsonbProperty.class);
                properties.putIfAbsent(renamed != null && !renamed.value().isEmpty() ? renamed.value() : name,
                        new Property(method.getGenericParameterTypes()[0],
                                method.isAnnotationPresent(MultiLine.class)));
            }
        }
        return properties;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Method setter(Class<?> type, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        return null;
    }

    private static boolean isInteger(Class<?> raw) {
        Class<?> boxed = unbox(raw);
        return boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
                || raw == BigInteger.class;
    }

    private static Class<?> unbox(Class<?> raw) {
        if (!raw.isPrimitive()) {
            return raw == BigDecimal.class ? Number.class : raw;
        }
        return switch (raw.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> raw;
        };
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        return raw(type).getComponentType();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
