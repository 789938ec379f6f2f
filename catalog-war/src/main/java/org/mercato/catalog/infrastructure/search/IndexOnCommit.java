package org.mercato.catalog.infrastructure.search;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.mercato.catalog.application.CatalogChanges;
import org.mercato.catalog.domain.Product;

/**
 * Indexes a changed product after its transaction commits, never before: a rolled-back change is never
 * searchable. The document is built just before commit, from the product's final state.
 */
@ApplicationScoped
public class IndexOnCommit implements CatalogChanges {

    private static final Logger LOG = Logger.getLogger(IndexOnCommit.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ProductIndex index;

    @Override
    public void productChanged(Product product) {
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
                try {
                    index.index(List.of(document));
                } catch (RuntimeException e) {
                    // the database holds the truth; a reindex repairs the index
                    LOG.log(Level.SEVERE, "Could not index product " + document.id + "; run a reindex", e);
                }
            }
        });
    }
}
