#!/usr/bin/env sh
# Writes realm-import.json: a KeycloakRealmImport whose spec.realm is platform/keycloak/pyramid-realm.json
# unchanged (the file local runs import). Run it after every change to that file; RealmImportTest fails
# until the two are equal again. Needs jq.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jq '{apiVersion: "k8s.keycloak.org/v2alpha1", kind: "KeycloakRealmImport",
     metadata: {name: "pyramid-realm"},
     spec: {keycloakCRName: "keycloak", realm: .}}' \
  "$here/../../../platform/keycloak/pyramid-realm.json" > "$here/realm-import.json"
