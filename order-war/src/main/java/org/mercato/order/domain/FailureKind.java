package org.mercato.order.domain;

/** Why an order could not be placed; the API answers each with its own problem type. */
public enum FailureKind {
    /** not enough stock for a line */
    OUT_OF_STOCK,
    /** inventory did not answer in time */
    INVENTORY_UNAVAILABLE,
    /** the card was declined */
    PAYMENT_DECLINED,
    /** the card's issuer wants the shopper to authenticate (3-D Secure); nothing was charged */
    AUTHENTICATION_REQUIRED,
    /** payments did not answer in time (whether it charged is checked afterwards) */
    PAYMENT_UNAVAILABLE
}
