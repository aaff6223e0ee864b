#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Load benchmark of the proxy against direct TCP, socat and websockify, side by side, in one run.
#
#   bash proxy/bench/run.sh                 full run (about 4 minutes on 2 cores, plus the build and any wait
#                                           for the lock); saves proxy/bench/RESULTS.md
#   bash proxy/bench/run.sh --quick         smoke run (about 1 minute): one repetition, smaller transfers,
#                                           2,000 idle sessions
#   bash proxy/bench/run.sh --only=rfbridge --proxy-args="--io-threads 2"
#                                           other arguments go to the load client; such partial runs save to
#                                           proxy/target/bench/RESULTS.md, leaving the committed results alone
#
# Builds the proxy jar and the test classes with Maven, then runs the load client
# (org.rfbridge.proxy.bench.ProxyLoadBenchmark) on the test classpath. The whole run holds the team's Maven
# lock (/tmp/rfbridge-mvn.lock), so no build competes with the measurement for the cores; started as
# `flock /tmp/rfbridge-mvn.lock bash proxy/bench/run.sh`, it sees that it already holds the lock.
# The client starts the backend, socat, websockify and the proxy itself and stops each by PID; this script
# also stops, by PID (checked against the recorded start time), anything the client recorded in its PID
# file, in case the client itself is killed. Loopback (127.0.0.1) only.
set -euo pipefail

LOCK=/tmp/rfbridge-mvn.lock
LOCK_WAIT_SECONDS=1800

# Whether an ancestor of this shell (e.g. `flock LOCK bash run.sh`) has the lock file open, i.e. holds it.
lock_held_by_ancestor() {
  local pid=$$ fd
  for _ in $(seq 20); do
    pid=$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -z "$pid" || "$pid" -le 1 ]] && return 1
    for fd in /proc/"$pid"/fd/*; do
      [[ "$(readlink "$fd" 2>/dev/null)" == "$LOCK" ]] && return 0
    done
  done
  return 1
}

if [[ "${RFBRIDGE_BENCH_LOCKED:-}" != 1 ]] && ! lock_held_by_ancestor; then
  exec 9>>"$LOCK"
  echo "waiting for the Maven lock $LOCK (held for the whole run)..."
  flock -w "$LOCK_WAIT_SECONDS" 9 || { echo "could not get $LOCK in $LOCK_WAIT_SECONDS s" >&2; exit 1; }
fi
export RFBRIDGE_BENCH_LOCKED=1

ARGS=()
for arg in "$@"; do
  if [[ "$arg" == --quick ]]; then
    ARGS+=(--reps=1 --warm-up-seconds=2 --single-mib=64 --multi-mib=8 --round-trips=5000 --idle=2000
           --idle-socat=200 --idle-websockify=100)
  else
    ARGS+=("$arg")
  fi
done

cd "$(dirname "$0")/../.."
WORK=proxy/target/bench
PIDFILE="$WORK/pids"
OUTPUT="$WORK/output.txt"
CLIENT_PID=""
TAIL_PID=""

# Stops a process by PID, unless the PID now belongs to a later process (its start time differs).
stop_pid() {
  local pid=$1 started=${2:-}
  if [[ -n "$started" && "$started" != "?" ]]; then
    local now
    now=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $20}') || return 0
    [[ "$now" == "$started" ]] || return 0
  fi
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  [[ -n "$CLIENT_PID" ]] && stop_pid "$CLIENT_PID"
  if [[ -f "$PIDFILE" ]]; then
    while read -r pid started; do
      [[ -n "$pid" ]] && stop_pid "$pid" "$started"
    done < "$PIDFILE"
  fi
  [[ -n "$TAIL_PID" ]] && stop_pid "$TAIL_PID"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 9,900 proxied sessions hold 19,800 sockets in the proxy process, and 9,900 each in the load client and the
# backend; raise the open-file limit as far as we may (every process started below inherits it).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 19900 )); then
  echo "WARNING: open-file limit is $(ulimit -n); 9,900 proxied sessions need about 19,850 in the proxy," \
       "so fewer will be held" >&2
fi

for program in socat websockify; do
  command -v "$program" >/dev/null || echo "NOTE: $program not found (apt-get install $program); its column will be skipped" >&2
done

echo "building (mvn package -DskipTests + test classpath)..."
# The lock's descriptor (9) is not handed on: nothing started here may keep the lock after the script ends.
mvn -B -q -pl proxy -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test 9>&-
CLASSPATH_FILE=proxy/target/bench-classpath.txt
CP="proxy/target/test-classes:proxy/target/classes:$(cat "$CLASSPATH_FILE")"

mkdir -p "$WORK"
: > "$PIDFILE"
: > "$OUTPUT"
java -Xms256m -Xmx1g -cp "$CP" org.rfbridge.proxy.bench.ProxyLoadBenchmark \
  --jar=proxy/target/rfbridge-proxy.jar --pidfile="$PIDFILE" --logs="$WORK" ${ARGS[@]+"${ARGS[@]}"} \
  > "$OUTPUT" 2>&1 9>&- &
CLIENT_PID=$!
tail -n +1 -f --pid="$CLIENT_PID" "$OUTPUT" 9>&- &
TAIL_PID=$!
status=0
wait "$CLIENT_PID" || status=$?
CLIENT_PID=""
wait "$TAIL_PID" || true
TAIL_PID=""
if (( status != 0 )); then
  echo "benchmark failed (exit $status); logs in $WORK" >&2
  exit "$status"
fi

if (( $# == 0 )); then
  RESULTS=proxy/bench/RESULTS.md
else
  RESULTS="$WORK/RESULTS.md"
fi
{
  echo "# Proxy load benchmark: results"
  echo
  echo "Command: \`bash proxy/bench/run.sh${*:+ $*}\` (from the repository root), $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))," \
       "$(free -g | awk '/^Mem:/ {print $2}') GiB RAM, Linux $(uname -r), open-file limit $(ulimit -n)."
  echo "Java: $(java -version 2>&1 | head -2 | tail -1)."
  echo "Relays: $(socat -V 2>/dev/null | grep -m1 'socat version' | xargs || echo 'socat missing');" \
       "websockify $(dpkg-query -W -f='${Version}' websockify 2>/dev/null || echo 'missing');" \
       "rfbridge proxy transport: $(grep -m1 -o 'transport: [a-z]*' "$OUTPUT" | cut -d' ' -f2)."
  echo
  echo "Ratios are rfbridge ÷ baseline: above 1 is better for throughput, below 1 is better for times and memory."
  echo "MB = 10^6 bytes. Throughput figures are medians of the runs shown in the output."
  echo
  sed -n '/^| figure/,/^$/p' "$OUTPUT"
  echo "## Full output"
  echo
  echo '```'
  cat "$OUTPUT"
  echo '```'
} > "$RESULTS"
echo "saved $RESULTS"
