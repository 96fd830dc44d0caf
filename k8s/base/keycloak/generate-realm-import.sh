#!/usr/bin/env sh
# Regenerates, from platform/keycloak/pyramid-realm.json (the realm local runs import):
#  - base/keycloak/realm-import.json: a KeycloakRealmImport whose spec.realm is that file unchanged;
#  - overlays/production/realm-import-patch.json: the production changes, as JSON patch operations; every
#    operation on an array entry first tests that the entry is the one it expects, so a reordered realm fails
#    the render instead of changing the wrong entry:
#     1. demo users removed (the authority clients' service-account users stay);
#     2. sslRequired "all";
#     3. sign-in hardening: brute-force detection (temporary lockouts), a password policy, login and admin
#        events kept 90 days;
#     4. a one-time code (TOTP) for the staff roles: each becomes a composite of the role otp-required, and the
#        browser flow "pyramid browser" asks for the code when the user has that role (and makes a user who
#        has none set one up first); a user without the role who set up a code is asked for it as well;
#     5. no client may use the password grant (it would bypass the one-time code); public clients must use
#        PKCE (S256); the CLI keeps the authorization code and device grants of the repository realm;
#     6. confidential clients' secrets replaced by placeholders read from the Secret keycloak-client-secrets;
#     7. the CLI's redirect URI on the public API host;
#     8. Swagger UI's client (pyramid-swagger-ui) signs in on the public API host only;
#     9. the portal's client (pyramid-portal) signs users in on the public portal host only.
# Run it after every change to the realm file; KeycloakTest fails until the manifests match it again.
# Needs jq.
set -eu
k8s=$(cd "$(dirname "$0")/../.." && pwd)
realm="$k8s/../platform/keycloak/pyramid-realm.json"
api_host=api.pyramid.example.org
portal_host=portal.pyramid.example.org

jq '{apiVersion: "k8s.keycloak.org/v2alpha1", kind: "KeycloakRealmImport",
     metadata: {name: "pyramid-realm"},
     spec: {keycloakCRName: "keycloak", realm: .}}' "$realm" > "$k8s/base/keycloak/realm-import.json"

jq --arg api_host "$api_host" --arg portal_host "$portal_host" '
  def placeholder: (.clientId | ascii_upcase | gsub("-"; "_")) + "_SECRET";
  def execution($authenticator; $requirement; $priority):
    {authenticator: $authenticator, authenticatorFlow: false, requirement: $requirement, priority: $priority,
     userSetupAllowed: false};
  def execution($authenticator; $requirement; $priority; $config):
    execution($authenticator; $requirement; $priority) + {authenticatorConfig: $config};
  def subflow($alias; $requirement; $priority):
    {flowAlias: $alias, authenticatorFlow: true, requirement: $requirement, priority: $priority,
     userSetupAllowed: false};
  def flow($alias; $description; $topLevel; $executions):
    {alias: $alias, description: $description, providerId: "basic-flow", topLevel: $topLevel, builtIn: false,
     authenticationExecutions: $executions};

  ["famhp-assessor", "ehealth-assessor", "nihdi-assessor", "test-centre", "platform-admin"] as $otp_roles
  | if ($otp_roles - [.roles.realm[].name]) != [] then error("realm roles missing: \($otp_roles - [.roles.realm[].name])")
    elif has("authenticationFlows") or has("authenticatorConfig") or has("browserFlow")
    then error("the realm defines its own flows; merge them with the production browser flow here") else . end
  | [ # 1. demo users
      (.users | to_entries | map(select(.value.serviceAccountClientId == null)) | reverse[]
        | {op: "test", path: "/spec/realm/users/\(.key)/username", value: .value.username},
          {op: "remove", path: "/spec/realm/users/\(.key)"}),
      # 2. TLS
      {op: "replace", path: "/spec/realm/sslRequired", value: "all"},
      # 3. sign-in hardening
      ({bruteForceProtected: true, permanentLockout: false, failureFactor: 5, waitIncrementSeconds: 60,
        maxFailureWaitSeconds: 900, maxDeltaTimeSeconds: 43200, quickLoginCheckMilliSeconds: 1000,
        minimumQuickLoginWaitSeconds: 60,
        passwordPolicy: "length(12) and maxLength(128) and notUsername and notContainsUsername and notEmail and passwordHistory(5)",
        eventsEnabled: true, eventsExpiration: 7776000, adminEventsEnabled: true, adminEventsDetailsEnabled: false,
        otpPolicyType: "totp", otpPolicyAlgorithm: "HmacSHA1", otpPolicyDigits: 6, otpPolicyPeriod: 30,
        otpPolicyCodeReusable: false,
        browserFlow: "pyramid browser"}
        | to_entries[] | {op: "add", path: "/spec/realm/\(.key)", value: .value}),
      # 4. one-time code for the staff roles
      {op: "add", path: "/spec/realm/roles/realm/-",
       value: {name: "otp-required", description: "Signs in with a one-time code (a composite of every staff role)"}},
      (.roles.realm | to_entries[] | select(.value.name as $n | $otp_roles | index($n))
        | {op: "test", path: "/spec/realm/roles/realm/\(.key)/name", value: .value.name},
          {op: "add", path: "/spec/realm/roles/realm/\(.key)/composite", value: true},
          {op: "add", path: "/spec/realm/roles/realm/\(.key)/composites", value: {realm: ["otp-required"]}}),
      {op: "add", path: "/spec/realm/authenticatorConfig", value: [
        {alias: "has otp-required", config: {condUserRole: "otp-required", negate: "false"}},
        {alias: "lacks otp-required", config: {condUserRole: "otp-required", negate: "true"}}]},
      {op: "add", path: "/spec/realm/authenticationFlows", value: [
        flow("pyramid browser"; "Session cookie, or password and, for staff roles, a one-time code"; true; [
          execution("auth-cookie"; "ALTERNATIVE"; 10),
          subflow("pyramid browser forms"; "ALTERNATIVE"; 20)]),
        flow("pyramid browser forms"; "Password, then a one-time code where required or set up"; false; [
          execution("auth-username-password-form"; "REQUIRED"; 10),
          subflow("pyramid browser one-time code required"; "CONDITIONAL"; 20),
          subflow("pyramid browser one-time code if set up"; "CONDITIONAL"; 30)]),
        flow("pyramid browser one-time code required"; "Staff (role otp-required): a one-time code, set up at first sign-in"; false; [
          execution("conditional-user-role"; "REQUIRED"; 10; "has otp-required"),
          execution("auth-otp-form"; "REQUIRED"; 20)]),
        flow("pyramid browser one-time code if set up"; "Other users: a one-time code if they set one up"; false; [
          execution("conditional-user-role"; "REQUIRED"; 10; "lacks otp-required"),
          execution("conditional-user-configured"; "REQUIRED"; 20),
          execution("auth-otp-form"; "REQUIRED"; 30)])]},
      # 5. grants
      (.clients | to_entries[]
        | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: .value.clientId},
          {op: "add", path: "/spec/realm/clients/\(.key)/directAccessGrantsEnabled", value: false},
          (select(.value.publicClient == true)
            | if .value.attributes == null
              then {op: "add", path: "/spec/realm/clients/\(.key)/attributes", value: {"pkce.code.challenge.method": "S256"}}
              else {op: "add", path: "/spec/realm/clients/\(.key)/attributes/pkce.code.challenge.method", value: "S256"}
              end)),
      # 6. secrets
      (.clients | to_entries[] | select(.value.secret != null)
        | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: .value.clientId},
          {op: "replace", path: "/spec/realm/clients/\(.key)/secret", value: "${\(.value | placeholder)}"}),
      # 7. CLI redirect
      (.clients | to_entries[] | select(.value.clientId == "pyramid-cli")
        | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: "pyramid-cli"},
          {op: "replace", path: "/spec/realm/clients/\(.key)/redirectUris", value: ["https://\($api_host)/*"]}),
      # 8. Swagger UI redirect
      (.clients | to_entries[] | select(.value.clientId == "pyramid-swagger-ui")
        | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: "pyramid-swagger-ui"},
          {op: "replace", path: "/spec/realm/clients/\(.key)/redirectUris",
           value: ["https://\($api_host)/q/swagger-ui/*"]},
          {op: "replace", path: "/spec/realm/clients/\(.key)/attributes/post.logout.redirect.uris",
           value: "https://\($api_host)/q/swagger-ui/*"}),
      # 9. portal redirect
      (.clients | to_entries[] | select(.value.clientId == "pyramid-portal")
        | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: "pyramid-portal"},
          {op: "replace", path: "/spec/realm/clients/\(.key)/redirectUris", value: ["https://\($portal_host)/*"]},
          {op: "replace", path: "/spec/realm/clients/\(.key)/attributes/post.logout.redirect.uris",
           value: "https://\($portal_host)/*"}),
      {op: "add", path: "/spec/placeholders",
       value: (.clients | map(select(.secret != null)
                           | {key: placeholder, value: {secret: {name: "keycloak-client-secrets", key: .clientId}}})
               | from_entries)}
    ]' "$realm" > "$k8s/overlays/production/realm-import-patch.json"
