package be.mhealth.pyramid.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses rendered manifests into the Kubernetes (fabric8, prometheus-operator's included) and Strimzi model classes, strictly: an unknown
 * apiVersion/kind, or a field the model does not know (a misspelling), is an error. Both model families
 * keep unknown fields in {@code additionalProperties} instead of failing, so after parsing every object
 * in the tree is searched for non-empty additional properties.
 * <p>
 * CloudNativePG and the Keycloak operator have no Java model here; their objects become
 * {@link GenericKubernetesResource}s whose fields the tests check one by one (see {@link Schema}).
 */
final class StrictModel {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** apiVersion/kind → model class; anything else is rejected. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", GenericKubernetesResource.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", GenericKubernetesResource.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", GenericKubernetesResource.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", GenericKubernetesResource.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", GenericKubernetesResource.class));

    private StrictModel() {
    }

    /** Every document of a multi-document YAML stream, parsed strictly. */
    static List<HasMetadata> parseAll(String yaml) {
        try {
            List<HasMetadata> objects = new ArrayList<>();
            for (JsonNode node : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (!node.isMissingNode() && !node.isNull()) {
                    objects.add(parse(node));
                }
            }
            return objects;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    static HasMetadata parse(JsonNode node) {
        String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        String name = node.path("metadata").path("name").asText();
        Class<? extends HasMetadata> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("no model for " + type + " (" + name + ")");
        }
        HasMetadata object;
        try {
            object = YAML.treeToValue(node, model);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(type + " " + name + ": " + e.getMessage(), e);
        }
        if (model != GenericKubernetesResource.class) {
            List<String> unknown = unknownFields(object);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(type + " " + name + " has fields its model does not know: " + unknown);
            }
        }
        return object;
    }

    /** Paths of the fields a parsed model object holds only as additional (unknown) properties. */
    static List<String> unknownFields(Object parsed) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(parsed, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    /** Walks the model's getters and reports every additional (unknown) property with its path. */
    private static void collectUnknown(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi.")) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // derived getters that need state the manifest does not set
            }
            if (getter.getName().equals("getAdditionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                collectUnknown(child, path + "." + property, unknown, seen);
            }
        }
    }
}
