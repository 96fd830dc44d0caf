#!/usr/bin/env bash
# Goal 1 of issue 17: the catalog request mix straight at the registry, at the platform's current size and again
# after bench/seed-apps.sh has added 100,000 apps, in one run. Closed loop (wrk, 8 connections), after a warm-up.
#   bench/catalog-size.sh      against a running platform (PYRAMID_REGISTRY_PORT, PYRAMID_PG_PORT as for ./pyramid)
# Prints one table; MIX_SECONDS (default 30) and MIX_CONNECTIONS (8) change the measurement.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REGISTRY="http://localhost:${PYRAMID_REGISTRY_PORT:-8081}"
SECONDS_EACH="${MIX_SECONDS:-30}"
CONNECTIONS="${MIX_CONNECTIONS:-8}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The mix: first pages in four languages, each filter, a text search for one app's name, a deep page (the page
# after the middle of the catalog, by cursor) and the stats.
paths() {
  local total deep
  total=$(curl -sf "$REGISTRY/api/v1/catalog?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  deep=$(curl -sf "$REGISTRY/api/v1/catalog?lang=en&size=20&page=$((total / 2 / 20))" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("next") or "")')
  cat <<P
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
}

measure() { # label
  paths >"$WORK/paths"
  local listed; listed=$(curl -sf "$REGISTRY/api/v1/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["listed"])')
  MIX_PATHS="$WORK/paths" wrk -t2 -c"$CONNECTIONS" -d15s -s "$HERE/mix.lua" "$REGISTRY" >/dev/null # warm-up
  MIX_PATHS="$WORK/paths" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -s "$HERE/mix.lua" "$REGISTRY" >"$WORK/$1.out"
  local line; line=$(grep '^MIX ' "$WORK/$1.out")
  python3 - "$1" "$listed" "$line" >>"$WORK/table" <<'PY'
import sys
label, listed, line = sys.argv[1], sys.argv[2], sys.argv[3]
f = dict(kv.split("=") for kv in line.split()[1:])
rps = int(f["requests"]) / (int(f["duration_us"]) / 1e6)
print(f"| {label:<10} | {int(listed):>7} | {rps:>8.0f} | {float(f['p50_ms']):>6.2f} | {float(f['p90_ms']):>6.2f} | "
      f"{float(f['p99_ms']):>6.2f} | {float(f['p999_ms']):>7.2f} | {int(f['errors_status']) + int(f['errors_socket']):>6} |")
PY
  echo "catalog-size: $1 measured ($listed listed)" >&2
}

measure "demo size"
"$HERE/seed-apps.sh" 100000 >&2
measure "100k apps"
echo "Catalog mix straight at the registry, wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s ($(wc -l <"$WORK/paths") request kinds in turn)"
echo "| size       |  listed |    req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | errors |"
echo "|------------|---------|----------|--------|--------|--------|----------|--------|"
cat "$WORK/table"
python3 - "$WORK/table" <<'PY'
import sys
rows = [l.split("|") for l in open(sys.argv[1])]
small, big = rows[0], rows[1]
print(f"throughput ratio 100k/demo: {float(big[3]) / float(small[3]):.2f} (goal >= 0.8); "
      f"p99 ratio: {float(big[6]) / float(small[6]):.2f} (goal <= 2)")
PY
