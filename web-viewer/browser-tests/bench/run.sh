#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Web viewer benchmark (not part of `mvn verify`): headless Chromium at 1920x1080 against TigerVNC Xvnc,
# rfbridge's viewer beside noVNC (Debian package `novnc`, served by the same proxy with --web), on the
# same server and workloads in the same browser. Prints a table and the command that reproduces it.
#
#   web-viewer/browser-tests/bench/run.sh [SECONDS] [OUT.md]
#   LINK=20/40 WORKLOADS="photo scroll" web-viewer/browser-tests/bench/run.sh 20 OUT.md
#
# LINK=MBITS/RTT_MS puts the test harness's ShapedLink (rate limit and delay both ways, a bounded queue)
# between the proxies and Xvnc, so both viewers get the same slow link; it needs
# test-harness/target/rfbridge-test-harness-*.jar (mvn -B -q -pl test-harness package). WORKLOADS picks from
# noise, photo (a changing photo-like picture) and scroll (default "noise scroll").
#
# Needs: Xvnc (tigervnc-standalone-server), chromium, node >= 20, java 17, proxy/target/rfbridge-proxy.jar
# (mvn -pl proxy -am package -DskipTests). noVNC is skipped when /usr/share/novnc is missing.
set -eu
SECONDS_PER_RUN=${1:-10}
OUT=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR="$ROOT/proxy/target/rfbridge-proxy.jar"
[ -f "$JAR" ] || { echo "missing $JAR: build it with mvn -B -q -pl proxy -am package -DskipTests" >&2; exit 2; }
for p in Xvnc chromium node java; do command -v $p >/dev/null || { echo "SKIPPED (missing system package): $p" >&2; exit 2; }; done

WORK=$(mktemp -d /tmp/rfbridge-web-bench.XXXXXX)
PIDS=""
cleanup() {
    for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in $PIDS; do kill -9 "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
DISPLAY_NUMBER=""
for n in $(shuf -i 40-99); do
    if [ ! -e /tmp/.X11-unix/X$n ] && [ ! -e /tmp/.X$n-lock ]; then DISPLAY_NUMBER=$n; break; fi
done
RFB_PORT=$(free_port)
Xvnc :$DISPLAY_NUMBER -geometry 1920x1080 -depth 24 -SecurityTypes None -rfbport "$RFB_PORT" -localhost \
    -AlwaysShared -nolisten tcp >"$WORK/xvnc.log" 2>&1 &
PIDS="$PIDS $!"

TARGET_PORT=$RFB_PORT
LINK=${LINK:-}
if [ -n "$LINK" ]; then
    HARNESS=$(ls "$ROOT"/test-harness/target/rfbridge-test-harness-*.jar | head -1)
    java -cp "$HARNESS" org.rfbridge.testharness.ShapedLink "$RFB_PORT" "${LINK%/*}" "${LINK#*/}" >"$WORK/link.log" 2>&1 &
    PIDS="$PIDS $!"
    for i in $(seq 1 100); do grep -q "listening on" "$WORK/link.log" 2>/dev/null && break; sleep 0.1; done
    TARGET_PORT=$(grep -o "listening on [0-9]*" "$WORK/link.log" | cut -d' ' -f3)
fi

OURS=$(free_port)
java -jar "$JAR" --listen "127.0.0.1:$OURS" --target "127.0.0.1:$TARGET_PORT" --web "$ROOT/web-viewer/www" >"$WORK/proxy-ours.log" 2>&1 &
PIDS="$PIDS $!"
VIEWERS="--viewer rfbridge=http://127.0.0.1:$OURS/?autoconnect=1&scale=none&reconnect=0"
if [ -d /usr/share/novnc ]; then
    NOVNC=$(free_port)
    java -jar "$JAR" --listen "127.0.0.1:$NOVNC" --target "127.0.0.1:$TARGET_PORT" --web /usr/share/novnc >"$WORK/proxy-novnc.log" 2>&1 &
    PIDS="$PIDS $!"
    VIEWERS="$VIEWERS --viewer noVNC-1.3=http://127.0.0.1:$NOVNC/vnc.html?autoconnect=1&path=websockify&resize=off&reconnect=0"
else
    echo "noVNC not installed (apt-get install novnc): measuring rfbridge only" >&2
fi

javac -d "$WORK/classes" "$HERE/Workload.java"
WL="env DISPLAY=:$DISPLAY_NUMBER java -Xmx512m -cp $WORK/classes Workload"
sleep 3

set -f
# shellcheck disable=SC2086
set --
for w in ${WORKLOADS:-noise scroll}; do set -- "$@" --workload "$w=$WL $w"; done
# shellcheck disable=SC2086
node --experimental-websocket --no-warnings "$HERE/bench.mjs" $VIEWERS --seconds "$SECONDS_PER_RUN" \
    "$@" --click "$WL click" --out "$WORK/table.md"

{
    echo
    echo "Headless Chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(Xvnc -version 2>&1 | grep -o 'TigerVNC [0-9.]*' | head -1), 1920x1080x24, $(nproc) cores, ${SECONDS_PER_RUN} s per run; $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo "Reproduce: ${LINK:+LINK=$LINK }${WORKLOADS:+WORKLOADS=\"$WORKLOADS\" }web-viewer/browser-tests/bench/run.sh $SECONDS_PER_RUN${LINK:+ (link: ${LINK%/*} Mbit/s, ${LINK#*/} ms round trip, between the proxies and Xvnc)}"
} | tee -a "$WORK/table.md"
if [ -n "$OUT" ]; then cp "$WORK/table.md" "$OUT"; fi
