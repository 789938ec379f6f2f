-- The relay reads pending rows in the order they occurred (order by occurred_at, id limit N): without an index in
-- that order every pass read and sorted the whole backlog, so a large backlog (a 100,000-product demo seed) took
-- time growing with its square. Pending rows only: sent ones are never read again.
create index outbox_message_pending_in_order on outbox_message (occurred_at, id) where sent_at is null;
