package org.mercato.platform.money;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Money as every API and event writes it: {@code {"amount": 1999, "currency": "EUR"}}. */
public final class MoneyJson {

    private MoneyJson() {
    }

    public static JsonObject of(Money money) {
        return Json.createObjectBuilder().add("amount", money.amount()).add("currency", money.currency()).build();
    }
}
