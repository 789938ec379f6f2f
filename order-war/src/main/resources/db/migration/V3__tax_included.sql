-- Prices may include tax (mercato.shop.prices-include-tax): then the total is goods plus shipping and the tax is
-- the part of it that is tax. Orders placed before this were priced net, with the tax added.
alter table customer_order add column tax_included boolean not null default false;
-- V1's check that the parts make the total was named by PostgreSQL: found by what it says, exactly one
do $$
declare
    parts_check text;
begin
    select conname into strict parts_check from pg_constraint
     where conrelid = 'customer_order'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%subtotal + shipping%';
    execute format('alter table customer_order drop constraint %I', parts_check);
end
$$;
alter table customer_order add constraint customer_order_parts_make_total
    check (total = subtotal + shipping + case when tax_included then 0 else tax end);
alter table customer_order add constraint customer_order_tax_within_total check (tax <= total);
