"""``suggest`` and ``auto-reply``: one message, or a JSONL batch where a bad line never stops the batch."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import BaseModel, ValidationError

from assistant.cli.output import emit_json, fail, progress_bar
from assistant.errors import AssistantError, InputError
from assistant.models import Customer, Order, ReplyRequest
from assistant.settings import get_settings

if TYPE_CHECKING:
    from assistant.engine import ReplyEngine

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def _engine() -> ReplyEngine:
    from assistant.wiring import build_engine

    return build_engine(get_settings())


def _read_model(path: Path | None, model: type[BaseModel]) -> Any:
    if path is None:
        return None
    try:
        return model.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise InputError(f"{path}: not a valid {model.__name__} JSON object: {exc}") from None


def error_line(line_id: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": line_id, "error": {"code": code, "message": message}}


def run_batch(lines: list[str], handle: Callable[[ReplyRequest], BaseModel],
              progress: Callable[[int, int], None] | None = None, max_chars: int = 8000) -> list[dict[str, Any]]:
    """Process JSONL lines; every input line gets exactly one output line."""
    out: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        line_id: Any = None
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise InputError("each line must be a JSON object")
            line_id = raw.pop("id", None)
            request = ReplyRequest.model_validate(raw)
            if len(request.message) > max_chars:
                raise InputError(f"message longer than {max_chars} characters")
            result = handle(request).model_dump(mode="json")
            out.append({"id": line_id, **result})
        except json.JSONDecodeError as exc:
            out.append(error_line(line_id, "invalid_json", f"line {n}: {exc.msg}"))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            out.append(error_line(line_id, "invalid_request", f"line {n}: {where}: {first['msg']}"))
        except AssistantError as exc:
            out.append(error_line(line_id, exc.code, f"line {n}: {exc}"))
        if progress:
            progress(n, len(lines))
    return out


def _batch(jsonl: Path, out: Path, auto: bool, as_json: bool) -> None:
    try:
        lines = [ln for ln in jsonl.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    except OSError as exc:
        fail(InputError(f"cannot read {jsonl}: {exc}"), as_json)
    engine = _engine()
    handle = engine.auto_reply if auto else engine.suggest
    with progress_bar("messages", not as_json) as progress:
        results = run_batch(lines, handle, progress, get_settings().max_message_chars)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    tmp.replace(out)
    errors = sum(1 for r in results if "error" in r)
    summary = {"lines": len(results), "ok": len(results) - errors, "errors": errors, "out": str(out)}
    if as_json:
        emit_json(summary)
    else:
        typer.echo(f"{summary['ok']} of {summary['lines']} lines done, {errors} errors → {out}")


def _single(message: str | None, market: str | None, order_json: Path | None,
            customer_json: Path | None, auto: bool, as_json: bool) -> None:
    if not message:
        raise typer.BadParameter("give a MESSAGE, or --jsonl IN --out OUT for a batch")
    try:
        request = ReplyRequest(message=message, market=market, order=_read_model(order_json, Order),
                               customer=_read_model(customer_json, Customer))
    except ValidationError as exc:
        fail(InputError(str(exc.errors()[0]["msg"])), as_json)
    try:
        engine = _engine()
        result = engine.auto_reply(request) if auto else engine.suggest(request)
    except AssistantError as exc:
        fail(exc, as_json)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    esc = result.escalation
    typer.echo(f"language {result.language} · intent {result.intent} ({result.intent_confidence:.2f}) · "
               f"escalation {esc.level} {esc.reasons or ''} · market {result.market}")
    if auto:
        typer.echo(f"action: {result.action} ({result.reason})")  # type: ignore[attr-defined]
    for i, d in enumerate(result.drafts[: 1 if auto else None], 1):
        typer.secho(f"\n--- draft {i}: {d.strategy} [{d.tone}] cites {', '.join(d.citations)}", bold=True)
        typer.echo(d.text)
    if result.guidance and not auto:
        typer.secho("\nguidance:", bold=True)
        for g in result.guidance:
            typer.echo(f"- {g}")


Msg = Annotated[str | None, typer.Argument(help="The customer's message.")]
MarketOpt = Annotated[str | None, typer.Option("--market", help="Market code, e.g. DE.")]
OrderOpt = Annotated[Path | None, typer.Option("--order-json", help="Order context (JSON file).")]
CustomerOpt = Annotated[Path | None, typer.Option("--customer-json", help="Customer context (JSON file).")]
InOpt = Annotated[Path | None, typer.Option("--jsonl", help="Batch input: one request per line.")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Batch output file.")]


def suggest(message: Msg = None, market: MarketOpt = None, order_json: OrderOpt = None,
            customer_json: CustomerOpt = None, jsonl: InOpt = None, out: OutOpt = None,
            as_json: JsonOpt = False) -> None:
    """What an agent gets: analysis, drafts with citations, guidance."""
    if jsonl:
        if not out:
            raise typer.BadParameter("--jsonl needs --out")
        _batch(jsonl, out, auto=False, as_json=as_json)
    else:
        _single(message, market, order_json, customer_json, auto=False, as_json=as_json)


def auto_reply(message: Msg = None, market: MarketOpt = None, order_json: OrderOpt = None,
               customer_json: CustomerOpt = None, jsonl: InOpt = None, out: OutOpt = None,
               as_json: JsonOpt = False) -> None:
    """What the bot would send, or why it hands off to a person."""
    if jsonl:
        if not out:
            raise typer.BadParameter("--jsonl needs --out")
        _batch(jsonl, out, auto=True, as_json=as_json)
    else:
        _single(message, market, order_json, customer_json, auto=True, as_json=as_json)
