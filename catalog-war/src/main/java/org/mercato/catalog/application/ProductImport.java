package org.mercato.catalog.application;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.mercato.catalog.domain.CatalogException;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.Money;
import org.mercato.platform.money.MoneyLimitException;

/**
 * Bulk import of products from rows (one row per variant; rows with the same slug make one product). Every
 * product is checked first; a product with any bad row is rejected whole, with the row's line number, and the
 * others are imported in batches while the job reports its progress.
 */
@ApplicationScoped
public class ProductImport {

    private static final Logger LOG = Logger.getLogger(ProductImport.class.getName());
    private static final int BATCH = 100;
    public static final List<String> REQUIRED_COLUMNS = List.of("slug", "name", "sku", "price", "currency");

    /** One row of the file: its line number and its values by column name. */
    public record Row(int line, Map<String, String> values) {
    }

    public record Rejection(int line, String message) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Status(String id, String state, int products, int processed, int imported,
            List<Rejection> rejected, Instant startedAt, Instant finishedAt) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private record Candidate(int line, ProductDraft draft) {
    }

    @Inject
    CatalogService catalog;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Status> jobs = new ConcurrentHashMap<>();

    /** Checks every product, then imports the valid ones in the background; returns the job to follow. */
    public Status start(List<Row> rows) {
        String id = UUID.randomUUID().toString();
        List<Rejection> rejected = new ArrayList<>();
        List<Candidate> candidates = check(rows, rejected);
        Status status = new Status(id, "RUNNING", candidates.size() + rejectedProducts(rejected), 0, 0,
                List.copyOf(rejected), clock.instant(), null);
        jobs.put(id, status);
        LOG.info(() -> "Import " + id + ": " + candidates.size() + " product(s) to import, " + rejected.size()
                + " row(s) rejected");
        executor.submit(() -> run(id, candidates));
        return status;
    }

    public Optional<Status> status(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private static int rejectedProducts(List<Rejection> rejected) {
        return (int) rejected.stream().map(Rejection::line).distinct().count();
    }

    private void run(String id, List<Candidate> candidates) {
        int imported = 0;
        int processed = 0;
        List<Rejection> rejected = new ArrayList<>(jobs.get(id).rejected());
        int nextReport = Math.max(1, candidates.size() / 10);
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Candidate> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            try {
                imported += catalog.importBatch(batch.stream().map(Candidate::draft).toList(), true);
            } catch (RuntimeException batchFailed) {
                // someone else took a slug or SKU meanwhile: import this batch one by one to find who
                for (Candidate candidate : batch) {
                    try {
                        imported += catalog.importBatch(List.of(candidate.draft()), true);
                    } catch (RuntimeException e) {
                        rejected.add(new Rejection(candidate.line(), "not imported: " + rootMessage(e)));
                    }
                }
            }
            processed += batch.size();
            update(id, processed, imported, rejected, null);
            if (processed >= nextReport || processed == candidates.size()) {
                int done = processed;
                LOG.info(() -> "Import " + id + ": " + done + "/" + candidates.size() + " products processed");
                nextReport = processed + Math.max(1, candidates.size() / 10);
            }
        }
        update(id, processed, imported, rejected, clock.instant());
        int total = imported;
        LOG.info(() -> "Import " + id + " done: " + total + " imported, " + rejected.size() + " row(s) rejected");
    }

    private void update(String id, int processed, int imported, List<Rejection> rejected, Instant finishedAt) {
        jobs.computeIfPresent(id, (key, old) -> new Status(id, finishedAt == null ? "RUNNING" : "DONE",
                old.products(), processed, imported, List.copyOf(rejected), old.startedAt(), finishedAt));
    }

    private List<Candidate> check(List<Row> rows, List<Rejection> rejected) {
        Map<String, List<Row>> bySlug = new LinkedHashMap<>();
        for (Row row : rows) {
            String slug = row.values().get("slug");
            if (slug == null || slug.isBlank()) {
                rejected.add(new Rejection(row.line(), "slug is required"));
                continue;
            }
            bySlug.computeIfAbsent(slug.trim(), key -> new ArrayList<>()).add(row);
        }
        Set<String> skusInFile = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<Row>> product : bySlug.entrySet()) {
            List<Row> productRows = product.getValue();
            Row first = productRows.get(0);
            try {
                ProductDraft draft = draft(product.getKey(), productRows);
                catalog.requireShopCurrency(draft);
                // the aggregate's own rules, without storing anything
                Product.create(draft, null, () -> {
                    throw new IllegalArgumentException("every row needs a sku");
                }, clock.instant());
                if (catalog.slugExists(product.getKey())) {
                    throw new IllegalArgumentException("a product with slug " + product.getKey() + " exists");
                }
                for (Row row : productRows) {
                    String sku = value(row, "sku");
                    if (!skusInFile.add(sku)) {
                        throw new RowException(row.line(), "SKU " + sku + " appears twice in the file");
                    }
                    if (catalog.skuExists(sku)) {
                        throw new RowException(row.line(), "SKU " + sku + " belongs to another product");
                    }
                }
                candidates.add(new Candidate(first.line(), draft));
            } catch (RowException e) {
                rejected.add(new Rejection(e.line, e.getMessage()));
            } catch (CatalogException | IllegalArgumentException | CurrencyNotAcceptedException
                    | MoneyLimitException e) {
                rejected.add(new Rejection(first.line(), e.getMessage()));
            }
        }
        return candidates;
    }

    private ProductDraft draft(String slug, List<Row> rows) {
        Row first = rows.get(0);
        List<ProductDraft.VariantDraft> variants = new ArrayList<>();
        for (Row row : rows) {
            try {
                long amount = Long.parseLong(value(row, "price"));
                variants.add(new ProductDraft.VariantDraft(value(row, "sku"),
                        pairs(row.values().get("variant_attributes")), new Money(amount, value(row, "currency"))));
            } catch (NumberFormatException e) {
                throw new RowException(row.line(), "price must be a whole number of minor units (1999 for 19.99)");
            } catch (IllegalArgumentException e) {
                throw new RowException(row.line(), e.getMessage());
            }
        }
        String categorySlug = first.values().get("category");
        UUID categoryId = categorySlug == null || categorySlug.isBlank()
                ? null
                : catalog.categoryIdBySlug(categorySlug.trim()).orElseThrow(
                        () -> new RowException(first.line(), "unknown category " + categorySlug));
        String status = first.values().getOrDefault("status", "ACTIVE");
        ProductStatus productStatus;
        try {
            productStatus = status == null || status.isBlank()
                    ? ProductStatus.ACTIVE
                    : ProductStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowException(first.line(), "status must be DRAFT or ACTIVE");
        }
        if (productStatus == ProductStatus.ARCHIVED) {
            throw new RowException(first.line(), "status must be DRAFT or ACTIVE");
        }
        return new ProductDraft(value(first, "name"), slug, first.values().get("description"),
                first.values().get("brand"), categoryId, productStatus, pairs(first.values().get("attributes")),
                null, variants);
    }

    private static String value(Row row, String column) {
        String value = row.values().get(column);
        if (value == null || value.isBlank()) {
            throw new RowException(row.line(), column + " is required");
        }
        return value.trim();
    }

    /** "size=M;colour=black" */
    static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("attributes look like name=value;name=value");
            }
            pairs.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return pairs;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A problem with one row, carrying its line number. */
    static final class RowException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;

        RowException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
