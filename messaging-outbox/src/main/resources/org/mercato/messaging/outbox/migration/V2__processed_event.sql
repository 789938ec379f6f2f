-- The idempotent-consumer table (org.mercato.messaging.consumer.ProcessedEvents): the ids of the events this
-- service has applied, written in the same transaction as the effect. "if not exists": inventory had its own
-- table of the same shape before it moved to the shared helper.
create table if not exists processed_event (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null
);
