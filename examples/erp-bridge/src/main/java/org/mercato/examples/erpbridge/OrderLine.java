package org.mercato.examples.erpbridge;

/**
 * One line of an order as the ledger keeps it.
 *
 * @param sku
 *            the variant's SKU
 * @param quantity
 *            whole units
 */
record OrderLine(String sku, int quantity) {
}
