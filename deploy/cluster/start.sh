#!/usr/bin/env bash
# A local Portvakt cluster on this machine (docs/deployment.md, "A local cluster"): HAProxy in front of two app
# nodes, which share PostgreSQL and Redis, and two SFU nodes that carry the meetings' media. Runs until Ctrl-C,
# which stops everything it started. ClusterBrowserIT runs this very script.
#
#   deploy/cluster/start.sh          # then open http://localhost:8000
#
# Needs: Java 17+, haproxy (Debian package), PostgreSQL on 127.0.0.1:5432 (trust, database "test") and Redis on
# 127.0.0.1:6379, as .ci/run sets up. Builds app/target/portvakt.jar when it is missing. Every setting below may
# be overridden from the environment; the ports are counted from PORTVAKT_CLUSTER_PORT:
#
#   +0 HAProxy (the address to open)      +1 HAProxy's /stats      +11, +12 app nodes   +21, +22 their management
#   +31, +32 SFU nodes' control API       +40, +41 and +50, +51 SFU nodes' media (UDP and ICE-TCP, a port per
#   packet loop: PORTVAKT_CLUSTER_SFU_LOOPS, default 2, at most 10)
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${PORTVAKT_CLUSTER_PORT:-8000}"
dir="${PORTVAKT_CLUSTER_DIR:-./data/cluster}"
jar="${PORTVAKT_CLUSTER_JAR:-app/target/portvakt.jar}"
database="${PORTVAKT_CLUSTER_DATABASE:-jdbc:postgresql://127.0.0.1:5432/test}"
database_user="${PORTVAKT_CLUSTER_DATABASE_USER:-postgres}"
schema="${PORTVAKT_CLUSTER_SCHEMA:-portvakt_cluster}"
redis="${PORTVAKT_CLUSTER_REDIS:-127.0.0.1:6379}"
# no SMTP server runs here by default: invitations wait in the outbox (retried) until one answers at this address
mail="${PORTVAKT_CLUSTER_MAIL:-127.0.0.1:2525}"
# the app nodes' JVM flags; the SFU nodes run with a production node's (deploy/sfu-node.jvm-options, see docs/sfu.md,
# "Memory") followed by PORTVAKT_CLUSTER_SFU_JAVA_OPTIONS, if set
java_options="${PORTVAKT_CLUSTER_JAVA_OPTIONS:--Xmx512m}"
sfu_loops="${PORTVAKT_CLUSTER_SFU_LOOPS:-2}"
sfu_java_options="${PORTVAKT_CLUSTER_SFU_JAVA_OPTIONS:-}"
start_timeout="${PORTVAKT_CLUSTER_START_TIMEOUT:-300}"
public_url="http://localhost:$port"

mkdir -p "$dir"
if [ ! -f "$jar" ]; then
  echo "Building $jar" >&2
  ./mvnw -B -q -pl app -am package -DskipTests -Djib.skip
fi
command -v haproxy >/dev/null || { echo "haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }

# Kept in the cluster's directory, so a restart of the cluster reads what its database was written with
secret_file() {
  [ -s "$dir/$1" ] || (umask 077 && openssl rand -base64 "$2" > "$dir/$1")
  cat "$dir/$1"
}
secret_key="$(secret_file secret.key 32)"
node_secret="$(secret_file node.secret 24)"
admin_password="$(secret_file admin.password 12)"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the cluster" >&2
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -f "$dir"/*.pid
}
trap stop INT TERM EXIT

# Runs one process in the background, its output in <name>.log and its id in <name>.pid
run() {
  local name="$1"
  shift
  "$@" > "$dir/$name.log" 2>&1 &
  pids+=("$!")
  echo "$!" > "$dir/$name.pid"
}

# Waits until the check succeeds; fails with the end of the process's log when it dies or takes too long
await() {
  local name="$1"
  shift
  local deadline=$((SECONDS + start_timeout))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name did not start; the end of $dir/$name.log:" >&2
      tail -n 40 "$dir/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# SFU nodes: the sfu module's own main, from the app's jar (Spring Boot's PropertiesLauncher runs another main
# class with the jar's libraries), with a production node's JVM flags (a java argument file). Their events reach the
# app through HAProxy.
for n in 1 2; do
  run "sfu$n" env PORTVAKT_SFU_SECRET="$node_secret" java @deploy/sfu-node.jvm-options $sfu_java_options -cp "$jar" \
    -Dloader.main=se.portvakt.sfu.node.SfuNode \
    -Dportvakt.sfu.events-url="$public_url/internal/sfu/events" \
    -Dportvakt.sfu.bind-address=127.0.0.1 \
    -Dportvakt.sfu.udp-port=$((port + 30 + 10 * n)) \
    -Dportvakt.sfu.loops="$sfu_loops" \
    -Dportvakt.sfu.control-address=127.0.0.1 \
    -Dportvakt.sfu.control-port=$((port + 30 + n)) \
    org.springframework.boot.loader.launch.PropertiesLauncher
done

PORTVAKT_HAPROXY_BIND="127.0.0.1:$port" PORTVAKT_HAPROXY_STATS_BIND="127.0.0.1:$((port + 1))" \
  PORTVAKT_APP1="127.0.0.1:$((port + 11))" PORTVAKT_APP2="127.0.0.1:$((port + 12))" \
  run haproxy haproxy -db -f deploy/haproxy/portvakt-cluster.cfg

for n in 1 2; do
  await "sfu$n" grep -q "SFU node ready" "$dir/sfu$n.log"
done

# App nodes: production settings (a PostgreSQL database), each named explicitly. The secrets go in the
# environment (Spring Boot's names: dots as _, dashes dropped), not on the command line, which anyone's ps shows
for n in 1 2; do
  run "app$n" env PORTVAKT_SECRETKEY="$secret_key" PORTVAKT_MEDIA_NODESECRET="$node_secret" \
    PORTVAKT_BOOTSTRAP_ADMINPASSWORD="$admin_password" \
    java $java_options -jar "$jar" \
    --server.port=$((port + 10 + n)) \
    --management.server.port=$((port + 20 + n)) \
    --portvakt.data-directory="$dir/app$n" \
    --spring.datasource.url="$database?currentSchema=$schema" \
    --spring.datasource.username="$database_user" \
    --spring.flyway.default-schema="$schema" \
    --portvakt.public-url="$public_url" \
    --portvakt.cluster.enabled=true \
    --spring.data.redis.host="${redis%:*}" \
    --spring.data.redis.port="${redis##*:}" \
    --portvakt.media.nodes="http://127.0.0.1:$((port + 31)),http://127.0.0.1:$((port + 32))" \
    --spring.mail.host="${mail%:*}" \
    --spring.mail.port="${mail##*:}" \
    --portvakt.identity.simulators=true \
    --portvakt.bootstrap.organisation="Lokalt kluster" \
    --portvakt.bootstrap.admin-email=admin@cluster.localhost
  # one after the other: the first migrates the database (Flyway), the second finds it done
  await "app$n" curl -fsS "http://127.0.0.1:$((port + 10 + n))/readyz"
done
await haproxy curl -fsS "$public_url/readyz"

cat <<EOF
Portvakt cluster ready: $public_url
  app nodes   127.0.0.1:$((port + 11)) and :$((port + 12)), database $database schema $schema, Redis $redis
  SFU nodes   control 127.0.0.1:$((port + 31)) and :$((port + 32)), media (UDP, TCP) :$((port + 40))-$((port + 39 + sfu_loops)) and :$((port + 50))-$((port + 49 + sfu_loops))
  HAProxy     $public_url, its state at http://127.0.0.1:$((port + 1))/stats
  log in      admin@cluster.localhost / $admin_password (first login chooses a new password)
  e-mail      SMTP $mail (nothing listens there unless you start it: invitations wait in the outbox)
  logs, ids   $dir/*.log, $dir/*.pid
Ctrl-C stops the cluster.
EOF
wait
