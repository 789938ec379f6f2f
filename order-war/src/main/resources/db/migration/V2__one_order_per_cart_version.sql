-- A cart's contents become at most one order that has not failed: two checkouts of one cart sent at once are
-- decided here, by the index, not by a read in Java. A failed attempt (declined card) frees the cart for a retry.
alter table customer_order add column cart_version bigint;
create unique index customer_order_cart_version on customer_order (cart_id, cart_version)
    where status <> 'FAILED' and cart_version is not null;
