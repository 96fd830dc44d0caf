#!/usr/bin/env bash
# Goal 4 of issue 17: time from an M1 approval's response to the level showing in the public catalog (through the
# gateway), over APPROVALS (default 200) approvals one after the other, against a running platform (./pyramid up;
# ports from the same PYRAMID_*_PORT variables). Then where the time went, from the services' own timestamps:
# m1 outbox row written -> published (relay), -> registry consumed it, -> level changed.
#   bench/freshness.sh    (APPROVALS=200; WARMUP=1000 approvals first, back to back, not counted; POLL_US=3000
#                          between polls; GAP_MS=250 between one approval showing and the next, 0 = back to back; TRACE=true prints
#                          each approval's polls)
# The probe makes ~5 write requests per approval as four vendors and fiona, and polls the catalog every ~3 ms: the
# gateway's budgets must allow that. With a trusted portal client in the realm (pyramid-portal) its token is used
# for the polls; the platform started by bench/all.sh raises the budgets as the end-to-end suite does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GATEWAY="http://localhost:${PYRAMID_GATEWAY_PORT:-8080}"
REALM="http://localhost:${PYRAMID_KEYCLOAK_PORT:-8180}/realms/pyramid"
PG_PORT="${PYRAMID_PG_PORT:-5433}"
APPROVALS="${APPROVALS:-200}"
JAR="$ROOT/e2e-tests/target/e2e-tests.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -pl e2e-tests -am package -DskipTests) >&2
# The JDK ./pyramid uses (JAVA_HOME, else the newest under /usr/lib/jvm): the probe needs 21 or newer.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$JAVA" ] || JAVA="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -n1)"
token="$("$ROOT/bench/portal-token.sh" 2>/dev/null || true)"
out="$(mktemp)"
# The probe shares the machine with what it measures: its JVM compiles with C1 only and collects with one thread, so
# that its own JIT and GC threads take less CPU from the platform (PROBE_JAVA_OPTS overrides).
# shellcheck disable=SC2086
"$JAVA" ${PROBE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$JAR" be.mhealth.pyramid.e2e.Freshness \
  --gateway "$GATEWAY" --keycloak "$REALM" --approvals "$APPROVALS" --read-token "$token" --poll-us "${POLL_US:-3000}" --warmup "${WARMUP:-1000}" --gap-ms "${GAP_MS:-250}" \
  --trace "${TRACE:-false}" | tee "$out"
rm -f "$out"

PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n1)"
q() { PGPASSWORD="$1" "$PSQL" -h localhost -p "$PG_PORT" -U "$1" -d "$1" -tA -F ' ' -c "$2"; }
# Per approval (the last APPROVALS m1 grants: this run's): m1's outbox row (written in the approval's transaction),
# its publication, the registry's processing of the event and the level change, as epoch milliseconds.
q m1 "select event_id, extract(epoch from occurred_at) * 1000, extract(epoch from published_at) * 1000
      from outbox_event where type like '%m1.granted%' order by sequence desc limit $APPROVALS" >/tmp/fresh-m1.$$
q registry "select p.event_id, extract(epoch from p.processed_at) * 1000, extract(epoch from c.changed_at) * 1000
            from processed_event p join level_change c on c.cause_event_id = p.event_id
            where p.type like '%m1.granted%'" >/tmp/fresh-reg.$$
python3 - /tmp/fresh-m1.$$ /tmp/fresh-reg.$$ <<'PY'
import sys
m1 = {l.split()[0]: list(map(float, l.split()[1:])) for l in open(sys.argv[1]) if l.strip()}
reg = {l.split()[0]: list(map(float, l.split()[1:])) for l in open(sys.argv[2]) if l.strip()}
rows = [(m1[k][0], m1[k][1], reg[k][0], reg[k][1]) for k in m1 if k in reg and m1[k][1] > 0]
def pct(values, p):
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(-(-p / 100 * len(values) // 1)) - 1))]
for name, f in [("m1 event written -> published (relay, ack)", lambda r: r[1] - r[0]),
                ("published -> registry consumed", lambda r: r[2] - r[1]),
                ("registry consumed -> level changed", lambda r: r[3] - r[2]),
                ("m1 event written -> level changed", lambda r: r[3] - r[0])]:
    v = [f(r) for r in rows]
    if v:
        print(f"freshness: {name:<44} p50 {pct(v, 50):6.1f} ms  p99 {pct(v, 99):6.1f} ms  ({len(v)} events)")
PY
rm -f /tmp/fresh-m1.$$ /tmp/fresh-reg.$$
