"""Load test of the HTTP API: `support-assistant serve --workers N` under 16 and 64 concurrent clients.

    python bench/load_test.py                      # 60 s at 16 clients, then 60 s at 64 (N = CPU count)
    python bench/load_test.py --quick              # 10 s each
    python bench/load_test.py --quick --duration 5 --workers 1 --unique
    python bench/load_test.py --concurrency 8,16 --duration 30 --keep-rate-limit

What it does, bounded in time and only on 127.0.0.1:
1. prepares a temp data dir with `support-assistant ingest` (the bundled KB), so that
   `serve` starts faster;
2. starts `support-assistant serve --host 127.0.0.1 --port <free port> --workers N` (default N:
   os.cpu_count()) with ASSISTANT_DATA_DIR set to it and no LLM configured (offline drafter).
   With N > 1, serve starts a `chroma run` child over the data dir, a one-off "prepare" child,
   then N uvicorn worker processes. Waits for /readyz (answered by any one worker), then warms
   up with httpx (rounds of 4 x N staggered connections, 3 requests each) until a round is all
   200 and every worker pid has served such a round (seen with `ss`; without `ss`, the first
   all-200 round), so that no worker is still loading or cold when timing starts; then runs
   --warm-up-s (20; --quick 5) seconds of the first level's load, untimed but printed and
   saved: a running server's caches are warm, a fresh one's fill over its first ~20 s;
3. for each concurrency level, that many clients each hold ONE keep-alive HTTP/1.1 connection
   and POST /v1/suggestions back to back for the duration, then finish the request in flight.
   The connections are opened before the timer, --connect-gap-ms (10) apart. (Before `serve`
   dispatched connections itself, a burst could land very unevenly on uvicorn's shared
   socket: 15/1 at 16 clients in one quick run. Now serve spreads them; the gap stays.)
   The client is a small asyncio raw HTTP/1.1 client (asyncio.open_connection, pre-encoded
   request bytes, reads the head up to CRLFCRLF, then exactly Content-Length bytes), because it
   shares the server's cores. Request bodies (json.dumps of make_body: a held-out message from
   eval/intents/heldout-*.jsonl, random channel, a market 70% of the time, an order context a
   third of the time) are generated before the phase starts. With --unique every message gets
   "\\n#" + 8 random hex characters appended, so no per-message cache (embedding LRU) can hit;
4. reports per level: requests/s (200s only), p50/p95/p99 latency of the 200s, errors (non-200 by
   status, exceptions by type name), server CPU in cores (utime+stime summed over the serve
   process and all its descendants: workers, chroma server), the client's own CPU (getrusage),
   peak RSS of the server tree (max over the phase of the SUM of VmRSS over the tree, sampled
   every 0.2 s), and how the connections were spread over the worker pids (`ss -tnp`, sampled
   once mid-phase; skipped if `ss` is missing). At the end: VmHWM of every process in the tree.
   Then stops the server with SIGINT, waits, and kills whatever is left of the tree.

All clients come from one address, so the per-key rate limit (600/min by default) would
answer most requests with 429: the server is started with ASSISTANT_RATE_LIMIT_PER_MINUTE=0
(no limit) to measure capacity, unless --keep-rate-limit is given. The clients share the
server's cores, which lowers the figures a little compared to a separate client machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx

try:  # the client shares the server's cores: the lighter its loop, the less it takes from them
    import uvloop

    run_async: Callable = uvloop.run
    CLIENT_LOOP = "uvloop"
except ImportError:  # pragma: no cover - uvicorn's standard extra (via chromadb) brings it
    run_async = asyncio.run
    CLIENT_LOOP = "asyncio"

from _common import ROOT, loadavg, machine, percentile, proc_status_mb, save, table

from assistant.taxonomy import MARKETS

CHANNELS = ["email", "chat", "marketplace", "review", "social"]
CARRIERS = ["DHL", "UPS", "Cainiao", "PostNL", "USPS", "Royal Mail", "YunExpress"]
STATUSES = ["paid", "awaiting_shipment", "shipped", "in_transit", "delivered"]
CLIENT_KIND = "asyncio ({loop}) raw HTTP/1.1 keep-alive"
# Request bodies pre-generated per level: enough for this many requests/s over the whole level
# (capped); past that the pool is reused (with --unique, with a fresh hex suffix).
PREGEN_RPS = 800
PREGEN_MAX = 150_000
REQUEST_TIMEOUT_S = 60.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cli() -> str:
    exe = Path(sys.executable).parent / "support-assistant"
    return str(exe) if exe.exists() else (shutil.which("support-assistant") or "support-assistant")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data_dir: Path, rate_limit: bool) -> dict[str, str]:
    # No LLM, no API keys, no Chroma server from the caller's environment: the offline path.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_DATA_DIR"] = str(data_dir)
    if not rate_limit:
        env["ASSISTANT_RATE_LIMIT_PER_MINUTE"] = "0"
    return env


# --- the server's process tree, from /proc (psutil is not a dependency) ----------------------

def proc_stat(pid: int) -> tuple[int, int, int] | None:
    """(ppid, starttime, utime+stime ticks) of a process, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return None


def tree(root: int) -> dict[int, tuple[int, int]]:
    """The root and all its descendants (by ppid over /proc/*/stat): pid -> (starttime, cpu ticks)."""
    stats = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            st = proc_stat(int(entry.name))
            if st is not None:
                stats[int(entry.name)] = st
    if root not in stats:
        return {}
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats and pid not in out:
            out[pid] = stats[pid][1:]
            todo += children.get(pid, [])
    return out


def tree_cpu(root: int) -> dict[tuple[int, int], int]:
    """(pid, starttime) -> utime+stime ticks over the tree; the key survives pid reuse."""
    return {(pid, start): ticks for pid, (start, ticks) in tree(root).items()}


def cpu_delta_s(before: dict[tuple[int, int], int], after: dict[tuple[int, int], int]) -> float:
    """CPU seconds the tree used in between (processes that exited meanwhile are not counted)."""
    return sum(t - before.get(k, 0) for k, t in after.items()) / CLK_TCK


def label(pid: int, root: int) -> str:
    if pid == root:
        return "serve"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return "gone"
    if "resource_tracker" in cmd:
        return "resource_tracker"
    if "spawn_main" in cmd or "multiprocessing" in cmd:
        return "worker"  # uvicorn workers (the one-off "prepare" child has exited by then)
    if "chroma" in cmd and " run " in f"{cmd} ":
        return "chroma"
    return Path(cmd.split(" ", 1)[0]).name or "?"


def worker_pids(root: int, workers: int) -> set[int]:
    if workers == 1:
        return {root}  # uvicorn serves in the serve process itself
    return {pid for pid in tree(root) if label(pid, root) == "worker"}


def tree_rss_mb(pids: list[int]) -> tuple[float, list[int]]:
    total, alive = 0.0, []
    for pid in pids:
        rss = proc_status_mb(pid, "VmRSS")
        if rss is not None:
            total += rss
            alive.append(pid)
    return round(total, 1), alive


class TreeRssSampler(threading.Thread):
    """Largest sum of VmRSS over the server tree since the last ``reset`` (every 0.2 s).
    Also remembers every (pid, starttime) seen in the tree, to clean up after the server."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.stop = root, 0.0, threading.Event()
        self.seen: dict[int, int] = {}
        self._pids: list[int] = []
        self._refresh()

    def _refresh(self) -> None:
        t = tree(self.root)
        self.seen.update({pid: start for pid, (start, _) in t.items()})
        self._pids = list(t)

    def sample(self) -> float:
        total, _ = tree_rss_mb(self._pids)
        return total

    def run(self) -> None:
        n = 0
        while not self.stop.wait(0.2):
            n += 1
            if n % 5 == 0:  # the tree is stable during a phase: rescan /proc once a second
                self._refresh()
            self.peak = max(self.peak, self.sample())

    def reset(self) -> None:
        self._refresh()
        self.peak = self.sample()


def conn_spread(port: int) -> Counter[int] | None:
    """Server-side established connections on ``port`` per owning pid (``ss -tnp``), or None."""
    ss = shutil.which("ss")
    if ss is None:
        return None
    try:
        out = subprocess.run([ss, "-tnpH", "state", "established", f"( sport = :{port} )"],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    spread: Counter[int] = Counter()
    for line in out.splitlines():
        pids = set(re.findall(r"pid=(\d+)", line))
        for pid in pids:
            spread[int(pid)] += 1
    return spread


# --- requests --------------------------------------------------------------------------------

def load_messages() -> list[str]:
    out = []
    for path in sorted((ROOT / "eval" / "intents").glob("heldout-*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def make_body(rng: random.Random, messages: list[str], unique: bool = False) -> dict:
    message = rng.choice(messages)
    if unique:
        message += f"\n#{rng.getrandbits(32):08x}"
    body: dict = {"message": message, "channel": rng.choice(CHANNELS)}
    if rng.random() < 0.7:
        body["market"] = rng.choice(MARKETS)
    if rng.random() < 0.33:
        shipped = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
        body["order"] = {"order_number": str(rng.randint(10**15, 10**16 - 1)), "status": rng.choice(STATUSES),
                         "carrier": rng.choice(CARRIERS), "tracking_number": f"LP{rng.randint(10**13, 10**14 - 1)}",
                         "shipped_at": shipped, "marketplace": rng.choice(["aliexpress", "amazon", "ebay", "shopify"])}
    return body


def encode_request(host: str, port: int, body: str) -> bytes:
    data = body.encode()
    return (f"POST /v1/suggestions HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode() + data


_SUFFIX = re.compile(rb'\\n#([0-9a-f]{8})"')


def hex_offset(request: bytes) -> int:
    """Where the 8 hex characters of the --unique suffix sit in an encoded request."""
    # json.dumps writes the newline as backslash-n; the suffix is the end of the message string.
    return _SUFFIX.search(request).start(1)


def pregenerate(host: str, port: int, count: int, messages: list[str], seed: int, unique: bool) -> list[bytes]:
    """One pool for all the clients of a level, taken in order: how the requests split between
    the clients (and the workers behind their connections) does not matter then."""
    rng = random.Random(seed)
    return [encode_request(host, port, json.dumps(make_body(rng, messages, unique))) for _ in range(count)]


class Conn:
    """One keep-alive HTTP/1.1 connection (reconnects when closed)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.connects = 0

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.connects += 1

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, data: bytes) -> int:
        if self.writer is None:
            await self.open()
        reader, writer = self.reader, self.writer
        writer.write(data)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length, close, chunked = None, False, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection":
                close = b"close" in value.lower()
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
        if chunked:
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await reader.readexactly(size + 2)  # chunk and its CRLF
                if size == 0:
                    break
        elif length is not None:
            await reader.readexactly(length)
        else:  # no framing: the body ends with the connection
            await reader.read()
            close = True
        if close:
            self.close()
        return status


async def load_phase(host: str, port: int, clients: int, requests: list[bytes], duration: float, unique: bool,
                     connect_gap_s: float, on_start: Callable[[], None], on_end: Callable[[], None]) -> dict:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    conns = [Conn(host, port) for _ in range(clients)]
    # Before the timer. Connections opened in one burst all go to whichever idle worker wakes
    # first (its event loop accepts the whole backlog at once); a small gap between them lets
    # each connection be accepted on its own, as independent clients would be.
    for c in conns:
        try:
            await c.open()
        except OSError:  # retried (and counted) by the client during the phase
            c.close()
        if connect_gap_s:
            await asyncio.sleep(connect_gap_s)
    timer = time.perf_counter
    loop = asyncio.get_running_loop()
    n, nxt = len(requests), 0

    async def client(conn: Conn, deadline: float) -> None:
        nonlocal nxt
        while timer() < deadline:
            data = requests[nxt % n]
            if nxt >= n and unique:  # pool used up: fresh suffix, still a message the server has not seen
                off = hex_offset(data)
                data = data[:off] + f"{random.getrandbits(32):08x}".encode() + data[off + 8:]
            nxt += 1
            t0 = timer()
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_S):
                    status = await conn.request(data)
            except Exception as exc:  # noqa: BLE001 - every failure is counted by its type
                statuses[type(exc).__name__] += 1
                conn.close()  # reconnect for the next request
                continue
            if status == 200:
                latencies.append((timer() - t0) * 1000)
            statuses[str(status)] += 1

    async def spread_mid(delay: float) -> Counter[int] | None:
        await asyncio.sleep(delay)
        return await loop.run_in_executor(None, conn_spread, port)

    on_start()
    start = timer()
    deadline = start + duration
    spread_task = asyncio.create_task(spread_mid(duration / 2))
    await asyncio.gather(*(client(c, deadline) for c in conns))
    elapsed = timer() - start
    on_end()
    spread = await spread_task
    for c in conns:
        c.close()
    ok = statuses.get("200", 0)
    total = sum(statuses.values())
    return {
        "clients": clients, "duration_s": duration, "elapsed_s": round(elapsed, 2),
        "requests": total, "ok": ok, "errors": total - ok,
        "statuses": dict(statuses),
        "requests_per_s": round(ok / elapsed, 2),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1), "max_ms": round(max(latencies, default=float("nan")), 1),
        "connects": sum(c.connects for c in conns), "bodies_recycled": max(0, nxt - n),
        "_spread": spread,
    }


# --- server lifecycle ----------------------------------------------------------------------

def wait_ready(base_url: str, proc: subprocess.Popen, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before it was ready")
        try:
            r = httpx.get(f"{base_url}/readyz", timeout=5, trust_env=False)
            if r.status_code == 200:
                return r.json()
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"server not ready after {timeout:.0f}s")


async def warm_up_round(base_url: str, port: int, conns: int, messages: list[str], rng: random.Random
                        ) -> tuple[Counter[str], Counter[int] | None]:
    """``conns`` httpx clients, one connection each, started 50 ms apart, 3 requests each; `ss`
    runs while all connections are still open. Staggered on purpose: connections that arrive
    together are all accepted by whichever idle worker wakes first (asyncio accepts a backlog
    in one go); a connection that arrives while that worker is busy goes to another one."""
    statuses: Counter[str] = Counter()
    clients = [httpx.AsyncClient(base_url=base_url, timeout=60.0, trust_env=False,
                                 limits=httpx.Limits(max_connections=1)) for _ in range(conns)]
    try:
        async def one(i: int, client: httpx.AsyncClient) -> None:
            await asyncio.sleep(0.05 * i)
            for _ in range(3):
                try:
                    r = await client.post("/v1/suggestions", json=make_body(rng, messages))
                    statuses[str(r.status_code)] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1

        await asyncio.gather(*(one(i, c) for i, c in enumerate(clients)))
        spread = conn_spread(port)  # while the keep-alive connections are still open
    finally:
        for c in clients:
            await c.aclose()
    return statuses, spread


def warm_up(base_url: str, port: int, proc: subprocess.Popen, workers: int, messages: list[str],
            timeout: float) -> dict:
    """Not measured. Rounds of 4 x workers httpx connections (3 requests each) until a round is
    all 200 and, if `ss` is available, its connections reached every worker: a worker that is
    still loading answers 503, and one that has served nothing yet is slow on its first requests."""
    rng = random.Random(99)
    t0 = time.monotonic()
    rounds, all_ok_rounds, reached = 0, 0, set()
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} during warm-up")
        rounds += 1
        statuses, spread = asyncio.run(warm_up_round(base_url, port, 4 * workers, messages, rng))
        expected = worker_pids(proc.pid, workers)
        all_ok = set(statuses) == {"200"}
        all_ok_rounds += all_ok
        if all_ok and spread is not None:
            reached |= set(spread)  # a worker that answered 200 in an all-200 round is loaded and warm
        covered = None if spread is None else expected <= reached
        result = {"rounds": rounds, "s": round(time.monotonic() - t0, 1), "all_workers_reached": covered,
                  "last_round": dict(statuses), "last_spread": None if spread is None else list(spread.values())}
        if all_ok and covered is not False:
            return result
        if all_ok and all_ok_rounds >= 10:  # every answer 200 but `ss` never saw some worker: go on
            return result
        if time.monotonic() - t0 > timeout:
            raise RuntimeError(f"warm-up: not all workers ready after {timeout:.0f}s (last round {dict(statuses)})")
        time.sleep(0.5)


def alive(pid: int, start: int) -> bool:
    st = proc_stat(pid)
    return st is not None and st[1] == start


def stop_server(proc: subprocess.Popen, known: dict[int, int]) -> tuple[int | None, list[str]]:
    """SIGINT (uvicorn's graceful shutdown; serve then stops its chroma child), wait, escalate.
    Then kill, by pid, any process of the tree that outlived it. Returns the exit code and
    what had to be killed."""
    known = {**known, **{pid: start for pid, (start, _) in tree(proc.pid).items()}}
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    leftovers = [(pid, start) for pid, start in known.items() if pid != proc.pid and alive(pid, start)]
    if leftovers:
        time.sleep(2.0)  # orphans may still be finishing their own shutdown
        leftovers = [(pid, start) for pid, start in leftovers if alive(pid, start)]
    killed = []
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid, start in leftovers:
            if alive(pid, start):
                killed.append(f"{label(pid, proc.pid)}/{pid} ({sig.name})")
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p, s) for p, s in leftovers):
            time.sleep(0.1)
    return proc.returncode, killed


def spread_str(spread: dict[str, int] | None) -> str:
    return "-" if not spread else "/".join(str(n) for _, n in sorted(spread.items(), key=lambda kv: -kv[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="10 s per concurrency level instead of 60 s")
    ap.add_argument("--duration", type=float, help="seconds per level (default 60, --quick 10); at most 600")
    ap.add_argument("--concurrency", default="16,64", help="comma-separated client counts (default 16,64)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="serve --workers N (default: os.cpu_count(), here %(default)s)")
    ap.add_argument("--unique", action="store_true",
                    help='append "\\n#" + 8 random hex chars to every message (no per-message cache hit)')
    ap.add_argument("--connect-gap-ms", type=float, default=10.0,
                    help="pause between opening the clients' connections, before the timer (default 10; 0: one burst)")
    ap.add_argument("--keep-rate-limit", action="store_true", help="keep the default per-key rate limit")
    ap.add_argument("--ready-timeout", type=float, default=300.0)
    ap.add_argument("--warm-up-s", type=float,
                    help="seconds of untimed load at the first level before the timed levels, so that the "
                         "figures are a running server's, not a cold start's (default 20, --quick 5; 0: none)")
    args = ap.parse_args()
    if args.workers < 1:
        ap.error("--workers must be at least 1")
    mode = "quick" if args.quick else "full"
    duration = min(600.0, args.duration or (10.0 if args.quick else 60.0))
    levels = [int(c) for c in args.concurrency.split(",")]
    steady_s = min(600.0, args.warm_up_s if args.warm_up_s is not None else (5.0 if args.quick else 20.0))
    if steady_s < 0:
        ap.error("--warm-up-s must be 0 or more")
    info = machine()
    print(f"load_test ({mode}) workers {args.workers}, {'unique' if args.unique else 'pooled'} messages, "
          f"load average {info['loadavg_start']}", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    data_dir = tmp / "data"
    env = server_env(data_dir, rate_limit=args.keep_rate_limit)
    log_path = tmp / "server.log"
    proc = None
    sampler = None
    killed: list[str] = []
    rows: list[dict] = []
    try:
        t0 = time.perf_counter()
        subprocess.run([cli(), "ingest", "--json"], env=env, cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=900)
        prepare_s = time.perf_counter() - t0
        print(f"  data dir prepared (ingest) in {prepare_s:.1f}s", flush=True)

        host, port = "127.0.0.1", free_port()
        base_url = f"http://{host}:{port}"
        t0 = time.perf_counter()
        with log_path.open("wb") as log:
            # Own session: a Ctrl-C on the terminal reaches only this script, which then stops
            # the server in order (below) instead of racing it.
            proc = subprocess.Popen([cli(), "serve", "--host", host, "--port", str(port), "--workers", str(args.workers)],
                                    env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        ready = wait_ready(base_url, proc, args.ready_timeout)
        ready_s = time.perf_counter() - t0  # the first 200 from /readyz (one worker at least)
        sampler = TreeRssSampler(proc.pid)
        messages = load_messages()
        warm = warm_up(base_url, port, proc, args.workers, messages, args.ready_timeout)
        sampler.reset()
        rss_warm = sampler.sample()
        procs = {pid: label(pid, proc.pid) for pid in tree(proc.pid)}
        print(f"  server pid {proc.pid}: /readyz after {ready_s:.1f}s {ready}; warm-up {warm}; "
              f"tree RSS {rss_warm} MB; processes {procs}", flush=True)

        sampler.start()

        def run_level(clients: int, seconds: float, seed: int) -> dict:
            requests = pregenerate(host, port, math.ceil(min(PREGEN_MAX, PREGEN_RPS * seconds)), messages, seed,
                                   args.unique)
            marks: dict = {}

            def on_start() -> None:
                sampler.reset()
                marks["own0"] = resource.getrusage(resource.RUSAGE_SELF)
                marks["cpu0"], marks["wall0"] = tree_cpu(proc.pid), time.perf_counter()

            def on_end() -> None:
                marks["cpu1"], marks["wall1"] = tree_cpu(proc.pid), time.perf_counter()
                marks["own1"] = resource.getrusage(resource.RUSAGE_SELF)
                marks["peak"] = sampler.peak

            row = run_async(load_phase(host, port, clients, requests, seconds, args.unique,
                                         args.connect_gap_ms / 1000, on_start, on_end))
            del requests
            wall = marks["wall1"] - marks["wall0"]
            own0, own1 = marks["own0"], marks["own1"]
            spread = row.pop("_spread")
            row.update({
                "server_cpu_cores": round(cpu_delta_s(marks["cpu0"], marks["cpu1"]) / wall, 2),
                "client_cpu_cores": round((own1.ru_utime + own1.ru_stime - own0.ru_utime - own0.ru_stime) / wall, 2),
                "rss_peak_tree_mb": marks["peak"],
                "connections_per_worker": None if spread is None else
                    {f"{label(pid, proc.pid)}/{pid}": n for pid, n in spread.most_common()},
                "loadavg": loadavg(),
            })
            if proc.poll() is not None:
                raise RuntimeError(f"server died during the {clients}-client phase (code {proc.returncode})")
            return row

        steady = None
        if steady_s > 0:
            # A server runs for days: its caches (embeddings of recent messages, the n-gram
            # model's words, the verifier's drafts) are warm. From a cold start they fill over
            # the first ~20 s of this load; that phase is run and reported, not timed.
            steady = run_level(levels[0], steady_s, seed=0)
            print(f"  warm-up load (not in the table): {steady}", flush=True)
        for seed, clients in enumerate(levels, start=1):
            row = run_level(clients, duration, seed)
            print(f"  {row}", flush=True)
            rows.append(row)
        sampler.stop.set()
        hwm = {f"{label(pid, proc.pid)}/{pid}": proc_status_mb(pid, "VmHWM") for pid in tree(proc.pid)}
        peak = max((r["rss_peak_tree_mb"] for r in rows), default=None)
    except BaseException:
        if log_path.exists():
            print("---- server log (tail) ----\n" + "\n".join(log_path.read_text(errors="replace").splitlines()[-40:]))
        raise
    finally:
        if sampler is not None:
            sampler.stop.set()
        if proc is not None:
            code, killed = stop_server(proc, sampler.seen if sampler is not None else {})
            print(f"  server stopped (exit code {code})"
                  + (f"; killed leftovers: {', '.join(killed)}" if killed else "; no process of its tree left"), flush=True)
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(table(
        ["clients", "seconds", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "server/client CPU",
         "tree peak RSS MB", "conns per worker", "load avg"],
        [[r["clients"], r["elapsed_s"], r["requests"], r["requests_per_s"], r["p50_ms"], r["p95_ms"], r["p99_ms"],
          r["errors"], f'{r["server_cpu_cores"]:.2f}/{r["client_cpu_cores"]:.2f}', r["rss_peak_tree_mb"],
          spread_str(r["connections_per_worker"]), " ".join(f"{x:.2f}" for x in r["loadavg"])] for r in rows],
    ))
    errors = {k: v for r in rows for k, v in r["statuses"].items() if k != "200"}
    print(f"\nworkers {args.workers}; messages {'unique' if args.unique else 'pool'}; client {CLIENT_KIND.format(loop=CLIENT_LOOP)}; "
          f"errors {errors or 0}; /readyz after {ready_s:.1f}s, all workers warm after {warm['s']:.1f}s more, then "
          f"{steady_s:.0f}s of untimed load at {levels[0]} clients; rate limit "
          f"{'default' if args.keep_rate_limit else 'off (ASSISTANT_RATE_LIMIT_PER_MINUTE=0)'}")
    print(f"server tree peak RSS (sum of VmRSS) {peak} MB; VmHWM per process (MB): {hwm}")
    path = save("load_test", mode, {
        **info, "workers": args.workers, "client": CLIENT_KIND.format(loop=CLIENT_LOOP), "connect_gap_ms": args.connect_gap_ms,
        "messages": "unique" if args.unique else f"pool of {len(messages)} held-out messages",
        "duration_per_level_s": duration, "rate_limit": "default" if args.keep_rate_limit else "off",
        "prepare_ingest_s": round(prepare_s, 1), "ready_s": round(ready_s, 1), "warm_up": warm,
        "warm_up_load_s": steady_s, "warm_up_load": steady,
        "rss_after_warm_up_tree_mb": rss_warm, "server_peak_rss_mb": peak, "vmhwm_per_process_mb": hwm,
        "killed_after_stop": killed, "rows": rows,
    })
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
