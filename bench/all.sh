#!/usr/bin/env bash
# The benchmarks of issue 17 (goals 1, 2, 4, 5) in one run, on a platform of their own: private ports 18400-18419,
# state in bench/.state (PYRAMID_STATE_DIR), stopped at the end whatever happens. Run it alone on the machine
# (here: /work/bin/heavy bench/all.sh); prints every table to stdout and bench/.state/results.txt.
#   1. start times and idle RSS (bench/start.sh)
#   2. demo data, then the catalog mix at demo size and at 100,000 apps (bench/catalog-size.sh)
#   3. freshness over 200 approvals (bench/freshness.sh)
#   4. the open-model load test through the gateway (bench/catalog-load.sh)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
export PYRAMID_STATE_DIR="${PYRAMID_STATE_DIR:-$HERE/.state}"
export PYRAMID_PG_PORT=18400 PYRAMID_KAFKA_PORT=18401 PYRAMID_KAFKA_CONTROLLER_PORT=18402 PYRAMID_KEYCLOAK_PORT=18403 \
  PYRAMID_KEYCLOAK_MANAGEMENT_PORT=18404 PYRAMID_GATEWAY_PORT=18405 PYRAMID_REGISTRY_PORT=18406 PYRAMID_M1_PORT=18407 \
  PYRAMID_M2_PORT=18408 PYRAMID_M3_PORT=18409 PYRAMID_REDIS_PORT=18410 PYRAMID_GATEWAY_MANAGEMENT_PORT=18411 \
  PYRAMID_REGISTRY_MANAGEMENT_PORT=18412 PYRAMID_M1_MANAGEMENT_PORT=18413 PYRAMID_M2_MANAGEMENT_PORT=18414 \
  PYRAMID_M3_MANAGEMENT_PORT=18415 PYRAMID_NOTIFICATION_PORT=18416 PYRAMID_NOTIFICATION_MANAGEMENT_PORT=18417 \
  PYRAMID_PORTAL_PORT=18418 PYRAMID_PORTAL_MANAGEMENT_PORT=18419
# The load test and the freshness polls use the trusted portal client's token when the realm has pyramid-portal. Until
# it does, reads need the gateway's read budget raised, as the end-to-end suite does; BENCH_KEEP_BUDGETS=1 keeps the
# configured one (then the portal's own budget is what lets the load through). The freshness probe's set-up writes
# (200 apps and dossiers by four vendors) always need a raised write budget.
if [ "${BENCH_KEEP_BUDGETS:-0}" != 1 ]; then
  export PYRAMID_GATEWAY_RATE_LIMIT_READS_REQUESTS="${PYRAMID_GATEWAY_RATE_LIMIT_READS_REQUESTS:-100000000}"
fi
export PYRAMID_GATEWAY_RATE_LIMIT_WRITES_REQUESTS="${PYRAMID_GATEWAY_RATE_LIMIT_WRITES_REQUESTS:-100000000}"
# Each freshness run uploads a CE certificate per approval for the same four vendors' organizations: on state kept
# from run to run they would reach the per-organization attachment quota (1000) after some 15 runs.
export PYRAMID_M1_ATTACHMENTS_MAX_PER_ORGANIZATION="${PYRAMID_M1_ATTACHMENTS_MAX_PER_ORGANIZATION:-100000000}"
# BENCH_ONLY="catalog load" runs some of them (start, catalog, freshness, load); on fresh state they need a new
# bench/.state (rm -rf it first), since goal 1 starts at demo size.
only() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }
# The JDK ./pyramid finds (JAVA_HOME, else the newest under /usr/lib/jvm), for the demo loader and the probes.
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME="$(dirname "$(dirname "$(ls -d /usr/lib/jvm/*/bin/javac | sort -V | tail -n1)")")"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mkdir -p "$PYRAMID_STATE_DIR"
# The services' jars (./pyramid up builds them when missing) and the demo loader and probes (e2e-tests).
[ -f "$ROOT/e2e-tests/target/e2e-tests.jar" ] ||
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl e2e-tests,registry-service,m1-ce-service,m2-interop-service,m3-reimbursement-service,gateway -am)
RESULTS="$PYRAMID_STATE_DIR/results.txt"
trap '"$ROOT/pyramid" down >/dev/null 2>&1 || true' EXIT

# How fast this VM was during the run: a fixed piece of CPU work before it, and the share of CPU time the hypervisor
# took (steal) or the disks held (iowait) from /proc/stat over the whole run. Figures of runs on different days
# differ by as much as these do.
cpu_work() { python3 -c 'import time; t = time.perf_counter(); sum(i * i for i in range(5_000_000)); print(f"{(time.perf_counter() - t) * 1000:.0f} ms")'; }
cpu_times() { head -n1 /proc/stat; }
shares() { # first-line last-line of /proc/stat
  python3 -c 'import sys
a, b = ([int(x) for x in l.split()[1:9]] for l in sys.argv[1:3])
d = [y - x for x, y in zip(a, b)]
print(f"steal {100 * d[7] / sum(d):.0f} %, iowait {100 * d[4] / sum(d):.0f} %, idle {100 * d[3] / sum(d):.0f} % of CPU time")' "$1" "$2"
}
STAT_BEFORE="$(cpu_times)"

{
  echo "bench/all.sh on $(hostname), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "calibration: a fixed CPU task (python, 5M squares) took $(cpu_work)"
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (with local changes)')"
  "$ROOT/pyramid" down >/dev/null
  if only start; then
    echo; echo "## Start (goal 5)"
    "$HERE/start.sh"
  else
    "$ROOT/pyramid" up >/dev/null
  fi
  # The demo data (./pyramid demo, from the loader this build packaged).
  java -jar "$ROOT/e2e-tests/target/e2e-tests.jar" --gateway "http://localhost:$PYRAMID_GATEWAY_PORT" \
    --keycloak "http://localhost:$PYRAMID_KEYCLOAK_PORT/realms/pyramid" >/dev/null
  if only catalog; then
    echo; echo "## Catalog at two sizes (goal 1)"
    "$HERE/catalog-size.sh"
  elif [ "$(curl -sf "http://localhost:$PYRAMID_REGISTRY_PORT/api/v1/stats" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["listed"])')" -lt 50000 ]; then
    "$HERE/seed-apps.sh" 100000
  fi
  if only freshness; then
    echo; echo "## Freshness (goal 4)"
    "$HERE/freshness.sh"
  fi
  if only load; then
    echo; echo "## Open-model load through the gateway (goal 2)"
    "$HERE/catalog-load.sh"
  fi
  echo; echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg); during the run: $(shares "$STAT_BEFORE" "$(cpu_times)")"
} 2>&1 | tee "$RESULTS"
