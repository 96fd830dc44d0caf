package be.mhealth.pyramid.m3.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.m3.config.M3Settings;
import be.mhealth.pyramid.m3.domain.Now;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The procedure's scheduled steps: clarification requests unanswered after 30 days lapse (evaluation resumes),
 * and temporary reimbursements past their end date end ({@code m3.ended}). Each dossier changes in its own
 * transaction under its row lock ({@link M3DossierService#lapseIfDue}, {@link M3DossierService#expireIfOver}), so one
 * failure does not hold up the others; it is retried at the next run.
 */
@ApplicationScoped
public class ProcedureClock {

    private static final Logger LOG = Logger.getLogger(ProcedureClock.class);

    private final M3DossierService service;
    private final String every;

    ProcedureClock(M3DossierService service, M3Settings settings) {
        this.service = service;
        this.every = settings.clockJobEvery();
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("procedure clock: every %s, on Belgian calendar days", every);
    }

    @Scheduled(identity = "m3-procedure-clock", every = "${pyramid.m3.clock-job-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs both steps as of now; returns how many dossiers changed. */
    public int run() {
        Now now = service.now();
        return steps(service.lapsedClarifications(now), id -> service.lapseIfDue(id, now))
                + steps(service.endedTemporaryReimbursements(now), id -> service.expireIfOver(id, now));
    }

    private static int steps(List<UUID> ids, Predicate<UUID> step) {
        int changed = 0;
        for (UUID id : ids) {
            try {
                changed += step.test(id) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "clock step on dossier %s failed; retried at the next run", id);
            }
        }
        return changed;
    }
}
