-- The transactional outbox (org.mercato.messaging.outbox), in every service that includes the messaging jar;
-- DatabaseMigrations applies it with its own history table (outbox_schema_history).
create table outbox_message (
    id              uuid         primary key,
    topic           varchar(100) not null,
    event_type      varchar(100) not null,
    schema_version  integer      not null,
    occurred_at     timestamptz  not null,
    payload         text         not null,
    sent_at         timestamptz,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500)
);
create index outbox_message_due on outbox_message (next_attempt_at) where sent_at is null;
