#!/usr/bin/env bash
# Prints an access token of the trusted portal client (client credentials `pyramid-portal`), whose per-client
# budget at the gateway lets benchmarks through; fails when the realm has no such client.
set -euo pipefail
REALM="http://localhost:${PYRAMID_KEYCLOAK_PORT:-8180}/realms/pyramid"
curl -sf -d grant_type=client_credentials -d client_id=pyramid-portal -d client_secret="${PORTAL_SECRET:-pyramid-portal-secret}" \
  "$REALM/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
