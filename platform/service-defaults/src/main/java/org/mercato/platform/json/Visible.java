package org.mercato.platform.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A required text (a name, an address line) must hold at least one character that shows: text made only of
 * Unicode whitespace or invisible characters ({@link VisibleText}, e.g. {@code "\u200b"} or {@code "\u3000"}) is
 * refused like a blank one. Null and ASCII-blank text are left to {@code @NotBlank}, so each field gets one error.
 */
@Documented
@Constraint(validatedBy = Visible.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Visible {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses text that is not ASCII-blank but still shows nothing. */
    class Validator implements ConstraintValidator<Visible, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.trim().isEmpty() || !VisibleText.isBlank(value);
        }
    }
}
