-- The staff stock list (GET /inventory/api/stock without sku): a SKU prefix (q) is a LIKE 'ABC%', which a plain
-- index serves only under the C collation; low stock and sort=available filter and order by what is available.
create index stock_level_sku_prefix on stock_level (sku varchar_pattern_ops);
create index stock_level_available on stock_level ((on_hand - reserved), sku, warehouse);
