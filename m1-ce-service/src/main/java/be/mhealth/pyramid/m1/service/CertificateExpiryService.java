package be.mhealth.pyramid.m1.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierRules;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.m1.repository.DossierTransitionRepository;
import be.mhealth.pyramid.support.PyramidConfig;
import be.mhealth.pyramid.support.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Expires grants whose certificate's expiry date lies before today (per the injected clock). Each grant is
 * expired in its own transaction under a row lock, re-checked there, so a grant expires (and its event is
 * written) exactly once even when runs overlap or a revocation races with it.
 */
@ApplicationScoped
public class CertificateExpiryService {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryService.class);
    static final String REASON = "its expiry date passed";

    private final DossierRepository dossiers;
    private final DossierTransitionRepository history;
    private final Outbox outbox;
    private final Clock clock;
    private final String actor;

    CertificateExpiryService(DossierRepository dossiers, DossierTransitionRepository history, Outbox outbox,
            Clock clock, PyramidConfig config) {
        this.dossiers = dossiers;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
        this.actor = config.serviceName();
    }

    /** Returns how many grants this run expired. */
    public int expireLapsedGrants() {
        LocalDate today = LocalDate.now(clock);
        int expired = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> dossiers.lapsedGrantIds(today))) {
            if (QuarkusTransaction.requiringNew().call(() -> expire(id))) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.infof("expired %d M1 grant(s) whose certificate lapsed before %s", expired, today);
        }
        return expired;
    }

    private boolean expire(UUID id) {
        Dossier dossier = dossiers.findForUpdate(id).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (dossier == null || dossier.status() != DossierStatus.APPROVED
                || !DossierRules.lapsed(dossier.certificate, now.toLocalDate())) {
            return false;
        }
        history.persist(dossier.expire(dossier.certificate.expiresOn, actor, now, REASON));
        outbox.publish(new M1Events.M1Expired(dossier.appId, dossier.id, dossier.certificate.expiresOn, REASON, actor,
                now.toInstant()));
        return true;
    }
}
