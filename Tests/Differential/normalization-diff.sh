#!/usr/bin/env bash
# Differential test: Marsad's normalization rules against pyarabic's and
# CAMeL Tools' normalizers, on the tokens of the SaudiNewsNet corpus
# (../shared/corpora/saudinewsnet beside the repository, or $SAUDINEWSNET_DIR).
#
#   Tests/Differential/normalization-diff.sh [--files N] [--json FILE]
#
# Marsad's rules run through `marsad normalize --rules ...` ($MARSAD_BIN, or
# .build/release/marsad, built when absent). Exits 0 with a
# message when the corpus or the peers are unavailable.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="${SAUDINEWSNET_DIR:-$ROOT/../shared/corpora/saudinewsnet}"

if ! compgen -G "$CORPUS/*.zip" >/dev/null; then
    echo "SKIPPED: no SaudiNewsNet day files in $CORPUS"
    exit 0
fi
if ! PY="$("$HERE/peers-venv.sh")"; then
    echo "SKIPPED: pyarabic and camel-tools could not be installed with pip"
    exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
MARSAD_BIN="${MARSAD_BIN:-$ROOT/.build/release/marsad}"
if ! [ -x "$MARSAD_BIN" ]; then
    echo "marsad: building the release binary"
    (cd "$ROOT" && swift build -c release --product marsad >/dev/null)
fi
MARSAD=("$MARSAD_BIN" normalize)
echo "marsad: $MARSAD_BIN normalize --rules"
"$PY" "$HERE/normalization_diff.py" --corpus "$CORPUS" --marsad "${MARSAD[@]}" "$@"
