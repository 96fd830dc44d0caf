package be.mhealth.pyramid.m3.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.ClockStatus;
import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import be.mhealth.pyramid.m3.domain.Step;

@Schema(name = "ReviewQueueItem", description = "A dossier awaiting NIHDI's next step")
public record QueueItemView(UUID dossierId, UUID appId, String organizationId, DossierState state, Step currentStep,
        LocalDate dueDate, boolean overdue, Integer daysRemaining, Instant submittedAt) {

    public static QueueItemView of(ReimbursementDossier d, LocalDate today) {
        ClockStatus clock = d.clock(today);
        return new QueueItemView(d.id(), d.appId(), d.organizationId(), d.state(), clock.currentStep(),
                clock.dueDate(), clock.overdue(), clock.daysRemaining(), d.submittedAt());
    }
}
