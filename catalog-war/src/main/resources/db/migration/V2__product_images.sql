-- Product images: the files live on disk (mercato.catalog.image-dir), the rows say what they are.
create table product_image (
    id           uuid         primary key,
    product_id   uuid         not null references product (id) on delete cascade,
    sku          varchar(64),
    format       varchar(10)  not null check (format in ('JPEG', 'PNG', 'GIF', 'WEBP')),
    byte_size    integer      not null check (byte_size > 0),
    sha256       char(64)     not null,
    alt          varchar(300),
    position     integer      not null default 0,
    created_at   timestamptz  not null
);
create index product_image_by_product on product_image (product_id);
