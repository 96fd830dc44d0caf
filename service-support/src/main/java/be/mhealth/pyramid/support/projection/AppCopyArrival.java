package be.mhealth.pyramid.support.projection;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.PyramidConfig;

/**
 * The local app copy follows the registry's events, so it can trail what the vendor already sees: an app registered a
 * moment ago, or a level that the catalog (or a notification) already shows. Opening a dossier first waits here, a
 * bounded time ({@code pyramid.app-copy-wait}), until the copy knows the app at the level the dossier needs; then the
 * service's own checks answer as for any app (404, 409 {@code level-too-low}).
 * <p>
 * The wait runs <em>outside any transaction</em>: each look is one short query that returns its connection to the pool
 * at once, so a waiting request holds a worker thread but never a database connection. Called inside a transaction it
 * fails ({@code TxType.NEVER}).
 */
@ApplicationScoped
public class AppCopyArrival {

    /** What a client should know, in the OpenAPI description of each level's "open a dossier" operation. */
    public static final String API_NOTE = "The service keeps its own copy of the registry's apps, fed by the "
            + "registry's events: opening first waits up to `pyramid.app-copy-wait` (3 s) for the copy to know the "
            + "app, at M1 or higher for M2 and at M2 or higher for M3, so that an app or a level the catalog has just "
            + "shown is not refused; if it still does not, 404 (no such app) or 409 `level-too-low`.";

    private static final long POLL_MILLIS = 50;

    private final AppCopyRepository apps;
    private final Duration wait;

    AppCopyArrival(AppCopyRepository apps, PyramidConfig config) {
        this.apps = apps;
        this.wait = config.appCopyWait();
    }

    /**
     * Returns once the copy knows the app at {@code level} or higher ({@code null}: at any level or none) or the wait
     * is over.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void await(UUID appId, Level level) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!apps.holds(appId, level) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
