"""Test-wide fixtures and the network guard.

The guard makes any outbound connection (or DNS lookup) to a non-loopback address fail
the test that made it, so a hidden model, tokenizer or dataset download can never slip in.
Real servers the suite starts itself (Chroma, llama.cpp) listen on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
from collections.abc import Generator
from pathlib import Path

import pytest

from assistant.settings import Settings
from tests.servers import WATCHED_SERVERS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class OutboundConnectionBlocked(RuntimeError):
    pass


def _is_loopback(host: object) -> bool:
    if host in (None, "", "localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self: socket.socket, address: object) -> object:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):  # type: ignore[index]
        raise OutboundConnectionBlocked(f"test tried to connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> object:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):  # type: ignore[index]
        raise OutboundConnectionBlocked(f"test tried to connect to {address!r}")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
    if not _is_loopback(host):
        raise OutboundConnectionBlocked(f"test tried to resolve {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A test that failed while a server it used had died leads with the death, not the
    transport error the client saw (see tests/servers.py: ServerProcess)."""
    report = yield
    if report.when == "call" and report.failed:
        fixtures = getattr(item, "fixturenames", ())
        for fixture_name, server in item.config.stash.get(WATCHED_SERVERS, {}).items():
            crash = server.crash_report(wait_s=5) if fixture_name in fixtures else None
            if crash:
                own = f"--- the test's own failure, which follows from that ---\n{report.longrepr}"
                report.longrepr = f"{crash}\n\n{own}"
    return report


@pytest.fixture
def fixture_kb(tmp_path: Path) -> Path:
    """A private copy of the three-document test knowledge base (tests may edit it)."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", target)
    return target


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None, data_dir=tmp_path / "data", kb_dir=ROOT / "knowledge_base",
        prompts_dir=ROOT / "prompts",
    )


@pytest.fixture(scope="session")
def session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-data")


@pytest.fixture(scope="session")
def kb_index(session_data_dir: Path):  # type: ignore[no-untyped-def]
    """The real bundled knowledge base, ingested once into an embedded Chroma for the session."""
    from assistant.index.knowledge import KnowledgeIndex

    settings = Settings(_env_file=None, data_dir=session_data_dir, kb_dir=ROOT / "knowledge_base")
    index = KnowledgeIndex.from_settings(settings)
    index.ingest(settings.kb_dir)
    return index


TODAY = dt.date(2026, 11, 20)  # the day the engine fixture lives on (day counts in drafts)


@pytest.fixture(scope="session")
def engine_settings(session_data_dir: Path) -> Settings:
    """The settings of the session's engine: offline, the bundled knowledge base."""
    return Settings(_env_file=None, data_dir=session_data_dir, kb_dir=ROOT / "knowledge_base",
                    prompts_dir=ROOT / "prompts", llm_base_url=None, llm_api_key=None)


@pytest.fixture(scope="session")
def engine(kb_index, engine_settings: Settings):  # type: ignore[no-untyped-def]
    """The real offline engine on the real knowledge base (one per test session)."""
    from assistant.wiring import build_engine

    return build_engine(engine_settings, index=kb_index, clock=lambda: TODAY)
