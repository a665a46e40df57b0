#!/usr/bin/env bash
# The whole benchmark in one command: builds the bench jar, installs Janus 1.1.2 (Debian package `janus`) if it is
# missing, measures time to picture, runs the JMH microbenchmarks, the bare UDP send limit and the sweep on Portvakt
# and Janus, prints the table and rewrites docs/benchmarks.md up to its "kept" line; then the signaling benchmark
# over two app nodes. Arguments go to `run` (see bench/README.md), e.g. --repeats 1 --seconds 4.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --no-janus "* ]] && ! command -v janus >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus
  else
    echo "janus is not installed: sudo apt-get install janus, or pass --no-janus" >&2
    exit 1
  fi
fi
# package, not install: the sfu module comes from this work tree, not from the shared local repository; the app
# jar is for the signaling benchmark at the end
./mvnw -B -q -pl app,bench -am package -DskipTests -Djib.skip
# Time to picture first, in the same run: headless Chromium pages against the whole app (TimeToPictureBenchmark, an
# app IT); its lines go into the sweep's report (section "Time to picture", target in "Targets").
out=bench/target/bench-run
doc=docs/benchmarks.md
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[i]}" = --out ] && out="${args[i + 1]}"
  [ "${args[i]}" = --doc ] && doc="${args[i + 1]}"
done
mkdir -p "$out"
rounds="${PORTVAKT_PICTURE_ROUNDS:-20}"
./mvnw -B -pl app -am verify -Djib.skip -Dit.test=TimeToPictureBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dportvakt.benchmark.rounds="$rounds" -Dportvakt.it.schema=bench_it \
  | grep 'FIRST FRAME' > "$out/time-to-picture.txt" || true
cat "$out/time-to-picture.txt"

java -jar bench/target/portvakt-bench.jar run --picture "$out/time-to-picture.txt" "$@"

# Signaling across nodes (issue 13): the app jar as one node, then two, on PostgreSQL (127.0.0.1:5432) and Redis
# (6379), 1,000 WebSocket clients; replaces its own section of the report (about 5 minutes on 2 cores).
java -jar bench/target/portvakt-bench.jar signaling --doc "$doc"
