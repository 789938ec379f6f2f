-- Staff lock an account on purpose, with a reason (not wrong passwords: those are throttled, see V2): a locked
-- account cannot sign in or refresh. All three columns are set together or none.
alter table account add column locked_at     timestamptz;
alter table account add column locked_reason varchar(300);
-- the id of the account that locked it, as text (EclipseLink 4.0 cannot read a null uuid column)
alter table account add column locked_by     varchar(36);
alter table account add constraint account_lock_complete check (
    (locked_at is null and locked_reason is null and locked_by is null)
    or (locked_at is not null and locked_reason is not null and locked_by is not null));
-- the console lists locked accounts; few are
create index account_locked on account (locked_at) where locked_at is not null;
