#!/usr/bin/env bash
# The whole benchmark in one command: builds the bench jar, installs Janus 1.1.2 (Debian package `janus`) if it is
# missing, runs the JMH microbenchmarks, the bare UDP send limit and the sweep on Portvakt and Janus, prints the
# table and rewrites docs/benchmarks.md. Arguments go to `run` (see bench/README.md), e.g. --repeats 1 --seconds 4.
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
# package, not install: the sfu module comes from this work tree, not from the shared local repository
./mvnw -B -q -pl bench -am package -DskipTests
exec java -jar bench/target/portvakt-bench.jar run "$@"
