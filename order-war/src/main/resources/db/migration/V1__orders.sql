-- Orders (org.mercato.order.domain.Order): the aggregate, its lines and its history of transitions.
create table customer_order (
    id                uuid         primary key,
    customer_id       varchar(100) not null,
    customer_email    varchar(320),
    customer_name     varchar(200),
    cart_id           varchar(64),
    idempotency_key   varchar(100),
    request_hash      varchar(64),
    currency          char(3)      not null,
    subtotal          bigint       not null check (subtotal >= 0),
    shipping          bigint       not null check (shipping >= 0),
    tax               bigint       not null check (tax >= 0),
    total             bigint       not null check (total = subtotal + shipping + tax),
    ship_name         varchar(200) not null,
    ship_line1        varchar(200) not null,
    ship_line2        varchar(200),
    ship_city         varchar(100) not null,
    ship_postal_code  varchar(20)  not null,
    ship_country      char(2)      not null,
    status            varchar(20)  not null,
    payment_id        varchar(64),
    tracking_number   varchar(64),
    failure_kind      varchar(30),
    failure_reason    varchar(500),
    payment_check_due boolean      not null default false,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null
);
-- one order per customer and key: the database settles two concurrent requests with the same key
create unique index customer_order_key on customer_order (customer_id, idempotency_key);
create index customer_order_customer on customer_order (customer_id, created_at desc);
create index customer_order_status on customer_order (status, created_at desc);
create index customer_order_payment_check on customer_order (created_at) where payment_check_due;

create table order_line (
    order_id   uuid         not null references customer_order (id),
    position   integer      not null,
    sku        varchar(64)  not null,
    name       varchar(200) not null,
    quantity   integer      not null check (quantity > 0),
    unit_price bigint       not null check (unit_price >= 0),
    currency   char(3)      not null,
    primary key (order_id, position)
);

create table order_transition (
    order_id    uuid         not null references customer_order (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    note        varchar(500)
);
create index order_transition_order on order_transition (order_id, at);
