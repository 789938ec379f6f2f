package org.mercato.catalog.interfaces;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.json.TextRules;
import org.mercato.platform.problem.Problem;

/**
 * An import file as read by {@link ProductJson} or {@link ProductCsv}: the products that passed the product API's
 * request rules, and the ones refused already, each with its line and a message naming the field.
 */
record ImportFile(List<ProductImport.Item> items, List<ProductImport.Rejection> refused) {

    ImportFile {
        items = List.copyOf(items);
        refused = List.copyOf(refused);
    }

    /** The product API's Bean Validation rules on one imported product, as (property path, message). */
    static List<Problem.FieldError> violations(Validator validator, ProductRequests.ImportProductBody body) {
        return validator.validate(body).stream()
                .map(v -> new Problem.FieldError(TextRules.printable(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /** The violations themselves, for the CSV reader, which names columns rather than paths. */
    static List<ConstraintViolation<ProductRequests.ImportProductBody>> constraintViolations(Validator validator,
            ProductRequests.ImportProductBody body) {
        return validator.validate(body).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
    }

    /** "name: must not be blank; variants[0].price.amount: must not be negative" */
    static String message(List<Problem.FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
