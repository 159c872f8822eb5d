"""CI's quality gate: the default evaluation suites must pass their gates, offline."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.main import app
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_default_suites_pass_their_gates(kb_index, session_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        app, ["eval", "--out", str(tmp_path / "reports")],
        env={"ASSISTANT_DATA_DIR": str(session_data_dir), "ASSISTANT_KB_DIR": str(ROOT / "knowledge_base"),
             "ASSISTANT_LLM_BASE_URL": "", "OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""},
    )
    report = json.loads((tmp_path / "reports" / "report.json").read_text())
    failed = [(s["name"], g["metric"], g["value"], g["threshold"])
              for s in report["suites"] for g in s["gates"] if not g["passed"]]
    assert result.exit_code == 0, failed or result.output[-2000:]
    assert (tmp_path / "reports" / "report.html").stat().st_size > 10_000
    assert {s["name"] for s in report["suites"]} >= {"retrieval", "intent", "reply", "autoreply", "injection", "pii"}
