-- Payments for orders and their refunds. No card data: the provider's references only.
create table payment (
    id                 uuid         primary key,
    order_id           varchar(64)  not null,
    idempotency_key    varchar(100) not null unique,
    request_hash       char(64)     not null,
    amount             bigint       not null check (amount > 0),
    currency           char(3)      not null,
    status             varchar(20)  not null
        check (status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED')),
    provider           varchar(20)  not null,
    provider_reference varchar(100),
    decline_reason     varchar(200),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 1
);
create index payment_by_order on payment (order_id);

create table refund (
    refund_id          uuid         primary key,
    payment_id         uuid         not null references payment (id) on delete cascade,
    amount             bigint       not null check (amount > 0),
    reason             varchar(300),
    provider_reference varchar(100),
    refunded_by        varchar(200),
    created_at         timestamptz  not null
);
create index refund_by_payment on refund (payment_id);
