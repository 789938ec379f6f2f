package org.mercato.messaging;

/** The JMS topics of DESIGN §3; their addresses on the Artemis broker carry the same names. */
public final class Topics {

    public static final String ORDERS = "mercato.orders";
    public static final String INVENTORY = "mercato.inventory";
    public static final String FULFILLMENT = "mercato.fulfillment";
    public static final String CATALOG = "mercato.catalog";

    private Topics() {
    }

    public static String[] all() {
        return new String[]{ORDERS, INVENTORY, FULFILLMENT, CATALOG};
    }
}
