"""Ordered parallel map over cases, with a progress callback.

Results come back in input order whatever the completion order, so reports are identical
between a 1-worker and an N-worker run. Threads are the default: the engine is thread-safe
for reads, and its heavy parts (embedding matmuls, Chroma's Rust queries) release the GIL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]


def ordered_map(fn: Callable[[T], R], items: Sequence[T], workers: int = 1,
                progress: Progress | None = None) -> list[R]:
    total = len(items)
    if workers <= 1 or total <= 1:
        out: list[R] = []
        for i, item in enumerate(items, 1):
            out.append(fn(item))
            if progress:
                progress(i, total)
        return out
    results: dict[int, R] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eval") as pool:
        futures = {pool.submit(fn, item): i for i, item in enumerate(items)}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, total)
    return [results[i] for i in range(total)]
