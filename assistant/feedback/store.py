"""SQLite feedback store (WAL mode: readers never block the writer; a crash mid-write loses
at most the transaction in flight, never earlier rows).

Every free-text field (the customer message, the draft, the agent's text, the reason) is
stored redacted, so the store is as safe to export as the logs; rows an older version wrote
unredacted are redacted when the store is opened (``user_version`` 2).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.models import Text
from assistant.understanding.pii import redact

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    suggestion_id TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'edited', 'rejected')),
    draft_index INTEGER NOT NULL,
    final_text TEXT,
    reason TEXT,
    message TEXT NOT NULL,
    language TEXT NOT NULL,
    intent TEXT NOT NULL,
    market TEXT NOT NULL,
    escalation_level TEXT NOT NULL,
    strategy TEXT NOT NULL,
    draft_text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback(created_at);
"""
FREE_TEXT = ("message", "final_text", "reason", "draft_text")
VERSION = 2  # 2: every free-text column redacted


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    suggestion_id: Text = Field(min_length=1, max_length=64)
    verdict: Literal["accepted", "edited", "rejected"]
    draft_index: int = Field(default=0, ge=0, le=10)
    final_text: Text | None = Field(default=None, max_length=20_000)
    reason: Text | None = Field(default=None, max_length=1000)
    message: Text = Field(min_length=1, max_length=20_000)
    language: str = Field(pattern=r"^[a-z]{2}$")
    intent: Text = Field(min_length=1, max_length=64)
    market: str = Field(min_length=2, max_length=3)
    escalation_level: Literal["none", "low", "medium", "high"] = "none"
    strategy: Text = Field(default="answer", max_length=64)
    draft_text: Text = Field(default="", max_length=20_000)

    @model_validator(mode="after")
    def _edited_has_text(self) -> FeedbackIn:
        if self.verdict == "edited" and not (self.final_text or "").strip():
            raise ValueError("final_text is required when verdict is 'edited'")
        return self


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Redact the free text of rows written before every field was redacted."""
        with self._lock:
            version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
            if version >= VERSION:
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                cols = ", ".join(FREE_TEXT)
                for row_id, *texts in self._conn.execute(f"SELECT id, {cols} FROM feedback").fetchall():
                    clean = [redact(t) if t else t for t in texts]
                    if clean != texts:
                        sets = ", ".join(f"{c} = ?" for c in FREE_TEXT)
                        self._conn.execute(f"UPDATE feedback SET {sets} WHERE id = ?", (*clean, row_id))
                self._conn.execute(f"PRAGMA user_version = {VERSION}")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def add(self, item: FeedbackIn, now: dt.datetime | None = None) -> int:
        row = item.model_dump()
        for col in FREE_TEXT:
            row[col] = redact(row[col]) if row[col] else row[col]
        row["created_at"] = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        cols = ", ".join(row)
        with self._lock:
            cur = self._conn.execute(
                f"INSERT INTO feedback ({cols}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
            )
            return int(cur.lastrowid or 0)

    def rows(self, since: dt.date | None = None, until: dt.date | None = None) -> list[dict[str, Any]]:
        query, args = "SELECT * FROM feedback WHERE 1=1", []
        if since:
            query += " AND created_at >= ?"
            args.append(since.isoformat())
        if until and until < dt.date.max:
            query += " AND created_at < ?"
            args.append((until + dt.timedelta(days=1)).isoformat())
        with self._lock:
            cur = self._conn.execute(query + " ORDER BY id", args)
            names = [c[0] for c in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def close(self) -> None:
        self._conn.close()


AFTERSALE_CATEGORIES = {
    "item_not_received": "logistics", "damaged_item": "packaging_or_transit", "wrong_item": "fulfilment_error",
    "not_as_described": "listing_or_quality", "warranty_repair": "product_quality", "return_request": "returns",
    "refund_request": "refunds", "refund_status": "refunds", "complaint": "service",
}


def stats(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts for the after-sale review the source material asks sellers to run."""
    verdicts = Counter(r["verdict"] for r in rows)
    total = len(rows)
    return {
        "total": total,
        "acceptance_rate": round(verdicts["accepted"] / total, 3) if total else None,
        "edit_rate": round(verdicts["edited"] / total, 3) if total else None,
        "rejection_rate": round(verdicts["rejected"] / total, 3) if total else None,
        "by_intent": dict(Counter(r["intent"] for r in rows).most_common()),
        "by_language": dict(Counter(r["language"] for r in rows).most_common()),
        "by_market": dict(Counter(r["market"] for r in rows).most_common()),
        "by_escalation": dict(Counter(r["escalation_level"] for r in rows).most_common()),
        "aftersale_problems": dict(Counter(
            AFTERSALE_CATEGORIES[r["intent"]] for r in rows if r["intent"] in AFTERSALE_CATEGORIES
        ).most_common()),
        "rejection_reasons": dict(Counter(r["reason"] for r in rows if r["verdict"] == "rejected" and r["reason"]).most_common(10)),
    }


def to_eval_case(row: dict[str, Any]) -> dict[str, Any]:
    """A feedback row as a reply-suite case: the agent's final text is the reference."""
    reference = row["final_text"] if row["verdict"] == "edited" else row["draft_text"]
    return {
        "id": f"feedback-{row['id']}",
        "message": row["message"],
        "market": row["market"],
        "expect": {"language": row["language"], "intent": row["intent"],
                   "min_escalation": row["escalation_level"]},
        "reference": reference if row["verdict"] != "rejected" else None,
        "verdict": row["verdict"],
        "source": "feedback",
    }


def export_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(to_eval_case(r), ensure_ascii=False) + "\n" for r in rows)
