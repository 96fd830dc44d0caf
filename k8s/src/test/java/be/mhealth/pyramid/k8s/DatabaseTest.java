package be.mhealth.pyramid.k8s;

import static be.mhealth.pyramid.k8s.Generic.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** PostgreSQL through CloudNativePG: one cluster, database and owner per service; backups in production. */
class DatabaseTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Every database: the four domain services' and Keycloak's. */
    static List<String> databases() {
        List<String> dbs = new ArrayList<>(PyramidService.domainServices().stream().map(s -> s.database).toList());
        dbs.add("keycloak");
        return dbs;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDatabaseIsDeclaredWithItsOwner(String overlay) {
        Manifests m = Manifests.of(overlay);

        assertThat(m.generic("Cluster")).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(databases().stream().map(db -> "pg-" + db).toList());
        for (String db : databases()) {
            GenericKubernetesResource cluster = m.generic("Cluster", "pg-" + db);
            assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            assertThat((String) at(cluster, "bootstrap.initdb.database")).isEqualTo(db);
            assertThat((String) at(cluster, "bootstrap.initdb.owner")).isEqualTo(db);
            assertThat((Integer) at(cluster, "instances")).isEqualTo(m.production() ? 3 : 1);
            assertThat((String) at(cluster, "storage.size")).matches("[0-9]+Gi");
            assertThat((String) at(cluster, "imageName")).matches("ghcr\\.io/cloudnative-pg/postgresql:17\\.[0-9]+");
            assertThat((Map<String, Object>) at(cluster, "resources.requests")).containsKeys("cpu", "memory");
            assertThat((Map<String, Object>) at(cluster, "resources.limits")).containsKeys("cpu", "memory");
        }
    }

    @Test
    void productionBacksUpEveryDatabase() {
        Manifests m = Manifests.of(Manifests.PRODUCTION);
        List<GenericKubernetesResource> stores = m.generic("ObjectStore");
        assertThat(stores).hasSize(1);
        GenericKubernetesResource store = stores.get(0);
        assertThat((String) at(store, "configuration.destinationPath")).startsWith("s3://");
        assertThat((String) at(store, "retentionPolicy")).matches("[0-9]+[dwm]");
        assertThat((String) at(store, "configuration.s3Credentials.accessKeyId.name")).isNotBlank();
        assertThat((String) at(store, "configuration.s3Credentials.secretAccessKey.name")).isNotBlank();

        for (String db : databases()) {
            GenericKubernetesResource cluster = m.generic("Cluster", "pg-" + db);
            List<Map<String, Object>> plugins = at(cluster, "plugins");
            assertThat(plugins).as("pg-" + db + " archives its WAL").singleElement().satisfies(p -> {
                assertThat(p).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
                assertThat(p.get("parameters")).isEqualTo(Map.of("barmanObjectName", store.getMetadata().getName()));
            });
            assertThat((String) at(cluster, "affinity.topologyKey")).isEqualTo("kubernetes.io/hostname");
            assertThat(m.generic("ScheduledBackup")).as("pg-" + db + " has a scheduled base backup")
                    .filteredOn(b -> ("pg-" + db).equals(at(b, "cluster.name"))).singleElement().satisfies(b -> {
                        assertThat((String) at(b, "method")).isEqualTo("plugin");
                        assertThat((String) at(b, "pluginConfiguration.name")).isEqualTo("barman-cloud.cloudnative-pg.io");
                        assertThat(((String) at(b, "schedule")).split(" ")).as("six-field cron").hasSize(6);
                    });
        }
        assertThat(m.generic("ScheduledBackup")).hasSize(databases().size());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void operatorResourcesUseOnlyKnownFields(String overlay) {
        Manifests m = Manifests.of(overlay);

        assertThat(m.all(GenericKubernetesResource.class)).isNotEmpty().allSatisfy(r -> {
            var schema = Generic.SPEC_FIELDS.get(r.getKind());
            assertThat(schema).as(r.getKind()).isNotNull();
            assertThat(r.getAdditionalProperties().keySet()).as(r.getKind() + " " + r.getMetadata().getName())
                    .containsExactly("spec");
            assertThat(Schema.unknownFields(Generic.spec(r), schema))
                    .as("unknown fields in " + r.getKind() + " " + r.getMetadata().getName()).isEmpty();
        });
    }

    @Test
    void aMisspeltOperatorFieldIsCaught() {
        var cluster = (GenericKubernetesResource) StrictModel.parseAll("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: typo
                spec:
                  instances: 1
                  bootstrap:
                    initdb:
                      databse: typo
                """).get(0);

        assertThat(Schema.unknownFields(Generic.spec(cluster), Generic.SPEC_FIELDS.get("Cluster")))
                .containsExactly(".bootstrap.initdb.databse");
    }
}
