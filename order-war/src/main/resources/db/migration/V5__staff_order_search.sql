-- Staff search every customer's orders (GET /orders/api/orders?all=true&q=&email=&from=&to=&sort=):
-- newest first over all customers, optionally within a time window, reads this index instead of sorting the table;
-- an email prefix (case-insensitive, LIKE 'prefix%' on lower(customer_email)) reads the second one.
-- An order number prefix needs none: it is a range of the primary key (uuids sort as their text).
create index customer_order_created on customer_order (created_at desc);
create index customer_order_email on customer_order (lower(customer_email) text_pattern_ops, created_at desc);
