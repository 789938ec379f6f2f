-- An actor or caller is the principal's name, the account's email (the JWT upn): up to 254 characters (RFC 5321),
-- which a 200-character column refused with a server error for every request of an account with a longer address.
alter table shipment_status_change alter column actor type varchar(254);
