package be.mhealth.pyramid.m1.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.m1.config.M1Settings;
import be.mhealth.pyramid.support.projection.AppCopyRepository;

/**
 * The local app copy is fed by the registry's events, so an app registered a moment ago may not be known yet.
 * Opening a dossier for an unknown app first waits for it here, a bounded time ({@code pyramid.m1.app-copy-wait}),
 * <em>outside any transaction</em>: each look is one short query that returns its connection to the pool at once,
 * so a waiting request holds a worker thread but never a database connection. Called inside a transaction it fails
 * ({@code TxType.NEVER}).
 */
@ApplicationScoped
public class AppCopyArrival {

    private static final long POLL_MILLIS = 50;

    private final AppCopyRepository apps;
    private final Duration wait;

    AppCopyArrival(AppCopyRepository apps, M1Settings settings) {
        this.apps = apps;
        this.wait = settings.appCopyWait();
    }

    /** Returns once the app is in the copy or the wait is over (the caller then answers 404 as for any app). */
    @Transactional(Transactional.TxType.NEVER)
    public void awaitKnown(UUID appId) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (apps.count("appId", appId) == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
