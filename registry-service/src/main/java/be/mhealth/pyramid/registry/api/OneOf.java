package be.mhealth.pyramid.registry.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A query parameter that must name a constant of {@link #value()} (case-insensitive); null is valid. */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER })
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {
    Class<? extends Enum<?>> value();

    String message() default "is not a known value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private Enum<?>[] constants;

        @Override
        public void initialize(OneOf annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (Enum<?> c : constants) {
                if (c.name().equalsIgnoreCase(value.trim())) {
                    return true;
                }
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + Arrays.toString(constants))
                    .addConstraintViolation();
            return false;
        }
    }
}
