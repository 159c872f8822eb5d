"""The helpers that start and watch the suite's real servers say plainly when one crashed."""

import signal
import subprocess
import sys
from pathlib import Path

from tests.servers import ServerProcess, exit_description, wait_until_up

# No core file left behind where core dumps are on.
SEGFAULT = ("import os, resource, signal; resource.setrlimit(resource.RLIMIT_CORE, (0, 0)); "
            "print('loading model', flush=True); os.kill(os.getpid(), signal.SIGSEGV)")


def _start(code: str, log: Path) -> ServerProcess:
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=subprocess.STDOUT)
    return ServerProcess("fake server", proc, log, crash_hint="rebuild it")


def test_exit_description_names_the_signal_from_popen_or_a_shell() -> None:
    assert exit_description(-11) == "was killed by signal 11 (SIGSEGV), exit code -11"
    assert exit_description(139) == "was killed by signal 11 (SIGSEGV), exit code 139"
    assert exit_description(1) == "exited with code 1"


def test_a_crashed_server_is_reported_with_its_signal_and_log(tmp_path: Path) -> None:
    server = _start(SEGFAULT, tmp_path / "server.log")
    report = server.crash_report(wait_s=30)
    assert report is not None
    assert "signal 11 (SIGSEGV)" in report and "rebuild it" in report and "loading model" in report
    assert server.stop() == report  # stopping a dead server says it had died


def test_a_running_server_is_not_a_crash_and_stops_cleanly(tmp_path: Path) -> None:
    server = _start("import time; time.sleep(60)", tmp_path / "server.log")
    assert server.crash_report(wait_s=0.2) is None
    assert server.stop() is None
    assert server.proc.returncode == -signal.SIGTERM


def test_startup_names_the_signal_of_a_server_that_died(tmp_path: Path) -> None:
    server = _start(SEGFAULT, tmp_path / "server.log")
    problem = wait_until_up("http://127.0.0.1:9/", server.proc, 30)
    assert problem is not None and "SIGSEGV" in problem
