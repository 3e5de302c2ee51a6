#!/usr/bin/env bash
# Creates (once) a Python virtual environment with the peer normalizers,
# pyarabic and CAMeL Tools, and prints its python interpreter's path.
# CAMeL Tools is installed without its dependencies (they pull in torch and
# transformers); its normalizers only need `emoji`.
# Exits 3 with a message on stderr when pip cannot install them.
set -u
VENV="${MARSAD_PEERS_VENV:-${TMPDIR:-/tmp}/marsad-peers-venv}"
PY="$VENV/bin/python"
if ! "$PY" -c 'import pyarabic.araby, camel_tools.utils.dediac, camel_tools.utils.normalize' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 || { echo "peers: cannot create a venv in $VENV" >&2; exit 3; }
    "$PY" -m pip install -q pyarabic emoji >&2 &&
        "$PY" -m pip install -q --no-deps camel-tools >&2 || {
        echo "peers: pip could not install pyarabic and camel-tools" >&2
        exit 3
    }
    "$PY" -c 'import pyarabic.araby, camel_tools.utils.dediac, camel_tools.utils.normalize' >&2 || {
        echo "peers: pyarabic or camel-tools installed but not importable" >&2
        exit 3
    }
fi
echo "$PY"
