#!/usr/bin/env bash
# The .deb on a clean Debian 12: debootstrap (minbase) a root in a temporary folder, install the
# package there with apt (dependencies resolved by apt; only the .deb is copied in), then as a
# non-root user: reelsmith --version, man reelsmith, a completion script, reelsmith init, process the
# bundled English request and the trends example (a video is published), reelsmith doctor. Last,
# apt-get purge leaves nothing of the package under /usr.
#
#   bash scripts/check-deb-clean-root.sh dist/reelsmith_VERSION_amd64.deb
#
# Needs root (debootstrap, chroot, mount). Prints the time and disk it took.
set -euo pipefail
deb=$(realpath "${1:?usage: check-deb-clean-root.sh PACKAGE.deb}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
started=$(date +%s)

command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null

root=$(mktemp -d /tmp/reelsmith-clean-root.XXXXXX)
chmod 0755 "$root" # mktemp's 0700 would keep the non-root user out of "/"
cleanup() {
  for mount in dev proc; do
    if mountpoint -q "$root/$mount"; then umount -R -l "$root/$mount"; fi
  done
  rm -rf "$root"
}
trap cleanup EXIT

echo "clean-root: debootstrap bookworm (minbase) into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
package_file="/tmp/$(basename "$deb")"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
as_user() {
  chroot --userspec=creator:creator "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/creator \
    LANG=C.UTF-8 USER=creator /bin/bash -c "cd ~ && $1"
}

echo "clean-root: apt-get install $package_file (and man-db, bash-completion to read what it ships)"
in_root apt-get update -qq 2>/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "$package_file" man-db bash-completion >"$root/tmp/apt.log" 2>&1 || { tail -30 "$root/tmp/apt.log"; exit 1; }
in_root useradd --create-home --shell /bin/bash creator

echo "clean-root: as a non-root user"
as_user 'reelsmith --version'
as_user 'if ldd /usr/bin/reelsmith | grep -i swift; then exit 1; fi; echo "ldd: no Swift library linked"'
as_user 'MANPAGER=cat MANWIDTH=80 man reelsmith | head -n 12'
as_user 'source /usr/share/bash-completion/completions/reelsmith && complete -p reelsmith'
as_user 'source /usr/share/bash-completion/completions/reelsmith; COMP_WORDS=(reelsmith pro); COMP_CWORD=1; COMP_LINE="reelsmith pro"; COMP_POINT=${#COMP_LINE}; _reelsmith reelsmith pro reelsmith; echo "reelsmith pro<TAB> completes: ${COMPREPLY[*]}"; [ "${COMPREPLY[*]}" = process ]'
as_user 'reelsmith init ~/studio'
as_user 'cd ~/studio && reelsmith process inbox/requests/example-en.yaml && reelsmith process inbox/trends/*.yaml'
as_user 'ls -l ~/studio/outbox/videos/*/*.mp4'
as_user 'ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0 ~/studio/outbox/videos/*/*.mp4 | grep -qx "1080,1920" && echo "published: 1080x1920"'
as_user 'cd ~/studio && reelsmith doctor'
as_user 'systemd-analyze --user verify /usr/lib/systemd/user/reelsmith.service 2>/dev/null || true; grep ^ExecStart= /usr/lib/systemd/user/reelsmith.service'

echo "clean-root: apt-get purge reelsmith"
in_root dpkg -L reelsmith >"$root/tmp/files"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq reelsmith >/dev/null
left=$(in_root sh -c 'while read -r f; do case "$f" in /usr/*) [ -e "$f" ] && [ ! -d "$f" ] && echo "$f"; esac; done </tmp/files; find /usr -name "*reelsmith*"' | sort -u)
if [ -n "$left" ]; then
  echo "clean-root: left behind after purge:" >&2
  echo "$left" >&2
  exit 1
fi
echo "clean-root: purge left nothing under /usr"
echo "clean-root: passed in $(($(date +%s) - started)) s, root used $(du -shx "$root" | cut -f1)"
