#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# JMH benchmark of RFB decoding at 1920x1080, 32 bpp, beside System.arraycopy of the same bytes.
#
#   flock /tmp/rfbridge-mvn.lock bash rfb-client/core/bench/run.sh      (the team way: no build competes)
#   bash rfb-client/core/bench/run.sh                                    (takes the build lock itself)
#   bash rfb-client/core/bench/run.sh -wi 5 -i 10                        (extra arguments go to JMH)
#
# Builds the benchmark with the Maven profile `bench` (into rfb-client/core/target/bench-build, apart from the
# library's classes), runs it (-wi 3 -i 5 -f 1 by default: about a minute), and prints operation, MP/s and
# the ratio to arraycopy. The raw JMH output and CSV stay in target/bench-build/.
set -euo pipefail

cd "$(dirname "$0")/../../.."
LOCK=/tmp/rfbridge-mvn.lock
OUT=rfb-client/core/target/bench-build
CSV="$OUT/jmh-results.csv"

# Hold the team's build lock for the whole build and measurement, unless an ancestor (`flock LOCK bash
# run.sh`) already holds it; taking it again from here would wait for ourselves.
holds_lock() {
  local pid=$$
  while [[ "$pid" -gt 1 ]]; do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "flock $LOCK"; then
      return 0
    fi
    pid=$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null || echo 1)
  done
  return 1
}
if ! holds_lock; then
  exec 9>"$LOCK"
  echo "waiting for the build lock $LOCK..." >&2
  flock 9
fi

echo "building the benchmark (mvn -Pbench)..." >&2
mvn -B -q -Pbench -pl rfb-client/core -am compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench-build/classpath.txt -Dmdep.includeScope=compile
CP="$OUT/classes:$(cat "$OUT/classpath.txt")"

echo "running JMH (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)..." >&2
java -Xmx256m -cp "$CP" org.openjdk.jmh.Main 'org.rfbridge.rfb.bench.(Decode|Encoding)Benchmark' \
  -wi 3 -i 5 -f 1 -rf csv -rff "$CSV" "$@" | tee "$OUT/jmh-output.txt" >&2

# Megapixels per operation: a full 1920x1080 frame, except the scroll, which moves 1920x1079 pixels.
awk -F, '
  function unq(s) { gsub(/"/, "", s); return s }
  NR == 1 { next }
  {
    name = unq($1); sub(/.*\./, "", name)
    ops = unq($5) + 0; err = unq($6) + 0
    mp = (name == "copyRectScroll") ? 1920 * 1079 / 1e6 : 1920 * 1080 / 1e6
    rate[name] = ops * mp; pm[name] = err * mp; order[++n] = name
  }
  END {
    base = rate["arraycopyBaseline"]
    printf "%-20s %12s %10s %18s\n", "operation", "MP/s", "+/- MP/s", "ratio to arraycopy"
    for (i = 1; i <= n; i++) {
      name = order[i]
      printf "%-20s %12.0f %10.0f %17.2fx\n", name, rate[name], pm[name], base / rate[name]
    }
    printf "(ratio = arraycopy MP/s / operation MP/s: 1.00x is as fast as copying the bytes; target for Raw: <= 2x)\n"
  }' "$CSV"
