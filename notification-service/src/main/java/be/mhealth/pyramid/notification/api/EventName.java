package be.mhealth.pyramid.notification.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import be.mhealth.pyramid.notification.domain.EventCatalogue;

/** A webhook event type of the catalogue ({@code GET /api/v1/webhooks/event-types}); null is left to {@code @NotNull}. */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = EventName.Validator.class)
public @interface EventName {
    String message() default "is not a webhook event type; see GET /api/v1/webhooks/event-types";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || EventCatalogue.find(value).isPresent();
        }
    }
}
