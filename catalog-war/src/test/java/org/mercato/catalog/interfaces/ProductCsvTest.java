package org.mercato.catalog.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.catalog.application.ProductImport;
import org.mercato.platform.money.Money;
import org.mercato.platform.problem.ProblemException;

/** The CSV import: RFC 4180 records, then every row held to the product API's rules, refusals by line. */
class ProductCsvTest {

    private static final String HEADER = "slug,name,description,sku,price,currency,attributes,variant_attributes\n";
    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static ImportFile read(String rows) {
        return ProductCsv.read(HEADER + rows, validator);
    }

    private static Map<Integer, String> refused(ImportFile file) {
        return file.refused().stream().collect(Collectors.toMap(ProductImport.Rejection::line,
                ProductImport.Rejection::message));
    }

    @Test
    void readsQuotedFieldsAndKeepsTheLineEachRecordStartsOn() {
        String csv = "slug,name,sku,price,currency,description\r\n"
                + "mug,\"Mug, large\",MUG-1,900,EUR,\"A \"\"big\"\" mug\"\r\n"
                + "\n"
                + "lamp,Lamp,LAMP-1,4500,EUR,\"two\nlines\"\n"
                + "tee,Tee,TEE-1,1500,EUR,plain";
        List<ProductCsv.Record> records = ProductCsv.records(csv);
        assertEquals(4, records.size());
        assertEquals(2, records.get(1).line());
        assertEquals("Mug, large", records.get(1).fields().get(1));
        assertEquals("A \"big\" mug", records.get(1).fields().get(5));
        assertEquals(4, records.get(2).line());
        assertEquals(6, records.get(3).line());

        ImportFile file = ProductCsv.read(csv, validator);
        assertEquals(List.of(), file.refused());
        assertEquals(3, file.items().size());
        assertEquals("two\nlines", file.items().get(1).draft().description(), "line breaks in a description");
        assertEquals(4, file.items().get(1).line());
    }

    @Test
    void rowsWithOneSlugMakeOneProductWithTheLineOfEachVariant() {
        ImportFile file = read("tee,Tee,,TEE-S,1500,EUR,material=cotton,size=S\n"
                + "tee,Tee,,TEE-M,1600,EUR,,size=M\n");
        assertEquals(1, file.items().size());
        ProductImport.Item tee = file.items().get(0);
        assertEquals(List.of(2, 3), tee.variantLines());
        assertEquals(Map.of("material", "cotton"), tee.draft().attributes());
        assertEquals(new Money(1600, "EUR"), tee.draft().variants().get(1).price());
        assertEquals(Map.of("size", "M"), tee.draft().variants().get(1).attributes());
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedByColumnAndNothingElseOfTheProduct() {
        ImportFile file = read("nul,Nul\u0000name,,NUL-1,100,EUR,,\n"
                + "sur,Lone \ud800 surrogate,,SUR-1,100,EUR,,\n"
                + "two,Two rows,,TWO-1,100,EUR,,\n"
                + "two,Two rows,,TWO-2,100,EUR,,size=M\u0007\n"
                + "brk,\"Line\nbreak\",,BRK-1,100,EUR,,\n"
                + "good,Good,,GOOD-1,100,EUR,,\n");
        Map<Integer, String> refused = refused(file);
        assertTrue(refused.get(2).startsWith("name: must not contain control characters"), refused.get(2));
        assertTrue(refused.get(3).startsWith("name: must be valid Unicode"), refused.get(3));
        assertTrue(refused.get(5).startsWith("variant_attributes: must not contain control"), refused.get(5));
        assertTrue(refused.get(6).startsWith("name: must not contain control characters (U+000A"),
                "a line break only in a description: " + refused.get(6));
        assertEquals(4, refused.size(), refused.toString());
        assertEquals(List.of("good"), file.items().stream().map(i -> i.draft().slug()).toList(),
                "the product with one bad row is refused whole");
    }

    @Test
    void pricesAreWholeNumbersOfMinorUnitsAndFollowTheProductApiRules() {
        Map<Integer, String> refused = refused(read("a,A,,A-1,1.5,EUR,,\n"
                + "b,B,,B-1,2e3,EUR,,\n"
                + "c,C,,C-1,+5,EUR,,\n"
                + "d,D,,D-1,-5,EUR,,\n"
                + "e,E,,E-1,,EUR,,\n"
                + "f,F,,F-1,100,eur,,\n"
                + "g,G,,G-1,99999999999999999999,EUR,,\n"));
        for (int line = 2; line <= 4; line++) {
            assertEquals("price: must be a whole number of minor units (1999 for 19.99)", refused.get(line));
        }
        assertEquals("price: must not be negative", refused.get(5));
        assertEquals("price: is required", refused.get(6));
        assertEquals("currency: must be an upper-case ISO 4217 currency code", refused.get(7));
        assertEquals("price: must be a whole number of minor units (1999 for 19.99)", refused.get(8));
    }

    @Test
    void lengthsStatusAndNamesAreTheProductApiRules() {
        Map<Integer, String> refused = refused(ProductCsv.read("slug,name,sku,price,currency,status,attributes\n"
                + "long,\"" + "n".repeat(201) + "\",LONG-1,100,EUR,,\n"
                + "arch,Archived,ARCH-1,100,EUR,archived,\n"
                + "at,Attrs,AT-1,100,EUR,,colour\n"
                + "sku,Bad sku,bad sku,100,EUR,,\n"
                + "ok,Fine,OK-1,100,EUR,draft,colour=black\n", validator));
        assertEquals("name: size must be between 0 and 200", refused.get(2));
        assertEquals("status: must be DRAFT or ACTIVE", refused.get(3));
        assertEquals("attributes: must look like name=value;name=value", refused.get(4));
        assertTrue(refused.get(5).startsWith("sku: must be 1 to 64 upper-case letters"), refused.get(5));
        assertEquals(4, refused.size(), refused.toString());
    }

    @Test
    void aBadRowOfAProductIsReportedOnItsOwnLine() {
        Map<Integer, String> refused = refused(read("tee,Tee,,TEE-S,1500,EUR,,size=S\n"
                + "tee,Tee,,TEE-M,-1,EUR,,size=M\n"));
        assertEquals(Map.of(3, "price: must not be negative"), refused);
    }

    @Test
    void aMissingSlugAndExtraFieldsAreRefusedByRow() {
        ImportFile file = read(",No slug,,NS-1,100,EUR,,\n"
                + "extra,Extra,,EX-1,100,EUR,,,surprise\n");
        Map<Integer, String> refused = refused(file);
        assertEquals("slug: is required", refused.get(2));
        assertEquals("row: has 9 fields but the header names 8 columns", refused.get(3));
        assertTrue(file.items().isEmpty());
    }

    @Test
    void refusesFilesWithoutTheRequiredColumnsOrRowsOrWithUnknownColumns() {
        assertThrows(ProblemException.class, () -> ProductCsv.read("slug,name\nmug,Mug", validator));
        assertThrows(ProblemException.class, () -> ProductCsv.read("slug,name,sku,price,currency\n", validator));
        assertThrows(ProblemException.class, () -> ProductCsv.read("slug,name,sku,price,currency\n\"open,x",
                validator));
        ProblemException unknown = assertThrows(ProblemException.class, () -> ProductCsv.read(
                "slug,name,sku,price,currency,<b>bogus</b>\nmug,Mug,MUG-1,100,EUR,x\n", validator));
        assertTrue(unknown.problem().detail().contains("?b?bogus?/b?"), unknown.problem().detail());
        assertFalse(unknown.problem().detail().contains("<"), unknown.problem().detail());
        assertThrows(ProblemException.class,
                () -> ProductCsv.read("slug,name,sku,price,currency,name\nm,M,M-1,1,EUR,N\n",
                        validator));
        assertThrows(ProblemException.class,
                () -> ProductCsv.read("slug,na\u0000me,sku,price,currency\nm,M,M-1,1,EUR\n",
                        validator));
    }
}
