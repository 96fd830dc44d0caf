package be.mhealth.pyramid.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Talks to Pyramid as its users do: through the gateway only, with real tokens from Keycloak (password grant
 * for people, client credentials for authority systems).
 */
public final class PyramidClient {

    private record Token(String value, Instant expires) {
    }

    private final String gateway;
    private final String realm;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * @param gateway the gateway's base URL, e.g. {@code http://localhost:8080}
     * @param realm   the realm's URL, e.g. {@code http://localhost:8180/realms/pyramid}
     */
    public PyramidClient(String gateway, String realm) {
        this.gateway = gateway;
        this.realm = realm;
    }

    /** A demo user's token (local realm: password = user name). */
    public String userToken(String user) {
        return token("user:" + user, Map.of("grant_type", "password", "client_id", "pyramid-cli",
                "username", user, "password", user));
    }

    /** An authority system's token; local demo secrets are {@code <client>-secret}. */
    public String systemToken(String clientId) {
        return token("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** A request as {@code user} (a demo user name). */
    public RequestSpecification as(String user) {
        return anonymous().auth().oauth2(userToken(user));
    }

    /** A request as an authority system ({@code famhp-system}, …). */
    public RequestSpecification asSystem(String clientId) {
        return anonymous().auth().oauth2(systemToken(clientId));
    }

    public RequestSpecification anonymous() {
        return given().baseUri(gateway).contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    public String gateway() {
        return gateway;
    }

    private String token(String cacheKey, Map<String, String> form) {
        Token cached = tokens.get(cacheKey);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.value();
        }
        JsonPath body = given().baseUri(realm).contentType(ContentType.URLENC).formParams(form)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        Token token = new Token(body.getString("access_token"),
                Instant.now().plus(Duration.ofSeconds(body.getLong("expires_in"))));
        tokens.put(cacheKey, token);
        return token.value();
    }
}
