package be.mhealth.pyramid.gateway;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Direct access to a fake upstream's control API, bypassing the gateway. */
final class Upstream {

    private Upstream() {
    }

    static String url(String name) {
        return ConfigProvider.getConfig().getValue("pyramid.gateway.upstreams." + name + ".url", String.class);
    }

    /** How many requests for this path reached the upstream. */
    static int hits(String name, String path) {
        return Integer.parseInt(given().queryParam("path", path).get(url(name) + "/_control/hits").asString());
    }

    static void failing(String name, boolean failing) {
        given().queryParam("value", failing).get(url(name) + "/_control/failing").then().statusCode(200);
    }
}
