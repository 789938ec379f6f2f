package org.mercato.admin.interfaces;

import java.util.Iterator;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Lets pages read the services' JSON answers directly: {@code #{order.total.amount}} on a {@link JsonObject} gives
 * the Java value (text, number, boolean, null, or the nested object or array), not a quoted JSON literal. Read
 * only. Output still goes through {@code h:outputText}'s escaping.
 */
public class JsonELResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof JsonObject object && property != null) {
            context.setPropertyResolved(base, property);
            return unwrap(object.get(property.toString()));
        }
        if (base instanceof JsonArray array && property != null) {
            context.setPropertyResolved(base, property);
            int index = property instanceof Number n ? n.intValue() : Integer.parseInt(property.toString());
            return index < 0 || index >= array.size() ? null : unwrap(array.get(index));
        }
        return null;
    }

    /** The Java value of a JSON value: String, Long or BigDecimal, Boolean, null, or the object/array itself. */
    static Object unwrap(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral()
                    ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> value;
        };
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base instanceof JsonObject || base instanceof JsonArray) {
            context.setPropertyResolved(base, property);
            return null;
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base instanceof JsonObject || base instanceof JsonArray) {
            throw new PropertyNotWritableException("the services' answers are read only");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base instanceof JsonObject || base instanceof JsonArray) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    public Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof JsonObject || base instanceof JsonArray ? Object.class : null;
    }
}
