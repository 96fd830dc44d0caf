package be.mhealth.pyramid.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real platform for the suite, started exactly as a newcomer starts it ({@code ./pyramid up}), but on free
 * ports and in its own state folder, from the jars this build packaged.
 */
final class Platform {

    private static final String[] PORTS = { "PG", "KAFKA", "KAFKA_CONTROLLER", "REDIS", "KEYCLOAK", "KEYCLOAK_MANAGEMENT",
            "GATEWAY", "REGISTRY", "M1", "M2", "M3", "NOTIFICATION", "PORTAL", "GATEWAY_MANAGEMENT", "REGISTRY_MANAGEMENT",
            "M1_MANAGEMENT", "M2_MANAGEMENT", "M3_MANAGEMENT", "NOTIFICATION_MANAGEMENT", "PORTAL_MANAGEMENT" };

    private final Path root;
    private final Path state;
    private final Map<String, String> env = new LinkedHashMap<>();

    private Platform(Path root, Path state) {
        this.root = root;
        this.state = state;
        env.put("PYRAMID_STATE_DIR", state.toString());
        env.put("PYRAMID_SKIP_BUILD", "1");
        // The suite polls the catalog every few milliseconds while it waits for events, and the fault suite sends a
        // burst of decisions.
        env.put("PYRAMID_GATEWAY_RATE_LIMIT_READS_REQUESTS", "1000000");
        env.put("PYRAMID_GATEWAY_RATE_LIMIT_WRITES_REQUESTS", "1000000");
        // Each build makes new jars, whose start-up caches would be recorded and written at every run for nothing.
        env.put("PYRAMID_AOT", "0");
        // Ports below the kernel's ephemeral range (32768-60999 on Linux): a port taken from that range can be
        // handed to some client's outgoing connection before the platform binds it.
        int next = 20000 + new java.util.Random().nextInt(600) * 20;
        for (String name : PORTS) {
            next = freePort(next);
            env.put("PYRAMID_" + name + "_PORT", Integer.toString(next));
            next++;
        }
    }

    static Platform start() {
        Path root = Path.of(System.getProperty("pyramid.root", "..")).toAbsolutePath().normalize();
        Platform platform = new Platform(root, root.resolve("e2e-tests/target/platform"));
        // A fresh platform each run: whatever an earlier, interrupted run left (processes, data made for other ports)
        // is stopped and deleted first.
        if (Files.isDirectory(platform.state)) {
            platform.run("down");
            deleteRecursively(platform.state);
        }
        try {
            platform.run("up");
        } catch (RuntimeException e) {
            platform.run("down");
            throw e;
        }
        return platform;
    }

    String gatewayUrl() {
        return "http://localhost:" + env.get("PYRAMID_GATEWAY_PORT");
    }

    String portalUrl() {
        return "http://localhost:" + env.get("PYRAMID_PORTAL_PORT");
    }

    String realmUrl() {
        return "http://localhost:" + env.get("PYRAMID_KEYCLOAK_PORT") + "/realms/pyramid";
    }

    /** The broker's address, for writing records straight to a topic. */
    String kafkaBootstrap() {
        return "localhost:" + env.get("PYRAMID_KAFKA_PORT");
    }

    /** {@code ./pyramid stop <part>}: stops one part the way its operator would (PostgreSQL: a fast shutdown). */
    void stopPart(String part) {
        run("stop", part);
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

    private void run(String... command) {
        File log = state.getParent().resolve("pyramid-" + command[0] + ".log").toFile();
        try {
            Files.createDirectories(state);
            List<String> line = new ArrayList<>();
            line.add(root.resolve("pyramid").toString());
            line.addAll(List.of(command));
            ProcessBuilder pb = new ProcessBuilder(line)
                    .directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./pyramid " + String.join(" ", command) + " did not finish; see "
                        + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./pyramid " + String.join(" ", command) + " failed (exit "
                        + process.exitValue()
                        + "): " + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort(int from) {
        for (int port = from; port < 32768; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException busy) {
                // taken: try the next one
            }
        }
        throw new IllegalStateException("no free port between " + from + " and 32767");
    }
}
