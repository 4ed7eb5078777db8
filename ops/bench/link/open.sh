#!/usr/bin/env bash
# Link engine open (issue 32, docs/benchmarks.md "Link engine open"): one link index of N generated
# cases (DemoCases seed 8, built once by the base commit's code and kept), then, per round, one open
# by the base commit's code and one by this tree's, each in a fresh JVM (as a node after a restart),
# back to back. Both must use the same link index schema (the same index is opened by both).
# Usage: ops/bench/link/open.sh [N] [rounds] [base] [heap]   (defaults 300000, 3, HEAD~1, 3g)
#        KEEP=dir keeps the index there between runs (default /tmp/liaison-linkopen)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-300000}"
ROUNDS="${2:-3}"
BASE="$(git rev-parse --short "${3:-HEAD~1}")"
HEAP="${4:-3g}"
KEEP="${KEEP:-/tmp/liaison-linkopen}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
schema() { grep -o 'SCHEMA = [0-9]*' "$1/search/src/main/java/io/liaison/search/link/internal/LinkIndex.java"; }
compile() { # $1: tree, $2: where the classes go
  (cd "$1" && mvn -B -ntp -o -q -pl api,search,fixtures -DskipTests compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
    -Dmdep.outputFile="$2.cp" -Dmdep.includeScope=runtime)
  mkdir -p "$2"
  for m in api search fixtures; do cp -r "$1/$m/target/classes" "$2/$m"; done
  echo "$2/api:$2/search:$2/fixtures:$(tr ':' '\n' < "$2.cp" | grep -v liaison | paste -sd:)" > "$2.classpath"
}
mkdir -p "$work/base-tree"
git archive "$BASE" | tar -x -C "$work/base-tree"
if [ "$(schema "$work/base-tree")" != "$(schema "$root")" ]; then
  echo "the link index schema differs between $BASE and this tree: not one index for both" >&2
  exit 2
fi
compile "$work/base-tree" "$work/base"
compile "$root" "$work/new"
index="$KEEP/links-$N-$BASE"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(java -version 2>&1 | head -1)"
echo "# base $BASE, new $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); command: ops/bench/link/open.sh $N $ROUNDS $BASE $HEAP"
if [ ! -d "$index" ]; then
  mkdir -p "$KEEP"
  java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -cp "$(cat "$work/base.classpath")" \
    ops/bench/link/OpenBench.java build "$N" "$index.tmp" 2>&1 | grep -v ' INFO '
  mv "$index.tmp" "$index"
fi
for r in $(seq 1 "$ROUNDS"); do
  for v in base new; do
    printf '%s round %d, load %s: ' "$v" "$r" "$(cut -d' ' -f1 /proc/loadavg)"
    java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -cp "$(cat "$work/$v.classpath")" \
      ops/bench/link/OpenBench.java open "$N" "$index" 2>&1 | grep '^open:'
  done
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
