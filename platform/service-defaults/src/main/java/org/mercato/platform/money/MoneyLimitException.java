package org.mercato.platform.money;

/**
 * An amount past a documented maximum ({@link Money#MAX_AMOUNT}, a shop's largest price or order total): the
 * request is understood but refused, answered 422 by the problem mappers.
 */
public class MoneyLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MoneyLimitException(String message) {
        super(message, null, false, false);
    }
}
