package be.mhealth.pyramid.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real platform for the suite, started exactly as a newcomer starts it ({@code ./pyramid up}), but on free
 * ports and in its own state folder, from the jars this build packaged.
 */
final class Platform {

    private static final String[] PORTS = { "PG", "KAFKA", "KAFKA_CONTROLLER", "KEYCLOAK", "KEYCLOAK_MANAGEMENT", "GATEWAY", "REGISTRY",
            "M1", "M2", "M3" };

    private final Path root;
    private final Path state;
    private final Map<String, String> env = new LinkedHashMap<>();

    private Platform(Path root, Path state) {
        this.root = root;
        this.state = state;
        env.put("PYRAMID_STATE_DIR", state.toString());
        env.put("PYRAMID_SKIP_BUILD", "1");
        // The suite polls the catalog every few milliseconds while it waits for events.
        env.put("PYRAMID_GATEWAY_RATE_LIMIT_READS_REQUESTS", "1000000");
        for (String name : PORTS) {
            env.put("PYRAMID_" + name + "_PORT", Integer.toString(freePort()));
        }
    }

    static Platform start() {
        Path root = Path.of(System.getProperty("pyramid.root", "..")).toAbsolutePath().normalize();
        Platform platform = new Platform(root, root.resolve("e2e-tests/target/platform"));
        platform.run("up");
        return platform;
    }

    String gatewayUrl() {
        return "http://localhost:" + env.get("PYRAMID_GATEWAY_PORT");
    }

    String realmUrl() {
        return "http://localhost:" + env.get("PYRAMID_KEYCLOAK_PORT") + "/realms/pyramid";
    }

    /** Kills a part's process at once (SIGKILL), as a crash would. */
    void kill(String part) {
        try {
            long pid = Long.parseLong(Files.readString(state.resolve("pids").resolve(part)).trim());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./pyramid up} again: starts whatever is not running. */
    void restartMissing() {
        run("up");
    }

    void stop() {
        run("down");
    }

    private void run(String command) {
        File log = state.getParent().resolve("pyramid-" + command + ".log").toFile();
        try {
            Files.createDirectories(state);
            ProcessBuilder pb = new ProcessBuilder(root.resolve("pyramid").toString(), command)
                    .directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./pyramid " + command + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./pyramid " + command + " failed (exit " + process.exitValue()
                        + "): " + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
