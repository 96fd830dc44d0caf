package be.mhealth.pyramid.m1.domain;

import static be.mhealth.pyramid.m1.domain.DossierAction.APPROVE;
import static be.mhealth.pyramid.m1.domain.DossierAction.EXPIRE;
import static be.mhealth.pyramid.m1.domain.DossierAction.REJECT;
import static be.mhealth.pyramid.m1.domain.DossierAction.REQUEST_INFO;
import static be.mhealth.pyramid.m1.domain.DossierAction.REVOKE;
import static be.mhealth.pyramid.m1.domain.DossierAction.START_REVIEW;
import static be.mhealth.pyramid.m1.domain.DossierAction.SUBMIT;
import static be.mhealth.pyramid.m1.domain.DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m1.domain.DossierStatus.APPROVED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.DRAFT;
import static be.mhealth.pyramid.m1.domain.DossierStatus.EXPIRED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.INFO_REQUESTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.IN_REVIEW;
import static be.mhealth.pyramid.m1.domain.DossierStatus.REJECTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.REVOKED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.SUBMITTED;
import static be.mhealth.pyramid.m1.domain.DossierStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import be.mhealth.pyramid.support.problem.StateConflictException;

/** Every (state, action) pair: the allowed ones lead where the design says, every other one is a 409. */
class DossierLifecycleTest {

    private static final Map<DossierStatus, Map<DossierAction, DossierStatus>> ALLOWED = Map.of(
            DRAFT, Map.of(SUBMIT, SUBMITTED, WITHDRAW, WITHDRAWN),
            SUBMITTED, Map.of(START_REVIEW, IN_REVIEW, WITHDRAW, WITHDRAWN),
            IN_REVIEW, Map.of(REQUEST_INFO, INFO_REQUESTED, APPROVE, APPROVED, REJECT, REJECTED, WITHDRAW, WITHDRAWN),
            INFO_REQUESTED, Map.of(SUBMIT, IN_REVIEW, WITHDRAW, WITHDRAWN),
            APPROVED, Map.of(REVOKE, REVOKED, EXPIRE, EXPIRED),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of(),
            REVOKED, Map.of(),
            EXPIRED, Map.of());

    static Stream<Arguments> allowed() {
        List<Arguments> cases = new ArrayList<>();
        ALLOWED.forEach((from, actions) -> actions.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
        return cases.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (DossierStatus from : DossierStatus.values()) {
            for (DossierAction action : DossierAction.values()) {
                if (!ALLOWED.get(from).containsKey(action)) {
                    cases.add(Arguments.of(from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void allowedTransitionLeadsToItsState(DossierStatus from, DossierAction action, DossierStatus to) {
        assertThat(DossierLifecycle.next(from, action)).contains(to);
        assertThat(DossierLifecycle.require(from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("refused")
    void refusedTransitionIsAConflictNamingTheCurrentState(DossierStatus from, DossierAction action) {
        assertThat(DossierLifecycle.next(from, action)).isEmpty();
        assertThatThrownBy(() -> DossierLifecycle.require(from, action))
                .isInstanceOfSatisfying(StateConflictException.class, e -> {
                    assertThat(e.currentState()).isEqualTo(from.name());
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                });
    }

    @Test
    void everyStateIsCovered() {
        assertThat(ALLOWED).containsOnlyKeys(DossierStatus.values());
        assertThat(allowed().count() + refused().count())
                .isEqualTo((long) DossierStatus.values().length * DossierAction.values().length);
    }

    @Test
    void applyRecordsWhoWhenWhyAndTheDecision() {
        OffsetDateTime t0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");
        Dossier dossier = Dossier.open(UUID.randomUUID(), "medisoft", "alice", t0);
        assertThat(dossier.creation().toStatus).isEqualTo(DRAFT);

        DossierTransition submitted = dossier.apply(SUBMIT, "alice", t0.plusHours(1), "submitted");
        assertThat(dossier.submittedAt()).isEqualTo(t0.plusHours(1));
        assertThat(submitted.fromStatus).isEqualTo(DRAFT);
        assertThat(submitted.toStatus).isEqualTo(SUBMITTED);

        dossier.apply(START_REVIEW, "fiona", t0.plusHours(2), "taken into review");
        DossierTransition approved = dossier.apply(APPROVE, "fiona", t0.plusHours(2), "fine");
        assertThat(approved.actor).isEqualTo("fiona");
        assertThat(approved.occurredAt).isEqualTo(t0.plusHours(2));
        assertThat(approved.reason).isEqualTo("fine");
        assertThat(dossier.status()).isEqualTo(APPROVED);
        assertThat(dossier.decidedBy()).isEqualTo("fiona");
        assertThat(dossier.decisionReason()).isEqualTo("fine");

        assertThatThrownBy(() -> dossier.apply(SUBMIT, "alice", t0.plusHours(3), "again"))
                .isInstanceOf(StateConflictException.class);
        assertThat(dossier.status()).isEqualTo(APPROVED);
    }
}
