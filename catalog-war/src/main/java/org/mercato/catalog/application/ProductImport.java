package org.mercato.catalog.application;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
import org.mercato.catalog.domain.Slugs;
import org.mercato.platform.money.CurrencyNotAcceptedException;
import org.mercato.platform.money.MoneyLimitException;

/**
 * Bulk import of products. The interfaces read a file into {@link Item}s, each already checked by the same request
 * rules as the product API (types, lengths, text); here every product is checked by the catalog's rules (category,
 * shop currency, the aggregate's own rules, slugs and SKUs not taken), a product with any problem is rejected whole
 * with its line number, and the others are imported in batches while the job reports its progress.
 */
@ApplicationScoped
public class ProductImport {

    private static final Logger LOG = Logger.getLogger(ProductImport.class.getName());
    private static final int BATCH = 100;
    /** What a rejection says when storing a product failed: the database's own words stay in the log. */
    public static final String NOT_STORED = "could not be stored; nothing of this product was imported";

    /**
     * One product of the file.
     *
     * @param line the line (CSV) or position (JSON, 1-based) a rejection names
     * @param draft the product, its category still unresolved
     * @param categorySlug its category by slug, or null
     * @param variantLines the line of each variant (CSV: one row per variant; JSON: the product's position)
     */
    public record Item(int line, ProductDraft draft, String categorySlug, List<Integer> variantLines) {

        public Item {
            variantLines = List.copyOf(variantLines);
        }

        int variantLine(int index) {
            return index < variantLines.size() ? variantLines.get(index) : line;
        }
    }

    /** A product (or row) not imported: its line and why, naming the field. */
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

    /**
     * Checks every product, then imports the valid ones in the background.
     *
     * @param items the products read from the file
     * @param refused the rows the interfaces refused already (request rules), reported with the others
     * @return the job to follow
     */
    public Status start(List<Item> items, List<Rejection> refused) {
        String id = UUID.randomUUID().toString();
        List<Rejection> rejected = new ArrayList<>(refused);
        List<Candidate> candidates = check(items, rejected);
        rejected.sort(Comparator.comparingInt(Rejection::line));
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
                        // the database's message may quote the row's values: the log gets its kind only
                        LOG.warning(() -> "Import " + id + ": the product at line " + candidate.line()
                                + " could not be stored: " + kind(e));
                        rejected.add(new Rejection(candidate.line(), NOT_STORED));
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
        List<Rejection> sorted = rejected.stream().sorted(Comparator.comparingInt(Rejection::line)).toList();
        jobs.computeIfPresent(id, (key, old) -> new Status(id, finishedAt == null ? "RUNNING" : "DONE",
                old.products(), processed, imported, sorted, old.startedAt(), finishedAt));
    }

    private List<Candidate> check(List<Item> items, List<Rejection> rejected) {
        Set<String> slugsInFile = new HashSet<>();
        Set<String> skusInFile = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Item item : items) {
            try {
                ProductDraft draft = withCategory(item);
                String slug = draft.slug();
                if (slug == null || slug.isBlank()) {
                    throw new RowException(item.line(), "slug: is required");
                }
                for (int i = 0; i < draft.variants().size(); i++) {
                    String sku = draft.variants().get(i).sku();
                    if (sku == null || sku.isBlank()) {
                        throw new RowException(item.variantLine(i), "sku: is required");
                    }
                }
                catalog.requireShopCurrency(draft);
                // the aggregate's own rules, without storing anything (every variant has its SKU)
                Product.create(draft, null, () -> {
                    throw new IllegalStateException("every variant has a SKU");
                }, clock.instant());
                // the slug and SKUs passed the aggregate's rules: safe to quote
                if (!slugsInFile.add(slug)) {
                    throw new RowException(item.line(), "slug: " + slug + " appears twice in the file");
                }
                if (catalog.slugExists(slug)) {
                    throw new RowException(item.line(), "slug: a product with slug " + slug + " exists");
                }
                for (int i = 0; i < draft.variants().size(); i++) {
                    String sku = draft.variants().get(i).sku().trim();
                    if (!skusInFile.add(sku)) {
                        throw new RowException(item.variantLine(i), "sku: SKU " + sku
                                + " appears twice in the file");
                    }
                    if (catalog.skuExists(sku)) {
                        throw new RowException(item.variantLine(i), "sku: SKU " + sku
                                + " belongs to another product");
                    }
                }
                candidates.add(new Candidate(item.line(), draft));
            } catch (RowException e) {
                rejected.add(new Rejection(e.line, e.getMessage()));
            } catch (CatalogException | IllegalArgumentException | CurrencyNotAcceptedException
                    | MoneyLimitException e) {
                // the domain's messages quote nothing raw from the request (Names.shown)
                rejected.add(new Rejection(item.line(), e.getMessage()));
            }
        }
        return candidates;
    }

    private ProductDraft withCategory(Item item) {
        ProductDraft draft = item.draft();
        String slug = item.categorySlug();
        if (slug == null || slug.isBlank()) {
            return draft;
        }
        UUID categoryId = Slugs.VALID.matcher(slug.trim()).matches()
                ? catalog.categoryIdBySlug(slug.trim()).orElse(null)
                : null;
        if (categoryId == null) {
            throw new RowException(item.line(), "category: " + (Slugs.VALID.matcher(slug.trim()).matches()
                    ? "unknown category " + slug.trim()
                    : "must be a category's slug"));
        }
        return new ProductDraft(draft.name(), draft.slug(), draft.description(), draft.brand(), categoryId,
                draft.status(), draft.attributes(), draft.price(), draft.variants());
    }

    /** The kinds of a failure and its database state, never its message (it may quote the row). */
    static String kind(Throwable e) {
        StringBuilder kind = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.length() > 0) {
                kind.append(" <- ");
            }
            kind.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                kind.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return kind.toString();
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
