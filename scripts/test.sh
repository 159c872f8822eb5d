#!/usr/bin/env bash
# The README's test command. On a fresh machine it installs what the suite needs (the
# package with its test extra in .venv, Debian's chromium for the console test, the
# llama.cpp OpenAI-compatible server and a tiny GGUF model for the LLM-path tests), then
# runs pytest. Extra arguments go to pytest. Nothing here is needed to *run* the product.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

# A real browser for the console test (no browser download: Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: chromium is not installed and cannot be installed without root; the browser test will be skipped" >&2
  fi
fi

# A real OpenAI-compatible endpoint for the LLM-path tests (built once per CPU, then cached
# in .ci-cache/wheels).
bash scripts/setup-llm-server.sh

# House rules (pinned versions, rules and mode in pyproject.toml): zero findings or no tests.
.venv/bin/ruff check .
.venv/bin/mypy assistant

exec .venv/bin/python -m pytest "$@"
