package be.mhealth.pyramid.m3.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.m3.domain.Now;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import be.mhealth.pyramid.m3.domain.Transition;
import be.mhealth.pyramid.m3.repository.DossierRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The procedure's scheduled steps: clarification requests unanswered after 30 days lapse (evaluation resumes),
 * and temporary reimbursements past their end date end (event {@code M3Ended}). Each dossier changes in its own
 * transaction, so one conflict (the vendor answering at the same moment) does not hold up the others; it is
 * retried at the next run.
 */
@ApplicationScoped
public class ProcedureClock {

    private static final Logger LOG = Logger.getLogger(ProcedureClock.class);

    private final DossierRepository dossiers;
    private final DossierService service;

    ProcedureClock(DossierRepository dossiers, DossierService service) {
        this.dossiers = dossiers;
        this.service = service;
    }

    @Scheduled(identity = "m3-procedure-clock", every = "${m3.clock-job-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs both steps as of now; returns how many dossiers changed. */
    public int run() {
        Now now = service.now();
        List<UUID> lapsing = QuarkusTransaction.requiringNew()
                .call(() -> dossiers.withClarificationDueBefore(now.today()));
        List<UUID> ending = QuarkusTransaction.requiringNew().call(() -> dossiers.temporaryEndedBefore(now.today()));
        int changed = 0;
        for (UUID id : lapsing) {
            changed += step(id, d -> d.lapseClarification(now));
        }
        for (UUID id : ending) {
            changed += step(id, d -> d.endTemporaryReimbursement(now));
        }
        return changed;
    }

    private int step(UUID id, Function<ReimbursementDossier, Optional<Transition>> step) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> service.applyIfDue(id, step)) ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warnf(e, "clock step on dossier %s failed; retried at the next run", id);
            return 0;
        }
    }
}
