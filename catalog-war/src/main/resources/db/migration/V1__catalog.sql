-- Categories (a tree), products, their variants (SKUs) and attributes.
create table category (
    id        uuid         primary key,
    slug      varchar(120) not null unique,
    name      varchar(120) not null,
    parent_id uuid         references category (id),
    position  integer      not null default 0
);
create index category_by_parent on category (parent_id);

create table product (
    id          uuid          primary key,
    slug        varchar(120)  not null unique,
    name        varchar(200)  not null,
    description varchar(10000),
    brand       varchar(100),
    status      varchar(20)   not null check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    category_id uuid          references category (id),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index product_by_category on product (category_id);
create index product_by_status on product (status);

create table product_attribute (
    product_id uuid         not null references product (id) on delete cascade,
    name       varchar(60)  not null,
    value      varchar(200) not null,
    primary key (product_id, name)
);

create table variant (
    id             uuid        primary key,
    product_id     uuid        not null references product (id) on delete cascade,
    sku            varchar(64) not null unique,
    price_amount   bigint      not null check (price_amount >= 0),
    price_currency char(3)     not null,
    position       integer     not null default 0
);
create index variant_by_product on variant (product_id);

create table variant_attribute (
    variant_id uuid         not null references variant (id) on delete cascade,
    name       varchar(60)  not null,
    value      varchar(200) not null,
    primary key (variant_id, name)
);
