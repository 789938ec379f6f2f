-- A refund the service refused by its rules once it had read the request (more than is left to refund, no such
-- payment) keeps that refusal under its Idempotency-Key, as every request that moves money does (docs/api.md): the
-- same key and body answer the same refusal again, another body under the key is 422. It is a row of its own in
-- refund, so the one unique (caller, idempotency_key) index decides between it and a refund made with the key.
-- It moved nothing: no amount reserved or refunded, not listed with its payment's refunds.
alter table refund add column refusal_reason varchar(40);
alter table refund add column refusal_detail varchar(1000);
alter table refund drop constraint refund_status_check;
alter table refund add constraint refund_status_check
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUSED'));
-- an unknown payment's refusal names no payment, and a refusal of "all that is left" has no amount
alter table refund alter column payment_id drop not null;
alter table refund alter column currency drop not null;
alter table refund drop constraint refund_amount_check;
alter table refund add constraint refund_amount_check check (amount > 0 or (status = 'REFUSED' and amount >= 0));
alter table refund add constraint refund_refusal_recorded check (
    (status = 'REFUSED') = (refusal_reason is not null and refusal_detail is not null)
    and (status = 'REFUSED' or (payment_id is not null and currency is not null)));
