"""The messages of requests that arrive together, embedded in one batch on the event loop.

The offline engine runs inline on the event loop (see ``routes/replies.py``), one request
after the other, so the thread-level micro-batcher never sees two embeddings at once. Yet
under load several requests are read from their sockets in the same loop iteration: each
handler first hands its message here and awaits; the first schedules one flush after the
handlers already queued, and that flush embeds every message in one batch (a sentence
costs ~3.3 ms alone, ~1.1 ms in a batch of 16: the model's weights are streamed once).
Then each handler runs the engine, which finds its embedding cached. A message embedded
recently costs nothing to embed; a lone request waits a few microseconds (two turns of an
idle loop).

``then`` is given every message of the group, embedded or not, once they all are: the engine
scores them against the intent examples and the passages in one matrix product each
(``ReplyEngine.prepare``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

log = logging.getLogger("assistant.api")


class EmbeddingBatches:
    def __init__(self, prime: Callable[[list[str]], None], is_cached: Callable[[str], bool],
                 max_batch: int = 32, observe: Callable[[int], None] | None = None, rounds: int = 2,
                 then: Callable[[list[str]], None] | None = None) -> None:
        self.prime, self.is_cached, self.max_batch, self.observe = prime, is_cached, max_batch, observe
        self.rounds, self.then = rounds, then
        self._pending: list[tuple[list[str], list[str], asyncio.Future[None]]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.batches = 0  # for tests and benches
        self.texts = 0

    async def embed(self, texts: list[str]) -> None:
        # Requests whose message is cached wait for the flush too: the whole group then moves
        # in step. Were they to run on at once, each would run the engine (~3 ms) in the very
        # loop passes the flush is waiting out, and a first-seen message would queue behind
        # two passes' worth of them (p99 130 ms instead of 48 ms at 16 clients, measured).
        todo = [t for t in texts if not self.is_cached(t)]
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new loop (tests run one per client): waiters of a closed one are gone
            self._loop, self._pending = loop, []
        if not self._pending:
            loop.call_soon(self._flush_after, self.rounds)
        future: asyncio.Future[None] = loop.create_future()
        self._pending.append((texts, todo, future))
        await future

    def _flush_after(self, rounds: int) -> None:
        """Flush once the loop has gone ``rounds`` more times through its ready callbacks and
        its sockets: requests read meanwhile join the batch. Under load, groups of clients
        whose requests arrive together otherwise stay apart for good (each group's answers go
        out together, so its next requests come back together): batches of 2-4 out of 8
        connections, measured. An idle loop turns around in microseconds."""
        if rounds > 0:
            asyncio.get_running_loop().call_soon(self._flush_after, rounds - 1)
        else:
            self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        texts = list(dict.fromkeys(t for _, todo, _ in pending for t in todo))
        try:
            if texts:
                for i in range(0, len(texts), self.max_batch):
                    self.prime(texts[i:i + self.max_batch])
                self.batches += 1
                self.texts += len(texts)
                if self.observe is not None:
                    self.observe(len(texts))
            if self.then is not None:
                self.then(list(dict.fromkeys(t for group, _, _ in pending for t in group)))
        except Exception as exc:  # noqa: BLE001 - the engine embeds and scores (and reports) on its own
            log.warning("batched embedding or scoring failed: %s", type(exc).__name__)
        finally:
            for _, _, future in pending:
                if not future.done():
                    future.set_result(None)
