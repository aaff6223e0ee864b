#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Updates per second shown by the rfbridge JavaFX viewer and by TigerVNC's vncviewer at 1920x1080, for a noise
# workload (Raw) and a scrolling workload (CopyRect), against the same Xvnc. The count is Xvnc's own: it logs
# each connection's "Framebuffer updates" when the client disconnects (forced with vncconfig -disconnect), and
# the connection's time comes from Xvnc's log timestamps, so both viewers are measured the same way.
#
# Click-to-pixel latency is measured by LatencyProbe for both viewers and for JavaFxClickFloor, a bare JavaFX
# window that draws the dot itself: the floor under any JavaFX viewer on this machine.
#
# Usage: rfb-client/javafx/bench/run.sh [RESULT.md]   (default rfb-client/javafx/bench/RESULTS.md)
# Environment: RUN_SECONDS (default 15) per viewer and workload; PARTS (default "rates latency") to run one part;
# for latency, ROUNDS (default 1) repeats every viewer in turn, and COMPARE_JAR=another-viewer.jar (a baseline
# build) runs that jar as a further viewer in the same rounds: on a shared machine only interleaved runs compare.
# VIEWER_JAR= measures another build of the viewer instead of this checkout's. LINK=20/40 (Mbit/s / round-trip ms)
# puts a shaped link between each viewer and the demo desktop for the latency part.
# Needs: Xvnc (tigervnc-standalone-server), Xvfb (xvfb), vncviewer (tigervnc-viewer), vncconfig.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
result=${1:-$here/RESULTS.md}
parts=${PARTS:-rates latency}
run_seconds=${RUN_SECONDS:-15}
jar=${VIEWER_JAR:-$repo/rfb-client/javafx/target/rfbridge-javafx-viewer.jar}
java_bin=${JAVA:-java}

for program in Xvnc Xvfb vncviewer vncconfig; do
  command -v "$program" >/dev/null || { echo "missing $program (apt-get install tigervnc-standalone-server xvfb tigervnc-viewer)" >&2; exit 1; }
done
demo_jar="$repo/samples/demo-server/target/rfbridge-demo-all.jar"
if [ ! -f "$jar" ] || [ ! -f "$demo_jar" ]; then
  (cd "$repo" && flock /tmp/rfbridge-mvn.lock mvn -B -q -pl rfb-client/javafx,samples -am package -DskipTests)
fi

. "$here/common.sh"

start_displays rfbridge-viewer-bench

declare -A rate
declare -A detail
workloads=
case " $parts " in *" rates "*) workloads="noise scroll" ;; esac
for workload in $workloads; do
  for viewer in rfbridge tigervnc; do
    DISPLAY=":$server" "$java_bin" -Dsun.java2d.xrender=false "$here/Workload.java" "$workload" $((run_seconds + 20)) \
      >"$work/workload-$workload-$viewer.log" 2>&1 &
    workload_pid=$!
    pids+=($workload_pid)
    sleep 3
    start_line=$(( $(wc -l <"$work/xvnc.log") + 1 ))
    if [ "$viewer" = rfbridge ]; then
      DISPLAY=":$viewers" "$java_bin" -jar "$jar" "127.0.0.1::$port" >"$work/viewer-$workload-$viewer.log" 2>&1 &
    else
      DISPLAY=":$viewers" vncviewer -AutoSelect=0 -PreferredEncoding=raw -NoJPEG=1 -FullColor=1 -Shared=1 \
        "127.0.0.1::$port" >"$work/viewer-$workload-$viewer.log" 2>&1 &
    fi
    viewer_pid=$!
    pids+=($viewer_pid)
    sleep "$run_seconds"
    DISPLAY=":$server" vncconfig -disconnect >/dev/null 2>&1 || true
    sleep 2
    kill "$viewer_pid" "$workload_pid" 2>/dev/null || true
    wait "$viewer_pid" "$workload_pid" 2>/dev/null || true
    read -r updates seconds < <(measure "$start_line")
    value=$(python3 -c "print(f'{$updates / $seconds:.1f}' if $updates > 0 and $seconds > 0 else 'n/a')")
    rate[$workload,$viewer]=$value
    detail[$workload,$viewer]="$updates updates in ${seconds} s"
    echo "$workload $viewer: $value updates/s (${detail[$workload,$viewer]})"
    tail -n +"$start_line" "$work/xvnc.log" | grep -E "EncodeManager" | sed 's/^ *//' >"$work/stats-$workload-$viewer.txt" || true
  done
done

# Click-to-pixel latency: each viewer shows a frozen demo desktop (800x600); LatencyProbe clicks its drawing
# surface through XTest and times until the dot the server paints is on the viewers' screen. The first 40 clicks
# meet a freshly started viewer (a cold JVM for rfbridge: what a user's first clicks meet), the next 40 the same
# viewer warmed up. JavaFxClickFloor has no server: it draws the dot in its own click handler.
declare -A latency_cold
declare -A latency_warm
declare -A latency_rounds
latency_viewers=
case " $parts " in *" latency "*) latency_viewers="rfbridge${COMPARE_JAR:+ baseline} floor tigervnc" ;; esac
rounds=${ROUNDS:-1}
for round in $(seq 1 "$rounds"); do
for viewer in $latency_viewers; do
  demo_pid=
  if [ "$viewer" != floor ]; then
    "$java_bin" -cp "$demo_jar" org.rfbridge.demo.DemoServerMain --listen 127.0.0.1:0 --frozen --size 800x600 \
      >"$work/demo-$viewer.log" 2>&1 &
    demo_pid=$!
    pids+=($demo_pid)
    for i in $(seq 1 100); do grep -q "ready" "$work/demo-$viewer.log" 2>/dev/null && break; sleep 0.1; done
    demo_port=$(grep -o "127.0.0.1:[0-9]*" "$work/demo-$viewer.log" | head -1 | cut -d: -f2)
    if [ -n "${LINK:-}" ]; then
      # The viewer reaches the demo through a shaped link (rate limit and added delay both ways).
      harness=$(ls "$repo"/test-harness/target/rfbridge-test-harness-*.jar | head -1)
      "$java_bin" -cp "$harness" org.rfbridge.testharness.ShapedLink "$demo_port" "${LINK%%/*}" "${LINK##*/}" \
        >"$work/link-$viewer.log" 2>&1 &
      pids+=($!)
      for i in $(seq 1 100); do grep -q "listening on" "$work/link-$viewer.log" 2>/dev/null && break; sleep 0.1; done
      demo_port=$(grep -o "listening on [0-9]*" "$work/link-$viewer.log" | cut -d' ' -f3)
    fi
  fi
  case "$viewer" in
    rfbridge) DISPLAY=":$viewers" "$java_bin" -jar "$jar" "127.0.0.1::$demo_port" >"$work/latency-$viewer.log" 2>&1 & ;;
    baseline) DISPLAY=":$viewers" "$java_bin" -jar "$COMPARE_JAR" "127.0.0.1::$demo_port" >"$work/latency-$viewer.log" 2>&1 & ;;
    floor) DISPLAY=":$viewers" "$java_bin" -cp "$jar" "$here/JavaFxClickFloor.java" >"$work/latency-$viewer.log" 2>&1 & ;;
    tigervnc) DISPLAY=":$viewers" vncviewer -Shared=1 "127.0.0.1::$demo_port" >"$work/latency-$viewer.log" 2>&1 & ;;
  esac
  viewer_pid=$!
  pids+=($viewer_pid)
  sleep 5
  cold=$(DISPLAY=":$viewers" timeout 120 "$java_bin" "$here/LatencyProbe.java" 40 | sed 's/^latency: //' || true)
  warm=$(DISPLAY=":$viewers" timeout 120 "$java_bin" "$here/LatencyProbe.java" 40 | sed 's/^latency: //' || true)
  if [ "$round" = 1 ]; then
    latency_cold[$viewer]=$cold
    latency_warm[$viewer]=$warm
  fi
  latency_rounds[$viewer]="${latency_rounds[$viewer]:-}$(echo "$warm" | grep -o 'median [0-9.]*' | cut -d' ' -f2) "
  echo "latency $viewer (round $round of $rounds): first 40 clicks $cold; next 40 $warm"
  kill "$viewer_pid" $demo_pid 2>/dev/null || true
  wait "$viewer_pid" $demo_pid 2>/dev/null || true
done
done

# "7.2 (rounds 7.2 6.9 7.5)": the median of the rounds' warm medians, for comparing builds measured interleaved.
round_median() {
  python3 - $1 <<'PY'
import statistics, sys
values = [float(v) for v in sys.argv[1:]]
print(f"{statistics.median(values):.1f} ms (rounds: {' '.join(sys.argv[1:])})" if values else "n/a")
PY
}
if [ "$rounds" -gt 1 ] || [ -n "${COMPARE_JAR:-}" ]; then
  for viewer in $latency_viewers; do
    echo "latency $viewer, median of the warm medians: $(round_median "${latency_rounds[$viewer]}")"
  done
fi

# The ratio of two figures, each a number ("59.9") or a latency line ("median 7.2 ms, ..."): "4.80x", or n/a.
ratio() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def figure(text):
    m = re.search(r"(?:median )?([0-9]+(?:\.[0-9]+)?)", text)
    return float(m.group(1)) if m else None
a, b = figure(sys.argv[1]), figure(sys.argv[2])
print(f"{a / b:.2f}x" if a and b else "n/a")
PY
}

{
  echo "<!-- SPDX-License-Identifier: Apache-2.0 -->"
  echo "# JavaFX viewer benchmark: updates per second at 1920x1080, click-to-pixel latency"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)),"
  echo "$(Xvnc -version 2>&1 | grep -m1 -o 'TigerVNC.*' || echo Xvnc), vncviewer $(dpkg-query -W -f='${Version}' tigervnc-viewer 2>/dev/null)."
  echo "Reproduce: \`rfb-client/javafx/bench/run.sh\` (RUN_SECONDS=$run_seconds per viewer and workload)."
  echo
  echo "Counted by Xvnc (per-connection \"Framebuffer updates\" logged on disconnect) over the connection's lifetime"
  echo "from Xvnc's log timestamps (1 s resolution, so about ±$((100 / run_seconds + 1)) %), viewers drawing on an Xvfb"
  echo "at 1:1. TigerVNC: \`vncviewer -AutoSelect=0 -PreferredEncoding=raw -NoJPEG=1\` (without -NoJPEG it announces a"
  echo "quality level and Xvnc answers noise with Tight JPEG instead of Raw); rfbridge announces only Raw and CopyRect."
  echo "Both viewers draw through their normal paths onto an Xvfb without GPU."
  echo
  echo "Reading the numbers:"
  echo "- Xvnc fills the encoder slots a viewer's preference leaves open with the best encoding that viewer supports,"
  echo "  so TigerVNC's viewer (which supports ZRLE and Tight) gets ZRLE for noise and Tight/ZRLE beside the CopyRects"
  echo "  even with PreferredEncoding=raw; -NoJPEG only rules out Tight JPEG. The statistics below show what each"
  echo "  viewer really received. The noise figure of TigerVNC is therefore bound by Xvnc's ZRLE compression on"
  echo "  shared cores, ours by moving 8 MB of Raw per frame."
  echo "- Without a GPU JavaFX renders with its software pipeline. The viewer shows the desktop in 64-row bands so"
  echo "  that a small change repaints one band; a scroll or noise frame touches every band and repaints the whole"
  echo "  desktop. The viewer sets javafx.animation.pulse=1000 and prism.disableRegionCaching=true in Launcher, runs"
  echo "  its AnimationTimer only while updates arrive, and turns off the scroll pane's viewport cache; before that a"
  echo "  frame waited up to 16 ms for the 60 Hz pulse and each repaint also stretched cached background images and"
  echo "  re-rendered the whole viewport cache, which capped it near 15-25 frames/s here. (-Djavafx.pulseLogger=true"
  echo "  throws NullPointerExceptions on the render thread with pulses on demand in JavaFX 21: use it only with"
  echo "  -Djavafx.animation.pulse=60 and expect it to break rendering.) Mesa's llvmpipe through -Dprism.forceGPU=true"
  echo "  was tried here and is slower still: 200-700 ms a frame."
  echo
  echo "| workload | rfbridge JavaFX viewer | TigerVNC vncviewer | rfbridge / vncviewer |"
  echo "|---|---|---|---|"
  for workload in noise scroll; do
    case "$workload" in
      noise) label="noise (Raw, every pixel changes)" ;;
      scroll) label="scroll (CopyRect + a Raw strip)" ;;
    esac
    echo "| $label | ${rate[$workload,rfbridge]:-n/a} (${detail[$workload,rfbridge]:-not run}) | ${rate[$workload,tigervnc]:-n/a} (${detail[$workload,tigervnc]:-not run}) | $(ratio "${rate[$workload,rfbridge]:-}" "${rate[$workload,tigervnc]:-}") |"
  done
  echo
  echo "## Click-to-pixel latency (idle, frozen demo desktop 800x600)"
  echo
  echo "LatencyProbe (bench/LatencyProbe.java) clicks the demo's drawing surface through XTest on the viewers' Xvfb"
  echo "and times until the screen pixel under the pointer changes (viewer -> server -> dot -> viewer -> screen)."
  echo "Each viewer is started fresh; it gets 40 clicks (a cold JVM for the Java programs), then 40 more."
  echo "\"JavaFX floor\" is bench/JavaFxClickFloor.java: a bare 800x600 JavaFX window with the viewer's toolkit"
  echo "settings that draws the dot in its own click handler, with no server and no network: what JavaFX alone"
  echo "takes here to take a click from X and show one changed spot."
  echo
  echo "| viewer | first 40 clicks | next 40 clicks | median vs vncviewer (next 40) |"
  echo "|---|---|---|---|"
  for viewer in rfbridge ${COMPARE_JAR:+baseline} floor tigervnc; do
    case "$viewer" in
      rfbridge) label="rfbridge JavaFX viewer" ;;
      baseline) label="rfbridge baseline ($(basename "$COMPARE_JAR"))" ;;
      floor) label="JavaFX floor (no server)" ;;
      tigervnc) label="TigerVNC vncviewer" ;;
    esac
    echo "| $label | ${latency_cold[$viewer]:-n/a} | ${latency_warm[$viewer]:-n/a} | $(ratio "${latency_warm[$viewer]:-}" "${latency_warm[tigervnc]:-}") |"
  done
  echo
  if [ "$rounds" -gt 1 ] || [ -n "${COMPARE_JAR:-}" ]; then
    echo "Over $rounds interleaved rounds (the table shows round 1), median of each round's next-40 median:"
    echo
    for viewer in $latency_viewers; do
      echo "- $viewer: $(round_median "${latency_rounds[$viewer]}")"
    done
    echo
  fi
  echo "Reading the numbers: every frame of JavaFX's software pipeline (no GPU here) ends with the whole window"
  echo "copied out of its render target and uploaded to the X server through GTK, which double-buffers the whole"
  echo "window again, on the FX thread after a hop from the render thread; an event reaches the handler through"
  echo "GTK and the glass layer, which grabs the pointer on every press. The floor row is that cost alone, and it is"
  echo "above TigerVNC's whole round trip, which puts one small rectangle with XPutImage from the thread that read"
  echo "it. The rfbridge figure adds the server round trip and the viewer's own thread hops (FX thread -> session"
  echo "thread -> socket; reader -> session thread -> FX thread) to that floor. bench/NOTES.md has a traced run."
  echo
  echo "Xvnc's per-encoding statistics of each run:"
  for workload in noise scroll; do
    for viewer in rfbridge tigervnc; do
      echo
      echo "$workload, $viewer:"
      echo '```'
      if [ -f "$work/stats-$workload-$viewer.txt" ]; then head -30 "$work/stats-$workload-$viewer.txt"; else echo "(not run)"; fi
      echo '```'
    done
  done
} >"$result"
echo "written to $result"
