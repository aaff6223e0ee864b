#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the system packages the test suite drives for real (VNC servers, Xvfb, Chromium, socat,
# websockify). Maven brings everything else. As root it installs what is missing; otherwise it names
# the missing packages and the tests that need them skip with a loud message.
set -euo pipefail

# command-that-proves-it-is-installed:debian-package
wanted=(
  Xvnc:tigervnc-standalone-server
  tigervncpasswd:tigervnc-tools
  Xtightvnc:tightvncserver
  x11vnc:x11vnc
  Xvfb:xvfb
  xdotool:xdotool
  xclip:xclip
  xwd:x11-apps
  xdpyinfo:x11-utils
  xrandr:x11-xserver-utils
  qemu-system-x86_64:qemu-system-x86
  chromium:chromium
  chromedriver:chromium-driver
  socat:socat
  websockify:websockify
  node:nodejs
)

# Libraries without a command of their own: JavaFX's glass toolkit loads GTK 3 even under Xvfb.
wanted_libraries=(libgtk-3-0 libgl1)

missing=()
for entry in "${wanted[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
done
for package in "${wanted_libraries[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "test-deps: all system packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "test-deps: installed"
else
  echo "test-deps: WARNING: missing system packages: ${missing[*]}" >&2
  echo "test-deps: install them with: sudo apt-get install ${missing[*]}" >&2
  echo "test-deps: the tests that need them will be SKIPPED" >&2
fi
