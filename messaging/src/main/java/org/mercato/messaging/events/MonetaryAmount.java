package org.mercato.messaging.events;

/**
 * An amount of money in an event: {@code amount} in minor units (cents), {@code currency} an ISO 4217 alphabetic
 * code (e.g. EUR).
 */
public record MonetaryAmount(Long amount, String currency) {

    public MonetaryAmount {
        Required.present(amount, "amount");
        Required.text(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not " + currency);
        }
    }
}
