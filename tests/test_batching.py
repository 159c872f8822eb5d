"""The micro-batcher: every caller gets its own result, concurrent callers share batches."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.core.batching import MicroBatcher


class SlowSquares:
    """A batched function that takes a while, so callers pile up behind a running batch."""

    def __init__(self, delay_s: float = 0.02) -> None:
        self.delay_s = delay_s
        self.calls: list[list[int]] = []

    def __call__(self, items: list[int]) -> list[int]:
        self.calls.append(list(items))
        time.sleep(self.delay_s)
        return [i * i for i in items]


def test_lone_caller_runs_its_item_at_once() -> None:
    fn = SlowSquares(0)
    batcher = MicroBatcher(fn)
    assert [batcher(i) for i in range(5)] == [0, 1, 4, 9, 16]
    assert fn.calls == [[0], [1], [2], [3], [4]]


def test_concurrent_callers_get_their_own_results_in_fewer_batches() -> None:
    fn = SlowSquares()
    batcher = MicroBatcher(fn, max_batch=8)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(batcher, range(64)))
    assert results == [i * i for i in range(64)]
    assert batcher.items == 64
    assert batcher.batches < 64  # callers that arrived during a batch were served together
    assert max(len(c) for c in fn.calls) <= 8
    assert sorted(i for c in fn.calls for i in c) == list(range(64))


def test_an_error_reaches_every_caller_of_its_batch_and_the_batcher_recovers() -> None:
    gate = threading.Event()

    def fn(items: list[int]) -> list[int]:
        gate.wait(1)
        if -1 in items:
            raise ValueError("bad item")
        return items

    batcher = MicroBatcher(fn)
    with ThreadPoolExecutor(max_workers=2) as pool:
        bad = pool.submit(batcher, -1)
        time.sleep(0.05)
        gate.set()
        with pytest.raises(ValueError, match="bad item"):
            bad.result(timeout=5)
    assert batcher(7) == 7


def test_a_wrong_number_of_results_is_an_error_not_a_mixup() -> None:
    batcher = MicroBatcher(lambda items: items[:-1])
    with pytest.raises(RuntimeError, match="returned 0 results for 1 items"):
        batcher(1)
