package be.mhealth.pyramid.m1.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Actor;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/** The aggregate: each behaviour moves it through the table, checks the rules and returns its history line. */
class M1DossierTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Actor ALICE = new Actor("alice", ActedBy.VENDOR);
    static final Actor FIONA = new Actor("fiona", ActedBy.AUTHORITY);
    static final Actor JOB = Actor.system("m1-ce-service");
    static final List<AttachmentKind> CE = List.of(AttachmentKind.CE_CERTIFICATE);

    static M1Evidence evidence(LocalDate issuedOn, LocalDate expiresOn) {
        return new M1Evidence(new Certificate(Regulation.MDR, DeviceClass.IIa, "0123", "CE-1", issuedOn, expiresOn,
                "05412345000013", Map.of("en", "Diabetes diary")), "BE-FAMHP-1",
                new GdprDeclaration("dpo@medisoft.be", LegalBasis.CONSENT, DataArea.EU_EEA, null, null,
                        "https://medisoft.be/privacy"));
    }

    static M1Dossier draft() {
        return M1Dossier.open(UUID.randomUUID(), "medisoft", evidence(LocalDate.of(2025, 3, 1),
                LocalDate.of(2029, 3, 1)), ALICE, T0);
    }

    /** An approved dossier whose certificate's last valid day is 1 March 2029. */
    static M1Dossier granted() {
        M1Dossier dossier = draft();
        dossier.submit(CE, ALICE, T0);
        dossier.startReview(FIONA, T0);
        dossier.approve("fine", FIONA, T0);
        return dossier;
    }

    @Test
    void eachStepIsAHistoryLineWithWhoWhenWhy() {
        M1Dossier dossier = draft();
        M1DossierTransition created = dossier.creation();
        assertThat(created.from()).isNull();
        assertThat(created.to()).isEqualTo(M1DossierState.DRAFT);
        assertThat(created.action()).isEqualTo(M1DossierAction.CREATE);
        assertThat(created.actedBy()).isEqualTo(ActedBy.VENDOR);

        M1DossierTransition submitted = dossier.submit(CE, ALICE, T0.plusSeconds(3600));
        assertThat(submitted.from()).isEqualTo(M1DossierState.DRAFT);
        assertThat(submitted.to()).isEqualTo(M1DossierState.SUBMITTED);
        assertThat(dossier.submittedAt()).isEqualTo(T0.plusSeconds(3600)).isEqualTo(dossier.waitingSince());

        dossier.startReview(FIONA, T0.plusSeconds(7200));
        M1DossierTransition approved = dossier.approve(null, FIONA, T0.plusSeconds(7200));
        assertThat(approved.actor()).isEqualTo("fiona");
        assertThat(approved.actedBy()).isEqualTo(ActedBy.AUTHORITY);
        assertThat(approved.reason()).isEqualTo("approved");
        assertThat(approved.at()).isEqualTo(T0.plusSeconds(7200));
        assertThat(dossier.state()).isEqualTo(M1DossierState.APPROVED);
        assertThat(dossier.decidedBy()).isEqualTo("fiona");

        assertThatThrownBy(() -> dossier.submit(CE, ALICE, T0.plusSeconds(9000)))
                .isInstanceOf(StateConflictException.class);
        assertThat(dossier.state()).isEqualTo(M1DossierState.APPROVED);
    }

    @Test
    void aResubmissionKeepsTheFirstSubmissionAndWaitsAnew() {
        M1Dossier dossier = draft();
        dossier.submit(CE, ALICE, T0);
        dossier.startReview(FIONA, T0.plus(Duration.ofDays(1)));
        dossier.requestInfo("UDI-DI does not match", FIONA, T0.plus(Duration.ofDays(1)));
        M1DossierTransition answer = dossier.submit(CE, ALICE, T0.plus(Duration.ofDays(3)));
        assertThat(answer.to()).isEqualTo(M1DossierState.IN_REVIEW);
        assertThat(answer.reason()).isEqualTo("re-submitted after the information request");
        assertThat(dossier.submittedAt()).isEqualTo(T0);
        assertThat(dossier.waitingSince()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void submissionNeedsTheCertificatePdfAndTheStateBeforeTheRules() {
        M1Dossier dossier = draft();
        assertThatThrownBy(() -> dossier.submit(List.of(), ALICE, T0))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("attachments"));
        dossier.withdraw("gave up", ALICE, T0);
        assertThatThrownBy(() -> dossier.submit(List.of(), ALICE, T0)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void evidenceChangesOnlyWhileEditableAndForTheSameApp() {
        M1Dossier dossier = draft();
        M1Evidence other = evidence(LocalDate.of(2025, 6, 1), LocalDate.of(2030, 6, 1));
        assertThatThrownBy(() -> dossier.revise(UUID.randomUUID(), other, T0))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("appId"));
        dossier.revise(dossier.appId(), other, T0);
        assertThat(dossier.certificate().issuedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        dossier.submit(CE, ALICE, T0);
        assertThatThrownBy(() -> dossier.revise(dossier.appId(), other, T0))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("SUBMITTED"));
    }

    @Test
    void aGrantExpiresByTheJobOnlyOnceItsCertificateLapsed() {
        M1Dossier dossier = granted();
        Instant lastDay = LocalDate.of(2029, 3, 1).atStartOfDay(PlatformCalendar.ZONE).toInstant();
        assertThatThrownBy(() -> dossier.expireLapsed(JOB, lastDay)).isInstanceOf(StateConflictException.class);
        M1DossierTransition expired = dossier.expireLapsed(JOB, lastDay.plus(Duration.ofDays(1)));
        assertThat(expired.actedBy()).isEqualTo(ActedBy.SYSTEM);
        assertThat(dossier.certificateExpiredOn()).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThat(dossier.state()).isEqualTo(M1DossierState.EXPIRED);
    }

    @Test
    void theLastValidDayIsABelgianDay() {
        M1Dossier dossier = granted();
        // 23:30 in Brussels on the certificate's last valid day: still valid.
        assertThatThrownBy(() -> dossier.expireLapsed(JOB, Instant.parse("2029-03-01T22:30:00Z")))
                .isInstanceOf(StateConflictException.class);
        // 00:30 in Brussels the next day, while it is still 1 March in UTC: lapsed.
        dossier.expireLapsed(JOB, Instant.parse("2029-03-01T23:30:00Z"));
        assertThat(dossier.state()).isEqualTo(M1DossierState.EXPIRED);
    }
}
