-- Accounts, their roles and addresses, refresh tokens (hashed) and the token-signing keys.
create table account (
    id                  uuid         primary key,
    email               varchar(254) not null,
    email_normalized    varchar(254) not null,
    name                varchar(200) not null,
    password_hash       varchar(255) not null,
    failed_logins       integer      not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz  not null,
    password_changed_at timestamptz  not null,
    version             bigint       not null default 0,
    -- one account per email whatever its letter case
    constraint account_email_unique unique (email_normalized),
    constraint account_email_is_normalized check (email_normalized = lower(email_normalized))
);

create table account_role (
    account_id uuid        not null references account (id) on delete cascade,
    role       varchar(20) not null check (role in ('CUSTOMER', 'STAFF', 'ADMIN')),
    primary key (account_id, role)
);
create index account_role_by_role on account_role (role);

create table address (
    id          uuid         primary key,
    account_id  uuid         not null references account (id) on delete cascade,
    name        varchar(200) not null,
    line1       varchar(200) not null,
    line2       varchar(200),
    city        varchar(100) not null,
    postal_code varchar(20)  not null,
    country     char(2)      not null,
    created_at  timestamptz  not null
);
create index address_by_account on address (account_id);

create table refresh_token (
    id         uuid        primary key,
    account_id uuid        not null references account (id) on delete cascade,
    family_id  uuid        not null,
    token_hash char(64)    not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index refresh_token_by_family on refresh_token (family_id);
create index refresh_token_by_account on refresh_token (account_id);

create table signing_key (
    kid         varchar(64) primary key,
    public_key  bytea       not null,
    private_key bytea       not null,
    created_at  timestamptz not null
);
