#!/usr/bin/env bash
# Deconfliction check latency against many holding plans and open cases (in-process, one index).
# Usage: ops/bench/actions/run.sh [plans=10000] [cases=1000000] [checks=20000] [rounds=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the bench needs api, crypto, search and node's classes; the class path of search (node's own
# resolution would want crypto's test jar, which only an install provides)
mvn -B -ntp -q -o -pl node -am compile
mvn -B -ntp -q -o -pl search -am compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# and hppc (node's compact indexes), which search does not use
hppc="$HOME/.m2/repository/com/carrotsearch/hppc/$(grep -o '<hppc.version>[^<]*' pom.xml | cut -d'>' -f2)/hppc-$(grep -o '<hppc.version>[^<]*' pom.xml | cut -d'>' -f2).jar"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
exec java -Xms3g -Xmx3g -cp "node/target/classes:search/target/classes:crypto/target/classes:api/target/classes:$hppc:$(cat "$cp_file")" \
  ops/bench/actions/DeconflictionBench.java "$@"
