"""Helpers for tests that start a real server process on loopback."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def exit_description(returncode: int) -> str:
    """How a process ended, naming the signal: Popen gives -N for signal N, a shell 128 + N."""
    if returncode < 0 or returncode > 128:
        number = -returncode if returncode < 0 else returncode - 128
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = "unknown signal"
        return f"was killed by signal {number} ({name}), exit code {returncode}"
    return f"exited with code {returncode}"


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"(no log: {exc})"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


def wait_until_up(url: str, proc: subprocess.Popen, timeout_s: float) -> str | None:  # type: ignore[type-arg]
    """Poll ``url`` until it answers 200; return an error message, or None when it is up."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"server {exit_description(proc.returncode)} before answering {url}"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return None
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    return f"server did not answer {url} within {timeout_s:.0f} s (still running, pid {proc.pid})"


@dataclass
class ServerProcess:
    """A server the suite started, watched so that its crash is reported as a crash.

    A client that loses its server mid-request sees only a transport error (the LLM path turns
    it into `llm_error:RemoteProtocolError`); this says which process died, how, and what it
    logged.
    """

    name: str
    proc: subprocess.Popen  # type: ignore[type-arg]
    log: Path
    crash_hint: str = ""

    def crash_report(self, wait_s: float = 0.0) -> str | None:
        """None while the process runs; otherwise how it ended and the tail of its log.

        ``wait_s`` gives a process that is still dying (a core dump takes a while) time to go.
        """
        if self.proc.poll() is None and wait_s > 0:
            try:
                self.proc.wait(timeout=wait_s)
            except subprocess.TimeoutExpired:
                return None
        if self.proc.returncode is None:
            return None
        signalled = self.proc.returncode < 0 or self.proc.returncode > 128
        hint = f"\n{self.crash_hint}" if signalled and self.crash_hint else ""
        return (f"{self.name} (pid {self.proc.pid}) {exit_description(self.proc.returncode)}.{hint}\n"
                f"--- last lines of {self.log} ---\n{log_tail(self.log)}")

    def stop(self) -> str | None:
        """Stop the process; return a crash report if it had ended on its own first."""
        crash = self.crash_report()
        if crash is not None:
            return crash
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
            return None
        # Exits other than SIGTERM's own mean it was already dying when we stopped it.
        if self.proc.returncode in (0, -signal.SIGTERM):
            return None
        return self.crash_report()


# Servers that running tests depend on, by the name of the fixture that started them; the
# report hook in conftest.py names a dead one in the failure of a test that used it.
WATCHED_SERVERS = pytest.StashKey[dict[str, ServerProcess]]()


def watch(config: pytest.Config, fixture_name: str, server: ServerProcess | None) -> None:
    watched = config.stash.setdefault(WATCHED_SERVERS, {})
    if server is None:
        watched.pop(fixture_name, None)
    else:
        watched[fixture_name] = server
