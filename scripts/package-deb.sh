#!/usr/bin/env bash
# Builds reelsmith_VERSION_amd64.deb for Debian 12 (bookworm): a release binary with Swift's
# standard library and Foundation linked in (no Swift runtime needed where it is installed), the
# templates and examples under /usr/share/reelsmith, the systemd user unit, a man page and bash,
# zsh and fish completions generated from the argument parser, and a machine-readable copyright.
#
#   bash scripts/package-deb.sh [OUTPUT_DIR]        (default: dist/)
#
# Depends: is computed, not written by hand: dpkg-shlibdeps reads the libraries the binary links,
# and dpkg -S names the package of each program and file the code uses at run time (RUNTIME_PATHS).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
output=$(realpath -m "${1:-dist}")

# Programs and files the binary uses at run time, each mapped to its Debian package on this
# machine. Keep in step with Sources/ReelsmithCore/Configuration/Tools.swift (ffmpeg, ffprobe, the
# default font), ImageRenderer's colour emoji (pango-view, Noto Color Emoji) and Foundation's time
# zones.
RUNTIME_PATHS=(
  "$(command -v ffmpeg)"
  "$(command -v ffprobe)"
  "$(command -v pango-view)"
  /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
  /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
  /usr/share/zoneinfo/Europe/Paris
)
# Optional, offered but not required: the neural voice runs in a Python virtual environment.
RECOMMENDS="python3-venv"
maintainer=${DEB_MAINTAINER:-The Reelsmith developers <reelsmith@localhost>}
SUGGESTS="chromium"

need=()
for tool in dpkg-shlibdeps:dpkg-dev fakeroot:fakeroot lintian:lintian; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "package-deb: building the release binary (static Swift standard library and Foundation)"
swift build -c release --static-swift-stdlib --product reelsmith
binary=.build/release/reelsmith
version=$("$binary" --version)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([~+.a-z0-9]*)?$ ]] || { echo "package-deb: odd version '$version'" >&2; exit 1; }
if ldd "$binary" | grep -i swift; then
  echo "package-deb: the binary still links a Swift library (above)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/reelsmith_${version}_amd64"
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/reelsmith" "$stage/usr/share/doc/reelsmith" \
  "$stage/usr/share/man/man1" "$stage/usr/lib/systemd/user" \
  "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
  "$stage/usr/share/fish/vendor_completions.d" "$stage/usr/share/lintian/overrides"
install -m 0755 -s "$binary" "$stage/usr/bin/reelsmith"

# Data: what `reelsmith init` copies (templates and the example inputs), taken from git so a
# local experiment in inbox/ is never shipped.
git ls-files -z templates inbox | while IFS= read -r -d '' file; do
  install -D -m 0644 "$file" "$stage/usr/share/reelsmith/$file"
done
# The editor schemas, as `reelsmith init` writes them into a project.
"$binary" schema --out "$stage/usr/share/reelsmith/schema" --templates templates >/dev/null

# The daemon as a user service, run from the installed binary.
sed -e 's|^ExecStart=.*|ExecStart=/usr/bin/reelsmith watch --root %h/reelsmith|' \
  -e 's|^#   cp contrib/systemd/reelsmith.service ~/.config/systemd/user/|#   (installed by the package in /usr/lib/systemd/user/)|' \
  -e '/^#   mkdir -p ~\/.config\/systemd\/user/d' \
  -e 's|^#   edit WorkingDirectory .*|#   reelsmith init ~/reelsmith      (or edit WorkingDirectory and --root in an override)|' \
  contrib/systemd/reelsmith.service >"$stage/usr/lib/systemd/user/reelsmith.service"
grep -q '^ExecStart=/usr/bin/reelsmith watch' "$stage/usr/lib/systemd/user/reelsmith.service"
chmod 0644 "$stage/usr/lib/systemd/user/reelsmith.service"

# Man page and completions, from what the argument parser itself describes.
"$binary" --experimental-dump-help | python3 packaging/deb/manpage.py "$version" "$(date -u +%Y-%m-%d)" \
  | gzip -9n >"$stage/usr/share/man/man1/reelsmith.1.gz"
# (bash-completion sources the file: no #! line, which lintian flags.)
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' >"$stage/usr/share/bash-completion/completions/reelsmith"
"$binary" --generate-completion-script zsh >"$stage/usr/share/zsh/vendor-completions/_reelsmith"
"$binary" --generate-completion-script fish >"$stage/usr/share/fish/vendor_completions.d/reelsmith.fish"

# Documentation: the README and a changelog (changelog.gz: a native package, versioned
# without a Debian revision), compressed as Debian policy asks.
gzip -9nc README.md >"$stage/usr/share/doc/reelsmith/README.md.gz"
printf 'reelsmith (%s) bookworm; urgency=medium\n\n  * Built by scripts/package-deb.sh from commit %s.\n\n -- %s  %s\n' \
  "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$maintainer" "$(date -uR)" \
  | gzip -9nc >"$stage/usr/share/doc/reelsmith/changelog.gz"

# copyright: the project, the toolchain, then one stanza per Swift package actually resolved
# (an unknown package stops the build: its licence must be written down before it ships).
identities=$(swift package show-dependencies --format json | python3 -c '
import json, sys
def walk(node, seen):
    for dep in node.get("dependencies", []):
        seen.add(dep["identity"]); walk(dep, seen)
seen = set(); walk(json.load(sys.stdin), seen); print("\n".join(sorted(seen)))')
{
  cat packaging/deb/copyright.head
  for identity in $identities; do
    stanza=$(awk -v id="$identity" 'BEGIN{RS=""} $0 ~ "^Files: swift-packages/" id "/\\*\n" {print}' packaging/deb/copyright.packages)
    if [ -z "$stanza" ]; then
      echo "package-deb: no licence stanza for Swift package '$identity' in packaging/deb/copyright.packages" >&2
      exit 1
    fi
    printf '\n%s\n' "$stanza"
  done
  cat packaging/deb/copyright.licences
} >"$stage/usr/share/doc/reelsmith/copyright"
cp packaging/deb/lintian-overrides "$stage/usr/share/lintian/overrides/reelsmith"

# Depends: shared libraries (dpkg-shlibdeps needs a debian/control to run in), then the packages of
# the programs and files the code runs or reads.
mkdir -p "$work/shlibs/debian"
printf 'Source: reelsmith\n\nPackage: reelsmith\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
libraries=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$stage/usr/bin/reelsmith" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
programs=$(for path in "${RUNTIME_PATHS[@]}"; do
  dpkg -S "$(realpath "$path")" 2>/dev/null | head -n 1 | cut -d: -f1 \
    || { echo "package-deb: no Debian package owns $path" >&2; exit 1; }
done | sort -u | paste -sd, | sed 's/,/, /g')
depends="$libraries, $programs"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@DEPENDS@|$depends|" -e "s|@RECOMMENDS@|$RECOMMENDS|" \
  -e "s|@SUGGESTS@|$SUGGESTS|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@SIZE@|$size|" packaging/deb/control.in >"$stage/DEBIAN/control"

mkdir -p "$output"
deb="$output/reelsmith_${version}_amd64.deb"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "package-deb: $deb"
echo "package-deb: Depends: $depends"
echo "package-deb: binary $(du -h "$stage/usr/bin/reelsmith" | cut -f1), package $(du -h "$deb" | cut -f1)"
echo "package-deb: lintian (each remaining tag is explained in packaging/deb/lintian-overrides)"
lintian --tag-display-limit 0 "$deb"
cd "$root_dir"
