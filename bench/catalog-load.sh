#!/usr/bin/env bash
# Goal 2 of issue 17: an open-model load test (Gatling, constant arrival rate) of the catalog mix through the gateway,
# at rising rates up to 500 req/s (RATES, default "100 200 300 400 500"), LOAD_SECONDS (default 30) each after a 10 s
# ramp, against a running platform (PYRAMID_GATEWAY_PORT, PYRAMID_REGISTRY_PORT). Prints p50/p90/p99/p99.9 and errors
# per rate. Requests carry the trusted portal client's token (bench/portal-token.sh) when the realm has that client;
# otherwise they are anonymous and the gateway's read budget must be raised (bench/all.sh does).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
GATEWAY="http://localhost:${PYRAMID_GATEWAY_PORT:-8080}"
RATES="${RATES:-100 200 300 400 500}"
SECONDS_EACH="${LOAD_SECONDS:-30}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ANONYMOUS=1: no token even when the realm has the portal client (the gateway's read budget must then be raised).
token=""
[ "${ANONYMOUS:-0}" = 1 ] || token="$("$HERE/portal-token.sh" 2>/dev/null || true)"
if [ -n "$token" ]; then
  echo "catalog-load: as the trusted portal client (pyramid-portal)"
  auth=(-H "Authorization: Bearer $token")
else
  echo "catalog-load: anonymous (ANONYMOUS=1, or no pyramid-portal client in the realm; the gateway's read budget must be raised)"
  auth=()
fi
total=$(curl -sf "${auth[@]}" "$GATEWAY/api/v1/catalog?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
deep=$(curl -sf "${auth[@]}" "$GATEWAY/api/v1/catalog?lang=en&size=20&page=$((total / 2 / 20))" |
  python3 -c 'import json,sys; print(json.load(sys.stdin).get("next") or "")')
cat >"$WORK/paths" <<P
/api/v1/catalog?lang=en
/api/v1/catalog?lang=nl
/api/v1/catalog?lang=fr
/api/v1/catalog?lang=de&targetUser=HEALTHCARE_PROFESSIONAL
/api/v1/catalog?lang=nl&level=M2
/api/v1/catalog?lang=fr&category=DIABETES
/api/v1/catalog?lang=en&platform=WEB
/api/v1/catalog?lang=en&level=M1&category=CARDIOLOGY&platform=IOS
/api/v1/catalog?lang=en&q=HeartRhythm
/api/v1/catalog?lang=en&size=20&cursor=$deep
/api/v1/stats
P

echo "| target req/s | mean req/s (with the 10 s ramp) | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |"
echo "|---|---|---|---|---|---|---|---|"
for rate in $RATES; do
  (cd "$ROOT" && ./mvnw -B -q -f bench/catalog-load/pom.xml gatling:test -Dgateway="$GATEWAY" -Dpaths="$WORK/paths" \
    -Drate="$rate" -Dseconds="$SECONDS_EACH" -Dtoken="$token") >"$WORK/gatling-$rate.log" 2>&1 || true
  python3 - "$WORK/gatling-$rate.log" "$rate" <<'PY'
import re, sys
log, rate = open(sys.argv[1]).read(), sys.argv[2]
glob = log[log.rindex("Global Information"):]
def row(label):
    m = re.search(r"> " + re.escape(label) + r"\s*\|\s*([\d.,-]+)\s*\|\s*([\d.,-]+)\s*\|\s*([\d.,-]+)", glob)
    return m.groups() if m else ("-", "-", "-")
total, ok, ko = (v.replace(",", "") for v in row("request count"))
print(f"| {rate} | {row('mean throughput (rps)')[0]} | {row('response time 50th percentile (ms)')[0]} | "
      f"{row('response time 90th percentile (ms)')[0]} | {row('response time 99th percentile (ms)')[0]} | "
      f"{row('response time 99.9th percentile (ms)')[0]} | {row('max response time (ms)')[0]} | "
      f"{ko if ko != '-' else 0} of {total} |")
PY
done
