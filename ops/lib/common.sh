# Shared shell helpers for the ops/ scripts. Source it; it defines functions only.
# shellcheck shell=bash

# The repository root (the parent of ops/).
liaison_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# Prints a message to stderr and exits 1.
die() {
  printf '%s: %s\n' "${LIAISON_SCRIPT:-liaison}" "$*" >&2
  exit 1
}

# Fails unless every named command is on PATH.
need() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is required but not installed"
  done
}

# Makes the JVM and the terminal agree on UTF-8 (Chinese arguments and output) when the
# current locale is not a UTF-8 one (e.g. LANG=C in a container).
ensure_utf8_locale() {
  local charmap
  charmap=$(locale charmap 2>/dev/null || true)
  if [[ "$charmap" != "UTF-8" ]]; then
    export LC_ALL=C.UTF-8
  fi
}

# True when $1 (a jar) is missing or older than any main source or POM of the given modules
# (paths relative to the repository root $2). Callers touch the jar after a build: Maven leaves
# a jar whose own classes did not change as it was, which would look stale for ever.
jar_is_stale() {
  local jar=$1 root=$2
  shift 2
  [[ -f "$jar" ]] || return 0
  local m
  for m in "$@"; do
    if [[ -n "$(find "$root/$m" \( -path '*/src/main/*' -o -name pom.xml \) -type f \
      -newer "$jar" -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  [[ "$root/pom.xml" -nt "$jar" ]]
}

# Builds (and installs) the whole project, without tests.
build_project() {
  local root=$1
  need mvn
  # the node, the client and the demo's case generator (fixtures) only: the release (dist/) is not
  # needed to run from the tree.
  # Shows each module as Maven starts it; the whole output goes to target/ops-build.log and its
  # end is shown if the build fails.
  local log=$root/target/ops-build.log status=0
  mkdir -p "$root/target"
  echo "building Liaison (mvn -pl node,clients,fixtures -am install -DskipTests; log $log) …"
  (cd "$root" && mvn -B -ntp -Dstyle.color=never -pl node,clients,fixtures -am install -DskipTests) \
    >"$log" 2>&1 &
  local mvn_pid=$! started=$SECONDS shown=0 line running=1
  while ((running)); do
    kill -0 "$mvn_pid" 2>/dev/null || running=0 # the last look after Maven ended shows the rest
    while IFS= read -r line; do
      echo "  ${line#\[INFO\] } ($((SECONDS - started))s)"
      shown=$((shown + 1))
    done < <(grep -E '^\[INFO\] Building Liaison' "$log" | tail -n +$((shown + 1)))
    if ((running)); then sleep 1; fi
  done
  wait "$mvn_pid" || status=$?
  if ((status != 0)); then
    tail -n 40 "$log" >&2
    die "the build failed (exit $status); the whole output is in $log"
  fi
  echo "  built ($((SECONDS - started))s)"
}

# The HTTP status of a GET, or 000 when nothing answers.
http_status() {
  curl -s -o /dev/null -m "${2:-2}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
