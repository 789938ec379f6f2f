-- Pictures' size in pixels, for srcset and layout; null for a picture stored before sizes were kept (filled in at
-- the next start from the file).
alter table product_image add column width integer check (width > 0);
alter table product_image add column height integer check (height > 0);
