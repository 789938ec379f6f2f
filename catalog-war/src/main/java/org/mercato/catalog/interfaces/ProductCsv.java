package org.mercato.catalog.interfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.problem.ProblemException;

/**
 * Reads the import CSV (RFC 4180: commas, double quotes, "" inside quotes, quoted line breaks). The first line
 * names the columns; each later record becomes a row with the line number it starts on.
 */
final class ProductCsv {

    private ProductCsv() {
    }

    static List<ProductImport.Row> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
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
                    records.add(record);
                    lines.add(recordLine);
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
            records.add(record);
            lines.add(recordLine);
        }
        if (records.size() < 2) {
            throw ProblemException.badRequest("invalid-csv", "the file needs a header line and at least one row");
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = ProductImport.REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("invalid-csv", "the header lacks the column(s) " + missing);
        }
        List<ProductImport.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> values = new HashMap<>();
            List<String> fields = records.get(r);
            for (int c = 0; c < header.size() && c < fields.size(); c++) {
                values.put(header.get(c), fields.get(c));
            }
            rows.add(new ProductImport.Row(lines.get(r), values));
        }
        return rows;
    }
}
