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
 * A class of the Chinese Library Classification (中国图书馆分类法, 中图法): one of the 22 basic classes
 * (A B C D E F G H I J K N O P Q R S T U V X Z), optionally followed by a subdivision such as {@code I287} or
 * {@code TP3}. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ClcClass.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ClcClass {

    String message() default "{validation.clc}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClcClass, String> {
        private static final Pattern CLC = Pattern.compile("[A-KN-VXZ][A-Z]?[0-9]{0,6}(\\.[0-9]{1,6})?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CLC.matcher(value).matches();
        }
    }
}
