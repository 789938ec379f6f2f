-- Stock per SKU per warehouse, reservations for orders, and the audit trail of every movement.
create table warehouse (
    code varchar(20)  primary key,
    name varchar(100) not null
);
insert into warehouse (code, name) values ('MAIN', 'Main warehouse');

-- The database itself refuses negative stock and over-reservation, whatever the code does.
create table stock_level (
    sku        varchar(64) not null,
    warehouse  varchar(20) not null references warehouse (code),
    on_hand    integer     not null check (on_hand >= 0),
    reserved   integer     not null default 0 check (reserved >= 0),
    updated_at timestamptz not null,
    version    bigint      not null default 1,
    primary key (sku, warehouse),
    constraint stock_reserved_within_on_hand check (reserved <= on_hand)
);

create table reservation (
    order_id   varchar(64) primary key,
    status     varchar(20) not null check (status in ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index reservation_due on reservation (expires_at) where status = 'HELD';

create table reservation_line (
    order_id  varchar(64) not null references reservation (order_id) on delete cascade,
    sku       varchar(64) not null,
    warehouse varchar(20) not null,
    quantity  integer     not null check (quantity > 0),
    primary key (order_id, sku, warehouse)
);

create table stock_movement (
    id             bigserial    primary key,
    sku            varchar(64)  not null,
    warehouse      varchar(20)  not null,
    kind           varchar(20)  not null,
    quantity       integer      not null,
    on_hand_after  integer      not null,
    reserved_after integer      not null,
    reference      varchar(100),
    actor          varchar(200),
    reason         varchar(300),
    occurred_at    timestamptz  not null
);
create index stock_movement_by_sku on stock_movement (sku, occurred_at);

-- Messages already applied (StockAdjusted from an ERP), so a redelivered one changes nothing.
create table processed_event (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null
);
