-- Staff list every order's payments (GET /payments/api/payments?status=&from=&to=&sort=), newest first by default:
-- the dashboard's failed-payments panel asks for a few statuses (DECLINED, FAILED, ...) in a time window.
create index payment_by_status on payment (status, created_at desc);
create index payment_created on payment (created_at desc);
