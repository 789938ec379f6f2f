-- Whether a variant can be bought now, as inventory last said (StockAvailabilityChanged on mercato.inventory).
-- Unknown until inventory speaks: not in stock.
alter table variant add column in_stock boolean not null default false;
alter table variant add column stock_updated_at timestamptz;
