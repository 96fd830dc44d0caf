#!/usr/bin/env bash
# Goal 5 of issue 17: start times and idle memory, on the platform named by PYRAMID_STATE_DIR / PYRAMID_*_PORT
# (bench/all.sh sets private ones). Expects that platform to be down and its jars built. Measures:
#   1. ./pyramid up on fresh or existing state (the first run of new jars also records their start-up caches),
#   2. ./pyramid down (writes the caches), 3. ./pyramid up again: warm caches, existing state,
#   4. RSS of every part after 30 s idle, 5. each service alone: stopped, then started again until ready.
# Leaves the platform up (the caller runs the next benchmarks and ./pyramid down).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${PYRAMID_STATE_DIR:-$ROOT/.pyramid}"
SERVICES=(registry-service m1-ce-service m2-interop-service m3-reimbursement-service notification-service gateway portal)
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
port() { # a service's management interface, where its readiness is answered (defaults as in ./pyramid)
  case "$1" in
    gateway) echo "${PYRAMID_GATEWAY_MANAGEMENT_PORT:-9080}" ;; registry-service) echo "${PYRAMID_REGISTRY_MANAGEMENT_PORT:-9081}" ;;
    m1-ce-service) echo "${PYRAMID_M1_MANAGEMENT_PORT:-9082}" ;; m2-interop-service) echo "${PYRAMID_M2_MANAGEMENT_PORT:-9083}" ;;
    m3-reimbursement-service) echo "${PYRAMID_M3_MANAGEMENT_PORT:-9084}" ;;
    notification-service) echo "${PYRAMID_NOTIFICATION_MANAGEMENT_PORT:-9085}" ;; portal) echo "${PYRAMID_PORTAL_MANAGEMENT_PORT:-9086}" ;;
  esac
}

t=$(now); "$ROOT/pyramid" up >/dev/null; first=$(since "$t")
t=$(now); "$ROOT/pyramid" down >/dev/null; down=$(since "$t")
t=$(now); "$ROOT/pyramid" up >/dev/null; warm=$(since "$t")
echo "start: ./pyramid up, first run of these jars: ${first} s; ./pyramid down (writes the start-up caches): ${down} s"
echo "start: ./pyramid up with warm caches and existing state: ${warm} s"

sleep 30
echo "| part | RSS idle (MB) |"
echo "|---|---|"
for part in "${SERVICES[@]}" keycloak kafka; do
  pid="$(cat "$STATE/pids/$part")"
  rss=$(ps -o rss= -g "$pid" | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
  echo "| $part | $rss |"
done

echo "| service (alone) | stop -> ready (s) | Quarkus \"started in\" (s) |"
echo "|---|---|---|"
for svc in "${SERVICES[@]}"; do
  pid="$(cat "$STATE/pids/$svc")"
  kill -TERM -- "-$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  t=$(now)
  "$ROOT/pyramid" up >/dev/null &
  up=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$(port "$svc")/q/health/ready")" = 200 ]; do
    sleep 0.05
  done
  ready=$(since "$t")
  wait "$up"
  started=$(grep -o 'started in [0-9.]*s' "$STATE/logs/$svc.log" | tail -n1 | grep -o '[0-9.]*' | head -n1)
  echo "| $svc | $ready | $started |"
done
