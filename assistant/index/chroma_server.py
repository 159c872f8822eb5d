"""A `chroma run` server as a child process, on loopback, over the data directory's store.

Chroma's embedded store has one writer per directory, so several API workers cannot each
open it. ``support-assistant serve --workers N`` starts this server over the same directory
(the on-disk format is the same: an index built embedded is served as it is) and points the
workers at it, so a single process writes. Nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

import httpx

from assistant.core.process import die_with_parent
from assistant.errors import ChromaServerError


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_binary() -> str:
    """The `chroma` CLI of this environment (it comes with the chromadb package)."""
    found = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if found is None:
        raise ChromaServerError("the `chroma` command (from the chromadb package) is not installed in this environment")
    return found


class ManagedChroma:
    def __init__(self, path: Path, port: int | None = None, log_file: Path | None = None) -> None:
        self.path = path
        self.port = port or _free_port()
        self.log_file = log_file
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60.0) -> Self:
        self.path.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        out = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL  # noqa: SIM115 - the child keeps it
        self.proc = subprocess.Popen(
            [chroma_binary(), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,  # noqa: PLW1509 - only the child can ask for its parent-death signal
        )
        deadline = time.monotonic() + timeout_s
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise ChromaServerError(
                        f"`chroma run` exited with code {self.proc.returncode}"
                        + (f"; see {self.log_file}" if self.log_file else ""))
                try:
                    if client.get(f"{self.url}/api/v2/heartbeat").status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        self.stop()
        raise ChromaServerError(f"`chroma run` did not answer on {self.url} within {timeout_s:.0f} s")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
