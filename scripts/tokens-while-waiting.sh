#!/usr/bin/env bash
# Tokens/s of a local llama.cpp server (llama-cpp-python, gemma3 270M, --n_threads 2) alone and
# while one `reelsmith process` waits on another server that answers after 600 s (issue 19: with
# the old HTTP layer the waiting process spun a core and the model fell from 40.9 to 2.3 tokens/s).
# The same request each time (temperature 0, seed 42, 128 tokens); the figure is llama.cpp's own
# "eval time" line. Rounds alternate alone / waiting, so a shared machine's load hits both alike.
#
#   scripts/tokens-while-waiting.sh [ROUNDS]
#
# Needs the full `scripts/real-servers.sh` run once (it installs llama-cpp-python and the model
# under REELSMITH_REAL_SERVERS, default ~/.cache/reelsmith-real-servers). REELSMITH: the binary
# (default .build/debug/reelsmith).
set -euo pipefail

rounds=${1:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
home=${REELSMITH_REAL_SERVERS:-$HOME/.cache/reelsmith-real-servers}
reelsmith=${REELSMITH:-$repo/.build/debug/reelsmith}
python=$home/llama/bin/python
gguf=$home/gemma-3-270m-q4_k_m.gguf
for need in "$reelsmith" "$python" "$gguf"; do
    [ -e "$need" ] || {
        echo "tokens-while-waiting.sh: $need is missing (run \`swift build\` and scripts/real-servers.sh once)" >&2
        exit 1
    }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/reelsmith-tokens.XXXXXX")
pids=()
waiting_pid=
cleanup() {
    [ -n "$waiting_pid" ] && kill -9 "$waiting_pid" 2>/dev/null
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

llama_port=$(free_port)
"$python" -m llama_cpp.server --model "$gguf" --model_alias gemma3-270m --host 127.0.0.1 --port "$llama_port" \
    --n_threads 2 --n_ctx 2048 >"$work/llama.log" 2>&1 &
pids+=($!)
# The server Reelsmith waits on: every request is answered (503) after 600 s.
slow_port=$(free_port)
python3 - "$slow_port" >/dev/null 2>&1 <<'EOF' &
import http.server, json, sys, time
class Slow(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(600)
        body = json.dumps({"error": {"message": "slow"}}).encode()
        self.send_response(503); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST
    def log_message(self, *arguments): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
EOF
pids+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$llama_port/v1/models" >/dev/null && break; sleep 1; done

studio=$work/studio
"$reelsmith" init "$studio" --from "$repo" >/dev/null
printf 'providers:\n  slow:\n    base_url: http://127.0.0.1:%s/v1\n    timeout_seconds: 900\n    max_retries: 0\nengines:\n  script: { provider: slow, model: m }\n  on_failure: offline\n' \
    "$slow_port" >"$studio/reelsmith.yaml"
printf 'niche: fitness\nlanguage: en\nduration: 15\nimages: 1\n' >"$studio/inbox/requests/a.yaml"

# One completion; prints llama.cpp's tokens/s for it.
ask() {
    curl -sf "http://127.0.0.1:$llama_port/v1/completions" -H 'Content-Type: application/json' \
        -d '{"model":"gemma3-270m","prompt":"Morning workouts are","max_tokens":128,"temperature":0,"seed":42}' >/dev/null
    sleep 0.3
    grep 'llama_perf_context_print: *eval time' "$work/llama.log" | tail -1 | sed -E 's/.*, +([0-9.]+) tokens per second.*/\1/'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

ask >/dev/null # warm-up
for round in $(seq "$rounds"); do
    alone=$(ask)
    "$reelsmith" process "$studio/inbox/requests/a.yaml" --root "$studio" >/dev/null 2>&1 &
    waiting_pid=$!
    sleep 3 # it has sent its request and waits
    ticks=$(cpu_ticks "$waiting_pid")
    started=$(date +%s.%N)
    waiting=$(ask)
    ticks=$(($(cpu_ticks "$waiting_pid") - ticks))
    ended=$(date +%s.%N)
    kill -9 "$waiting_pid"
    wait "$waiting_pid" 2>/dev/null || true
    waiting_pid=
    python3 -c "print('round $round: alone $alone tokens/s, with reelsmith waiting $waiting tokens/s (ratio %.2f); reelsmith used %.2f CPU-s in %.1f s' % ($waiting / $alone, $ticks / 100, $ended - $started))"
done
