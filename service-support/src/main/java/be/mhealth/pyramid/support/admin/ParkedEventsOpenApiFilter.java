package be.mhealth.pyramid.support.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Each service documents its operator routes under its own segment ({@code /api/v1/admin/registry/parked-events},
 * not {@code /api/v1/admin/{service}/…}), so that the gateway's merged document holds the four services' routes side
 * by side, each with its own operation ids ({@code listRegistryParkedEvents} …).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ParkedEventsOpenApiFilter implements OASFilter {

    private static final String TEMPLATE = "/api/v1/admin/{service}/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String segment = ConfigProvider.getConfig().getValue("pyramid.service-segment", String.class);
        String label = Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
        Map<String, PathItem> items = new LinkedHashMap<>(openAPI.getPaths().getPathItems());
        items.forEach((path, item) -> {
            if (!path.startsWith(TEMPLATE)) {
                return;
            }
            openAPI.getPaths().removePathItem(path);
            item.setParameters(withoutService(item.getParameters()));
            for (Operation operation : item.getOperations().values()) {
                operation.setParameters(withoutService(operation.getParameters()));
                String id = operation.getOperationId();
                if (id != null) {
                    int verb = firstUpperCase(id);
                    operation.setOperationId(id.substring(0, verb) + label + id.substring(verb));
                }
            }
            openAPI.getPaths().addPathItem("/api/v1/admin/" + segment + "/" + path.substring(TEMPLATE.length()), item);
        });
    }

    private static List<Parameter> withoutService(List<Parameter> parameters) {
        if (parameters == null) {
            return null;
        }
        List<Parameter> rest = parameters.stream().filter(p -> !"service".equals(p.getName())).toList();
        return rest.isEmpty() ? null : new ArrayList<>(rest);
    }

    private static int firstUpperCase(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (Character.isUpperCase(id.charAt(i))) {
                return i;
            }
        }
        return id.length();
    }
}
