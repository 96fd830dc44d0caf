package be.mhealth.pyramid.k8s;

import static be.mhealth.pyramid.k8s.Generic.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** The roles whose users must sign in with a one-time code in production. */
    static final Set<String> STAFF_ROLES = Set.of("famhp-assessor", "ehealth-assessor", "nihdi-assessor", "test-centre",
            "platform-admin");
    static final String OTP_ROLE = "otp-required";
    private static final String PKCE = "pkce.code.challenge.method";
    private static final String DEVICE_GRANT = "oauth2.device.authorization.grant.enabled";
    /** Realm settings the production patch sets (sign-in hardening, events, one-time codes, the browser flow). */
    private static final List<String> PRODUCTION_SETTINGS = List.of("bruteForceProtected", "permanentLockout",
            "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds",
            "quickLoginCheckMilliSeconds", "minimumQuickLoginWaitSeconds", "passwordPolicy", "eventsEnabled",
            "eventsExpiration", "adminEventsEnabled", "adminEventsDetailsEnabled", "otpPolicyType", "otpPolicyAlgorithm",
            "otpPolicyDigits", "otpPolicyPeriod", "otpPolicyCodeReusable", "browserFlow", "authenticationFlows",
            "authenticatorConfig");

    @Test
    void localImportsTheRepositoryRealmUnchanged() {
        Manifests m = Manifests.of(Manifests.LOCAL);
        GenericKubernetesResource realmImport = realmImport(m);

        assertThat(realm(realmImport)).as(REGENERATE).isEqualTo(repositoryRealm());
        assertThat((Object) at(realmImport, "placeholders")).isNull();
    }

    @Test
    void localKeepsTheDemoUsersAndTheCliPasswordGrantTheReadmeUses() {
        JsonNode realm = realm(realmImport(Manifests.of(Manifests.LOCAL)));

        assertThat(realm.get("users")).anySatisfy(u -> assertThat(u.get("username").asText()).isEqualTo("alice"));
        JsonNode cli = client(realm, "pyramid-cli");
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("attributes").path(DEVICE_GRANT).asText()).isEqualTo("true");
    }

    /**
     * The production realm is the repository's, changed only as generate-realm-import.sh documents; the
     * settings it adds are checked one by one by the tests that follow.
     */
    @Test
    void productionImportsTheRepositoryRealmChangedOnlyAsDocumented() {
        Manifests m = Manifests.of(Manifests.PRODUCTION);
        GenericKubernetesResource realmImport = realmImport(m);
        JsonNode actual = realm(realmImport);
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
        // 3. Sign-in hardening, and 4. the browser flow with its one-time code: realm settings of their own.
        for (String key : PRODUCTION_SETTINGS) {
            assertThat(actual.has(key)).as(key).isTrue();
            expected.set(key, actual.get(key));
        }
        // 4. Every staff role is a composite of otp-required.
        ArrayNode roles = (ArrayNode) expected.get("roles").get("realm");
        JsonNode addedRole = actual.get("roles").get("realm").get(roles.size());
        roles.addObject().put("name", OTP_ROLE).put("description", addedRole.path("description").asText());
        for (JsonNode role : roles) {
            if (STAFF_ROLES.contains(role.get("name").asText())) {
                ((ObjectNode) role).put("composite", true);
                ((ObjectNode) role).putObject("composites").putArray("realm").add(OTP_ROLE);
            }
        }
        // 5. No password grant; PKCE for public clients.
        for (JsonNode client : expected.get("clients")) {
            ((ObjectNode) client).put("directAccessGrantsEnabled", false);
            if (client.path("publicClient").asBoolean()) {
                ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes")
                        : ((ObjectNode) client).putObject("attributes");
                attributes.put(PKCE, "S256");
            }
        }
        // 6. Confidential clients' secrets from the Secret keycloak-client-secrets, through placeholders.
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
        // 7. The CLI signs in against the public API host.
        String apiHost = m.one(Ingress.class, "pyramid-api").getSpec().getRules().get(0).getHost();
        ((ObjectNode) client(expected, "pyramid-cli")).set("redirectUris",
                JSON.createArrayNode().add("https://" + apiHost + "/*"));
        // 8. Swagger UI (the gateway's /q/swagger-ui) signs in on the public API host only.
        ObjectNode swaggerUi = (ObjectNode) client(expected, "pyramid-swagger-ui");
        swaggerUi.set("redirectUris", JSON.createArrayNode().add("https://" + apiHost + "/q/swagger-ui/*"));
        ((ObjectNode) swaggerUi.get("attributes")).put("post.logout.redirect.uris", "https://" + apiHost + "/q/swagger-ui/*");
        // 9. The portal signs users in on its own public host only.
        String portalHost = m.one(Ingress.class, "portal").getSpec().getRules().get(0).getHost();
        ObjectNode portal = (ObjectNode) client(expected, "pyramid-portal");
        portal.set("redirectUris", JSON.createArrayNode().add("https://" + portalHost + "/*"));
        ((ObjectNode) portal.get("attributes")).put("post.logout.redirect.uris", "https://" + portalHost + "/*");

        assertThat(actual).as(REGENERATE).isEqualTo(expected);
    }

    @Test
    void productionHasNoDemoUsers() {
        JsonNode realm = realm(realmImport(Manifests.of(Manifests.PRODUCTION)));

        assertThat(realm.get("users")).as("service accounts remain").isNotEmpty().allSatisfy(u -> {
            assertThat(u.has("serviceAccountClientId")).as(u.get("username").asText()).isTrue();
            assertThat(u.has("credentials")).isFalse();
        });
        assertThat(realm.get("clients")).allSatisfy(c -> assertThat(c.path("secret").asText())
                .as("no demo secret").matches("(\\$\\{[A-Z_]+_SECRET})?"));
    }

    @Test
    void productionRequiresTlsAndLocksOutPasswordGuessing() {
        JsonNode realm = realm(realmImport(Manifests.of(Manifests.PRODUCTION)));

        assertThat(realm.get("sslRequired").asText()).isEqualTo("all");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).as("failures before a lockout").isBetween(3, 10);
        assertThat(realm.get("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(300);
        // Temporary lockouts: a permanent one would let anyone disable an assessor's account by guessing.
        assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.get("eventsEnabled").asBoolean()).as("sign-ins are recorded").isTrue();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
    }

    @Test
    void productionHasAPasswordPolicy() {
        Map<String, String> policy = new java.util.HashMap<>();
        for (String part : realm(realmImport(Manifests.of(Manifests.PRODUCTION))).get("passwordPolicy").asText().split(" and ")) {
            var matcher = java.util.regex.Pattern.compile("(\\w+)(?:\\((\\d+)\\))?").matcher(part.trim());
            assertThat(matcher.matches()).as(part).isTrue();
            policy.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }

        assertThat(Integer.parseInt(policy.get("length"))).isGreaterThanOrEqualTo(12);
        assertThat(Integer.parseInt(policy.get("maxLength"))).as("long passphrases welcome").isGreaterThanOrEqualTo(64);
        assertThat(Integer.parseInt(policy.get("passwordHistory"))).isPositive();
        assertThat(policy).containsKeys("notUsername", "notContainsUsername", "notEmail");
    }

    @Test
    void productionAllowsNoPasswordGrant() {
        JsonNode realm = realm(realmImport(Manifests.of(Manifests.PRODUCTION)));

        // The password grant would skip the browser flow, and with it the one-time code: no client may use it.
        assertThat(realm.get("clients")).allSatisfy(c -> {
            String clientId = c.get("clientId").asText();
            assertThat(c.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(c.path("implicitFlowEnabled").asBoolean()).as(clientId).isFalse();
            if (c.path("publicClient").asBoolean()) {
                assertThat(c.get("attributes").path(PKCE).asText()).as(clientId + " requires PKCE").isEqualTo("S256");
            }
        });
        // Swagger UI: a public client, authorization code + PKCE only, back to the API host's Swagger UI.
        JsonNode swaggerUi = client(realm, "pyramid-swagger-ui");
        assertThat(swaggerUi.get("publicClient").asBoolean()).isTrue();
        assertThat(swaggerUi.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(swaggerUi.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(swaggerUi.get("redirectUris")).allSatisfy(uri -> assertThat(uri.asText()).matches("https://[^/]+/q/swagger-ui/.*"));
        // The CLI: authorization code + PKCE in a browser, or the device grant on a command line.
        JsonNode cli = client(realm, "pyramid-cli");
        assertThat(cli.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(cli.get("attributes").path(DEVICE_GRANT).asText()).isEqualTo("true");
    }

    @Test
    void productionAsksStaffForAOneTimeCode() {
        JsonNode realm = realm(realmImport(Manifests.of(Manifests.PRODUCTION)));
        assertThat(realm.get("otpPolicyType").asText()).isEqualTo("totp");
        assertThat(realm.get("otpPolicyCodeReusable").asBoolean()).isFalse();

        for (String role : STAFF_ROLES) {
            assertThat(BrowserFlow.of(realm).oneTimeCodes(Set.of(role), false)).as(role + ", no code set up yet: must set one up")
                    .isEqualTo(1);
            assertThat(BrowserFlow.of(realm).oneTimeCodes(Set.of(role, "vendor"), true)).as(role + ": asked once").isEqualTo(1);
        }
        assertThat(BrowserFlow.of(realm).oneTimeCodes(Set.of("vendor"), false)).as("a vendor without a code").isZero();
        assertThat(BrowserFlow.of(realm).oneTimeCodes(Set.of("vendor"), true)).as("a vendor who set one up").isEqualTo(1);
        assertThat(BrowserFlow.of(realm).oneTimeCodes(Set.of(), false)).isZero();
        // Without the composites, nothing would ask staff for a code: the walk above can tell.
        ObjectNode withoutComposites = realm.deepCopy();
        withoutComposites.get("roles").get("realm").forEach(r -> ((ObjectNode) r).remove("composites"));
        assertThat(BrowserFlow.of(withoutComposites).oneTimeCodes(Set.of("famhp-assessor"), false)).isZero();
        // The staff roles are exactly the realm's roles other than vendor: a new staff role must join them.
        assertThat(realm.get("roles").get("realm")).extracting(r -> r.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(STAFF_ROLES.stream(),
                        java.util.stream.Stream.of("vendor", OTP_ROLE)).toList());
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

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
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
