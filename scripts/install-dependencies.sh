#!/usr/bin/env bash
# Installs the Debian packages Reelsmith needs (DESIGN §6). Safe to run again: it only calls
# apt-get when something is missing. Run as root, or with sudo available.
set -euo pipefail

packages=(
  ffmpeg                # render, images, probing (libx264, libass, libmp3lame, drawtext)
  espeak-ng             # voices data
  libespeak-ng-dev      # libespeak-ng, linked in-process
  libinotifytools0-dev  # the inbox watcher
  libyaml-dev
  libsqlite3-dev        # GRDB links the system SQLite
  libcurl4-openssl-dev  # FoundationNetworking (OpenAI-compatible providers)
  fonts-dejavu-core     # title cards and captions
  pkg-config
  tzdata                # time zones: the best posting hours in the creator's own zone
  chromium              # the dashboard's tests load outbox/reports/dashboard.html headless
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-dependencies: everything is installed"
  exit 0
fi

echo "install-dependencies: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-dependencies: done"
