-- Idempotency keys of the requests that move money or stock (platform/service-defaults @Idempotent): one row per
-- caller and key, holding the request's fingerprint and, once done, the answer a replay gets.
create table idempotency_key (
    caller        varchar(200) not null,
    idem_key      varchar(100) not null,
    request_hash  char(64)     not null,
    state         varchar(16)  not null,
    status        integer,
    body          text,
    location      varchar(2000),
    created_at    timestamptz  not null default now(),
    primary key (caller, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
