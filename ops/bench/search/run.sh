#!/usr/bin/env bash
# Search benchmark (issue 7): rebuild N generated cases into a CaseIndex, incremental upserts and
# freshness, identifier lookups and full-text + filters + facets, each against a bare Lucene query
# of the same shape on the same index.
# Usage: ops/bench/search/run.sh [N] [heap]   (defaults 1000000, 2g)
#        JFR=file.jfr ops/bench/search/run.sh …   also records a flight recording (profile) into file.jfr
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
HEAP="${2:-2g}"
cp_file="$(mktemp)"
index_dir="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$index_dir" "$work"' EXIT
# api, search and fixtures from this tree, in one reactor build (nothing installed into ~/.m2)
mvn -B -ntp -o -q -pl api,search,fixtures -DskipTests compile org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# a copy of the classes: a build in this tree while the benchmark runs must not change them under it
for m in api search fixtures; do cp -r "$m/target/classes" "$work/$m-classes"; done
cp="$work/api-classes:$work/search-classes:$work/fixtures-classes:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
jfr=()
if [ -n "${JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=$JFR,settings=profile"); fi
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# $(java -version 2>&1 | head -1)"
echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); command: ops/bench/search/run.sh $N $HEAP; load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC "${jfr[@]}" -cp "$cp" \
  ops/bench/search/SearchBench.java "$N" "$index_dir/index"
