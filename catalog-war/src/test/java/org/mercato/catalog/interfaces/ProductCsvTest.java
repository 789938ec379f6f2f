package org.mercato.catalog.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.problem.ProblemException;

class ProductCsvTest {

    @Test
    void readsQuotedFieldsAndKeepsTheLineEachRowStartsOn() {
        String csv = "slug,name,sku,price,currency,description\r\n"
                + "mug,\"Mug, large\",MUG-1,900,EUR,\"A \"\"big\"\" mug\"\r\n"
                + "\n"
                + "lamp,Lamp,LAMP-1,4500,EUR,\"two\nlines\"\n"
                + "tee,Tee,TEE-1,1500,EUR,plain";
        List<ProductImport.Row> rows = ProductCsv.parse(csv);
        assertEquals(3, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("Mug, large", rows.get(0).values().get("name"));
        assertEquals("A \"big\" mug", rows.get(0).values().get("description"));
        assertEquals(4, rows.get(1).line());
        assertEquals("two\nlines", rows.get(1).values().get("description"));
        assertEquals(6, rows.get(2).line());
    }

    @Test
    void refusesFilesWithoutTheRequiredColumnsOrRows() {
        assertThrows(ProblemException.class, () -> ProductCsv.parse("slug,name\nmug,Mug"));
        assertThrows(ProblemException.class, () -> ProductCsv.parse("slug,name,sku,price,currency\n"));
        assertThrows(ProblemException.class, () -> ProductCsv.parse("slug,name,sku,price,currency\n\"open,x"));
    }
}
