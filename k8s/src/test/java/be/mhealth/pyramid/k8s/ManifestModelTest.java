package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;

/** Every overlay renders, and every rendered object parses strictly against its model. */
class ManifestModelTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectParsesAgainstItsModelAndLivesInTheNamespace(String overlay) {
        Manifests m = Manifests.of(overlay);

        assertThat(m.objects()).hasSizeGreaterThan(40);
        assertThat(m.one(Namespace.class, "pyramid")).isNotNull();
        assertThat(m.objects().stream()
                .filter(o -> !(o instanceof Namespace) && !"pyramid".equals(o.getMetadata().getNamespace()))
                .map(ManifestModelTest::describe))
                .as("objects outside the namespace pyramid").isEmpty();
        assertThat(m.objects().stream()
                .filter(o -> !"pyramid".equals(o.getMetadata().getLabels().get("app.kubernetes.io/part-of")))
                .map(ManifestModelTest::describe))
                .as("objects without the label app.kubernetes.io/part-of=pyramid").isEmpty();
        Map<String, Long> names = m.objects().stream()
                .collect(Collectors.groupingBy(ManifestModelTest::describe, Collectors.counting()));
        assertThat(names).as("duplicate objects").allSatisfy((name, count) -> assertThat(count).as(name).isOne());
    }

    @Test
    void everyOverlayIsTested() throws IOException {
        try (Stream<Path> overlays = Files.list(Manifests.k8sDir().resolve("overlays"))) {
            assertThat(overlays.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(OVERLAYS);
        }
    }

    @Test
    void aMisspeltFieldInAKubernetesObjectFails() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels:
                      app: typo
                  template:
                    spec:
                      containers:
                        - name: typo
                          image: typo
                          readinessProbe:
                            httpGet:
                              pth: /q/health/ready
                              port: 8080
                """;

        assertThatThrownBy(() -> StrictModel.parseAll(deployment))
                .hasMessageContaining("readinessProbe.httpGet.pth");
    }

    @Test
    void aMisspeltFieldInAStrimziObjectFails() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: typo
                spec:
                  partitions: 6
                  replicaz: 3
                """;

        assertThatThrownBy(() -> StrictModel.parseAll(topic)).hasMessageContaining("replicaz");
    }

    @Test
    void anUnknownKindFails() {
        String unknown = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: kafka-by-hand
                """;

        assertThatThrownBy(() -> StrictModel.parseAll(unknown)).hasMessageContaining("no model for apps/v1/StatefulSet");
    }

    static String describe(HasMetadata o) {
        return o.getApiVersion() + "/" + o.getKind() + " " + o.getMetadata().getName();
    }
}
