package be.mhealth.pyramid.support.problem;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is not JSON, or JSON of the wrong shape (wrong type, unknown enum value, unknown field, a missing or
 * unknown discriminator such as a decision's {@code outcome}): 400 naming the field.
 */
@Provider
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonParseException || !(exception instanceof JsonMappingException mapping)) {
            return Problem.of(400, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON: " + exception.getOriginalMessage()).toResponse();
        }
        String field = path(mapping);
        String message;
        if (mapping instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null) {
            Class<?> base = typeId.getBaseType().getRawClass();
            JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
            String property = info == null || info.property().isEmpty() ? "@type" : info.property();
            field = field.equals("body") ? property : field + "." + property;
            List<String> names = subtypeNames(base);
            message = typeId.getTypeId() == null ? "is required; one of " + names
                    : "'" + typeId.getTypeId() + "' is not one of " + names;
        } else if (mapping instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field; expected one of " + unknown.getKnownPropertyIds();
        } else if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + describe(mismatch.getTargetType());
        } else {
            message = "cannot be read: " + exception.getOriginalMessage();
        }
        return Problem.of(400, "validation", "Invalid request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static List<String> subtypeNames(Class<?> base) {
        JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
        return subtypes == null ? List.of()
                : Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }
}
