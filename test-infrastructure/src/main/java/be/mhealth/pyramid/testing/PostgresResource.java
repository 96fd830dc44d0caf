package be.mhealth.pyramid.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, no container) on a free port, one per test JVM,
 * shared by every {@code @QuarkusTest} that names this resource. A test can stop it and start it again on the same
 * port with the same data, as a database restart.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null && dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("pyramid-postgres");
                postgres = builder().start();
                port = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopServer();
                    try (Stream<Path> files = Files.walk(dataDirectory)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        if (postgres == null) {
            throw new IllegalStateException("the test PostgreSQL is stopped");
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server (a fast shutdown: sessions end, new connections are refused) until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts the stopped server again, on the same port with the same data. */
    public static synchronized void startServer() {
        if (postgres == null) {
            try {
                postgres = builder().setPort(port).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not restart embedded PostgreSQL", e);
            }
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the other test classes of this JVM; closed at JVM exit
    }
}
