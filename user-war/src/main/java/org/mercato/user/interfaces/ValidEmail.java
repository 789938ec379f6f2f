package org.mercato.user.interfaces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.mercato.user.domain.EmailAddress;

/**
 * The domain's one rule for emails ({@link EmailAddress#refusal(String)}: stripped, no whitespace, control or
 * invisible character anywhere, then the shape), checked with the body's other fields so that a refused address is
 * a 400 naming {@code email}. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = ValidEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidEmail {

    String message() default "must be an email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link EmailAddress#refusal(String)} and reports its reason. */
    class Validator implements ConstraintValidator<ValidEmail, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.trim().isEmpty()) {
                return true; // @NotBlank's part
            }
            String refusal = EmailAddress.refusal(value);
            if (refusal == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the reason is our own text (never the address), so it is safe as a message template
            context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
            return false;
        }
    }
}
