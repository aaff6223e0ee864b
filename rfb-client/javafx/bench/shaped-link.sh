#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The rfbridge JavaFX viewer beside TigerVNC's vncviewer on a slow link: both left to choose their own encoding and
# quality (ours: EncodingPreferences.auto(); vncviewer: AutoSelect), each through its own ShapedLink (a relay from
# the test harness that limits the rate and adds delay both ways, with a bounded queue) in front of one Xvnc at
# 1920x1080 showing a changing photo-like picture or a scroll. Updates and bytes are Xvnc's own per-connection
# statistics; the quality each viewer settled on comes from its log.
#
# Usage: rfb-client/javafx/bench/shaped-link.sh [RESULT.md]   (default rfb-client/javafx/bench/SHAPED-LINK.md)
# Environment: LINKS (default "20/40 100/10": Mbit/s / round-trip ms), WORKLOADS (default "photo scroll"),
# RUN_SECONDS (default 20) per viewer, workload and link.
# Needs: Xvnc (tigervnc-standalone-server), Xvfb, vncviewer (tigervnc-viewer), vncconfig.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
result=${1:-$here/SHAPED-LINK.md}
links=${LINKS:-20/40 100/10}
workloads=${WORKLOADS:-photo scroll}
run_seconds=${RUN_SECONDS:-20}
jar=${VIEWER_JAR:-$repo/rfb-client/javafx/target/rfbridge-javafx-viewer.jar}
harness=$(ls "$repo"/test-harness/target/rfbridge-test-harness-*.jar 2>/dev/null | head -1 || true)
java_bin=${JAVA:-java}

for program in Xvnc Xvfb vncviewer vncconfig; do
  command -v "$program" >/dev/null || { echo "missing $program" >&2; exit 1; }
done
if [ ! -f "$jar" ] || [ -z "$harness" ]; then
  (cd "$repo" && flock /tmp/rfbridge-mvn.lock mvn -B -q -pl rfb-client/javafx,test-harness -am package -DskipTests)
  harness=$(ls "$repo"/test-harness/target/rfbridge-test-harness-*.jar | head -1)
fi

. "$here/common.sh"

start_displays rfbridge-shaped-bench

declare -A rate bytes quality
for link in $links; do
  mbits=${link%/*}
  rtt=${link#*/}
  for workload in $workloads; do
    for viewer in rfbridge tigervnc; do
      DISPLAY=":$server" "$java_bin" -Dsun.java2d.xrender=false "$here/Workload.java" "$workload" \
        $((run_seconds + 30)) >"$work/workload.log" 2>&1 &
      workload_pid=$!
      pids+=($workload_pid)
      "$java_bin" -cp "$harness" org.rfbridge.testharness.ShapedLink "$port" "$mbits" "$rtt" >"$work/link.log" 2>&1 &
      link_pid=$!
      pids+=($link_pid)
      for i in $(seq 1 100); do grep -q "listening on" "$work/link.log" 2>/dev/null && break; sleep 0.1; done
      link_port=$(grep -o "listening on [0-9]*" "$work/link.log" | cut -d' ' -f3)
      sleep 8
      start_line=$(( $(wc -l <"$work/xvnc.log") + 1 ))
      log="$work/viewer-$link-$workload-$viewer.log"
      log=${log//\//_}
      log="$work/$(basename "$log")"
      if [ "$viewer" = rfbridge ]; then
        DISPLAY=":$viewers" "$java_bin" -jar "$jar" "127.0.0.1::$link_port" >"$log" 2>&1 &
      else
        DISPLAY=":$viewers" vncviewer -Shared=1 -Log='*:stderr:100' "127.0.0.1::$link_port" >"$log" 2>&1 &
      fi
      viewer_pid=$!
      pids+=($viewer_pid)
      sleep "$run_seconds"
      DISPLAY=":$server" vncconfig -disconnect >/dev/null 2>&1 || true
      sleep 2
      kill "$viewer_pid" "$workload_pid" "$link_pid" 2>/dev/null || true
      wait "$viewer_pid" "$workload_pid" "$link_pid" 2>/dev/null || true
      read -r updates seconds < <(measure "$start_line")
      total=$(measure_bytes "$start_line")
      key="$link,$workload,$viewer"
      rate[$key]=$(python3 -c "print(f'{$updates / $seconds:.1f}' if $updates > 0 and $seconds > 0 else 'n/a')")
      bytes[$key]=$(python3 -c "print(f'{$total / $updates / 1024:.0f} KiB' if $updates > 0 and $total > 0 else 'n/a')")
      if [ "$viewer" = rfbridge ]; then
        quality[$key]=$(grep -o "now asking for .*" "$log" | tail -1 | sed 's/now asking for //' || true)
      else
        quality[$key]=$(grep -o "changing to quality [0-9]*" "$log" | tail -1 | sed 's/changing to //' || true)
      fi
      if [ -z "${quality[$key]}" ]; then
        # Neither logs the level it starts with: ours starts at noVNC's 6, vncviewer at its default 8.
        if [ "$viewer" = rfbridge ]; then quality[$key]="JPEG quality 6, auto (start)"; else quality[$key]="quality 8 (start)"; fi
      fi
      echo "$link $workload $viewer: ${rate[$key]} updates/s, ${bytes[$key]}/update, ${quality[$key]}"
      tail -n +"$start_line" "$work/xvnc.log" | grep -E "EncodeManager" | sed 's/^ *//' >"$work/stats-${link//\//_}-$workload-$viewer.txt" || true
    done
  done
done

ratio() { python3 -c "import sys; a, b = sys.argv[1], sys.argv[2]; print(f'{float(a) / float(b):.2f}' if a not in ('n/a', '') and b not in ('n/a', '', '0.0') else 'n/a')" "$1" "$2"; }

{
  echo "<!-- SPDX-License-Identifier: Apache-2.0 -->"
  echo "# JavaFX viewer on a shaped link, beside TigerVNC's vncviewer"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)),"
  echo "$(Xvnc -version 2>&1 | grep -m1 -o 'TigerVNC.*' || echo Xvnc), vncviewer $(dpkg-query -W -f='${Version}' tigervnc-viewer 2>/dev/null)."
  echo "Reproduce: \`rfb-client/javafx/bench/shaped-link.sh\` (RUN_SECONDS=$run_seconds, LINKS=\"$links\")."
  echo
  echo "Xvnc at 1920x1080; each viewer through its own ShapedLink (rate limit and added delay both ways, 64 KiB"
  echo "queue), both choosing encoding and quality themselves. Updates per second and bytes per update are Xvnc's"
  echo "per-connection statistics (1 s log stamps). Quality: the JPEG quality level each viewer asked for last (its"
  echo "own log); the same level means Xvnc encodes with the same JPEG quality and subsampling for both."
  echo
  echo "| link | workload | rfbridge updates/s | vncviewer updates/s | ratio | rfbridge bytes/update | vncviewer bytes/update | rfbridge quality | vncviewer quality |"
  echo "|---|---|--:|--:|--:|--:|--:|---|---|"
  for link in $links; do
    for workload in $workloads; do
      a="$link,$workload,rfbridge"
      b="$link,$workload,tigervnc"
      echo "| ${link%/*} Mbit/s, ${link#*/} ms | $workload | ${rate[$a]} | ${rate[$b]} | $(ratio "${rate[$a]}" "${rate[$b]}") | ${bytes[$a]} | ${bytes[$b]} | ${quality[$a]} | ${quality[$b]} |"
    done
  done
  echo
  echo "## Xvnc's statistics per run"
  for f in "$work"/stats-*.txt; do
    echo
    echo "$(basename "$f" .txt | sed 's/^stats-//'):"
    echo '```'
    cat "$f"
    echo '```'
  done
} >"$result"
echo "wrote $result"
