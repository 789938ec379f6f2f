package org.mercato.catalog.infrastructure;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.mercato.catalog.application.CatalogChanges;
import org.mercato.catalog.domain.Product;
import org.mercato.catalog.infrastructure.events.ProductChangedEvent;
import org.mercato.catalog.infrastructure.cache.ShopperReadCache;
import org.mercato.catalog.infrastructure.search.ProductDocument;
import org.mercato.catalog.infrastructure.search.ProductIndex;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.messaging.outbox.Outbox;

/**
 * What follows a catalog change: its ProductChanged event is saved in the same transaction (the outbox), and
 * the product is (re)indexed from its final state just before commit, under the product's row lock, and the
 * shoppers' read cache is cleared once the transaction commits. A change refused before commit (a failed check, a
 * conflict found at the flush) is never searchable nor served.
 */
@ApplicationScoped
public class AfterCommit implements CatalogChanges {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ProductIndex index;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ShopperReadCache readCache;

    @Override
    public void catalogChanged() {
        afterCommit(readCache::clear);
    }

    @Override
    public void productsChanged(List<Product> products) {
        announce(products, null);
        products.forEach(product -> refreshAfterCommit(product, true, readCache::clear));
    }

    @Override
    public void productsSeeded(List<Product> products) {
        announce(products, ProductChanged.DEMO);
    }

    /**
     * Saves the ProductChanged events in the changing transaction (the outbox); the relay publishes them after
     * commit. One flush first gives every event the version its product commits with.
     */
    private void announce(List<Product> products, String origin) {
        em.flush();
        for (Product product : products) {
            outbox.add(ProductChanged.CONTRACT, ProductChangedEvent.of(product, origin));
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCompletion(true, action);
    }

    @Override
    public void afterRollback(Runnable action) {
        afterCompletion(false, action);
    }

    private void afterCompletion(boolean onCommit, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    action.run();
                }
            }
        });
    }

    @Override
    public void productChanged(Product product) {
        announce(List.of(product), null);
        refreshAfterCommit(product, true, readCache::clear);
    }

    @Override
    public void availabilityChanged(Product product, boolean searchEntryChanged) {
        if (searchEntryChanged) {
            refreshAfterCommit(product, false, readCache::clearSoon);
        } else {
            afterCommit(readCache::clearSoon);
        }
    }

    /**
     * The product's search entry is rebuilt from its final state just before the transaction commits, while the
     * change still holds the product's row lock ({@link org.mercato.catalog.domain.CatalogRepository#lockProduct}):
     * the changes of one product so reach the index in the order they commit, even from two catalog instances. After
     * an index write a commit almost never fails (the database's checks ran at the flush before); if it does, the
     * entry may show the lost change until the product changes again or the index is rebuilt, which the log says.
     * Shoppers' cached reads go once the change has committed ({@code clearCache}). With {@code waitForSearch}
     * false the entry is only queued for the index writer (in the same order), not waited for.
     */
    private void refreshAfterCommit(Product product, boolean waitForSearch, Runnable clearCache) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            private String indexed;

            @Override
            public void beforeCompletion() {
                ProductDocument document = ProductDocument.of(product);
                try {
                    if (waitForSearch) {
                        index.index(List.of(document));
                    } else {
                        index.indexSoon(List.of(document));
                    }
                    indexed = document.id();
                } catch (RuntimeException e) {
                    // the database holds the truth; a reindex repairs the index
                    LOG.log(Level.SEVERE, "Could not index product " + document.id() + "; run a reindex", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    clearCache.run();
                } else if (indexed != null) {
                    LOG.severe(() -> "The change of product " + indexed + " was indexed but did not commit: its"
                            + " search entry may show it until the product changes again or a reindex runs");
                }
            }
        });
    }
}
