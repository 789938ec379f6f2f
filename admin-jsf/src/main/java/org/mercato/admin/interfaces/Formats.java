package org.mercato.admin.interfaces;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** How pages show money, times and attribute maps ({@code #{fmt.money(order.total)}}). */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code {"amount":1999,"currency":"EUR"}} as "19.99 EUR"; blank for anything else. */
    public String money(Object money) {
        if (!(money instanceof JsonObject json) || !json.containsKey("amount")) {
            return "";
        }
        return minor(json.getJsonNumber("amount").longValue(), json.getString("currency", ""));
    }

    /** Minor units of a currency as a decimal amount with its code: (1999, EUR) as "19.99 EUR". */
    public String minor(long amount, String currency) {
        return decimal(amount, currency).toPlainString() + (currency == null || currency.isEmpty()
                ? ""
                : " "
                        + currency);
    }

    static BigDecimal decimal(long amount, String currency) {
        return BigDecimal.valueOf(amount, fractionDigits(currency));
    }

    static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (RuntimeException unknown) {
            return 2;
        }
    }

    /** An ISO instant as "2026-12-01 14:05 UTC"; the text itself when it is not one. */
    public String time(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(iso.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return iso.toString();
        }
    }

    /** A JSON object's members as name/value pairs, for ui:repeat. */
    public List<Pair> entries(Object object) {
        List<Pair> pairs = new ArrayList<>();
        if (object instanceof JsonObject json) {
            for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
                Object value = JsonELResolver.unwrap(entry.getValue());
                pairs.add(new Pair(entry.getKey(), value == null ? "" : value.toString()));
            }
        }
        return pairs;
    }

    /** A JSON array of texts as "admin, staff". */
    public String list(Object array) {
        if (!(array instanceof jakarta.json.JsonArray json)) {
            return "";
        }
        return String.join(", ", json.stream().map(v -> String.valueOf(JsonELResolver.unwrap(v))).toList());
    }

    /** "colour: black, size: M". */
    public String attributes(Object object) {
        return String.join(", ", entries(object).stream().map(p -> p.getName() + ": " + p.getValue()).toList());
    }

    /** One name and value; a class with getters because Faces EL cannot read records. */
    public static class Pair implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String value;

        public Pair() {
        }

        public Pair(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }
}
