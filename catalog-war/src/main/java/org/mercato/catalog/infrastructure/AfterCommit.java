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
import org.mercato.messaging.Topics;
import org.mercato.messaging.outbox.Outbox;

/**
 * What follows a catalog change: its ProductChanged event is saved in the same transaction (the outbox), and
 * only once the transaction commits the product is (re)indexed and the shoppers' read cache is cleared. A rolled-back change is never searchable nor served. The search document is
 * built just before commit, from the product's final state.
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
        products.forEach(this::refreshAfterCommit);
    }

    @Override
    public void productsSeeded(List<Product> products) {
        announce(products, ProductChangedEvent.DEMO);
    }

    /**
     * Saves the ProductChanged events in the changing transaction (the outbox); the relay publishes them after
     * commit. One flush first gives every event the version its product commits with.
     */
    private void announce(List<Product> products, String origin) {
        em.flush();
        for (Product product : products) {
            outbox.add(Topics.CATALOG, ProductChangedEvent.TYPE, ProductChangedEvent.SCHEMA_VERSION,
                    ProductChangedEvent.of(product, origin).toString());
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
        refreshAfterCommit(product);
    }

    @Override
    public void availabilityChanged(Product product) {
        refreshAfterCommit(product);
    }

    /** Once the change commits: the product's search entry is rebuilt and shoppers' cached reads go. */
    private void refreshAfterCommit(Product product) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            private ProductDocument document;

            @Override
            public void beforeCompletion() {
                document = ProductDocument.of(product);
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED || document == null) {
                    return;
                }
                readCache.clear();
                try {
                    index.index(List.of(document));
                } catch (RuntimeException e) {
                    // the database holds the truth; a reindex repairs the index
                    LOG.log(Level.SEVERE, "Could not index product " + document.id() + "; run a reindex", e);
                }
            }
        });
    }
}
