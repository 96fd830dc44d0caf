package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Browsers may call the API from the portal's origin only: in production its public https origin, never localhost. */
class CorsTest {

    private static final String ORIGINS = "QUARKUS_HTTP_CORS_ORIGINS";

    @Test
    void productionAdmitsOnlyThePortalOfItsOwnDomain() {
        Manifests m = Manifests.of(Manifests.PRODUCTION);
        List<String> origins = List.of(m.one(ConfigMap.class, "gateway-config").getData().get(ORIGINS).split(","));
        String apiHost = m.one(Ingress.class, "pyramid-api").getSpec().getRules().get(0).getHost();

        assertThat(origins).singleElement().satisfies(origin -> {
            URI uri = URI.create(origin.trim());
            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(uri.getHost()).as("the portal beside the API host " + apiHost)
                    .isEqualTo("portal" + apiHost.substring(apiHost.indexOf('.')));
            assertThat(uri.getPath()).as("an origin has no path").isEmpty();
        });
    }

    @Test
    void theLocalClusterAdmitsItsPortalOverPlainHttp() {
        Manifests m = Manifests.of(Manifests.LOCAL);
        String apiHost = m.one(Ingress.class, "pyramid-api").getSpec().getRules().get(0).getHost();

        assertThat(m.one(ConfigMap.class, "gateway-config").getData())
                .containsEntry(ORIGINS, "http://portal" + apiHost.substring(apiHost.indexOf('.')));
    }

    @Test
    void theGatewaysDefaultsAdmitLocalhostInDevelopmentOnly() throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(
                Manifests.repoRoot().resolve("gateway/src/main/resources/application.properties"))) {
            config.load(in);
        }

        // Without a profile the setting is the production one (the jar ./pyramid up and Kubernetes run).
        assertThat(config.getProperty("quarkus.http.cors.origins")).isNotBlank()
                .doesNotContain("localhost").doesNotContain("127.0.0.1").doesNotContain("http://");
        assertThat(config.getProperty("%dev.quarkus.http.cors.origins")).contains("http://localhost:");
        assertThat(config.stringPropertyNames()).filteredOn(k -> k.endsWith("quarkus.http.cors.origins"))
                .containsExactlyInAnyOrder("quarkus.http.cors.origins", "%dev.quarkus.http.cors.origins");
    }
}
