#!/usr/bin/env bash
# Recall/precision of CJK bigrams vs smartcn vs both on generated cases (docs/search.md, "Analysis").
# Usage: ops/bench/search/compare-analysis.sh [N]   (default 50000)
set -euo pipefail
cd "$(dirname "$0")/../../.."
N="${1:-50000}"
mvn -B -ntp -q -pl fixtures -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
java -Xmx2g -cp "fixtures/target/test-classes:fixtures/target/classes:$(cat fixtures/target/bench.cp)" \
  io.liaison.search.analysis.AnalysisComparison "$N"
