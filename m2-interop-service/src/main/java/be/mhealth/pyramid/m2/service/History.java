package be.mhealth.pyramid.m2.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.m2.domain.DossierEvent;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.repository.DossierEventRepository;
import be.mhealth.pyramid.support.security.Caller;

/** Moves a dossier to a new state and records who did it, when and why. */
@ApplicationScoped
public class History {

    private final DossierEventRepository events;
    private final Caller caller;
    private final Clock clock;

    History(DossierEventRepository events, Caller caller, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /** Sets {@code to} (which may equal the current state, for an edit) and records the line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(M2Dossier dossier, String action, DossierState to, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        DossierEvent line = new DossierEvent();
        line.dossierId = dossier.id;
        line.action = action;
        line.fromState = dossier.state;
        line.toState = to;
        line.actor = caller.name();
        line.at = now;
        line.reason = reason == null || reason.isBlank() ? null : reason.strip();
        events.persist(line);
        dossier.state = to;
        dossier.updatedAt = now;
    }

    /** The first line: the dossier was created as a draft. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(M2Dossier dossier) {
        DossierEvent line = new DossierEvent();
        line.dossierId = dossier.id;
        line.action = "create";
        line.toState = dossier.state;
        line.actor = dossier.createdBy;
        line.at = dossier.createdAt;
        events.persist(line);
    }
}
