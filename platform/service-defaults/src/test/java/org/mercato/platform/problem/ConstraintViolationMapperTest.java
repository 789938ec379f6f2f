package org.mercato.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

/** Field names of Bean Validation failures, as real Hibernate Validator reports them, in the request's JSON terms. */
class ConstraintViolationMapperTest {

    public static final class Price {
        @Min(0)
        public long amount;
    }

    public static final class Variant {
        @NotNull
        @Valid
        public Price price;
    }

    public static final class ProductForm {
        @NotBlank
        public String name;

        @Valid
        public List<Variant> variants;

        @JsonbProperty("refresh_token")
        @Size(min = 1)
        public String refreshToken;

        public List<@NotBlank String> roles;
    }

    /** A resource method as JAX-RS validates it: its body parameter. */
    public static final class Resource {
        public void create(@Valid @NotNull ProductForm body) {
        }
    }

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Set<String> fieldsOf(ProductForm form) throws NoSuchMethodException {
        Method create = Resource.class.getMethod("create", ProductForm.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables().validateParameters(
                new Resource(), create, new Object[]{form});
        return violations.stream().map(ConstraintViolationMapper::fieldName).collect(Collectors.toCollection(
                TreeSet::new));
    }

    private static ProductForm valid() {
        ProductForm form = new ProductForm();
        form.name = "Boot";
        Variant variant = new Variant();
        variant.price = new Price();
        form.variants = List.of(variant);
        form.roles = List.of("staff");
        return form;
    }

    @Test
    void namesNestedListItemsByTheirJsonPath() throws Exception {
        ProductForm form = valid();
        Variant second = new Variant();
        second.price = new Price();
        second.price.amount = -1;
        Variant third = new Variant();
        form.variants = List.of(form.variants.get(0), second, third);
        assertEquals(Set.of("variants[1].price.amount", "variants[2].price"), fieldsOf(form));
    }

    @Test
    void namesRenamedPropertiesAsTheClientSendsThem() throws Exception {
        ProductForm form = valid();
        form.refreshToken = "";
        assertEquals(Set.of("refresh_token"), fieldsOf(form));
    }

    @Test
    void namesItemsOfAListOfValues() throws Exception {
        ProductForm form = valid();
        form.roles = List.of("staff", " ");
        assertEquals(Set.of("roles[1]"), fieldsOf(form));
    }

    @Test
    void aMissingBodyIsTheBodyAndATopLevelFieldItsName() throws Exception {
        assertEquals(Set.of("body"), fieldsOf(null));
        ProductForm form = valid();
        form.name = "";
        assertEquals(Set.of("name"), fieldsOf(form));
    }

    @Test
    void aValidatedObjectNamesItsOwnFields() {
        ProductForm form = valid();
        form.variants.get(0).price = null;
        assertEquals(List.of("variants[0].price"), VALIDATOR.validate(form).stream()
                .map(ConstraintViolationMapper::fieldName).toList());
    }
}
