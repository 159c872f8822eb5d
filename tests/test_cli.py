"""The CLI: batch files where a bad line never stops the batch, JSON output, clear errors."""

import json
from pathlib import Path

from pydantic import BaseModel
from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.cli.reply_cmds import run_batch
from assistant.models import ReplyRequest
from tests.conftest import ROOT


class Echo(BaseModel):
    message: str


def test_run_batch_reports_bad_lines_and_goes_on() -> None:
    lines = [
        '{"id": 1, "message": "hello"}',
        '{"id": 2, "message": ',
        '{"id": 3}',
        '["not an object"]',
        '{"id": 5, "message": "hi", "market": "XX"}',
        '{"id": 6, "message": "' + "x" * 50 + '"}',
        '{"id": 7, "message": "bye"}',
    ]
    out = run_batch(lines, lambda r: Echo(message=r.message), max_chars=40)
    assert [o["id"] for o in out] == [1, None, 3, None, 5, 6, 7]
    assert [("error" in o) for o in out] == [False, True, True, True, True, True, False]
    assert out[1]["error"]["code"] == "invalid_json"
    assert out[2]["error"]["code"] == "invalid_request" and "message" in out[2]["error"]["message"]
    assert out[6]["message"] == "bye"


def _run(args: list[str], data_dir: Path) -> object:
    return CliRunner().invoke(app, args, env={"ASSISTANT_DATA_DIR": str(data_dir),
                                               "ASSISTANT_KB_DIR": str(ROOT / "knowledge_base"),
                                               "ASSISTANT_LLM_BASE_URL": "", "OPENAI_API_KEY": ""})


def test_suggest_batch_end_to_end(kb_index, session_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "message": "Wo ist mein Paket?", "market": "DE"}\nnot json\n'
                   '{"id": "c", "message": "Can I pay with Klarna?"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(["suggest", "--jsonl", str(src), "--out", str(out), "--json"], session_data_dir)
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c"]
    assert rows[0]["language"] == "de" and rows[0]["drafts"]
    assert rows[1]["error"]["code"] == "invalid_json"
    assert json.loads(result.stdout)["errors"] == 1


def test_search_json_and_bad_type(kb_index, session_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = _run(["search", "return window Germany", "--market", "DE", "--k", "3", "--json"], session_data_dir)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["results"]) == 3 and {"doc_id", "title", "doc_type", "score", "snippet", "text"} <= set(data["results"][0])
    bad = _run(["search", "x", "--type", "memo"], session_data_dir)
    assert bad.exit_code != 0


def test_ingest_reports_bad_file_as_json(tmp_path: Path, fixture_kb: Path) -> None:
    (fixture_kb / "faq" / "faq-sku-test.md").write_text("---\nid: faq-sku-test\n---\nno front matter fields\n")
    result = _run(["ingest", str(fixture_kb), "--json"], tmp_path)
    assert result.exit_code == 1
    err = json.loads(result.stdout)["error"]
    assert err["code"] == "invalid_knowledge_base" and "faq-sku-test.md" in err["message"]


def test_request_model_rejects_unknown_fields() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ReplyRequest.model_validate({"message": "x", "order": {"unknown": 1}})
