package org.mercato.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON we expect: 400, without echoing parser internals. */
@Provider
public class MalformedJsonMapper extends ProblemMapper<JsonbException> {

    @Override
    protected Problem problem(JsonbException exception) {
        // the body-size limit may fail the read from inside the parser: report that, not "malformed"
        ProblemException tooLarge = cause(exception, ProblemException.class);
        return tooLarge != null ? tooLarge.problem() : malformed();
    }

    static Problem malformed() {
        return Problem.of(400, "malformed-json", "Malformed request body",
                "The request body is not valid JSON for this resource");
    }
}
