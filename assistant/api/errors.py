"""Every error is JSON ``{"error": {"code", "message"}}``; 4xx for the caller's mistakes.

A 5xx means a bug: it is logged with its request id and answered without internals.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import (
    AssistantError,
    BusyError,
    IndexNotReadyError,
    InputError,
    KnowledgeBaseError,
)

log = logging.getLogger("assistant.api")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(code: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"code": code, "message": message, **extra}}


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, object]]]:
    details = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        details.append({"field": loc or "body", "problem": err.get("msg", "invalid")})
    first = details[0] if details else {"field": "body", "problem": "invalid request"}
    return f"{first['field']}: {first['problem']}", details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = _validation_message(exc)
        code = "invalid_json" if any(e.get("type") == "json_invalid" for e in exc.errors()) else "invalid_request"
        return JSONResponse(error_body(code, message, details=details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}
        return JSONResponse(error_body(codes.get(exc.status_code, "http_error"), str(exc.detail)),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(IndexNotReadyError)
    async def _not_ready(_: Request, exc: IndexNotReadyError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc)), status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(BusyError)
    async def _busy(_: Request, exc: BusyError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc)), status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(KnowledgeBaseError)
    async def _kb(_: Request, exc: KnowledgeBaseError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc), file=exc.path, field=exc.field), status_code=422)

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc)), status_code=422)

    @app.exception_handler(AssistantError)
    async def _assistant(request: Request, exc: AssistantError) -> JSONResponse:
        log.error("assistant error", extra={"request_id": getattr(request.state, "request_id", None)}, exc_info=exc)
        return JSONResponse(error_body(exc.code, str(exc)), status_code=500)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        rid = getattr(request.state, "request_id", None)
        log.error("unhandled error", extra={"request_id": rid}, exc_info=exc)
        return JSONResponse(error_body("internal_error", f"unexpected error; request id {rid}"), status_code=500)
