"""The agent console in a real browser (Debian chromium driven by playwright) against the real app.

The app runs under uvicorn in a background thread on 127.0.0.1, on the session's already
ingested knowledge base; the browser loads `/`, submits messages and sends feedback through
the page exactly as an agent would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import Settings

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
READY_TIMEOUT_S = 120
SUGGESTION_TIMEOUT_MS = 90_000
SCREENSHOT = Path("/tmp/console.png")

SPANISH_MESSAGE = (
    "Hola, mi pedido no ha llegado y ya pasaron cinco semanas. El seguimiento no se actualiza "
    "desde hace diez días y nadie me responde. ¿Dónde está mi paquete? Necesito una solución."
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(base_url: str, thread: threading.Thread) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    last = "no answer yet"
    while time.monotonic() < deadline:
        if not thread.is_alive():
            pytest.fail("the uvicorn thread stopped before the app became ready")
        try:
            with urllib.request.urlopen(f"{base_url}/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}: {exc.read()[:200]!r}"
        except OSError as exc:
            last = repr(exc)
        time.sleep(0.5)
    pytest.fail(f"/readyz did not answer 200 within {READY_TIMEOUT_S} s (last: {last})")


@pytest.fixture(scope="module")
def base_url(session_data_dir: Path, kb_index: Any) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")
    uvicorn = pytest.importorskip("uvicorn")
    from assistant.api.app import create_app

    # Offline drafter and no API keys whatever the environment says: the test is about the page.
    settings = Settings(_env_file=None, data_dir=session_data_dir, llm_base_url=None, llm_api_key=None,
                        api_keys=[], admin_api_keys=[])
    app = create_app(settings)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, name="console-uvicorn", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, thread)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=base_url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


def _suggestion_requests(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda req: seen.append(req.url) if "/v1/suggestions" in req.url else None)
    return seen


def test_suggest_accept_and_edit(page: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    expect(page).to_have_title("Reply assistant · Agent console")
    page.get_by_test_id("message").fill(SPANISH_MESSAGE)
    page.get_by_test_id("market").select_option("ES")
    page.get_by_test_id("channel").select_option("marketplace")
    # With an order in transit the case is a not-received dispute: several drafts, each a different offer.
    page.get_by_test_id("order-json").fill('{"order_number": "8123456789012345", "status": "in_transit", '
                                           '"carrier": "Cainiao", "tracking_number": "LP00123456789012", '
                                           '"shipped_at": "2026-10-10", "marketplace": "aliexpress"}')

    with page.expect_response(lambda r: r.url.endswith("/v1/suggestions"), timeout=SUGGESTION_TIMEOUT_MS) as resp:
        page.get_by_test_id("submit").click()
    assert resp.value.status == 200, resp.value.text()
    suggestion = resp.value.json()

    drafts = page.get_by_test_id("draft")
    drafts.nth(1).wait_for(state="visible")
    assert drafts.count() >= 2
    assert drafts.count() == len(suggestion["drafts"])

    expect(page.get_by_test_id("language")).to_have_text("es")
    expect(page.get_by_test_id("intent")).to_have_text(suggestion["intent"])
    expect(page.get_by_test_id("escalation")).to_have_text(suggestion["escalation"]["level"])
    expect(page.get_by_test_id("market-out")).to_have_text("ES")
    expect(page.get_by_test_id("error")).to_be_hidden()
    for i in range(drafts.count()):
        text = drafts.nth(i).get_by_test_id("draft-text").inner_text().strip()
        assert text, f"draft {i} is empty"
        assert text == suggestion["drafts"][i]["text"].strip()
        assert drafts.nth(i).get_by_test_id("draft-text").get_attribute("dir") == "auto"
    assert page.get_by_test_id("source").count() == len(suggestion["sources"]) >= 1
    if suggestion["guidance"]:
        expect(page.get_by_test_id("guidance").locator("li")).to_have_count(len(suggestion["guidance"]))

    # Accept the first draft.
    first = drafts.nth(0)
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as fb:
        first.get_by_test_id("accept").click()
    assert fb.value.status == 201, fb.value.text()
    sent = json.loads(fb.value.request.post_data or "{}")
    assert sent["verdict"] == "accepted" and sent["draft_index"] == 0
    assert sent["suggestion_id"] == suggestion["suggestion_id"]
    assert sent["message"] == SPANISH_MESSAGE and sent["language"] == "es" and sent["market"] == "ES"
    expect(first.get_by_test_id("feedback-status")).to_contain_text("Saved")

    # Edit the second draft, change the text, send it.
    second = drafts.nth(1)
    second.get_by_test_id("edit").click()
    editor = second.get_by_test_id("draft-edit")
    expect(editor).to_be_visible()
    expect(editor).to_be_focused()
    assert editor.input_value() == suggestion["drafts"][1]["text"]
    edited = "Hola:\n\nHemos abierto una investigación con el transportista y le escribiremos mañana.\n\nSaludos"
    editor.fill(edited)
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as fb:
        second.get_by_test_id("send-edited").click()
    assert fb.value.status == 201, fb.value.text()
    sent = json.loads(fb.value.request.post_data or "{}")
    assert sent["verdict"] == "edited" and sent["draft_index"] == 1 and sent["final_text"] == edited
    assert sent["draft_text"] == suggestion["drafts"][1]["text"]
    expect(second.get_by_test_id("feedback-status")).to_contain_text("Saved")
    expect(editor).to_be_hidden()
    assert second.get_by_test_id("draft-text").inner_text().strip() == edited.strip()

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_invalid_order_json_shows_inline_error_without_calling_api(page: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    calls = _suggestion_requests(page)
    page.get_by_test_id("message").fill("Where is my order? It was supposed to arrive last week.")
    order = page.get_by_test_id("order-json")
    order.fill('{"order_number": "123", "status": ')

    page.get_by_test_id("submit").click()
    error = page.get_by_test_id("order-json-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("does not parse")
    expect(order).to_have_attribute("aria-invalid", "true")

    # The keyboard shortcut is blocked the same way.
    page.get_by_test_id("message").focus()
    page.keyboard.press("Control+Enter")
    expect(error).to_be_visible()

    # An array parses but is not an order object.
    order.fill("[1, 2]")
    page.get_by_test_id("submit").click()
    expect(error).to_contain_text("must be an object")

    page.wait_for_timeout(300)
    assert calls == [], f"the page called the API with invalid order JSON: {calls}"
    expect(page.get_by_test_id("draft")).to_have_count(0)
    expect(page.get_by_test_id("error")).to_be_hidden()

    # Fixing it clears the error.
    order.fill('{"order_number": "123", "status": "in_transit"}')
    expect(error).to_be_hidden()
    assert page.errors == []  # type: ignore[attr-defined]


def test_api_error_is_shown(page: Any) -> None:
    """Order JSON that parses but the API rejects: the error envelope is shown, not swallowed."""
    from playwright.sync_api import expect

    page.goto("/")
    page.get_by_test_id("message").fill("Where is my order?")
    page.get_by_test_id("order-json").fill('{"status": "lost_in_space"}')
    with page.expect_response(lambda r: r.url.endswith("/v1/suggestions")) as resp:
        page.keyboard.press("Control+Enter")
    assert resp.value.status == 422
    error = page.get_by_test_id("error")
    expect(error).to_be_visible()
    code = resp.value.json()["error"]["code"]
    expect(error).to_contain_text(code)
    expect(error).to_contain_text("order.status")
    expect(page.get_by_test_id("draft")).to_have_count(0)
    assert page.errors == []  # type: ignore[attr-defined]
