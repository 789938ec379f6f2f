package org.mercato.catalog.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.catalog.application.ReindexRunningException;
import org.mercato.catalog.domain.CatalogException;
import org.mercato.catalog.domain.CategoryNotFoundException;
import org.mercato.catalog.domain.ImageNotFoundException;
import org.mercato.catalog.domain.DuplicateException;
import org.mercato.catalog.domain.ProductNotFoundException;
import org.mercato.catalog.domain.StaleProductException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** The catalog's refusals as problem+json. */
@Provider
public class CatalogProblemMapper extends ProblemMapper<CatalogException> {

    @Override
    protected Problem problem(CatalogException e) {
        if (e instanceof ProductNotFoundException || e instanceof CategoryNotFoundException
                || e instanceof ImageNotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof StaleProductException) {
            return Problem.of(409, "stale-version", "Changed meanwhile", e.getMessage());
        }
        if (e instanceof ReindexRunningException) {
            return Problem.of(409, "reindex-running", "Reindex running", e.getMessage());
        }
        if (e instanceof DuplicateException) {
            return Problem.of(409, "duplicate", "Already in use", e.getMessage());
        }
        return Problem.of(400, "invalid-product", "Invalid product", e.getMessage());
    }
}
