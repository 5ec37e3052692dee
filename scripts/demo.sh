#!/usr/bin/env bash
# The README's main command: set up .venv, analyse the demo corpus (demo/: HTML pages, scraped-text dumps and a
# WARC) into demo.db, and serve it on http://127.0.0.1:8000 (Ctrl+C to stop).
#   NEWSGRAPH_DEMO_NO_SERVE=1  stop after the ingest (for checks and CI)
#   NEWSGRAPH_DEMO_DB=FILE     store file (default demo.db);  NEWSGRAPH_DEMO_PORT=N  port (default 8000)
#   NEWSGRAPH_DEMO_SKIP_SETUP=1  reuse an existing .venv without running scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${NEWSGRAPH_DEMO_SKIP_SETUP:-}" != 1 ]]; then
  NEWSGRAPH_EXTRAS="${NEWSGRAPH_EXTRAS:-web}" bash scripts/setup.sh
fi
db="${NEWSGRAPH_DEMO_DB:-demo.db}"
port="${NEWSGRAPH_DEMO_PORT:-8000}"
workers="${NEWSGRAPH_DEMO_WORKERS:-2}"
# Idempotent: a rerun skips inputs already stored and replaces pages that changed.
.venv/bin/newsgraph ingest demo/ --db "$db" --workers "$workers"
.venv/bin/newsgraph failures --db "$db"
if [[ "${NEWSGRAPH_DEMO_NO_SERVE:-}" == 1 ]]; then
  exit 0
fi
echo "Open http://127.0.0.1:${port}/ (search), /docs (API)."
exec .venv/bin/newsgraph serve --db "$db" --host 127.0.0.1 --port "$port"
