# Sourced by ops/bench/{leads,durability,search-freshness}/run.sh: builds the benchmark project with
# the node it measures, from the committed tree (HEAD), and sets BENCH_CP and BENCH_COMMIT.
# The build runs in a clean export of that commit in ops/bench/target/build-<commit>, as a reactor
# build (-pl ops/bench -am): nothing is installed into the shared ~/.m2, and other work in progress
# in the tree neither breaks nor silently changes what is measured.
# BENCH_REINSTALL=1 forces a rebuild; BENCH_SKIP_INSTALL=1 uses the last build as it is;
# BENCH_NODE_COMMIT=<rev> measures that commit instead of HEAD (e.g. the previous commit, for a
# same-run comparison; a commit from before ops/bench joined the reactor is built the same way).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../../.." && pwd)"
bench="$root/ops/bench"
mkdir -p "$bench/target"
if [[ "${BENCH_SKIP_INSTALL:-0}" == 1 && -f "$bench/target/last-build" ]]; then
  head="$(cat "$bench/target/last-build")"
else
  head="$(git -C "$root" rev-parse --short "${BENCH_NODE_COMMIT:-HEAD}")"
fi
build="$bench/target/build-$head"
if [[ "${BENCH_REINSTALL:-0}" == 1 || ! -d "$build/ops/bench/target/lib" ]]; then
  echo "# building liaison api/crypto/search/node and the benchmarks from commit $head (takes a minute)"
  rm -rf "$build"
  mkdir -p "$build"
  # the whole tree: the reactor reads every module's pom, whatever -pl builds
  git -C "$root" archive "$head" | tar -x -C "$build"
  if ! grep -q '<module>ops/bench</module>' "$build/pom.xml"; then
    # an older commit: the benchmarks were a separate project then
    sed -i 's#<module>clients</module>#<module>clients</module>\n    <module>ops/bench</module>#' "$build/pom.xml"
    sed -i 's#<relativePath/>#<relativePath>../../pom.xml</relativePath>#' "$build/ops/bench/pom.xml"
  fi
  (cd "$build" && mvn -B -ntp -q package -DskipTests -Dspotless.check.skip=true -pl ops/bench -am) || {
    echo "# building commit $head failed" >&2
    return 1 2>/dev/null || exit 1
  }
fi
echo "$head" >"$bench/target/last-build"
BENCH_COMMIT="$head"
# run from a private copy, so that a rebuild during a long run cannot change or break the classes
# it is using
find /tmp -maxdepth 1 -name 'liaison-bench-cp.*' -mtime +1 -exec rm -rf {} + 2>/dev/null || true
cp_dir="$(mktemp -d /tmp/liaison-bench-cp.XXXXXX)"
cp -r "$build/ops/bench/target/classes" "$build/ops/bench/target/lib" "$cp_dir/"
BENCH_CP="$cp_dir/classes:$cp_dir/lib/*"
export BENCH_COMMIT BENCH_CP
