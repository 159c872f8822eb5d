"""The HTTP API with the real offline engine (TestClient: in-process, no network)."""

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.engine import ReplyEngine
from assistant.feedback.store import FeedbackStore
from assistant.settings import Settings


def make_client(engine: ReplyEngine, engine_settings: Settings, tmp_path: Path, **overrides: object) -> TestClient:
    settings = engine_settings.model_copy(update={"data_dir": tmp_path, **overrides})
    app = create_app(settings, engine=engine, feedback_store=FeedbackStore(tmp_path / "fb.sqlite3"))
    return TestClient(app)


@pytest.fixture
def client(engine: ReplyEngine, engine_settings: Settings, tmp_path: Path) -> TestClient:
    with make_client(engine, engine_settings, tmp_path) as c:
        yield c


def test_health_ready_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "pid": os.getpid()}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["passages"] > 100
    spec = client.get("/openapi.json").json()
    assert {"/v1/suggestions", "/v1/auto-replies", "/v1/kb/search", "/v1/kb/ingest", "/v1/feedback"} <= set(spec["paths"])


def test_suggestion_has_the_contract_fields(client: TestClient) -> None:
    r = client.post("/v1/suggestions", json={"message": "¿Dónde está mi pedido 8123456789012345?", "market": "ES"})
    assert r.status_code == 200
    body = r.json()
    for field in ("language", "intent", "intent_confidence", "escalation", "drafts", "guidance", "sources",
                  "pii_redacted", "generator"):
        assert field in body
    assert body["language"] == "es" and body["generator"] == "offline"
    assert {"text", "language", "citations", "tone"} <= set(body["drafts"][0])
    assert {"doc_id", "title", "doc_type", "score", "snippet"} <= set(body["sources"][0])
    assert r.headers["x-request-id"]


def test_the_bot_answers_a_common_question_and_hands_off_a_request_for_a_person(client: TestClient) -> None:
    r = client.post("/v1/auto-replies", json={"message": "Can I pay with PayPal?"})
    body = r.json()
    assert r.status_code == 200
    assert (body["intent"], body["action"], body["reason"]) == ("payment_methods", "reply", "common_question")
    assert body["reply"] == body["drafts"][0]["text"] and len(body["drafts"]) == 1
    r = client.post("/v1/auto-replies", json={"message": "I want to speak to a real person, not a bot"})
    assert (r.json()["action"], r.json()["reason"]) == ("handoff", "human_requested")


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"content": b'{"message": '}, 422, "invalid_json"),
        ({"content": b'{"message": "\xff\xfe"}', "headers": {"content-type": "application/json"}}, 400, None),
        ({"json": {"message": 42}}, 422, "invalid_request"),
        ({"json": {"message": "hi", "colour": "red"}}, 422, "invalid_request"),
        ({"json": {"message": "   "}}, 422, "invalid_request"),
        ({"json": {"message": "hi", "market": "XX"}}, 422, "invalid_request"),
        ({"json": {"message": "hi", "order": {"status": "lost"}}}, 422, "invalid_request"),
        ({"json": {"message": "x" * 8001}}, 422, "message_too_long"),
        ({"json": ["not", "an", "object"]}, 422, "invalid_request"),
    ],
)
def test_bad_requests_get_json_4xx(client: TestClient, kwargs: dict, status: int, code: str | None) -> None:
    kwargs.setdefault("headers", {"content-type": "application/json"})
    r = client.post("/v1/suggestions", **kwargs)
    assert r.status_code == status
    assert "error" in r.json() and r.json()["error"]["message"]
    if code:
        assert r.json()["error"]["code"] == code


def test_body_too_large_is_413(engine: ReplyEngine, engine_settings: Settings, tmp_path: Path) -> None:
    with make_client(engine, engine_settings, tmp_path, max_body_bytes=1000) as c:
        r = c.post("/v1/suggestions", json={"message": "a" * 2000})
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    assert client.get("/v1/nope").json()["error"]["code"] == "not_found"
    assert client.get("/v1/suggestions").status_code == 405


def test_api_keys(engine: ReplyEngine, engine_settings: Settings, tmp_path: Path) -> None:
    keys = {"api_keys": [SecretStr("agent-key")], "admin_api_keys": [SecretStr("admin-key")]}
    with make_client(engine, engine_settings, tmp_path, **keys) as c:
        body = {"message": "hello"}
        missing = c.post("/v1/suggestions", json=body)
        assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
        assert c.post("/v1/suggestions", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/v1/suggestions", json=body, headers={"Authorization": "Bearer agent-key"}).status_code == 200
        assert c.post("/v1/suggestions", json=body, headers={"X-API-Key": "agent-key"}).status_code == 200
        forbidden = c.post("/v1/kb/ingest", headers={"X-API-Key": "agent-key"})
        assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "forbidden"
        assert c.get("/healthz").status_code == 200  # health stays open


def test_rate_limit(engine: ReplyEngine, engine_settings: Settings, tmp_path: Path) -> None:
    with make_client(engine, engine_settings, tmp_path, rate_limit_per_minute=3) as c:
        codes = [c.get("/v1/kb/search", params={"q": "returns"}).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[-1] == 429
        r = c.get("/v1/kb/search", params={"q": "returns"})
        assert r.json()["error"]["code"] == "rate_limited" and int(r.headers["retry-after"]) >= 1


def test_kb_search(client: TestClient) -> None:
    r = client.get("/v1/kb/search", params={"q": "Rücksendung innerhalb wie vieler Tage", "market": "DE", "k": 3})
    assert r.status_code == 200
    assert [x["doc_id"] for x in r.json()["results"]]
    assert client.get("/v1/kb/search", params={"q": "x", "type": "memo"}).status_code == 422
    assert client.get("/v1/kb/search", params={"q": "x", "market": "ZZ"}).status_code == 422


def test_feedback_is_stored_and_counted(client: TestClient) -> None:
    base = {"suggestion_id": "abc", "message": "my card 4111 1111 1111 1111 was charged twice", "language": "en",
            "intent": "payment_issue", "market": "US", "escalation_level": "low", "strategy": "explain",
            "draft_text": "Hello"}
    assert client.post("/v1/feedback", json={**base, "verdict": "accepted"}).status_code == 201
    assert client.post("/v1/feedback", json={**base, "verdict": "edited"}).status_code == 422  # no final_text
    assert client.post("/v1/feedback", json={**base, "verdict": "edited", "final_text": "Hi!"}).status_code == 201
    assert client.post("/v1/feedback", json={**base, "verdict": "rejected", "reason": "too long"}).status_code == 201
    stats = client.get("/v1/feedback/stats").json()
    assert stats["total"] == 3 and stats["acceptance_rate"] == pytest.approx(1 / 3, abs=0.01)
    assert stats["by_intent"] == {"payment_issue": 3}
    store: FeedbackStore = client.app.state.assistant.feedback
    assert all("4111" not in row["message"] for row in store.rows())


def test_metrics_count_requests_and_drafts(client: TestClient) -> None:
    client.post("/v1/suggestions", json={"message": "Where is my order?"})
    client.post("/v1/auto-replies", json={"message": "what is the capital of France"})
    text = client.get("/metrics").text
    assert 'assistant_http_requests_total{method="POST",route="/v1/suggestions",status="200"}' in text
    assert 'assistant_drafts_total{generator="offline"}' in text
    assert "assistant_handoffs_total" in text and "assistant_intents_total" in text


def test_streaming_endpoint_ends_with_the_final_suggestion(client: TestClient) -> None:
    with client.stream("POST", "/v1/suggestions/stream", json={"message": "Where is my order?"}) as r:
        body = "".join(r.iter_text())
    assert r.status_code == 200 and "event: final" in body


def test_not_ready_is_503_json(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)
    blocked = lambda s: (_ for _ in ()).throw(RuntimeError("model missing"))  # noqa: E731
    app = create_app(settings, engine_factory=blocked, load_in_background=False)
    with TestClient(app) as c:
        r = c.post("/v1/suggestions", json={"message": "hi"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "not_ready"
        assert c.get("/readyz").status_code == 503
