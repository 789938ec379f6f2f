-- Wrong passwords no longer lock an account (anyone could lock its owner out); they are throttled per client
-- address in the data grid instead, see user-war/README.md.
alter table account drop column failed_logins;
alter table account drop column locked_until;
