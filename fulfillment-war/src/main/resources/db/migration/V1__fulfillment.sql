-- Shipments: one per paid order, its lines, where it goes, and every step it took in the warehouse.
create table shipment (
    id                  uuid         primary key,
    order_id            varchar(64)  not null,
    status              varchar(20)  not null
        check (status in ('NEW', 'PICKED', 'PACKED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
    recipient_email     varchar(320) not null,
    recipient_name      varchar(200) not null,
    ship_to_name        varchar(200) not null,
    ship_to_line1       varchar(200) not null,
    ship_to_line2       varchar(200),
    ship_to_city        varchar(100) not null,
    ship_to_postal_code varchar(20)  not null,
    ship_to_country     char(2)      not null,
    carrier             varchar(100),
    tracking_number     varchar(40),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    dispatched_at       timestamptz,
    version             bigint       not null default 1,
    -- one shipment per order, however often OrderPlaced is delivered
    constraint shipment_one_per_order unique (order_id),
    constraint shipment_tracking_number_unique unique (tracking_number),
    -- a parcel the carrier has always has its tracking number
    constraint shipment_dispatched_is_tracked
        check (status not in ('DISPATCHED', 'DELIVERED') or (tracking_number is not null and carrier is not null))
);
-- the staff list (newest first, by status) and the demo warehouse's claim (oldest NEW first)
create index shipment_by_status on shipment (status, created_at);
create index shipment_by_created on shipment (created_at);

create table shipment_line (
    shipment_id uuid         not null references shipment (id) on delete cascade,
    position    integer      not null,
    sku         varchar(64)  not null,
    name        varchar(300) not null,
    quantity    integer      not null check (quantity > 0),
    primary key (shipment_id, position)
);

create table shipment_status_change (
    shipment_id uuid         not null references shipment (id) on delete cascade,
    position    integer      not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    changed_at  timestamptz  not null,
    actor       varchar(200) not null,
    note        varchar(300),
    primary key (shipment_id, position)
);

-- Orders cancelled before their shipment existed (an OrderCancelled that overtook its OrderPlaced, or an order
-- never paid): a late OrderPlaced for one of them ships nothing.
create table cancelled_order (
    order_id     varchar(64)  primary key,
    reason       varchar(300),
    cancelled_at timestamptz  not null
);
