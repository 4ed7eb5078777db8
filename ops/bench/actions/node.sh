#!/usr/bin/env bash
# Deconfliction through the node-side service (issue 27): proposals and changes taken in by a node
# holding 10k proposed plans and 1M open cases, against the same path on an empty node (same run).
# Compiles ops/bench/actions/NodeDeconflictionBench.java beside the node's classes of this tree
# (same package, nothing installed) and runs it.
# Usage: ops/bench/actions/node.sh [plans=10000] [cases=1000000] [checks=1000] [rounds=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
out="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$out"' EXIT
mvn -B -ntp -o -q -pl api,crypto,search,node -DskipTests -Dspotless.check.skip=true package org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="api/target/classes:crypto/target/classes:search/target/classes:node/target/classes:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
javac -nowarn -d "$out" -cp "$cp" ops/bench/actions/NodeDeconflictionBench.java
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# command: ops/bench/actions/node.sh $*"
java -Xms3g -Xmx3g -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile=/dev/null \
  -cp "$out:$cp" io.liaison.node.action.NodeDeconflictionBench "$@"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
