"""Load test of the HTTP API: `support-assistant serve` under 16 and 64 concurrent clients.

    python bench/load_test.py              # 60 s at 16 clients, then 60 s at 64 clients
    python bench/load_test.py --quick      # 10 s each
    python bench/load_test.py --concurrency 8,16 --duration 30 --keep-rate-limit

What it does, bounded in time and only on 127.0.0.1:
1. prepares a temp data dir with `support-assistant ingest` (the bundled KB);
2. starts `support-assistant serve --host 127.0.0.1 --port <free port>` with
   ASSISTANT_DATA_DIR set to it and no LLM configured (offline drafter), waits for /readyz;
3. for each concurrency level, that many async httpx clients POST /v1/suggestions in a loop
   for the duration (messages from eval/intents/heldout-*.jsonl with random market,
   channel and, for a third of them, an order context), then waits for requests in flight;
4. reports requests/s, p50/p95/p99 latency, errors, the server's CPU use and peak RSS
   (/proc/<pid>/status VmHWM; psutil is not a dependency), then stops the server.

All clients come from one address, so the per-key rate limit (600/min by default) would
answer most requests with 429: the server is started with ASSISTANT_RATE_LIMIT_PER_MINUTE=0
(no limit) to measure capacity, unless --keep-rate-limit is given. The clients share the
server's 2 cores, which lowers the figures a little compared to a separate client machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
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
from pathlib import Path

import httpx

from _common import ROOT, loadavg, machine, percentile, proc_status_mb, save, table

from assistant.taxonomy import MARKETS

CHANNELS = ["email", "chat", "marketplace", "review", "social"]
CARRIERS = ["DHL", "UPS", "Cainiao", "PostNL", "USPS", "Royal Mail", "YunExpress"]
STATUSES = ["paid", "awaiting_shipment", "shipped", "in_transit", "delivered"]


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


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/<pid>/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (FileNotFoundError, IndexError, ValueError):
        return float("nan")


class RssSampler(threading.Thread):
    """Largest VmRSS seen since the last ``reset`` (sampled every 0.2 s)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            rss = proc_status_mb(self.pid, "VmRSS")
            if rss is not None:
                self.peak = max(self.peak, rss)

    def reset(self) -> None:
        self.peak = proc_status_mb(self.pid, "VmRSS") or 0.0


def load_messages() -> list[str]:
    out = []
    for path in sorted((ROOT / "eval" / "intents").glob("heldout-*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def make_body(rng: random.Random, messages: list[str]) -> dict:
    body: dict = {"message": rng.choice(messages), "channel": rng.choice(CHANNELS)}
    if rng.random() < 0.7:
        body["market"] = rng.choice(MARKETS)
    if rng.random() < 0.33:
        shipped = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
        body["order"] = {"order_number": str(rng.randint(10**15, 10**16 - 1)), "status": rng.choice(STATUSES),
                         "carrier": rng.choice(CARRIERS), "tracking_number": f"LP{rng.randint(10**13, 10**14 - 1)}",
                         "shipped_at": shipped, "marketplace": rng.choice(["aliexpress", "amazon", "ebay", "shopify"])}
    return body


async def load_phase(base_url: str, clients: int, duration: float, messages: list[str], seed: int) -> dict:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=60.0, limits=limits, trust_env=False) as client:
        start = time.perf_counter()
        deadline = start + duration

        async def worker(i: int) -> None:
            rng = random.Random(seed * 1000 + i)
            while time.perf_counter() < deadline:
                body = make_body(rng, messages)
                t0 = time.perf_counter()
                try:
                    r = await client.post("/v1/suggestions", json=body)
                    key = str(r.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                if key == "200":
                    latencies.append((time.perf_counter() - t0) * 1000)
                statuses[key] += 1

        await asyncio.gather(*(worker(i) for i in range(clients)))
        elapsed = time.perf_counter() - start
    ok = statuses.get("200", 0)
    total = sum(statuses.values())
    return {
        "clients": clients, "duration_s": duration, "elapsed_s": round(elapsed, 2),
        "requests": total, "ok": ok, "errors": total - ok,
        "statuses": dict(statuses),
        "requests_per_s": round(ok / elapsed, 2),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1), "max_ms": round(max(latencies, default=float("nan")), 1),
    }


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


def stop_server(proc: subprocess.Popen) -> int | None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
    return proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="10 s per concurrency level instead of 60 s")
    ap.add_argument("--duration", type=float, help="seconds per level (default 60, --quick 10); at most 600")
    ap.add_argument("--concurrency", default="16,64", help="comma-separated client counts (default 16,64)")
    ap.add_argument("--keep-rate-limit", action="store_true", help="keep the default per-key rate limit")
    ap.add_argument("--ready-timeout", type=float, default=300.0)
    args = ap.parse_args()
    mode = "quick" if args.quick else "full"
    duration = min(600.0, args.duration or (10.0 if args.quick else 60.0))
    levels = [int(c) for c in args.concurrency.split(",")]
    info = machine()
    print(f"load_test ({mode}) load average {info['loadavg_start']}", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    data_dir = tmp / "data"
    env = server_env(data_dir, rate_limit=args.keep_rate_limit)
    log_path = tmp / "server.log"
    proc = None
    rows: list[dict] = []
    try:
        t0 = time.perf_counter()
        subprocess.run([cli(), "ingest", "--json"], env=env, cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=900)
        prepare_s = time.perf_counter() - t0
        print(f"  data dir prepared (ingest) in {prepare_s:.1f}s", flush=True)

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        t0 = time.perf_counter()
        with log_path.open("wb") as log:
            proc = subprocess.Popen([cli(), "serve", "--host", "127.0.0.1", "--port", str(port)],
                                    env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
        ready = wait_ready(base_url, proc, args.ready_timeout)
        ready_s = time.perf_counter() - t0
        rss_ready = proc_status_mb(proc.pid, "VmRSS")
        print(f"  server pid {proc.pid} ready in {ready_s:.1f}s: {ready}; RSS {rss_ready} MB", flush=True)

        messages = load_messages()
        with httpx.Client(base_url=base_url, timeout=60, trust_env=False) as c:  # warm-up, not measured
            rng = random.Random(99)
            for _ in range(8):
                c.post("/v1/suggestions", json=make_body(rng, messages)).raise_for_status()

        sampler = RssSampler(proc.pid)
        sampler.start()
        for seed, clients in enumerate(levels, start=1):
            sampler.reset()
            own0 = resource.getrusage(resource.RUSAGE_SELF)
            cpu0, wall0 = cpu_seconds(proc.pid), time.perf_counter()
            row = asyncio.run(load_phase(base_url, clients, duration, messages, seed))
            cpu1, wall1 = cpu_seconds(proc.pid), time.perf_counter()
            own1 = resource.getrusage(resource.RUSAGE_SELF)
            client_cpu = (own1.ru_utime + own1.ru_stime - own0.ru_utime - own0.ru_stime) / (wall1 - wall0)
            row.update({
                "server_cpu_cores": round((cpu1 - cpu0) / (wall1 - wall0), 2),
                "client_cpu_cores": round(client_cpu, 2),
                "rss_peak_phase_mb": sampler.peak, "vmhwm_mb": proc_status_mb(proc.pid, "VmHWM"),
                "loadavg": loadavg(),
            })
            print(f"  {row}", flush=True)
            rows.append(row)
            if proc.poll() is not None:
                raise RuntimeError(f"server died during the {clients}-client phase (code {proc.returncode})")
        sampler.stop.set()
        peak = proc_status_mb(proc.pid, "VmHWM")
    except Exception:
        if log_path.exists():
            print("---- server log (tail) ----\n" + "\n".join(log_path.read_text(errors="replace").splitlines()[-40:]))
        raise
    finally:
        code = stop_server(proc) if proc is not None else None
        if proc is not None:
            print(f"  server stopped (exit code {code})", flush=True)
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(table(
        ["clients", "seconds", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "server/client CPU", "peak RSS MB", "load avg"],
        [[r["clients"], r["elapsed_s"], r["requests"], r["requests_per_s"], r["p50_ms"], r["p95_ms"], r["p99_ms"],
          r["errors"], f'{r["server_cpu_cores"]:.2f}/{r["client_cpu_cores"]:.2f}', r["vmhwm_mb"], " ".join(f"{x:.2f}" for x in r["loadavg"])] for r in rows],
    ))
    print(f"\nserver peak RSS (VmHWM) {peak} MB; ready in {ready_s:.1f}s; rate limit "
          f"{'default' if args.keep_rate_limit else 'off (ASSISTANT_RATE_LIMIT_PER_MINUTE=0)'}")
    path = save("load_test", mode, {
        **info, "duration_per_level_s": duration, "rate_limit": "default" if args.keep_rate_limit else "off",
        "prepare_ingest_s": round(prepare_s, 1), "ready_s": round(ready_s, 1), "rss_ready_mb": rss_ready,
        "server_peak_rss_mb": peak, "rows": rows,
    })
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
