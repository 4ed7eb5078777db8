#!/usr/bin/env bash
# Crypto throughput benchmark (Ed25519 Bouncy Castle vs JDK, envelopes, sealing).
# Usage: ops/bench/crypto/run.sh [warmupSeconds] [measureSeconds] [rounds]   (defaults 1, 5, 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl crypto compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl crypto dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# $(java -version 2>&1 | head -1)"
echo "# load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
exec java -Xms512m -Xmx512m -cp "crypto/target/classes:$(cat "$cp_file")" \
  ops/bench/crypto/CryptoBench.java "$@"
