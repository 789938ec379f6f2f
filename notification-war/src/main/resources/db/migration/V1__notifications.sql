-- The emails this service writes to shoppers: queued (PENDING) in the transaction that applies the event, sent
-- after commit by the dispatcher, kept as the sent-mail log. The event id is unique: one event, one email.
create table email (
    id              uuid         primary key,
    kind            varchar(30)  not null
        check (kind in ('ORDER_CONFIRMATION', 'ORDER_CANCELLED', 'SHIPMENT_DISPATCHED')),
    order_id        varchar(64)  not null,
    event_id        uuid         not null unique,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    text_body       text         not null,
    html_body       text         not null,
    status          varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
-- what the dispatcher polls every second: only the waiting rows
create index email_due on email (next_attempt_at) where status = 'PENDING';
-- the sent-mail log: newest first, by order or by recipient
create index email_newest on email (created_at desc, id desc);
create index email_by_order on email (order_id, created_at desc);
create index email_by_recipient on email (lower(recipient), created_at desc);
