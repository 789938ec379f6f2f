package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import org.mercato.catalog.application.ProductImport;
import org.mercato.catalog.domain.CatalogException;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.platform.json.JsonLimits;
import org.mercato.platform.json.StrictJsonReader;
import org.mercato.platform.money.MoneyLimitException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Reads a JSON import: an array of products, each bound by the platform's strict binding to
 * {@link ProductRequests.ImportProductBody} and validated by the same rules as a product sent to the product API
 * (integers only as JSON integers, no unknown properties, no control characters or unpaired surrogates, lengths).
 * A product that breaks them is refused with its 1-based position in the array as its line.
 */
final class ProductJson {

    private ProductJson() {
    }

    /**
     * @throws ProblemException 400 when the document is malformed, past the parser's limits, not an array or empty
     */
    static ImportFile read(String text, Validator validator) {
        // the platform's parser limits (depth, lengths) apply to an import as to any body
        JsonValue document = JsonLimits.parse(text);
        if (document == null || document.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ProblemException.badRequest("malformed-json", "the import must be a JSON array of products");
        }
        JsonArray products = document.asJsonArray();
        if (products.isEmpty()) {
            throw ProblemException.badRequest("invalid-import", "the import holds no product");
        }
        List<ProductImport.Item> items = new ArrayList<>();
        List<ProductImport.Rejection> refused = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            int position = i + 1;
            JsonValue value = products.get(i);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                refused.add(new ProductImport.Rejection(position, "product: must be a JSON object"));
                continue;
            }
            ProductRequests.ImportProductBody body;
            try {
                body = (ProductRequests.ImportProductBody) StrictJsonReader.bind(value.toString(),
                        ProductRequests.ImportProductBody.class);
            } catch (ProblemException e) {
                refused.add(new ProductImport.Rejection(position, message(e.problem())));
                continue;
            }
            List<Problem.FieldError> violations = ImportFile.violations(validator, body);
            if (!violations.isEmpty()) {
                refused.add(new ProductImport.Rejection(position, ImportFile.message(violations)));
                continue;
            }
            try {
                ProductDraft draft = body.toDraft();
                items.add(new ProductImport.Item(position, draft, body.category,
                        Collections.nCopies(draft.variants().size(), position)));
            } catch (CatalogException | IllegalArgumentException | MoneyLimitException e) {
                // a null variant or attribute value, an unknown currency: the messages quote nothing raw
                refused.add(new ProductImport.Rejection(position, e.getMessage()));
            }
        }
        return new ImportFile(items, refused);
    }

    private static String message(Problem problem) {
        return problem.errors() == null || problem.errors().isEmpty()
                ? problem.detail()
                : ImportFile.message(problem.errors());
    }
}
