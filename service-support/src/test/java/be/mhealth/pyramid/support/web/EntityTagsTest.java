package be.mhealth.pyramid.support.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.support.problem.PreconditionException;

/** If-Match: required on replacements (428/412), optional on transitions (412 only when sent and stale). */
class EntityTagsTest {

    @Test
    void aReplacementNeedsTheCurrentTag() {
        assertThatThrownBy(() -> EntityTags.requireMatch(null, 3)).isInstanceOfSatisfying(PreconditionException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.isMissing()).isTrue());
        assertThatThrownBy(() -> EntityTags.requireMatch("\"2\"", 3))
                .isInstanceOfSatisfying(PreconditionException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.isMissing()).isFalse());
        assertThatCode(() -> EntityTags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void aTransitionChecksTheTagOnlyWhenSent() {
        assertThatCode(() -> EntityTags.matchIfGiven(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.matchIfGiven(" ", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.matchIfGiven("\"3\"", 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntityTags.matchIfGiven("\"2\"", 3)).isInstanceOf(PreconditionException.class);
    }
}
