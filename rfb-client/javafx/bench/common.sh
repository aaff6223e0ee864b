# SPDX-License-Identifier: Apache-2.0
# Shell functions the viewer benchmarks share (sourced, not run).

free_display() {
  for attempt in $(seq 1 100); do
    local n=$(( 40 + RANDOM % 60 ))
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then echo "$n"; return; fi
  done
  echo "no free X display" >&2; exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Prints "UPDATES SECONDS" for the connection that closed in log lines after line $1.
measure() {
  tail -n +"$1" "${2:-$work/xvnc.log}" | python3 -c '
import sys, re, datetime
stamp = None; accepted = closed = None; updates = None; encodings = {}
for line in sys.stdin:
    s = line.strip()
    try:
        stamp = datetime.datetime.strptime(s, "%a %b %d %H:%M:%S %Y"); continue
    except ValueError:
        pass
    if "Connections: accepted" in s and accepted is None: accepted = stamp
    if "Connections: closed" in s: closed = stamp
    m = re.search(r"Framebuffer updates: (\d+)", s)
    if m and updates is None: updates = int(m.group(1))
print(updates if updates is not None else -1, (closed - accepted).total_seconds() if accepted and closed else -1)
'
}


# Prints the bytes Xvnc sent the connection that closed in log lines after line $1 (of $2), from the "Total:"
# of its EncodeManager statistics.
measure_bytes() {
  tail -n +"$1" "${2:-$work/xvnc.log}" | python3 -c '
import sys, re
units = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}
lines = [l.strip() for l in sys.stdin]
for i, line in enumerate(lines):
    if "EncodeManager:   Total:" in line and i + 1 < len(lines):
        m = re.search(r"([0-9.]+) (B|KiB|MiB|GiB)", lines[i + 1])
        if m:
            print(int(float(m.group(1)) * units[m.group(2)])); break
else:
    print(-1)
'
}

# Starts Xvnc (1920x1080, the server under test, on $server and $port) and an Xvfb for the viewers ($viewers), in
# the work directory $work (made with prefix $1), with every process in $pids stopped on exit.
start_displays() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  pids=()
  trap cleanup EXIT
  server=$(free_display)
  port=$(free_port)
  Xvnc ":$server" -geometry 1920x1080 -depth 24 -rfbport "$port" -SecurityTypes None -localhost -nolisten tcp \
    -AlwaysShared >"$work/xvnc.log" 2>&1 &
  pids+=($!)
  viewers=$(free_display)
  while [ "$viewers" = "$server" ]; do viewers=$(free_display); done
  Xvfb ":$viewers" -screen 0 2000x1200x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  pids+=($!)
  for i in $(seq 1 100); do
    [ -e "/tmp/.X11-unix/X$server" ] && [ -e "/tmp/.X11-unix/X$viewers" ] && break
    sleep 0.1
  done
}

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
