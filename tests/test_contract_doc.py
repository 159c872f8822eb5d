"""docs/contract.md stays honest: every name the code exposes outside is written in it.

Cheap checks, code → document: the request and response models' fields, the settings, the
CLI commands and their options, the HTTP routes, the error codes and the closed vocabularies
must each be mentioned in docs/contract.md; its JSON examples must parse, and those marked
``<!-- model: X -->`` must validate as that model. Items the contract plans but the code does
not have yet may be documented without code (marked "planned (not yet implemented)"); once
the code has them, the mark must go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import typer.main
from pydantic import BaseModel

from assistant import models
from assistant.api.app import create_app
from assistant.cli.main import app as cli_app
from assistant.feedback.store import FeedbackIn
from assistant.settings import Settings
from assistant.taxonomy import DOC_TYPES, INTENTS, LANGUAGES, MARKETS, EscalationLevel
from assistant.understanding.entities import Entities
from assistant.understanding.escalation import WEIGHTS
from assistant.verification.verify import Issue

ROOT = Path(__file__).resolve().parents[1]
DOC_PATH = ROOT / "docs" / "contract.md"
PLANNED = "planned (not yet implemented)"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC_PATH.read_text(encoding="utf-8")


def mentioned(doc: str, name: str) -> bool:
    """``name`` written as code: `name`, or inside a code span such as `GET /readyz`."""
    return f"`{name}`" in doc or re.search(rf"`[^`\n]*(?<![\w./-]){re.escape(name)}(?![\w/-])[^`\n]*`", doc) is not None


def missing(doc: str, names: list[str]) -> list[str]:
    return [n for n in names if not mentioned(doc, n)]


# --- models --------------------------------------------------------------------------------

MODELS: list[type[BaseModel]] = [
    models.ReplyRequest, models.Order, models.OrderItem, models.Customer, models.HistoryMessage,
    models.Suggestion, models.AutoReply, models.Escalation, models.Draft, models.Source,
    models.CustomerValue, Entities, Issue, FeedbackIn,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_field_is_documented(doc: str, model: type[BaseModel]) -> None:
    assert missing(doc, list(model.model_fields)) == [], f"{model.__name__} fields missing from docs/contract.md"


def test_the_main_models_have_their_sections(doc: str) -> None:
    for heading in ("### ReplyRequest", "## The suggestion response", "## The auto-reply response"):
        assert heading in doc


# --- settings --------------------------------------------------------------------------------

def test_every_setting_is_documented(doc: str) -> None:
    names = [f"ASSISTANT_{name.upper()}" for name in Settings.model_fields]
    assert missing(doc, names) == []
    for alias in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        assert mentioned(doc, alias)


# --- CLI -------------------------------------------------------------------------------------

def cli_commands() -> Iterator[tuple[str, Any]]:
    """Every command of the typer app as ("eval import", command), groups included (duck-typed:
    typer builds its commands on click or on its own copy of it, depending on the release)."""
    def walk(prefix: str, command: Any) -> Iterator[tuple[str, Any]]:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            path = f"{prefix} {name}".strip()
            yield path, sub
            yield from walk(path, sub)

    yield from walk("", typer.main.get_command(cli_app))


def test_every_cli_command_is_documented(doc: str) -> None:
    commands = [path for path, _ in cli_commands()]
    assert {"ingest", "search", "suggest", "auto-reply", "serve", "eval", "eval import"} <= set(commands)
    absent = [path for path in commands if f"support-assistant {path}" not in doc]
    assert absent == [], "CLI commands missing from docs/contract.md"


def test_every_cli_option_is_documented(doc: str) -> None:
    options = [(path, opt) for path, command in cli_commands() for param in command.params
               for opt in getattr(param, "opts", []) if opt.startswith("--") and opt != "--help"]
    assert options
    assert [f"{path} {opt}" for path, opt in options if not mentioned(doc, opt)] == []


# --- HTTP ------------------------------------------------------------------------------------

def route_paths(routes: list[Any], prefix: str = "") -> Iterator[str]:
    """Paths of an app's routes, whether FastAPI keeps included routers flat (route.path)
    or as references to the router (route.original_router, newer releases)."""
    for route in routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            context = getattr(route, "include_context", None)
            yield from route_paths(router.routes, prefix + (getattr(context, "prefix", "") or ""))
        elif getattr(route, "path", None):
            yield prefix + route.path


def test_every_http_route_is_documented(doc: str, tmp_path: Path) -> None:
    app = create_app(Settings(_env_file=None, data_dir=tmp_path), load_in_background=True)  # engine never started
    paths = set(route_paths(app.routes)) | set(app.openapi()["paths"])
    assert {"/v1/suggestions", "/v1/auto-replies", "/v1/suggestions/stream", "/healthz", "/"} <= paths
    absent = [p for p in sorted(paths) if not (mentioned(doc, p) if p != "/" else "`GET /`" in doc)]
    assert absent == [], "HTTP routes missing from docs/contract.md"


ERROR_CODE_PATTERNS = [
    re.compile(r'ApiError\(\s*\d{3},\s*"([a-z_]+)"'),
    re.compile(r'error_body\(\s*"([a-z_]+)"'),
    re.compile(r'\b\d{3}: "([a-z_]+)"'),
    re.compile(r'"code": "([a-z_]+)"'),
    re.compile(r'error_line\([^,]+,\s*"([a-z_]+)"'),
]


def test_every_error_code_is_documented(doc: str) -> None:
    sources = [*sorted((ROOT / "assistant" / "api").rglob("*.py")), ROOT / "assistant" / "cli" / "reply_cmds.py"]
    codes = {code for path in sources for pattern in ERROR_CODE_PATTERNS
             for code in pattern.findall(path.read_text(encoding="utf-8"))}
    assert {"unauthorized", "rate_limited", "invalid_request", "not_ready", "invalid_json"} <= codes
    from assistant import errors

    codes |= {errors.InputError.code, errors.KnowledgeBaseError.code, errors.IndexNotReadyError.code}
    assert missing(doc, sorted(codes)) == []


# --- vocabularies ------------------------------------------------------------------------------

def test_every_vocabulary_value_is_documented(doc: str) -> None:
    from assistant.models import Channel, Marketplace, OrderStatus

    values = [*INTENTS, *get_args(EscalationLevel), *DOC_TYPES, *MARKETS, *LANGUAGES, *WEIGHTS,
              *get_args(Channel), *get_args(Marketplace), *get_args(OrderStatus)]
    assert missing(doc, values) == []


def test_every_cue_is_documented(doc: str) -> None:
    import yaml

    cues = yaml.safe_load((ROOT / "prompts" / "lexicons" / "en.yaml").read_text(encoding="utf-8"))["cues"]
    assert missing(doc, list(cues)) == []


# --- examples ----------------------------------------------------------------------------------

JSON_BLOCK = re.compile(r"(?:<!-- model: (\w+) -->\n)?```json\n(.*?)```", re.DOTALL)


def test_json_examples_parse_and_validate(doc: str) -> None:
    blocks = JSON_BLOCK.findall(doc)
    assert len(blocks) >= 5
    checked = set()
    for model_name, body in blocks:
        try:
            values = [json.loads(body)]
        except json.JSONDecodeError:  # JSONL: one object a line
            values = [json.loads(line) for line in body.splitlines() if line.strip()]
        if model_name:
            model: type[BaseModel] = getattr(models, model_name)
            model.model_validate(values[0])
            checked.add(model_name)
    assert checked == {"ReplyRequest", "Suggestion", "AutoReply"}


# --- planned items and the README --------------------------------------------------------------

def test_planned_items_are_marked_until_they_exist(doc: str) -> None:
    lines = doc.splitlines()

    def marked(name: str) -> bool:
        return any(name in line and PLANNED in line for line in lines)

    fields = set(models.Suggestion.model_fields)
    commands = {path for path, _ in cli_commands()}
    for name, implemented in (("`requests`", "requests" in fields),
                              ("`similar_cases`", "similar_cases" in fields),
                              ("train import", "train import" in commands),
                              ("memory import", "memory import" in commands),
                              ("shop profile", False)):
        if implemented:
            assert not marked(name), f"{name} exists now: drop its '{PLANNED}' mark"
        else:
            assert marked(name), f"{name} is not in the code: keep it documented as {PLANNED}"


def test_readme_links_the_contract() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/contract.md)" in readme
    assert "../shared/" not in readme
