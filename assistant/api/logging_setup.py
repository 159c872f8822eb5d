"""Structured JSON logs. Messages and bodies are never logged; anything that might carry
personal data goes through the redactor first."""

from __future__ import annotations

import json
import logging
import sys
import time

from assistant.understanding.pii import redact

# An LLM fallback adds its error's type, the endpoint's HTTP status, attempts and circuit state;
# the dispatcher the worker, its exit code and the restart delay.
_FIELDS = ("request_id", "method", "route", "status", "ms", "intent", "language", "action", "reason",
           "error", "llm_status", "attempts", "circuit", "worker", "exitcode", "restart_in_s", "passages")


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__()
        self._second: tuple[int, str] = (-1, "")

    def _ts(self, created: float) -> str:
        """The record's second (a few thousand access records share one: formatted once)."""
        second = int(created)
        if self._second[0] != second:
            self._second = (second, time.strftime("%Y-%m-%dT%H:%M:%S", self.converter(second)))
        return self._second[1]

    def format(self, record: logging.LogRecord) -> str:
        msg = record.getMessage()
        # The access log's messages are fixed strings (its fields are numbers and route names).
        data = {"ts": self._ts(record.created), "level": record.levelname, "logger": record.name,
                "msg": msg if record.name == "assistant.access" else redact(msg)}
        for field in _FIELDS:
            if hasattr(record, field):
                data[field] = getattr(record, field)
        if record.exc_info:
            data["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(data, ensure_ascii=False)


def configure_logging(level: str = "INFO") -> None:
    # Nothing we write uses the caller's file and line, thread or process names: not looking
    # them up for every record (the logging docs' "Optimization" section) halves an access
    # record's cost, which was 4 % of a request under load.
    logging._srcfile = None  # noqa: SLF001 - the switch the logging docs name
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("assistant", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False
