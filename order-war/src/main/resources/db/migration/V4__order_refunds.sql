-- Refunds in the order (PaymentRefunded from payments, and the refund a cancel asks for): each refund is a step of
-- the order's history carrying payments' refund id and amount, and the order keeps the sum given back.
alter table order_transition add column refund_id varchar(64);
alter table order_transition add column refund_amount bigint;
alter table order_transition add column refund_currency char(3);
alter table order_transition add constraint order_transition_refund_whole
    check ((refund_id is null and refund_amount is null and refund_currency is null)
        or (refund_id is not null and refund_amount > 0 and refund_currency is not null));
-- one step per refund, however often it is learnt (the cancel's answer, its PaymentRefunded, a redelivery)
create unique index order_transition_refund on order_transition (order_id, refund_id) where refund_id is not null;

alter table customer_order add column refunded bigint not null default 0;
-- orders refunded by a cancel before refunds were recorded: refundAll gave back everything that was charged
update customer_order set refunded = total where status = 'REFUNDED';
alter table customer_order add constraint customer_order_refunded_within_total
    check (refunded >= 0 and refunded <= total);
