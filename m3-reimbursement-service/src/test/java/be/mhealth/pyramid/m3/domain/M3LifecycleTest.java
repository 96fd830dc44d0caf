package be.mhealth.pyramid.m3.domain;

import static be.mhealth.pyramid.m3.domain.M3DossierAction.APPROVE_DEFINITIVE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.APPROVE_TEMPORARY;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.CLOSE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLARE_ADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLARE_INADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLINE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.EXPIRE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.EXTEND_EVALUATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.LAPSE_CLARIFICATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.REQUEST_CLARIFICATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.REVOKE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.SUBMIT;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m3.domain.M3DossierState.APPROVED_DEFINITIVE;
import static be.mhealth.pyramid.m3.domain.M3DossierState.APPROVED_TEMPORARY;
import static be.mhealth.pyramid.m3.domain.M3DossierState.CLARIFICATION_REQUESTED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.CLOSED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.DECLINED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.DRAFT;
import static be.mhealth.pyramid.m3.domain.M3DossierState.ENDED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.INADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierState.IN_EVALUATION;
import static be.mhealth.pyramid.m3.domain.M3DossierState.SUBMITTED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import be.mhealth.pyramid.support.problem.StateConflictException;

/** Every (state, action) pair: the allowed ones lead where the design says, every other one is a 409. */
class M3LifecycleTest {

    private static final Map<M3DossierState, Map<M3DossierAction, M3DossierState>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, Map.of(SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(SUBMITTED, Map.of(DECLARE_ADMISSIBLE, IN_EVALUATION, DECLARE_INADMISSIBLE, INADMISSIBLE,
                    WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(IN_EVALUATION, Map.of(EXTEND_EVALUATION, IN_EVALUATION,
                    REQUEST_CLARIFICATION, CLARIFICATION_REQUESTED, APPROVE_TEMPORARY, APPROVED_TEMPORARY, APPROVE_DEFINITIVE, APPROVED_DEFINITIVE, DECLINE, DECLINED,
                    WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(CLARIFICATION_REQUESTED, Map.of(SUBMIT, IN_EVALUATION, LAPSE_CLARIFICATION, IN_EVALUATION,
                    WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(APPROVED_TEMPORARY, Map.of(APPROVE_DEFINITIVE, APPROVED_DEFINITIVE, EXPIRE, ENDED,
                    REVOKE, ENDED, CLOSE, CLOSED)),
            Map.entry(APPROVED_DEFINITIVE, Map.of(REVOKE, ENDED, CLOSE, CLOSED)),
            Map.entry(INADMISSIBLE, Map.of()),
            Map.entry(DECLINED, Map.of()),
            Map.entry(WITHDRAWN, Map.of()),
            Map.entry(ENDED, Map.of()),
            Map.entry(CLOSED, Map.of()));

    static Stream<Arguments> allowed() {
        List<Arguments> cases = new ArrayList<>();
        ALLOWED.forEach((from, actions) -> actions.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
        return cases.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (M3DossierState from : M3DossierState.values()) {
            for (M3DossierAction action : M3DossierAction.values()) {
                if (!ALLOWED.get(from).containsKey(action)) {
                    cases.add(Arguments.of(from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void anAllowedTransitionLeadsToItsState(M3DossierState from, M3DossierAction action, M3DossierState to) {
        assertThat(M3Lifecycle.TABLE.next(from, action)).contains(to);
        assertThat(M3Lifecycle.TABLE.require(from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refused")
    void anyOtherIsAConflictNamingTheCurrentState(M3DossierState from, M3DossierAction action) {
        assertThat(M3Lifecycle.TABLE.next(from, action)).isEmpty();
        assertThatThrownBy(() -> M3Lifecycle.TABLE.require(from, action))
                .isInstanceOfSatisfying(StateConflictException.class, e -> {
                    assertThat(e.currentState()).isEqualTo(from.name());
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                });
    }

    @Test
    void aDossierIsCreatedAsADraftAndEveryStateIsCovered() {
        assertThat(M3Lifecycle.TABLE.creation()).isEqualTo(M3DossierAction.CREATE);
        assertThat(M3Lifecycle.TABLE.initial()).isEqualTo(DRAFT);
        assertThat(ALLOWED).containsOnlyKeys(M3DossierState.values());
        ALLOWED.forEach((from, actions) -> assertThat(M3Lifecycle.TABLE.actionsFrom(from))
                .containsExactlyInAnyOrderElementsOf(actions.keySet()));
        // the final states are exactly those the table leaves no way out of
        assertThat(M3DossierState.FINAL).containsExactlyInAnyOrder(INADMISSIBLE, DECLINED, WITHDRAWN, ENDED, CLOSED);
        assertThat(M3DossierState.FINAL).allSatisfy(s -> assertThat(M3Lifecycle.TABLE.actionsFrom(s)).isEmpty());
    }
}
