-- When a cancel last asked payments for the refund of a cancelled order (null: never, or the asking ended without
-- an answer). A cancel sent while another is still asking is refused (409) instead of asking again in parallel;
-- one left by a crash may be retried after a while (OrderStore.REFUND_PATIENCE).
alter table customer_order add column refund_asked_at timestamptz;
