package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/**
 * Prometheus (through the prometheus-operator) scrapes every service's management port, and an alert fires
 * when events stay parked.
 */
class MonitoringTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    /** The services' Micrometer gauge pyramid.parked.events, as Prometheus names it (dots become underscores). */
    static final String PARKED_EVENTS = "pyramid_parked_events";
    /** The README section an operator follows; its GitHub anchor. */
    static final String RUNBOOK_ANCHOR = "README.md#operating-parked-events";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onePodMonitorScrapesTheManagementPortOfEveryService(String overlay) {
        Manifests m = Manifests.of(overlay);
        PodMonitor monitor = m.all(PodMonitor.class).stream().collect(onlyOne());
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();

        assertThat(monitor.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(monitor.getSpec().getNamespaceSelector()).as("its own namespace").isNull();
        assertThat(m.all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .map(d -> d.getMetadata().getName()))
                .as("the pods it selects").containsExactlyInAnyOrderElementsOf(
                        List.of(PyramidService.values()).stream().map(s -> s.name).toList());
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("management");
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(endpoint.getHonorLabels()).as("the services' own labels do not override the target's").isNotEqualTo(true);
        });
        // The port it names exists in every pod; no Service publishes it.
        for (PyramidService svc : PyramidService.values()) {
            var container = m.one(Deployment.class, svc.name).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("management"));
        }
        assertThat(m.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getPorts())
                .noneSatisfy(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("management")));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void anAlertFiresWhenEventsStayParked(String overlay) {
        Manifests m = Manifests.of(overlay);
        PrometheusRule rules = m.all(PrometheusRule.class).stream().collect(onlyOne());
        List<Rule> alerts = rules.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream())
                .filter(r -> r.getAlert() != null).toList();

        assertThat(alerts).filteredOn(r -> r.getExpr().getStrVal().contains(PARKED_EVENTS)).singleElement().satisfies(alert -> {
            String expr = alert.getExpr().getStrVal();
            assertThat(expr).as("parked events only, not those held behind them")
                    .containsPattern(Pattern.quote(PARKED_EVENTS) + "\\{[^}]*status=\"PARKED\"");
            assertThat(expr).as("above zero").containsPattern("\\)\\s*>\\s*0\\s*$");
            assertThat(expr).as("per service and topic").contains("by (namespace, service, topic)");
            assertThat(Duration.parse("PT" + alert.getFor().toUpperCase())).as("for a few minutes")
                    .isBetween(Duration.ofMinutes(2), Duration.ofMinutes(15));
            assertThat(alert.getLabels()).containsKey("severity");
            assertThat(alert.getAnnotations()).containsKeys("summary", "description");
            assertThat(alert.getAnnotations().get("runbook_url")).startsWith("https://").endsWith(RUNBOOK_ANCHOR);
        });
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
