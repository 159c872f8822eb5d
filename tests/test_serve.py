"""`support-assistant serve` as users run it: a real process, one worker or several.

Several workers get a `chroma run` server started by `serve` itself; an ingest through one
worker reaches the others. The small fixture knowledge base keeps start-up short, and the
intent model trained by the session's engine is copied in (it does not depend on the KB).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.servers import free_port, wait_until_up

CLI = str(Path(sys.executable).parent / "support-assistant")

ADMIN_KEY = "serve-test-admin"  # ingest over HTTP needs an admin key
ADMIN = {"X-API-Key": ADMIN_KEY}


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every descendant of ``pid``."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        for child, parent in parents.items():
            if parent == current:
                frontier.append(child)
                try:
                    cmd = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                except OSError:
                    cmd = ""
                found.append((child, cmd))
    return found


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in (Path("/proc") / str(pid) / "status").read_text().lower()
    except OSError:
        return False


def _start(tmp_path: Path, fixture_kb: Path, engine_settings, workers: int,  # type: ignore[no-untyped-def]
           **extra_env: str) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    data = tmp_path / "data"
    shutil.copytree(engine_settings.data_dir / "models", data / "models")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update({"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_KB_DIR": str(fixture_kb),
                "ASSISTANT_INDEX_SYNC_S": "0.2", "ASSISTANT_LOG_LEVEL": "WARNING",
                "ASSISTANT_ADMIN_API_KEYS": ADMIN_KEY, **extra_env})
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    problem = wait_until_up(f"{url}/readyz", proc, 180)
    if problem:
        _stop(proc)
        pytest.fail(f"serve: {problem}\n{(tmp_path / 'serve.log').read_text(errors='replace')[-3000:]}")
    return proc, url


def _stop(proc: subprocess.Popen) -> int:  # type: ignore[type-arg]
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    return proc.returncode


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path, fixture_kb: Path, engine, engine_settings) -> Iterator[tuple[subprocess.Popen, str]]:  # type: ignore[no-untyped-def, type-arg]
    proc, url = _start(tmp_path, fixture_kb, engine_settings, request.param)
    try:
        yield proc, url
    finally:
        _stop(proc)


@pytest.mark.parametrize("served", [1], indirect=True)
def test_one_worker_serves_the_api_and_the_console(served) -> None:  # type: ignore[no-untyped-def]
    proc, url = served
    with httpx.Client(base_url=url, trust_env=False, timeout=30, headers=ADMIN) as client:
        assert client.get("/").status_code == 200
        r = client.post("/v1/suggestions", json={"message": "Ist die NL-EL-1034 Powerbank im Flugzeug erlaubt?"})
        assert r.status_code == 200, r.text
        assert r.json()["language"] == "de" and r.json()["drafts"]
    assert not any("chroma" in cmd for _, cmd in _children(proc.pid))  # embedded store, no server
    assert _stop(proc) == 0


@pytest.mark.parametrize("served", [2], indirect=True)
def test_several_workers_share_a_chroma_server_and_see_each_others_ingest(served, fixture_kb: Path) -> None:  # type: ignore[no-untyped-def]
    proc, url = served
    tree = _children(proc.pid)
    chroma = [pid for pid, cmd in tree if " run --path " in cmd and "chroma" in cmd]
    assert len(chroma) == 1, tree

    def search(q: str) -> list[str]:
        # A new connection each time, so requests reach both workers.
        r = httpx.get(f"{url}/v1/kb/search", params={"q": q, "k": 1}, trust_env=False, timeout=30, headers=ADMIN)
        assert r.status_code == 200, r.text
        return [h["doc_id"] + " " + h["text"] for h in r.json()["results"]]

    assert all("NL-EL-1034" in search("NL-EL-1034 power bank")[0] for _ in range(6))
    faq = fixture_kb / "faq" / "faq-sku-test.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("NL-EL-1034", "NL-EL-2077"), encoding="utf-8")
    r = httpx.post(f"{url}/v1/kb/ingest", trust_env=False, timeout=120, headers=ADMIN)
    assert r.status_code == 200, r.text
    assert r.json()["updated"] == ["faq-sku-test"]

    deadline = time.monotonic() + 20
    while True:  # every worker answers with the new text once it has synced
        answers = [search("NL-EL-2077 power bank")[0] for _ in range(8)]
        if all("NL-EL-2077" in a for a in answers):
            break
        assert time.monotonic() < deadline, answers
        time.sleep(0.3)

    assert _stop(proc) == 0
    time.sleep(0.5)
    assert not Path(f"/proc/{chroma[0]}").exists() or "zombie" in Path(f"/proc/{chroma[0]}/status").read_text().lower()


@pytest.mark.parametrize("served", [2], indirect=True)
def test_keep_alive_connections_are_spread_evenly_and_a_dead_worker_is_replaced(served) -> None:  # type: ignore[no-untyped-def]
    proc, url = served
    deadline = time.monotonic() + 120
    # Ready workers get the connections: wait until both are (new connections reach both).
    while len({httpx.get(f"{url}/healthz", trust_env=False, timeout=30).json()["pid"] for _ in range(4)}) < 2:
        assert time.monotonic() < deadline
        time.sleep(0.5)
    clients = [httpx.Client(base_url=url, trust_env=False, timeout=30) for _ in range(6)]
    try:
        pids = [c.get("/healthz").json()["pid"] for c in clients]  # one keep-alive connection each
        assert sorted(pids.count(p) for p in set(pids)) == [3, 3], pids
        assert all(c.get("/healthz").json()["pid"] == p for c, p in zip(clients, pids, strict=True))  # connections stay
    finally:
        for c in clients:
            c.close()

    victim = pids[0]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 120
    while True:  # serve starts a new worker; new connections reach it once it is ready
        seen = {httpx.get(f"{url}/healthz", trust_env=False, timeout=30).json()["pid"] for _ in range(4)}
        ready = httpx.get(f"{url}/readyz", trust_env=False, timeout=30).status_code
        if len(seen) == 2 and victim not in seen and ready == 200:
            break
        assert time.monotonic() < deadline, seen
        time.sleep(0.5)
    assert _stop(proc) == 0


@pytest.mark.parametrize("served", [2], indirect=True)
def test_workers_and_chroma_die_with_a_killed_serve(served) -> None:  # type: ignore[no-untyped-def]
    proc, _ = served
    tree = [pid for pid, _ in _children(proc.pid)]
    assert len(tree) >= 3  # two workers and the Chroma server at least
    proc.kill()  # SIGKILL: no clean-up code runs in serve
    proc.wait(timeout=10)
    deadline = time.monotonic() + 30
    while True:
        alive = [pid for pid in tree if _alive(pid)]
        if not alive:
            break
        assert time.monotonic() < deadline, alive
        time.sleep(0.3)


@pytest.mark.parametrize("workers", [1, 2])
def test_slow_clients_are_cut_off_and_do_not_hold_connections(tmp_path: Path, fixture_kb: Path, engine,  # type: ignore[no-untyped-def]
                                                               engine_settings, workers: int) -> None:
    """Half a header, or a body that never comes, must not hold a connection for ever."""
    proc, url = _start(tmp_path, fixture_kb, engine_settings, workers,
                       ASSISTANT_HEADER_TIMEOUT_S="1", ASSISTANT_BODY_TIMEOUT_S="1")
    host, port = url.removeprefix("http://").split(":")
    try:
        stuck = []
        for _ in range(5):
            s = socket.create_connection((host, int(port)), timeout=10)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # and nothing more
            stuck.append(s)
        slow_body = socket.create_connection((host, int(port)), timeout=10)
        slow_body.sendall(b"POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          b"Content-Length: 200\r\n\r\n{\"suggestion_id\": ")
        started = time.monotonic()
        for s in stuck:
            assert s.recv(1024) == b""  # closed by the server
        assert time.monotonic() - started < 8
        answer = slow_body.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 408") and "request_timeout" in answer
        # Meanwhile, and after, ordinary requests are served.
        assert httpx.get(f"{url}/healthz", trust_env=False, timeout=10).status_code == 200
    finally:
        _stop(proc)


@pytest.mark.parametrize("served", [2], indirect=True)
def test_a_rate_limit_holds_across_workers(served) -> None:  # type: ignore[no-untyped-def]
    """Each connection goes to the least-loaded worker; the key's budget is one, not one each."""
    _, url = served
    deadline = time.monotonic() + 120
    while len({httpx.get(f"{url}/healthz", trust_env=False, timeout=30).json()["pid"] for _ in range(4)}) < 2:
        assert time.monotonic() < deadline
        time.sleep(0.5)
    # Failed authentications: 20 a minute per address by default, whichever worker answers.
    codes = []
    for i in range(30):
        with httpx.Client(base_url=url, trust_env=False, timeout=30) as fresh:  # a new connection each time
            codes.append(fresh.get("/v1/kb/search", params={"q": "x"}, headers={"X-API-Key": f"guess-{i}"}).status_code)
    assert codes.count(401) == 20 and codes[-1] == 429, codes
