"""Process helpers shared by the managed Chroma server and the API workers."""

from __future__ import annotations

import signal


def die_with_parent() -> None:
    """Linux: this process gets SIGTERM when its parent dies, even by SIGKILL (no orphan
    holding the store or the port). Elsewhere a no-op: `serve` still stops its children on
    every normal exit."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
