package org.mercato.platform.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures on request DTOs become 400 with one entry per invalid field. */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ConstraintViolationException> {

    @Override
    protected Problem problem(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)").withErrors(errors);
    }

    /** "register.arg0.email" becomes "email": clients want the JSON field, not the Java method. */
    static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        String beforeLast = null;
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            beforeLast = last;
            last = node.getName();
        }
        if (index <= 2 || last == null) {
            // a violation on a parameter itself, e.g. a missing body
            return last != null && last.startsWith("arg") ? "body" : String.valueOf(last);
        }
        return beforeLast != null && !beforeLast.startsWith("arg") && index > 3 ? beforeLast + "." + last : last;
    }
}
