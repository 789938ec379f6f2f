package org.mercato.catalog.domain;

import java.time.Instant;

/** Where a shopper finds an active product ({@code /p/<slug>}) and when it last changed: a sitemap entry. */
public record ProductSlug(String slug, Instant updatedAt) {
}
