package be.mhealth.pyramid.m1.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Runs the certificate expiry every {@code pyramid.m1.expiry.every}. */
@ApplicationScoped
public class CertificateExpiryJob {

    private final CertificateExpiryService expiry;

    CertificateExpiryJob(CertificateExpiryService expiry) {
        this.expiry = expiry;
    }

    @Scheduled(identity = "m1-certificate-expiry", every = "${pyramid.m1.expiry.every}",
            delayed = "${pyramid.m1.expiry.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expiry.expireLapsedGrants();
    }
}
