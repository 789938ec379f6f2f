package org.mercato.catalog.domain;

/** Only ACTIVE products are visible to shoppers; ARCHIVED ones keep their identity for old orders. */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}
