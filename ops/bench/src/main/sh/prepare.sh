# Sourced by ops/bench/{leads,durability}/run.sh: makes sure the node artifacts of the committed
# tree (HEAD) are installed, builds the benchmark project, and sets BENCH_CP and BENCH_COMMIT.
# The node is built from a clean export of HEAD in a temporary directory, so that other work in
# progress in the shared tree neither breaks nor silently changes what is measured.
# BENCH_REINSTALL=1 forces a rebuild; BENCH_SKIP_INSTALL=1 uses whatever is installed;
# BENCH_NODE_COMMIT=<rev> measures that commit instead of HEAD (e.g. when HEAD does not build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../../.." && pwd)"
bench="$root/ops/bench"
head="$(git -C "$root" rev-parse --short "${BENCH_NODE_COMMIT:-HEAD}")"
marker="$bench/target/installed-commit"
mkdir -p "$bench/target"
if [[ "${BENCH_SKIP_INSTALL:-0}" != 1 ]] &&
  { [[ "${BENCH_REINSTALL:-0}" == 1 ]] || [[ "$(cat "$marker" 2>/dev/null)" != "$head" ]]; }; then
  echo "# installing liaison api/crypto/search/node from commit $head (takes a minute)"
  src="$(mktemp -d)"
  git -C "$root" archive "$head" pom.xml api crypto search node clients | tar -x -C "$src"
  (cd "$src" && mvn -B -ntp -q install -DskipTests -Dspotless.check.skip=true -pl api,crypto,search,node -am)
  rm -rf "$src"
  echo "$head" >"$marker"
fi
mvn -B -ntp -q -f "$bench/pom.xml" package -DskipTests
BENCH_COMMIT="$(cat "$marker" 2>/dev/null || echo "installed artifacts, commit unknown")"
# run from a private copy, so that a rebuild in the shared tree during a long run cannot change or
# break the classes it is using
find /tmp -maxdepth 1 -name 'liaison-bench-cp.*' -mtime +1 -exec rm -rf {} + 2>/dev/null || true
cp_dir="$(mktemp -d /tmp/liaison-bench-cp.XXXXXX)"
cp -r "$bench/target/classes" "$bench/target/lib" "$cp_dir/"
BENCH_CP="$cp_dir/classes:$cp_dir/lib/*"
export BENCH_COMMIT BENCH_CP
