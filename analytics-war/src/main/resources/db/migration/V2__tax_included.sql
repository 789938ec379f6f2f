-- Orders may be priced gross (the order service's mercato.shop.prices-include-tax): their tax is the part of the
-- total that is tax, not added to it. Sales recorded before this were all priced net.
alter table sale_order add column tax_included boolean not null default false;
alter table sale_order drop constraint sale_order_parts_make_total;
alter table sale_order add constraint sale_order_parts_make_total
    check (subtotal + shipping + case when tax_included then 0 else tax end = total);
alter table sale_order add constraint sale_order_tax_within_total check (tax <= total);
