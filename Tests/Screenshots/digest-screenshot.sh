#!/bin/sh
# Renders a sample digest as HTML and screenshots it with headless Chromium.
#
# Needs Debian's `chromium` (and, for good Arabic type, `fonts-noto-core`);
# this script installs nothing. Run from anywhere inside the repository:
#
#   Tests/Screenshots/digest-screenshot.sh [OUTPUT.png] [TOPIC]
#
# It builds the sample day from the digest tests' fixture articles (a test
# that writes its files when MARSAD_DIGEST_SAMPLE_DIR is set), opens
# TOPIC.html (default russia-syria; `index` for the day's index) and prints
# the PNG's path.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$root/.build-screenshots/digest.png"}
topic=${2:-russia-syria}
sample=$(mktemp -d "${TMPDIR:-/tmp}/marsad-digest-sample.XXXXXX")
trap 'rm -rf "$sample"' EXIT

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "digest-screenshot: no chromium found; install Debian's 'chromium' package" >&2
    exit 1
fi

cd "$root"
MARSAD_DIGEST_SAMPLE_DIR="$sample" swift test ${SWIFT_TEST_FLAGS:-} --filter "SampleDigestTests" >"$sample/test.log" 2>&1 || {
    cat "$sample/test.log" >&2
    exit 1
}
page="$sample/$topic.html"
if [ ! -f "$page" ]; then
    echo "digest-screenshot: the sample has no $topic.html" >&2
    exit 1
fi

mkdir -p "$(dirname "$out")"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$out" --window-size=1100,1600 "file://$page" >"$sample/chromium.log" 2>&1 || {
    cat "$sample/chromium.log" >&2
    exit 1
}
echo "$out"
