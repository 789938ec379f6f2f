package org.mercato.platform.problem;

import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.money.CurrencyNotAcceptedException;

/** A price or order in a currency the shop does not sell in: 422, nothing changed. */
@Provider
public class CurrencyNotAcceptedMapper extends ProblemMapper<CurrencyNotAcceptedException> {

    @Override
    protected Problem problem(CurrencyNotAcceptedException e) {
        return Problem.of(422, "currency-not-accepted", "Currency not accepted", e.getMessage());
    }
}
