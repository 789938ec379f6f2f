package org.mercato.platform.money;

/**
 * A price or an order in a currency the shop does not sell in ({@code mercato.shop.currency}, MERCATO_SHOP_CURRENCY):
 * understood but refused, answered 422 by the problem mappers.
 */
public class CurrencyNotAcceptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CurrencyNotAcceptedException(String currency, String shopCurrency) {
        super("this shop sells in " + shopCurrency + ", not " + currency, null, false, false);
    }
}
