#!/usr/bin/env bash
# Link quality on an evaluation set written outside the project (issue 33, docs/linking.md
# "Evaluation on case files"): the cases of SET/cases.jsonl.gz are taken the way a node takes shared
# cases over the case API (CaseRecord with its entities and their roles -> SearchDocument.ofCase ->
# LinkEngine.upsert, default options), one at a time in date order, into an empty engine — once for
# each pool size (the first N cases by date). The networks found are written as predictions that
# the set's score.py reads, and scored with it against the truth cut to the pool.
#
# Usage: ops/bench/link/eval.sh SET_DIR [--pools 250,500,1000,2000|all] [--out DIR] [--relink]
#        ops/bench/link/eval.sh [N] [seed] [noise] [dataset]   (the project's own generator:
#                                                              ops/bench/link/generated.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
if [ $# -eq 0 ] || [ ! -e "$1" ]; then
  exec "$root/ops/bench/link/generated.sh" "$@"
fi
SET="$(cd "$1" && pwd)"; shift
POOLS="250,500,1000,2000"
OUT=""
RELINK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pools) POOLS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --relink) RELINK="--relink"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cd "$root"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
SCORE="${SCORE:-$SET/../score.py}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -o -q -pl api,search,fixtures -DskipTests compile org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# the api module from this tree, not whatever ~/.m2 holds
# a copy of the classes: a build in this tree during the run must not change them under it
classes="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$classes"' EXIT
cp -r api/target/classes "$classes/api"
cp -r search/target/classes "$classes/search"
cp -r fixtures/target/classes "$classes/fixtures"
cp="$classes/api:$classes/search:$classes/fixtures:$(tr ':' '\n' < "$cp_file" | grep -v 'liaison' | paste -sd:)"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); command: ops/bench/link/eval.sh $SET --pools $POOLS $RELINK"
echo "| pool | closure P | closure R | closure F1 | B³ P | B³ R | B³ F1 | exact networks | relink = incremental |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
java -Xmx2g -XX:+UseG1GC -cp "$cp" ops/bench/link/Outside.java "$SET" "$OUT" "$POOLS" $RELINK | grep "^POOL " |
  while read -r _ n pred truth same; do
    line="$(python3 "$SCORE" --truth "$truth" "$pred" --label "pool-$n" | tail -1)"
    v() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    echo "| $n | $(v closureP) | $(v closureR) | $(v closureF1) | $(v b3P) | $(v b3R) | $(v b3F1) | $(v exact) | $same |"
  done
echo "# predictions in $OUT (pred-N.jsonl; truth cut to the pool in truth-N/)"
