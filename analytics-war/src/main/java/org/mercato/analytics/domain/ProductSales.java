package org.mercato.analytics.domain;

/**
 * How one SKU sold in a period: units, the total of its lines (minor units; refunds are given back per order, not
 * per line, so they are not taken off here) and in how many orders.
 */
public record ProductSales(String sku, String name, long quantity, long revenue, long orders) {
}
