#!/usr/bin/env bash
# Fuzzes the decoders of what a synced device can drop (issue 12) and of what a model answers
# (issue 19) with libFuzzer, under AddressSanitizer. Not part of CI: run by hand, one target after the other.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 600 s; all five targets)
#   targets: FuzzRequest FuzzTrends FuzzSettings FuzzAnalytics FuzzModelAnswer
#
# Corpora grow in Fuzz/corpus/<target>/ (seeded from the fixtures and inbox examples), crashes and
# timeouts land in Fuzz/crashes/<target>/ (libFuzzer stops at the first one: replay it with
# `Fuzz/.build-fuzz/release/<target> FILE`), and each run's status line goes to Fuzz/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRequest FuzzTrends FuzzSettings FuzzAnalytics FuzzModelAnswer)

# The build takes the shared build lock (2 cores, several engineers; REELSMITH_BUILD_LOCK names it)
# and yields to other work; only the targets asked for are built. The fuzzing itself uses one core.
for target in "${targets[@]}"; do
    flock "${REELSMITH_BUILD_LOCK:-/tmp/reelsmith-build.lock}" nice -n 10 swift build --package-path Fuzz \
        --scratch-path Fuzz/.build-fuzz -c release --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld \
        -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | tail -3
done
bin=Fuzz/.build-fuzz/release

seed() {
    local target=$1 corpus=Fuzz/corpus/$1
    mkdir -p "$corpus"
    case $target in
        FuzzRequest) cp -n Tests/ReelsmithTests/Fixtures/requests/*.yaml inbox/requests/*.yaml "$corpus"/ 2>/dev/null || true ;;
        FuzzTrends) cp -n Tests/ReelsmithTests/Fixtures/trends/*.yaml inbox/trends/*.yaml "$corpus"/ 2>/dev/null || true ;;
        FuzzSettings) printf 'render:\n  preset: veryfast\n  crf: 21\n  music_volume_db: -14\nwatch:\n  settle_seconds: 1.0\n  rescan_seconds: 120\n  renders: 1\n' > "$corpus/settings.yaml" ;;
        FuzzAnalytics)
            # The first byte chooses the format (odd: YAML).
            for file in Tests/ReelsmithTests/Fixtures/analytics/*.csv inbox/analytics/*.csv; do
                { printf '\x00'; cat "$file"; } > "$corpus/$(basename "$file")"
            done
            for file in Tests/ReelsmithTests/Fixtures/analytics/*.yaml; do
                { printf '\x01'; cat "$file"; } > "$corpus/$(basename "$file")"
            done ;;
        FuzzModelAnswer)
            # The first byte chooses the parser: 0x08 a 3-scene English script, 0x01 a score.
            { printf '\x08'; cat Tests/ReelsmithTests/Fixtures/answers/script.json; } > "$corpus/script.json"
            { printf '\x01'; cat Tests/ReelsmithTests/Fixtures/answers/score.json; } > "$corpus/score.json"
            { printf '\x01'; cat Tests/ReelsmithTests/Fixtures/answers/score-broken.txt; } > "$corpus/score-broken.txt" ;;
    esac
}

for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "Fuzz/crashes/$target"
    log="Fuzz/.build-fuzz/$target.log"
    echo "== $target: ${seconds}s"
    # -timeout: one input over 10 s is a hang; -rss_limit_mb: a bomb that allocates is a finding.
    started=$(date +%s)
    set +e
    "$bin/$target" "Fuzz/corpus/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 > "$log" 2>&1
    status=$?
    set -e
    ran=$(( $(date +%s) - started ))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    files=$(ls "Fuzz/corpus/$target" | wc -l)
    crashes=$(ls "Fuzz/crashes/$target" | wc -l)
    line="$(date -u +%Y-%m-%d) $target: ${ran} s of ${seconds}, $runs runs, $speed exec/s, corpus $files files, $crashes crash files, exit $status"
    echo "$line" | tee -a Fuzz/results.txt
done
