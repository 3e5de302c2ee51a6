#!/usr/bin/env bash
# Builds Marsad's libFuzzer targets and runs each for a while.
#
#   Tests/Fuzz/run-fuzzers.sh [--seconds N] [--build-only] [--findings-warn] [TARGET...]
#
# Each target starts from its hand-made seeds (Tests/Fuzz/Seeds/TARGET) plus
# seeds generated at run time from ../shared/seeds and ../shared/corpora when
# that folder sits beside the repository; what the fuzzer finds accumulates
# in .build-fuzz/corpus/TARGET, so later runs start where earlier ones ended.
# Each target first replays its committed seeds once (a fixed set of inputs,
# so a failure there is a regression); then it explores. Prints executions
# and coverage per target and exits 1 if any target crashed, ran out of
# memory or timed out; the input that did it is kept in
# .build-fuzz/artifacts/TARGET/. With --findings-warn, what exploration
# finds is printed as a FINDING and does not change the exit status (CI's
# setting: a new finding from a random search must become a committed test,
# not a red build for an unrelated change); failing the replay always does.
set -euo pipefail

seconds=60
build_only=0
findings_warn=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --build-only) build_only=1; shift ;;
        --findings-warn) findings_warn=1; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done

fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$fuzz_dir/../.." && pwd)"
scratch="$repo/.build-fuzz"
shared="$repo/../shared"
all_targets=(FuzzArticleReader FuzzTextDecoder FuzzHTMLReader FuzzJSONReader FuzzPlainText FuzzTRECReader FuzzTaxonomy FuzzSettings)
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

echo "== building fuzz targets (release, -sanitize=fuzzer,address)"
# -enable-testing lets the targets reach the internal readers with @testable.
(cd "$fuzz_dir" && swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing 2>&1 | tail -n 5)
bin="$(cd "$fuzz_dir" && swift build -c release --scratch-path "$scratch" --show-bin-path)"
[ "$build_only" = 1 ] && exit 0

# Seeds generated from the shared material, small enough to mutate quickly.
generated="$scratch/generated-seeds"
if [ ! -d "$generated" ]; then
    mkdir -p "$generated.partial"
    python3 "$fuzz_dir/generate-seeds.py" --repo "$repo" --shared "$shared" --out "$generated.partial"
    mv "$generated.partial" "$generated"
fi

summary=()
failed=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$corpus" "$artifacts" "$generated/$target"
    log="$scratch/logs/$target.log"
    mkdir -p "$(dirname "$log")"
    echo "== $target: replaying its committed seeds"
    replay_log="$scratch/logs/$target.replay.log"
    if ! ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$target" -runs=0 -timeout=60 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" "$fuzz_dir/Seeds/$target" >"$replay_log" 2>&1; then
        tail -n 40 "$replay_log"
        line=$(printf '%-18s FAILED on a committed seed: %s' "$target" "$(grep -m1 -E 'ERROR|SUMMARY|deadly signal|Fatal error' "$replay_log" | cut -c1-160 || true)")
        echo "$line"
        summary+=("$line")
        failed=1
        continue
    fi
    echo "== $target: ${seconds}s"
    status=0
    # Leak checking is off: the Swift runtime keeps metadata caches for the
    # life of the process, which LeakSanitizer would report at every exit.
    ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$target" "$corpus" "$fuzz_dir/Seeds/$target" "$generated/$target" \
        -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 -timeout=60 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}' || true)
    coverage=$(grep -oE '#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+)/cov \1 ft \2/' || true)
    units=$(find "$corpus" -type f | wc -l)
    if [ "$status" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|^SUMMARY: libFuzzer|deadly signal' "$log"; then
        what="(exit $status): $(grep -m1 -E 'ERROR|SUMMARY|deadly signal|Fatal error' "$log" | cut -c1-160 || true)"
        if [ "$findings_warn" = 1 ]; then
            verdict="FINDING $what"
        else
            verdict="FAILED $what"
            failed=1
        fi
        tail -n 40 "$log"
        ls "$artifacts"
    else
        verdict="ok"
    fi
    line=$(printf '%-18s executions %10s  %-20s corpus %5s  %s' "$target" "$executions" "${coverage:-cov ? ft ?}" "$units" "$verdict")
    echo "$line"
    summary+=("$line")
done

echo "== summary (${seconds}s per target; logs in $scratch/logs)"
printf '%s\n' "${summary[@]}"
exit "$failed"
