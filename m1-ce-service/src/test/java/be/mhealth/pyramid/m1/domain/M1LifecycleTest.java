package be.mhealth.pyramid.m1.domain;

import static be.mhealth.pyramid.m1.domain.M1DossierAction.APPROVE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.CLOSE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.RENEW;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.EXTEND;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REQUEST_REASSESSMENT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.CONFIRM;
import static be.mhealth.pyramid.m1.domain.M1DossierState.RENEWED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.CLOSED;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.EXPIRE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REJECT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REQUEST_INFO;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REVOKE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.START_REVIEW;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.SUBMIT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m1.domain.M1DossierState.APPROVED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.DRAFT;
import static be.mhealth.pyramid.m1.domain.M1DossierState.EXPIRED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.INFO_REQUESTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.IN_REVIEW;
import static be.mhealth.pyramid.m1.domain.M1DossierState.REJECTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.REVOKED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.SUBMITTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.WITHDRAWN;
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
class M1LifecycleTest {

    private static final Map<M1DossierState, Map<M1DossierAction, M1DossierState>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, Map.of(SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(SUBMITTED, Map.of(START_REVIEW, IN_REVIEW, WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(IN_REVIEW, Map.of(REQUEST_INFO, INFO_REQUESTED, APPROVE, APPROVED, REJECT, REJECTED, WITHDRAW,
                    WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(INFO_REQUESTED, Map.of(SUBMIT, IN_REVIEW, WITHDRAW, WITHDRAWN, CLOSE, CLOSED)),
            Map.entry(APPROVED, Map.of(REVOKE, REVOKED, EXPIRE, EXPIRED, RENEW, RENEWED, EXTEND, APPROVED,
                    REQUEST_REASSESSMENT, APPROVED, CONFIRM, APPROVED, CLOSE, CLOSED)),
            Map.entry(REJECTED, Map.of()),
            Map.entry(WITHDRAWN, Map.of()),
            Map.entry(REVOKED, Map.of()),
            Map.entry(EXPIRED, Map.of()),
            Map.entry(RENEWED, Map.of()),
            Map.entry(CLOSED, Map.of()));

    static Stream<Arguments> allowed() {
        List<Arguments> cases = new ArrayList<>();
        ALLOWED.forEach((from, actions) -> actions.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
        return cases.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (M1DossierState from : M1DossierState.values()) {
            for (M1DossierAction action : M1DossierAction.values()) {
                if (!ALLOWED.get(from).containsKey(action)) {
                    cases.add(Arguments.of(from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void anAllowedTransitionLeadsToItsState(M1DossierState from, M1DossierAction action, M1DossierState to) {
        assertThat(M1Lifecycle.TABLE.next(from, action)).contains(to);
        assertThat(M1Lifecycle.TABLE.require(from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refused")
    void anyOtherIsAConflictNamingTheCurrentState(M1DossierState from, M1DossierAction action) {
        assertThat(M1Lifecycle.TABLE.next(from, action)).isEmpty();
        assertThatThrownBy(() -> M1Lifecycle.TABLE.require(from, action))
                .isInstanceOfSatisfying(StateConflictException.class, e -> {
                    assertThat(e.currentState()).isEqualTo(from.name());
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                });
    }

    @Test
    void aDossierIsCreatedAsADraftAndEveryStateIsCovered() {
        assertThat(M1Lifecycle.TABLE.creation()).isEqualTo(M1DossierAction.CREATE);
        assertThat(M1Lifecycle.TABLE.initial()).isEqualTo(DRAFT);
        assertThat(ALLOWED).containsOnlyKeys(M1DossierState.values());
        ALLOWED.forEach((from, actions) -> assertThat(M1Lifecycle.TABLE.actionsFrom(from))
                .containsExactlyInAnyOrderElementsOf(actions.keySet()));
    }
}
