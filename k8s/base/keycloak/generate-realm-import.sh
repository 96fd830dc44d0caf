#!/usr/bin/env sh
# Regenerates, from platform/keycloak/pyramid-realm.json (the realm local runs import):
#  - base/keycloak/realm-import.json: a KeycloakRealmImport whose spec.realm is that file unchanged;
#  - overlays/production/realm-import-patch.json: the production changes, as JSON patch operations that
#    each first test what they expect to find: demo users removed (service-account users kept),
#    sslRequired "all", confidential clients' secrets replaced by placeholders read from the Secret
#    keycloak-client-secrets, and the CLI's redirect URI on the public API host.
# Run it after every change to the realm file; KeycloakTest fails until the manifests match it again.
# Needs jq.
set -eu
k8s=$(cd "$(dirname "$0")/../.." && pwd)
realm="$k8s/../platform/keycloak/pyramid-realm.json"
api_host=api.pyramid.example.org

jq '{apiVersion: "k8s.keycloak.org/v2alpha1", kind: "KeycloakRealmImport",
     metadata: {name: "pyramid-realm"},
     spec: {keycloakCRName: "keycloak", realm: .}}' "$realm" > "$k8s/base/keycloak/realm-import.json"

jq --arg api_host "$api_host" '
  def placeholder: (.clientId | ascii_upcase | gsub("-"; "_")) + "_SECRET";
  [ (.users | to_entries | map(select(.value.serviceAccountClientId == null)) | reverse[]
      | {op: "test", path: "/spec/realm/users/\(.key)/username", value: .value.username},
        {op: "remove", path: "/spec/realm/users/\(.key)"}),
    {op: "replace", path: "/spec/realm/sslRequired", value: "all"},
    (.clients | to_entries[] | select(.value.secret != null)
      | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: .value.clientId},
        {op: "replace", path: "/spec/realm/clients/\(.key)/secret", value: "${\(.value | placeholder)}"}),
    (.clients | to_entries[] | select(.value.clientId == "pyramid-cli")
      | {op: "test", path: "/spec/realm/clients/\(.key)/clientId", value: "pyramid-cli"},
        {op: "replace", path: "/spec/realm/clients/\(.key)/redirectUris", value: ["https://\($api_host)/*"]}),
    {op: "add", path: "/spec/placeholders",
     value: (.clients | map(select(.secret != null)
                         | {key: placeholder, value: {secret: {name: "keycloak-client-secrets", key: .clientId}}})
             | from_entries)}
  ]' "$realm" > "$k8s/overlays/production/realm-import-patch.json"
