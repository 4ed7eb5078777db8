#!/usr/bin/env bash
# Link quality on labelled data (issue 8, docs/linking.md): pairwise precision/recall/F1 and B-cubed
# F1 of the networks the link engine finds, per-record linking time, full relink time and whether the
# relink gives the same networks, and a calibration table (stderr).
# Usage: ops/bench/link/generated.sh [N] [seed] [noise] [dataset]
#   N        records (default 20000)
#   seed     generator seed (default 1)
#   noise    low | high | both (default both)
#   dataset  eval (io.liaison.fixtures.eval.LabelledCases) | demo (DemoCases' planted networks) | all
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-20000}"
SEED="${2:-1}"
NOISE="${3:-both}"
DATASET="${4:-eval}"
cp_file="$(mktemp)"
classes="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$classes"' EXIT
# the api module from this tree (no install into the shared ~/.m2)
mvn -B -ntp -o -q -pl api,search,fixtures -DskipTests compile org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# a copy of the classes: a build in this tree during the run must not change them under it
cp -r api/target/classes "$classes/api"
cp -r search/target/classes "$classes/search"
cp -r fixtures/target/classes "$classes/fixtures"
cp="$classes/api:$classes/search:$classes/fixtures:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1)"
echo "# command: ops/bench/link/generated.sh $N $SEED $NOISE $DATASET"
java -Xmx2g -XX:+UseG1GC -cp "$cp" \
  ops/bench/link/Eval.java "$N" "$SEED" "$NOISE" "$DATASET"
