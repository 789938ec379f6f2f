package org.mercato.catalog.application;

import jakarta.ejb.ApplicationException;

import org.mercato.catalog.domain.CatalogException;

/**
 * A rebuild of the search index was asked for while one is running; the running one will index everything, so the
 * second is refused rather than queued.
 */
// an application exception, so the index's EJB passes it on as it is rather than as a logged system error
@ApplicationException
public class ReindexRunningException extends CatalogException {

    private static final long serialVersionUID = 1L;

    /** The refusal of a second rebuild. */
    public ReindexRunningException() {
        super("the search index is being rebuilt already; wait until it is done (the log shows the progress)");
    }
}
