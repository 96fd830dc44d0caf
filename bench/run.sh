#!/usr/bin/env bash
# Gateway benchmark: the same fixed-response upstream measured directly, through the Pyramid gateway and through
# nginx as a reverse proxy, with wrk, in one run; and the floor of the gateway's stack, a bare Vert.x HttpProxy
# (bench/BareProxy.java: the gateway's own Vert.x and Netty jars, none of its features). Not a test; prints a table.
#
#   bench/run.sh        # defaults: 30 s warm-up, then 20 s per target at 1 connection and at 50 (2 wrk threads)
#   DURATION=30s CONNECTIONS=100 bench/run.sh
#   TARGETS=gateway WARMUP=20s DURATION=10s bench/run.sh   # one target only, to compare changes quickly
#
# Ports 18080-18085 only (upstream 18081, gateway 18080 and its management interface 18083, nginx proxy 18082, the
# gateway's rate-limit store, Redis, 18084, the bare Vert.x proxy 18085).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
GATEWAY_PORT=18080
UPSTREAM_PORT=18081
NGINX_PROXY_PORT=18082
MANAGEMENT_PORT=18083
REDIS_PORT=18084
VERTX_PORT=18085
PATH_UNDER_TEST="/api/v1/catalog"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
WORK="$(mktemp -d /tmp/pyramid-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "installing $2 ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need nginx nginx
need wrk wrk
need redis-server redis-server
if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null; then echo "nginx missing" >&2; exit 1; fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/gateway/src/main" "$ROOT/gateway/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "building the gateway ..." >&2
  (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -pl gateway -am package -DskipTests)
fi

wait_for() {
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "timed out waiting for $1" >&2
  exit 1
}

# Two nginx instances, so that each one's CPU time can be read on its own: the upstream (a fixed JSON answer, like a
# small catalog page) and the nginx reverse proxy in front of it.
nginx_conf() { # name server-block
  mkdir -p "$WORK/$1/logs"
  cat > "$WORK/$1/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/$1/body;
  proxy_temp_path $WORK/$1/proxy;
  fastcgi_temp_path $WORK/$1/fastcgi;
  uwsgi_temp_path $WORK/$1/uwsgi;
  scgi_temp_path $WORK/$1/scgi;
  $2
}
CONF
}
nginx_conf upstream "server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / {
      default_type application/json;
      return 200 '{\"items\":[{\"id\":\"a-1\",\"name\":\"CardioTrack\",\"level\":\"M2\"},{\"id\":\"a-2\",\"name\":\"DiabeCare\",\"level\":\"M1\"}],\"page\":0,\"size\":20,\"total\":2}';
    }
  }"
nginx_conf proxy "upstream pyramid_upstream { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PROXY_PORT;
    location / {
      proxy_pass http://pyramid_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }"
"$NGINX" -p "$WORK/upstream" -c "$WORK/upstream/nginx.conf" &
PIDS+=($!)
declare -A PROCESS=([direct]=$!)
"$NGINX" -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" &
PIDS+=($!)
PROCESS[nginx]=$!

# The gateway's rate-limit store, as ./pyramid runs it.
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" > "$WORK/redis.log" 2>&1 &
PIDS+=($!)

# The gateway as built, every upstream pointed at the fixed-response server; budgets high enough not to interfere
# (but still leased from Redis), and wrk's 50 connections from one address allowed in flight at once. GATEWAY_JAVA_OPTS adds JVM options, e.g. a JFR recording.
"$JAVA_HOME/bin/java" -Xmx512m ${GATEWAY_JAVA_OPTS:-} \
  -Dquarkus.http.port=$GATEWAY_PORT \
  -Dquarkus.management.port=$MANAGEMENT_PORT \
  -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT \
  -Dquarkus.oidc.tenant-enabled=false \
  -Dpyramid.gateway.upstreams.registry.url=http://127.0.0.1:$UPSTREAM_PORT \
  -Dpyramid.gateway.upstreams.m1.url=http://127.0.0.1:$UPSTREAM_PORT \
  -Dpyramid.gateway.upstreams.m2.url=http://127.0.0.1:$UPSTREAM_PORT \
  -Dpyramid.gateway.upstreams.m3.url=http://127.0.0.1:$UPSTREAM_PORT \
  -Dpyramid.gateway.rate-limit.reads.requests=1000000000 \
  -Dpyramid.gateway.rate-limit.writes.requests=1000000000 \
  -Dpyramid.gateway.rate-limit.max-in-flight=100000 \
  -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
PROCESS[gateway]=$!

# The floor: the same vertx-http-proxy on the same Vert.x and Netty jars, run from source, no Quarkus, no features.
"$JAVA_HOME/bin/java" -Xmx512m ${VERTX_JAVA_OPTS:-} -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$ROOT/bench/BareProxy.java" \
  $VERTX_PORT $UPSTREAM_PORT > "$WORK/vertx.log" 2>&1 &
PIDS+=($!)
PROCESS[vertx]=$!

wait_for "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$VERTX_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$NGINX_PROXY_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"

declare -A NAMES=([direct]=$UPSTREAM_PORT [vertx]=$VERTX_PORT [gateway]=$GATEWAY_PORT [nginx]=$NGINX_PROXY_PORT)
read -r -a ORDER <<< "${TARGETS:-direct vertx gateway nginx}"

echo "warming up ($WARMUP each) ..." >&2
for target in "${ORDER[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:${NAMES[$target]}$PATH_UNDER_TEST" >/dev/null
done

# wrk prints latencies as e.g. 512.00us, 1.20ms, 1.01s; normalise to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "%s", v }'
}

# CPU time (user + system, clock ticks) of a process and its children (nginx: master and workers; the gateway: one JVM
# with all its threads, JIT and GC included).
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { # pid
  local total=0 pid
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# Two passes: one connection (the latency a single client sees, no queueing) and CONNECTIONS (throughput).
measure() { # threads connections duration
  local threads=$1 connections=$2 duration=$3
  declare -A RPS P50 P90 P99 CPU
  for target in "${ORDER[@]}"; do
    echo "measuring $target, $connections connection(s), $duration ..." >&2
    local before after requests
    before="$(cpu_ticks "${PROCESS[$target]}")"
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:${NAMES[$target]}$PATH_UNDER_TEST")"
    after="$(cpu_ticks "${PROCESS[$target]}")"
    requests="$(echo "$out" | awk '/requests in/ {print $1}')"
    # microseconds of CPU the target spent per request it answered
    CPU[$target]="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
    echo "$out" > "$WORK/wrk-$target-c$connections.txt"
    if echo "$out" | grep -q "Non-2xx"; then echo "$target answered non-2xx responses:" >&2; echo "$out" >&2; exit 1; fi
    RPS[$target]="$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')"
    P50[$target]="$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")"
    P90[$target]="$(to_ms "$(echo "$out" | awk '$1 == "90%" {print $2}')")"
    P99[$target]="$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
  done
  echo
  echo "GET $PATH_UNDER_TEST, wrk -t$threads -c$connections -d$duration"
  printf '| %-8s | %10s | %8s | %8s | %8s | %12s | %12s | %14s |\n' target "req/s" "p50 ms" "p90 ms" "p99 ms" \
    "added p50" "added p99" "CPU us/req"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------" "------------" "----------" "----------" "----------" \
    "--------------" "--------------" "----------------"
  for target in "${ORDER[@]}"; do
    added50="-"
    added99="-"
    if [ "$target" != direct ] && [ -n "${P50[direct]:-}" ]; then
      added50="$(awk -v a="${P50[$target]}" -v b="${P50[direct]}" 'BEGIN {printf "%+.2f", a - b}')"
      added99="$(awk -v a="${P99[$target]}" -v b="${P99[direct]}" 'BEGIN {printf "%+.2f", a - b}')"
    fi
    printf '| %-8s | %10s | %8s | %8s | %8s | %12s | %12s | %14s |\n' "$target" "${RPS[$target]}" "${P50[$target]}" \
      "${P90[$target]}" "${P99[$target]}" "$added50" "$added99" "${CPU[$target]}"
  done
  if [ -n "${CPU[gateway]:-}" ] && [ -n "${CPU[nginx]:-}" ]; then
    awk -v g="${CPU[gateway]}" -v n="${CPU[nginx]}" -v rg="${RPS[gateway]}" -v rn="${RPS[nginx]}" 'BEGIN {
      printf "gateway / nginx: CPU per request %.2fx, throughput %.2fx (goal: cost <= 1.5x)\n", g / n, rn / rg }'
  fi
  if [ -n "${CPU[vertx]:-}" ] && [ -n "${CPU[nginx]:-}" ]; then
    awk -v v="${CPU[vertx]}" -v n="${CPU[nginx]}" -v g="${CPU[gateway]:-0}" 'BEGIN {
      printf "bare Vert.x proxy / nginx: CPU per request %.2fx (the floor of the stack)", v / n
      if (g > 0) printf "; gateway / bare Vert.x proxy: %.2fx", g / v
      printf "\n" }'
  fi
}

echo "$(nproc) cores shared by wrk, nginx (upstream and proxy) and the gateway; CPU us/req: the target's own CPU time (the upstream's for direct); $(date -u +%Y-%m-%dT%H:%MZ);" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure 1 1 "$DURATION"
measure "$THREADS" "$CONNECTIONS" "$DURATION"
echo
echo "raw wrk output and the gateway log: $WORK" >&2
