-- Webhooks (docs/webhooks.md): the addresses staff registered, the events received for them (one row per event id:
-- an event is fanned out once however often the broker delivers it), one delivery per event and endpoint, and
-- every attempt of each (the delivery log).
create table webhook_endpoint (
    id                         uuid          primary key,
    url                        varchar(2000) not null,
    event_types                varchar(1000) not null,
    description                varchar(500),
    enabled                    boolean       not null,
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);

create table webhook_event (
    event_id    uuid         primary key,
    event_type  varchar(100) not null,
    received_at timestamptz  not null
);

create table webhook_delivery (
    id                     uuid         primary key,
    endpoint_id            uuid         not null references webhook_endpoint (id) on delete cascade,
    event_id               uuid         not null,
    event_type             varchar(100) not null,
    occurred_at            timestamptz  not null,
    schema_version         integer      not null,
    payload                text         not null,
    status                 varchar(10)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts               integer      not null default 0,
    attempts_before_window integer      not null default 0,
    next_attempt_at        timestamptz  not null,
    window_started_at      timestamptz,
    lease_id               varchar(36),
    last_status_code       integer,
    last_error             varchar(500),
    replay_requested_by    varchar(320),
    created_at             timestamptz  not null,
    delivered_at           timestamptz,
    failed_at              timestamptz,
    unique (endpoint_id, event_id)
);
-- what the dispatcher polls every second: only the waiting rows
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- an endpoint's delivery log, newest first
create index webhook_delivery_log on webhook_delivery (endpoint_id, created_at desc, id desc);

create table webhook_attempt (
    id               uuid        primary key,
    delivery_id      uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz not null,
    duration_ms      bigint      not null,
    status_code      integer,
    error            varchar(500),
    resulting_status varchar(10) not null check (resulting_status in ('PENDING', 'DELIVERED', 'FAILED')),
    replayed_by      varchar(320)
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at desc);
