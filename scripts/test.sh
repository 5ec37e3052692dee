#!/usr/bin/env bash
# Set up (with the browser and Spark extras) and run the whole test suite: lint, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSGRAPH_EXTRAS="web,test,spark" bash scripts/setup.sh --with-browser
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest -q "$@"
