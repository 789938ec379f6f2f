package org.mercato.platform.problem;

import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.money.MoneyLimitException;

/** An amount past a documented maximum: 422, nothing changed. */
@Provider
public class MoneyLimitMapper extends ProblemMapper<MoneyLimitException> {

    @Override
    protected Problem problem(MoneyLimitException e) {
        return Problem.of(422, "amount-too-large", "Amount too large", e.getMessage());
    }
}
