package be.mhealth.pyramid.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** One overlay rendered by {@code kubectl kustomize} and parsed by {@link StrictModel}. */
record Manifests(String overlay, List<HasMetadata> objects) {

    static final String LOCAL = "local";
    static final String PRODUCTION = "production";
    static final List<String> OVERLAYS = List.of(LOCAL, PRODUCTION);

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** The k8s/ folder: set by the build, else the working directory (a run from the module). */
    static Path k8sDir() {
        return Path.of(System.getProperty("k8s.dir", "")).toAbsolutePath();
    }

    static Path repoRoot() {
        return k8sDir().getParent();
    }

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> new Manifests(o, StrictModel.parseAll(render(k8sDir().resolve("overlays").resolve(o)))));
    }

    static String render(Path kustomization) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> model) {
        return objects.stream().filter(model::isInstance).map(model::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> model, String name) {
        List<T> named = all(model).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
        if (named.size() > 1) {
            throw new AssertionError(overlay + ": " + named.size() + " " + model.getSimpleName() + "s named " + name);
        }
        return named.stream().findFirst();
    }

    <T extends HasMetadata> T one(Class<T> model, String name) {
        return find(model, name).orElseThrow(
                () -> new AssertionError(overlay + ": no " + model.getSimpleName() + " named " + name));
    }

    /** Custom resources without a Java model, by kind. */
    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    GenericKubernetesResource generic(String kind, String name) {
        List<GenericKubernetesResource> named = generic(kind).stream()
                .filter(r -> r.getMetadata().getName().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError(overlay + ": expected one " + kind + " named " + name + ", found " + named.size());
        }
        return named.get(0);
    }

    boolean production() {
        return overlay.equals(PRODUCTION);
    }

    @Override
    public String toString() {
        return overlay;
    }
}
