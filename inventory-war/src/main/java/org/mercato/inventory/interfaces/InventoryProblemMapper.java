package org.mercato.inventory.interfaces;

import java.util.List;

import jakarta.ws.rs.ext.Provider;

import org.mercato.inventory.domain.InsufficientStockException;
import org.mercato.inventory.domain.InvalidStockRequestException;
import org.mercato.inventory.domain.InventoryException;
import org.mercato.inventory.domain.NotFoundException;
import org.mercato.inventory.domain.ReservationConflictException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** Inventory's refusals as problem+json. */
@Provider
public class InventoryProblemMapper extends ProblemMapper<InventoryException> {

    @Override
    protected Problem problem(InventoryException e) {
        if (e instanceof NotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof InsufficientStockException) {
            return Problem.of(409, "insufficient-stock", "Not enough stock", e.getMessage());
        }
        if (e instanceof ReservationConflictException) {
            return Problem.of(409, "reservation-conflict", "Reservation conflict", e.getMessage());
        }
        Problem problem = Problem.of(400, "invalid-stock-request", "Invalid request", e.getMessage());
        if (e instanceof InvalidStockRequestException invalid && invalid.field() != null) {
            return problem.withErrors(List.of(new Problem.FieldError(invalid.field(), e.getMessage())));
        }
        return problem;
    }
}
