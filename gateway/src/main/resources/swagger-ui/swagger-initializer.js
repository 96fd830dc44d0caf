window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/q/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    oauth2RedirectUrl: window.location.origin + "/q/swagger-ui/oauth2-redirect.html",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
  // "Authorize" signs in at Keycloak with the authorization code flow and PKCE, as the public client below.
  window.ui.initOAuth({
    clientId: "${clientId}",
    usePkceWithAuthorizationCodeGrant: true,
    scopes: "openid"
  });
};
