-- Idempotency keys belong to the caller (the JWT subject): the same key from two callers is two keys.
-- Payments record their intent before the provider is asked (AUTHORIZING), and refunds reserve their amount
-- (refund_reserved) in a committed row before the provider is asked, so no transaction waits on the provider.
alter table payment add column caller varchar(200);
-- charges so far came from the order service's own token
update payment set caller = 'service:orders';
alter table payment alter column caller set not null;
alter table payment drop constraint payment_idempotency_key_key;
create unique index payment_by_caller_key on payment (caller, idempotency_key);

alter table payment drop constraint payment_status_check;
alter table payment alter column status type varchar(30);
alter table payment add constraint payment_status_check check (status in ('AUTHORIZING', 'AUTHORIZED', 'CAPTURED',
    'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'AUTHENTICATION_REQUIRED', 'VOIDED', 'FAILED'));

alter table payment add column refunded bigint not null default 0;
alter table payment add column refund_reserved bigint not null default 0;
update payment p set refunded = coalesce((select sum(r.amount) from refund r where r.payment_id = p.id), 0);
-- the last word against over-refunding, whatever the code does
alter table payment add constraint payment_refunds_within_amount
    check (refunded >= 0 and refund_reserved >= 0 and refunded + refund_reserved <= amount);
create index payment_in_progress on payment (updated_at) where status in ('AUTHORIZING', 'AUTHORIZED');

alter table refund add column caller varchar(200);
alter table refund add column idempotency_key varchar(100);
alter table refund add column request_hash char(64);
alter table refund add column currency char(3);
alter table refund add column status varchar(20);
alter table refund add column failure_reason varchar(200);
alter table refund add column remaining_after bigint;
alter table refund add column payment_status_after varchar(30);
alter table refund add column attempts integer not null default 1;
alter table refund add column updated_at timestamptz;
alter table refund add column version bigint not null default 1;
-- refunds so far were all succeeded; their keys were never the caller's, so they get one of their own
update refund r set caller = coalesce(r.refunded_by, 'unknown'), idempotency_key = 'legacy:' || r.refund_id,
    request_hash = repeat('0', 64), currency = (select p.currency from payment p where p.id = r.payment_id),
    status = 'SUCCEEDED', updated_at = r.created_at;
alter table refund alter column caller set not null;
alter table refund alter column idempotency_key set not null;
alter table refund alter column request_hash set not null;
alter table refund alter column currency set not null;
alter table refund alter column status set not null;
alter table refund alter column updated_at set not null;
alter table refund add constraint refund_status_check check (status in ('PENDING', 'SUCCEEDED', 'FAILED'));
create unique index refund_by_caller_key on refund (caller, idempotency_key);
create index refund_pending on refund (updated_at) where status = 'PENDING';
