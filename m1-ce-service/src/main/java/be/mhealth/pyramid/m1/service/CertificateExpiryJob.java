package be.mhealth.pyramid.m1.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.support.time.PlatformCalendar;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code pyramid.m1.expiry.every}, expires the grants whose certificate's expiry date lies before today (a
 * Belgian day, by the injected clock), then publishes the expiry warnings due (90 and 30 days before): each in a transaction of its
 * own, re-checked under the dossier's row lock.
 */
@ApplicationScoped
public class CertificateExpiryJob {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryJob.class);

    private final M1DossierService dossiers;
    private final Clock clock;

    CertificateExpiryJob(M1DossierService dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Scheduled(identity = "m1-certificate-expiry", every = "${pyramid.m1.expiry.every}",
            delayed = "${pyramid.m1.expiry.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireLapsedGrants();
        warnExpiringGrants();
    }

    /** Publishes the 90- and 30-day expiry warnings due today; returns how many. */
    public int warnExpiringGrants() {
        LocalDate today = PlatformCalendar.today(clock);
        int warned = 0;
        for (UUID id : dossiers.warningCandidates(today)) {
            if (dossiers.warnIfExpiring(id)) {
                warned++;
            }
        }
        if (warned > 0) {
            LOG.infof("published %d M1 certificate expiry warning(s)", warned);
        }
        return warned;
    }

    /** Returns how many grants this run expired. */
    public int expireLapsedGrants() {
        LocalDate today = PlatformCalendar.today(clock);
        int expired = 0;
        for (UUID id : dossiers.lapsedGrants(today)) {
            if (dossiers.expireIfLapsed(id)) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.infof("expired %d M1 grant(s) whose certificate lapsed before %s", expired, today);
        }
        return expired;
    }
}
