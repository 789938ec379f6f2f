package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.mercato.catalog.application.ProductImport;
import org.mercato.catalog.domain.CatalogException;
import org.mercato.catalog.domain.ProductDraft;
import org.mercato.platform.json.TextRules;
import org.mercato.platform.money.MoneyLimitException;
import org.mercato.platform.problem.ProblemException;

/**
 * Reads the import CSV (RFC 4180: commas, double quotes, "" inside quotes, quoted line breaks). The first line
 * names the columns; each later record is one variant and starts on a line that rejections name. Rows with the
 * same slug make one product, held to the same rules as a product sent to the product API: every cell by the
 * platform's text rules (no control characters or unpaired surrogates; line breaks only in {@code description}),
 * then the product API's Bean Validation rules on {@link ProductRequests.ImportProductBody}, each refusal naming
 * its column.
 */
final class ProductCsv {

    /** The columns an import file must have. */
    static final List<String> REQUIRED_COLUMNS = List.of("slug", "name", "sku", "price", "currency");
    /** Every column an import file may have. */
    static final List<String> COLUMNS = List.of("slug", "name", "description", "brand", "category", "status", "sku",
            "price", "currency", "attributes", "variant_attributes");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    /** One record of the file: the line it starts on and its fields. */
    record Record(int line, List<String> fields) {
    }

    /** A refusal of one cell or value: its line, its column, why. */
    private record Refusal(int line, String column, String message) {
    }

    private ProductCsv() {
    }

    /**
     * @throws ProblemException 400 when the file is not CSV, lacks a header with the required columns or any row,
     *         or names a column imports do not have
     */
    static ImportFile read(String text, Validator validator) {
        List<Record> records = records(text);
        if (records.size() < 2) {
            throw ProblemException.badRequest("invalid-csv", "the file needs a header line and at least one row");
        }
        List<String> header = new ArrayList<>();
        for (String cell : records.get(0).fields()) {
            if (TextRules.refusal(cell, false) != null) {
                throw ProblemException.badRequest("invalid-csv", "column " + (header.size() + 1) + " of the header "
                        + TextRules.refusal(cell, false));
            }
            header.add(cell.trim().toLowerCase(Locale.ROOT));
        }
        List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("invalid-csv", "the header names column(s) imports do not have: "
                    + TextRules.printable(String.join(", ", unknown)) + " (the columns are " + COLUMNS + ")");
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("invalid-csv", "the header lacks the column(s) " + missing);
        }
        if (header.stream().distinct().count() != header.size()) {
            throw ProblemException.badRequest("invalid-csv", "the header names a column twice");
        }
        List<ProductImport.Rejection> refused = new ArrayList<>();
        // rows by product (slug), in the file's order
        Map<String, List<Record>> bySlug = new LinkedHashMap<>();
        for (Record record : records.subList(1, records.size())) {
            String slug = cell(header, record, "slug");
            if (slug == null) {
                refused.add(new ProductImport.Rejection(record.line(), "slug: is required"));
            } else {
                bySlug.computeIfAbsent(slug, key -> new ArrayList<>()).add(record);
            }
        }
        List<ProductImport.Item> items = new ArrayList<>();
        for (List<Record> rows : bySlug.values()) {
            product(header, rows, validator, items, refused);
        }
        return new ImportFile(items, refused);
    }

    /** One product from its rows: an item, or one rejection at the first line with a problem. */
    private static void product(List<String> header, List<Record> rows, Validator validator,
            List<ProductImport.Item> items, List<ProductImport.Rejection> refused) {
        Record first = rows.get(0);
        List<Refusal> refusals = new ArrayList<>();
        for (Record row : rows) {
            if (row.fields().size() > header.size()) {
                refusals.add(new Refusal(row.line(), "row", "has " + row.fields().size() + " fields but the header"
                        + " names " + header.size() + " columns"));
            }
            for (int c = 0; c < header.size() && c < row.fields().size(); c++) {
                String refusal = TextRules.refusal(row.fields().get(c), header.get(c).equals("description"));
                if (refusal != null) {
                    refusals.add(new Refusal(row.line(), header.get(c), refusal));
                }
            }
        }
        if (!refusals.isEmpty()) {
            refused.add(rejection(refusals));
            return;
        }
        ProductRequests.ImportProductBody body = new ProductRequests.ImportProductBody();
        body.slug = cell(header, first, "slug");
        body.name = cell(header, first, "name");
        body.description = cell(header, first, "description");
        body.brand = cell(header, first, "brand");
        body.category = cell(header, first, "category");
        String status = cell(header, first, "status");
        body.status = status == null ? null : status.toUpperCase(Locale.ROOT);
        body.attributes = pairs(header, first, "attributes", refusals);
        body.variants = new ArrayList<>();
        for (Record row : rows) {
            ProductRequests.VariantBody variant = new ProductRequests.VariantBody();
            variant.sku = cell(header, row, "sku");
            variant.attributes = pairs(header, row, "variant_attributes", refusals);
            variant.price = new ProductRequests.MoneyBody();
            variant.price.currency = cell(header, row, "currency");
            String price = cell(header, row, "price");
            if (price == null) {
                refusals.add(new Refusal(row.line(), "price", "is required"));
            } else if (!WHOLE_NUMBER.matcher(price).matches()) {
                refusals.add(new Refusal(row.line(), "price",
                        "must be a whole number of minor units (1999 for 19.99)"));
            } else {
                variant.price.amount = Long.parseLong(price);
            }
            body.variants.add(variant);
        }
        if (!refusals.isEmpty()) {
            refused.add(rejection(refusals));
            return;
        }
        for (ConstraintViolation<ProductRequests.ImportProductBody> violation : ImportFile.constraintViolations(
                validator, body)) {
            refusals.add(refusal(violation, rows));
        }
        if (!refusals.isEmpty()) {
            refused.add(rejection(refusals));
            return;
        }
        try {
            ProductDraft draft = body.toDraft();
            items.add(new ProductImport.Item(first.line(), draft, body.category,
                    rows.stream().map(Record::line).toList()));
        } catch (CatalogException | IllegalArgumentException | MoneyLimitException e) {
            // the messages quote nothing raw from the file
            refused.add(new ProductImport.Rejection(first.line(), e.getMessage()));
        }
    }

    /** A Bean Validation refusal by column: variants[2].price.amount is the third row's price. */
    private static Refusal refusal(ConstraintViolation<?> violation, List<Record> rows) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        String first = nodes.isEmpty() ? "row" : nodes.get(0).getName();
        if ("variants".equals(first) && nodes.size() > 1 && nodes.get(1).getIndex() != null
                && nodes.get(1).getIndex() < rows.size()) {
            String property = nodes.get(1).getName();
            String column = switch (String.valueOf(property)) {
                case "price" -> nodes.size() > 2 && "currency".equals(nodes.get(2).getName()) ? "currency" : "price";
                case "attributes" -> "variant_attributes";
                default -> property;
            };
            return new Refusal(rows.get(nodes.get(1).getIndex()).line(), column, violation.getMessage());
        }
        if ("variants".equals(first)) {
            return new Refusal(rows.get(0).line(), "rows", "one product (slug) has at most 100 rows");
        }
        return new Refusal(rows.get(0).line(), first, violation.getMessage());
    }

    /** One rejection at the first line with a problem: "price: ...; currency: ...; line 7 sku: ..." */
    private static ProductImport.Rejection rejection(List<Refusal> refusals) {
        List<Refusal> sorted = refusals.stream().sorted(Comparator.comparingInt(Refusal::line)).toList();
        int line = sorted.get(0).line();
        return new ProductImport.Rejection(line, sorted.stream()
                .map(r -> (r.line() == line ? "" : "line " + r.line() + " ") + r.column() + ": " + r.message())
                .collect(Collectors.joining("; ")));
    }

    /** The trimmed cell of a column, or null when the column is absent or the cell empty. */
    private static String cell(List<String> header, Record record, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= record.fields().size()) {
            return null;
        }
        String value = record.fields().get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** "size=M;colour=black" as a map, or a refusal naming the column. */
    private static Map<String, String> pairs(List<String> header, Record record, String column,
            List<Refusal> refusals) {
        String text = cell(header, record, column);
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null) {
            return pairs;
        }
        for (String pair : text.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                refusals.add(new Refusal(record.line(), column, "must look like name=value;name=value"));
                return pairs;
            }
            pairs.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return pairs;
    }

    /** The records of the file (the header first), each with the line it starts on. */
    static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    records.add(new Record(recordLine, record));
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.badRequest("invalid-csv", "a quoted field starting on line " + recordLine
                    + " is never closed");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(new Record(recordLine, record));
        }
        return records;
    }
}
