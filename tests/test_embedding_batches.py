"""Requests that arrive together have their messages embedded in one batch."""

import asyncio

from assistant.api.embedding_batches import EmbeddingBatches


class FakeModel:
    def __init__(self, fail: bool = False) -> None:
        self.cache: set[str] = set()
        self.calls: list[list[str]] = []
        self.fail = fail

    def prime(self, texts: list[str]) -> None:
        self.calls.append(texts)
        if self.fail:
            raise RuntimeError("model broke")
        self.cache.update(texts)

    def is_cached(self, text: str) -> bool:
        return text in self.cache


def _run_together(batches: EmbeddingBatches, messages: list[str]) -> None:
    async def main() -> None:
        await asyncio.gather(*(batches.embed([m]) for m in messages))

    asyncio.run(main())


def test_concurrent_messages_share_one_batch_and_cached_ones_do_not_wait() -> None:
    model = FakeModel()
    model.cache.add("seen before")
    batches = EmbeddingBatches(model.prime, model.is_cached)
    _run_together(batches, ["a", "b", "seen before", "b", "c"])
    assert model.calls == [["a", "b", "c"]]
    assert batches.batches == 1 and batches.texts == 3


def test_batches_are_capped() -> None:
    model = FakeModel()
    _run_together(EmbeddingBatches(model.prime, model.is_cached, max_batch=2), ["a", "b", "c"])
    assert model.calls == [["a", "b"], ["c"]]


def test_a_failing_model_releases_every_waiter() -> None:
    model = FakeModel(fail=True)
    _run_together(EmbeddingBatches(model.prime, model.is_cached), ["a", "b"])  # returns, no exception
    assert model.calls == [["a", "b"]]



def test_a_new_event_loop_starts_afresh() -> None:
    model = FakeModel()
    batches = EmbeddingBatches(model.prime, model.is_cached)
    _run_together(batches, ["a"])
    _run_together(batches, ["b"])  # asyncio.run: another loop
    assert model.calls == [["a"], ["b"]]


def test_then_gets_every_message_of_the_group_once_embedded() -> None:
    model = FakeModel()
    model.cache.add("seen before")
    groups: list[list[str]] = []

    def then(texts: list[str]) -> None:
        assert all(model.is_cached(t) for t in texts)
        groups.append(texts)

    _run_together(EmbeddingBatches(model.prime, model.is_cached, then=then), ["a", "seen before", "a", "b"])
    assert groups == [["a", "seen before", "b"]]


def test_a_failing_then_releases_every_waiter() -> None:
    model = FakeModel()

    def then(texts: list[str]) -> None:
        raise RuntimeError("scoring broke")

    _run_together(EmbeddingBatches(model.prime, model.is_cached, then=then), ["a", "b"])  # returns
    assert model.calls == [["a", "b"]]
