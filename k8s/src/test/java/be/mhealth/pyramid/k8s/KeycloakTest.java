package be.mhealth.pyramid.k8s;

import static be.mhealth.pyramid.k8s.Generic.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * Keycloak through the Keycloak operator, and a realm import that is the repository's realm JSON
 * (platform/keycloak/pyramid-realm.json, the one local runs import): unchanged locally, and in production
 * changed only as base/keycloak/generate-realm-import.sh documents (overlays/production/realm-import-patch.json).
 */
class KeycloakTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGENERATE = "realm import out of date: run k8s/base/keycloak/generate-realm-import.sh";

    @Test
    void localImportsTheRepositoryRealmUnchanged() {
        Manifests m = Manifests.of(Manifests.LOCAL);
        GenericKubernetesResource realmImport = realmImport(m);

        assertThat(realm(realmImport)).as(REGENERATE).isEqualTo(repositoryRealm());
        assertThat((Object) at(realmImport, "placeholders")).isNull();
    }

    @Test
    void productionImportsTheRepositoryRealmWithoutDemoUsersOrDemoSecrets() {
        Manifests m = Manifests.of(Manifests.PRODUCTION);
        GenericKubernetesResource realmImport = realmImport(m);
        ObjectNode expected = repositoryRealm();

        // 1. Demo users go; the service-account users that carry the authority clients' roles stay.
        ArrayNode users = (ArrayNode) expected.get("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            if (!users.get(i).has("serviceAccountClientId")) {
                users.remove(i);
            }
        }
        // 2. TLS on every request.
        expected.put("sslRequired", "all");
        // 3. Confidential clients' secrets from the Secret keycloak-client-secrets, through placeholders.
        Map<String, Map<String, Map<String, String>>> placeholders = at(realmImport, "placeholders");
        int secrets = 0;
        for (JsonNode client : expected.get("clients")) {
            if (client.has("secret")) {
                String clientId = client.get("clientId").asText();
                String placeholder = clientId.toUpperCase().replace('-', '_') + "_SECRET";
                ((ObjectNode) client).put("secret", "${" + placeholder + "}");
                assertThat(placeholders).containsEntry(placeholder,
                        Map.of("secret", Map.of("name", "keycloak-client-secrets", "key", clientId)));
                secrets++;
            }
        }
        assertThat(placeholders).hasSize(secrets);
        // 4. The CLI and portals sign in against the public API host.
        String apiHost = m.one(Ingress.class, "pyramid-api").getSpec().getRules().get(0).getHost();
        for (JsonNode client : expected.get("clients")) {
            if (client.get("clientId").asText().equals("pyramid-cli")) {
                ((ObjectNode) client).set("redirectUris", JSON.createArrayNode().add("https://" + apiHost + "/*"));
            }
        }

        assertThat(realm(realmImport)).as(REGENERATE)
                .isEqualTo(expected);
        assertThat(realm(realmImport).get("users")).as("service accounts remain").isNotEmpty()
                .allSatisfy(u -> assertThat(u.has("credentials")).isFalse());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakUsesItsOwnDatabaseAndServesTheRealmTheServicesTrust(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<GenericKubernetesResource> keycloaks = m.generic("Keycloak");
        assertThat(keycloaks).hasSize(1);
        GenericKubernetesResource keycloak = keycloaks.get(0);
        GenericKubernetesResource realmImport = realmImport(m);

        assertThat((String) at(realmImport, "keycloakCRName")).isEqualTo(keycloak.getMetadata().getName());
        assertThat((String) at(keycloak, "db.vendor")).isEqualTo("postgres");
        assertThat((String) at(keycloak, "db.host")).isEqualTo("pg-keycloak-rw");
        assertThat((String) at(keycloak, "db.database")).isEqualTo(at(m.generic("Cluster", "pg-keycloak"), "bootstrap.initdb.database"));
        assertThat((String) at(keycloak, "db.usernameSecret.name")).isEqualTo("pg-keycloak-app");
        assertThat((String) at(keycloak, "db.passwordSecret.name")).isEqualTo("pg-keycloak-app");
        assertThat((Integer) at(keycloak, "instances")).isGreaterThanOrEqualTo(m.production() ? 2 : 1);
        assertThat((Boolean) at(keycloak, "ingress.enabled")).as("published by our own Ingress only").isFalse();

        // The services validate tokens of this realm, reached inside the cluster at the operator's Service.
        String realmName = realm(realmImport).get("realm").asText();
        String internal = "http://" + keycloak.getMetadata().getName() + "-service:" + at(keycloak, "http.httpPort")
                + "/realms/" + realmName;
        for (PyramidService svc : PyramidService.values()) {
            assertThat(m.one(ConfigMap.class, svc.name + "-config").getData())
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", internal);
        }
        // Tokens carry the public hostname, which is the host of the Keycloak Ingress.
        URI hostname = URI.create(at(keycloak, "hostname.hostname"));
        assertThat(hostname.getScheme()).isEqualTo(m.production() ? "https" : "http");
        assertThat(hostname.getHost()).isEqualTo(m.one(Ingress.class, "keycloak").getSpec().getRules().get(0).getHost());
        assertThat((Boolean) at(keycloak, "hostname.backchannelDynamic")).isTrue();
    }

    @Test
    void everyClientOfTheRealmIssuesTokensForTheAudienceTheServicesRequire() {
        assertThat(repositoryRealm().get("clients")).isNotEmpty().allSatisfy(client ->
                assertThat(client.get("protocolMappers")).as(client.get("clientId").asText()).anySatisfy(mapper -> {
                    assertThat(mapper.get("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
                    assertThat(mapper.get("config").get("included.custom.audience").asText()).isEqualTo("pyramid-api");
                }));
    }

    private static GenericKubernetesResource realmImport(Manifests m) {
        List<GenericKubernetesResource> imports = m.generic("KeycloakRealmImport");
        assertThat(imports).hasSize(1);
        return imports.get(0);
    }

    private static JsonNode realm(GenericKubernetesResource realmImport) {
        return JSON.valueToTree(at(realmImport, "realm"));
    }

    private static ObjectNode repositoryRealm() {
        try {
            return (ObjectNode) JSON.readTree(Manifests.repoRoot().resolve("platform/keycloak/pyramid-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
