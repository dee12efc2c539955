package io.lendpoint.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A mainland-China phone number: an 11-digit mobile number (1[3-9]xxxxxxxxx) or a landline with area code
 * (0757-8xxxxxxx, 0757 8xxxxxxx or 07578xxxxxxx), optionally with an extension (-123). Null is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PhoneNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneNumber {

    String message() default "{validation.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneNumber, String> {
        private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
        private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}[- ]?[2-9]\\d{6,7}(-\\d{1,6})?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches();
        }
    }
}
