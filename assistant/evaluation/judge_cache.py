"""A small SQLite cache of LLM-judge verdicts (``data_dir/judge-cache.sqlite3``).

Verdicts are keyed by a hash of everything that determines them (judge model, rubric,
prompt version, the message, the draft, the reference text), so re-running an unchanged
suite costs no LLM calls and gives the same numbers; any change to an input is a miss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any


def verdict_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class JudgeCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by worker threads, serialised by a lock (writes are tiny).
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, verdict TEXT, created REAL)")
            self._db.commit()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT verdict FROM verdicts WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, verdict: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)",
                             (key, json.dumps(verdict, ensure_ascii=False), time.time()))
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
