package be.mhealth.pyramid.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields we use of a custom resource that has no Java model here (CloudNativePG, Keycloak operator),
 * as a tree of allowed names: a misspelt or unexpected field fails like an unknown field of a model class.
 * A {@code null} value is a leaf whose content is not checked here (a free-form map, or one the test
 * compares as a whole).
 */
final class Schema {

    private Schema() {
    }

    static Map<String, Object> fields(Object... nameThenChild) {
        java.util.LinkedHashMap<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenChild.length; i += 2) {
            fields.put((String) nameThenChild[i], nameThenChild[i + 1]);
        }
        return fields;
    }

    /** Paths of the fields in {@code value} that {@code schema} does not allow. */
    static List<String> unknownFields(Object value, Map<String, Object> schema) {
        List<String> unknown = new ArrayList<>();
        walk(value, schema, "", unknown);
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object value, Map<String, Object> schema, String path, List<String> unknown) {
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), schema, path + "[" + i + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!schema.containsKey(key)) {
                    unknown.add(path + "." + key);
                } else if (schema.get(key) != null) {
                    walk(e.getValue(), (Map<String, Object>) schema.get(key), path + "." + key, unknown);
                }
            }
        } else {
            unknown.add(path + " (expected an object, found " + value + ")");
        }
    }
}
