package org.mercato.platform.problem;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbProperty;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures on request DTOs become 400 with one entry per invalid field. */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    protected Problem problem(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)").withErrors(errors);
    }

    /**
     * The invalid value's place in the request as a JSON path, in the names the client sent: {@code
     * create.arg0.variants[0].price.amount} becomes {@code variants[0].price.amount}, a property renamed for JSON
     * ({@code @JsonbProperty("refresh_token")}) is named so, and a list item is {@code roles[1]}. A violation on a
     * parameter itself (a missing body) is {@code body}, or the parameter's name.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int start = 0;
        Object current = violation.getRootBean();
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            if (nodes.size() < 2 || nodes.get(1).getKind() != ElementKind.PARAMETER) {
                return "body";
            }
            Path.Node parameter = nodes.get(1);
            if (nodes.size() == 2) {
                return parameter.getName().startsWith("arg") ? "body" : parameter.getName();
            }
            Object[] arguments = violation.getExecutableParameters();
            int position = parameter.as(Path.ParameterNode.class).getParameterIndex();
            current = arguments != null && position < arguments.length ? arguments[position] : null;
            start = 2;
        }
        StringBuilder path = new StringBuilder();
        for (int i = start; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.isInIterable()) {
                // the index or key belongs to the container named by the node before
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                path.append('[').append(key == null ? "" : key).append(']');
                current = element(current, node.getIndex(), node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                Field field = field(current, node.getName());
                JsonbProperty renamed = field == null ? null : field.getAnnotation(JsonbProperty.class);
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(renamed != null && !renamed.value().isEmpty() ? renamed.value() : node.getName());
                current = value(field, current);
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static Field field(Object owner, String name) {
        for (Class<?> type = owner == null ? null : owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return null;
    }

    private static Object value(Field field, Object owner) {
        if (field == null || owner == null) {
            return null;
        }
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // names only: the Java name stands in where the value cannot be read
        }
    }

    private static Object element(Object container, Integer index, Object key) {
        if (container instanceof List<?> list && index != null && index >= 0 && index < list.size()) {
            return list.get(index);
        }
        if (container instanceof Object[] array && index != null && index >= 0 && index < array.length) {
            return array[index];
        }
        if (container instanceof Map<?, ?> map && key != null) {
            return map.get(key);
        }
        return null;
    }
}
