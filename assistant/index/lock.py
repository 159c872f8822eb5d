"""The ingest lock: one ingest at a time across the processes of a host.

API workers and a CLI ``ingest`` may write to one Chroma server at once. Without a lock two
of them embed the same changes and both publish; with it the second waits, then finds the
index already at the content it would write and does nothing.

``FileLock`` is ``flock`` on a file in the data directory (``ingest.lock``): the kernel
releases it when its holder exits, even by kill -9, so a lock file is never stale and never
needs deleting. It holds across the processes of one host only: processes on several hosts
writing to one Chroma server need a lock that server-side state holds (a database advisory
lock, a lease record); ``IngestLock`` is the seam for one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from assistant.errors import BusyError


class IngestLockTimeout(BusyError):
    code = "ingest_lock_timeout"


class IngestLock(Protocol):
    def hold(self) -> contextlib.AbstractContextManager[None]:
        """Held for the whole ingest; raises ``IngestLockTimeout`` when it cannot be had."""
        ...


class NoLock:
    """For a process that is alone with its store (tests with their own client)."""

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        yield


class FileLock:
    def __init__(self, path: Path, timeout_s: float = 1800.0, poll_s: float = 0.1) -> None:
        self.path = path
        self.timeout_s = timeout_s
        self.poll_s = poll_s

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            self._acquire(fd)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _acquire(self, fd: int) -> None:
        # flock has no timeout of its own: poll a non-blocking attempt until the deadline.
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IngestLockTimeout(
                        f"{self.path}: another ingest has held this lock for over "
                        f"{self.timeout_s:.0f} s; retry when it has finished (the lock is "
                        "released when its process exits, so there is no file to delete)"
                    ) from None
                time.sleep(self.poll_s)
