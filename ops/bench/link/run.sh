#!/usr/bin/env bash
# Link engine benchmark (issue 8, docs/benchmarks.md "Linking"): full relink of N generated cases,
# then incremental linking of M further cases into that index (per-case wall and CPU time), then
# a reopen that reads the stored links back.
# Usage: ops/bench/link/run.sh [N] [M] [heap]   (defaults 200000, 2000, 2g)
#        JFR=file.jfr ops/bench/link/run.sh …   also records a flight recording (profile) into file.jfr
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-200000}"
M="${2:-2000}"
HEAP="${3:-2g}"
cp_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$work"' EXIT
# the api module from this tree (no install into the shared ~/.m2)
mvn -B -ntp -o -q -pl api,search,fixtures -DskipTests compile org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# a copy of the classes: a build in this tree while the benchmark runs must not change them under it
cp -r api/target/classes "$work/api-classes"
cp -r search/target/classes "$work/search-classes"
cp -r fixtures/target/classes "$work/fixtures-classes"
cp="$work/api-classes:$work/search-classes:$work/fixtures-classes:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1)"
echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); command: ops/bench/link/run.sh $N $M $HEAP"
jfr=()
if [ -n "${JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=$JFR,settings=profile"); fi
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC "${jfr[@]}" -cp "$cp" \
  ops/bench/link/LinkBench.java "$N" "$M" "$work"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
