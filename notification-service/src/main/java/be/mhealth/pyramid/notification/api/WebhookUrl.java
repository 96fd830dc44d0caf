package be.mhealth.pyramid.notification.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute http(s) URL with a host, without user information or fragment (null is left to {@code @NotNull}).
 * Whether http and the host's address are acceptable is the delivery policy's call (422), not a matter of form.
 */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = WebhookUrl.Validator.class)
public @interface WebhookUrl {
    String message() default "must be an absolute https URL with a host, without user information or fragment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebhookUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                return uri.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                        && uri.getHost() != null && !uri.getHost().isBlank() && uri.getRawUserInfo() == null
                        && uri.getRawFragment() == null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
