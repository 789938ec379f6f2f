-- Sales facts, written from the order events on mercato.orders (OrderPlaced, OrderCancelled, PaymentRefunded).
-- Reports aggregate these tables in SQL; nothing here is ever edited by hand or by staff.

-- One row per placed order: its money in minor units of one currency, the UTC day it counts for, and what has
-- happened to it since (refunds, cancellation). Net revenue is total - refunded.
create table sale_order (
    order_id    varchar(64) primary key,
    customer_id text        not null,
    placed_at   timestamptz not null,
    sale_day    date        not null,
    currency    char(3)     not null,
    subtotal    bigint      not null check (subtotal >= 0),
    shipping    bigint      not null check (shipping >= 0),
    tax         bigint      not null check (tax >= 0),
    total       bigint      not null check (total >= 0),
    refunded    bigint      not null default 0 check (refunded >= 0),
    cancelled   boolean     not null default false,
    cancelled_at timestamptz,
    recorded_at timestamptz not null,
    constraint sale_order_parts_make_total check (subtotal + shipping + tax = total),
    constraint sale_order_refunded_within_total check (refunded <= total)
);
-- the daily series reads only sales that count, by currency and day
create index sale_order_counting_by_day on sale_order (currency, sale_day) where not cancelled;

-- What each order bought, at the price of that moment; revenue is the line's total.
create table sale_line (
    order_id varchar(64) not null references sale_order (order_id) on delete cascade,
    line_no  integer     not null,
    sku      varchar(64) not null,
    name     text        not null,
    quantity integer     not null check (quantity > 0),
    revenue  bigint      not null check (revenue >= 0),
    primary key (order_id, line_no)
);
create index sale_line_by_sku on sale_line (sku);

-- Every refund once (by its id). applied_at stays null while its order is not known here yet: a refund may
-- overtake its OrderPlaced (two producers, two outboxes), and is added to the order when the order arrives.
create table sale_refund (
    refund_id   varchar(64) primary key,
    order_id    varchar(64) not null,
    payment_id  varchar(64),
    amount      bigint      not null check (amount > 0),
    currency    char(3)     not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    applied_at  timestamptz
);
create index sale_refund_by_order on sale_refund (order_id);

-- Every cancellation once per order, kept for the same reason: one that overtakes its OrderPlaced still applies.
create table sale_cancellation (
    order_id     varchar(64) primary key,
    cancelled_at timestamptz not null,
    cancelled_by text,
    reason       text,
    recorded_at  timestamptz not null
);
