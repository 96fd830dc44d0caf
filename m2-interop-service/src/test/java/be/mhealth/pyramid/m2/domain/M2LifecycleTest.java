package be.mhealth.pyramid.m2.domain;

import static be.mhealth.pyramid.m2.domain.M2DossierAction.APPROVE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.CLOSE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.CONFIRM;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REJECT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REQUEST_INFO;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REQUEST_REASSESSMENT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REVOKE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.START_REVIEW;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.SUBMIT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m2.domain.M2DossierState.APPROVED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.CLOSED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.DRAFT;
import static be.mhealth.pyramid.m2.domain.M2DossierState.INFO_REQUESTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.IN_REVIEW;
import static be.mhealth.pyramid.m2.domain.M2DossierState.REJECTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.REVOKED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.SUBMITTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.WITHDRAWN;
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
class M2LifecycleTest {

    private static final Map<M2DossierState, Map<M2DossierAction, M2DossierState>> ALLOWED = Map.of(
            DRAFT, Map.of(SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN, CLOSE, CLOSED),
            SUBMITTED, Map.of(START_REVIEW, IN_REVIEW, WITHDRAW, WITHDRAWN, CLOSE, CLOSED),
            IN_REVIEW, Map.of(REQUEST_INFO, INFO_REQUESTED, APPROVE, APPROVED, REJECT, REJECTED, WITHDRAW, WITHDRAWN,
                    CLOSE, CLOSED),
            INFO_REQUESTED, Map.of(SUBMIT, IN_REVIEW, WITHDRAW, WITHDRAWN, CLOSE, CLOSED),
            REJECTED, Map.of(),
            APPROVED, Map.of(REVOKE, REVOKED, REQUEST_REASSESSMENT, APPROVED, CONFIRM, APPROVED, CLOSE, CLOSED),
            WITHDRAWN, Map.of(),
            REVOKED, Map.of(),
            CLOSED, Map.of());

    static Stream<Arguments> allowed() {
        List<Arguments> cases = new ArrayList<>();
        ALLOWED.forEach((from, actions) -> actions.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
        return cases.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (M2DossierState from : M2DossierState.values()) {
            for (M2DossierAction action : M2DossierAction.values()) {
                if (!ALLOWED.get(from).containsKey(action)) {
                    cases.add(Arguments.of(from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void anAllowedTransitionLeadsToItsState(M2DossierState from, M2DossierAction action, M2DossierState to) {
        assertThat(M2Lifecycle.TABLE.next(from, action)).contains(to);
        assertThat(M2Lifecycle.TABLE.require(from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refused")
    void anyOtherIsAConflictNamingTheCurrentState(M2DossierState from, M2DossierAction action) {
        assertThat(M2Lifecycle.TABLE.next(from, action)).isEmpty();
        assertThatThrownBy(() -> M2Lifecycle.TABLE.require(from, action))
                .isInstanceOfSatisfying(StateConflictException.class, e -> {
                    assertThat(e.currentState()).isEqualTo(from.name());
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                });
    }

    @Test
    void aDossierIsCreatedAsADraftAndEveryStateIsCovered() {
        assertThat(M2Lifecycle.TABLE.creation()).isEqualTo(M2DossierAction.CREATE);
        assertThat(M2Lifecycle.TABLE.initial()).isEqualTo(DRAFT);
        assertThat(ALLOWED).containsOnlyKeys(M2DossierState.values());
        ALLOWED.forEach((from, actions) -> assertThat(M2Lifecycle.TABLE.actionsFrom(from))
                .containsExactlyInAnyOrderElementsOf(actions.keySet()));
    }
}
