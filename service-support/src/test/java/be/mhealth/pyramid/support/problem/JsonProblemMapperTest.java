package be.mhealth.pyramid.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

/** A body whose discriminator (e.g. a decision's outcome) is missing or unknown: 400 naming that property. */
class JsonProblemMapperTest {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
    @JsonSubTypes({ @JsonSubTypes.Type(value = Yes.class, name = "YES"),
            @JsonSubTypes.Type(value = No.class, name = "NO") })
    sealed interface Answer permits Yes, No {
    }

    record Yes(String reason) implements Answer {
    }

    record No(String reason) implements Answer {
    }

    private final ObjectMapper json = new ObjectMapper();

    private Problem problemFor(String body) {
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class,
                () -> json.readValue(body, Answer.class));
        return (Problem) new JsonProblemMapper().toResponse(e).getEntity();
    }

    @Test
    void aMissingOrUnknownOutcomeNamesTheOutcome() {
        Problem missing = problemFor("{\"reason\": \"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("outcome");
            assertThat(e.message()).isEqualTo("is required; one of [YES, NO]");
        });
        Problem unknown = problemFor("{\"outcome\": \"MAYBE\"}");
        assertThat(unknown.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("outcome");
            assertThat(e.message()).isEqualTo("'MAYBE' is not one of [YES, NO]");
        });
    }
}
