package be.mhealth.pyramid.k8s;

import static be.mhealth.pyramid.k8s.Schema.fields;

import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Reading custom resources that have no Java model (CloudNativePG, Barman Cloud plugin, Keycloak operator),
 * and the fields of theirs that the manifests may use (from each operator's API reference).
 */
final class Generic {

    private static final Map<String, Object> SECRET_KEY = fields("name", null, "key", null);
    private static final Map<String, Object> RESOURCES = fields("requests", null, "limits", null);

    static final Map<String, Map<String, Object>> SPEC_FIELDS = Map.of(
            "Cluster", fields(
                    "instances", null,
                    "imageName", null,
                    "bootstrap", fields("initdb", fields("database", null, "owner", null)),
                    "storage", fields("size", null),
                    "resources", RESOURCES,
                    "affinity", fields("enablePodAntiAffinity", null, "topologyKey", null, "podAntiAffinityType", null),
                    "plugins", fields("name", null, "isWALArchiver", null,
                            "parameters", fields("barmanObjectName", null))),
            "ScheduledBackup", fields(
                    "schedule", null,
                    "backupOwnerReference", null,
                    "cluster", fields("name", null),
                    "method", null,
                    "pluginConfiguration", fields("name", null)),
            "ObjectStore", fields(
                    "retentionPolicy", null,
                    "configuration", fields(
                            "destinationPath", null,
                            "endpointURL", null,
                            "s3Credentials", fields("accessKeyId", SECRET_KEY, "secretAccessKey", SECRET_KEY),
                            "wal", fields("compression", null),
                            "data", fields("compression", null))),
            "Keycloak", fields(
                    "instances", null,
                    "db", fields("vendor", null, "host", null, "port", null, "database", null,
                            "usernameSecret", SECRET_KEY, "passwordSecret", SECRET_KEY),
                    "http", fields("httpEnabled", null, "httpPort", null),
                    "hostname", fields("hostname", null, "backchannelDynamic", null),
                    "proxy", fields("headers", null),
                    "ingress", fields("enabled", null),
                    // Peers are NetworkPolicyPeers, parsed strictly by NetworkTest.
                    "networkPolicy", fields("enabled", null, "http", null, "management", null),
                    "resources", RESOURCES),
            // The realm is compared as a whole with the repository's realm JSON.
            "KeycloakRealmImport", fields(
                    "keycloakCRName", null,
                    "realm", null,
                    "placeholders", null));

    private Generic() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    /** The value at a dotted path below {@code spec}, or null. */
    @SuppressWarnings("unchecked")
    static <T> T at(GenericKubernetesResource r, String path) {
        Object value = spec(r);
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return (T) value;
    }
}
