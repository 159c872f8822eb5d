"""The two-step neighbour search finds what a brute-force search finds."""

import numpy as np

from assistant.understanding.neighbours import NearestNeighbours


def _embeddings(n: int = 2000, dims: int = 256, seed: int = 0) -> np.ndarray:
    """Unit vectors whose variance decays with the direction, as sentence embeddings' does."""
    rng = np.random.default_rng(seed)
    scale = 1.0 / np.arange(1, dims + 1) ** 1.2
    rotation, _ = np.linalg.qr(rng.standard_normal((dims, dims)))
    x = (rng.standard_normal((n, dims)) * scale) @ rotation
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def _queries(x: np.ndarray, count: int = 50) -> np.ndarray:
    rng = np.random.default_rng(1)
    q = x[rng.integers(0, len(x), count)] + 0.05 * rng.standard_normal((count, x.shape[1]))
    return q.astype(np.float32)


def test_finds_nearly_all_true_neighbours() -> None:
    x = _embeddings()
    search = NearestNeighbours(x, dims=64, candidates=64)
    found = 0
    for query in _queries(x):
        idx, sims = search.top(query, 7)
        exact = np.argsort(-(x @ query), kind="stable")[:7]
        found += len(set(idx) & set(exact))
        assert np.all(np.diff(sims) <= 0)  # most similar first
        np.testing.assert_allclose(sims, x[idx] @ query, rtol=1e-5)  # exact scores
    assert found / (7 * 50) >= 0.97


def test_exact_when_every_example_is_a_candidate() -> None:
    x = _embeddings(n=600)
    search = NearestNeighbours(x, dims=32, candidates=150)  # 600 > 4 x 150: still two steps
    search.candidates = len(x)
    for query in _queries(x, 10):
        idx, _ = search.top(query, 7)
        assert list(idx) == list(np.argsort(-(x @ query), kind="stable")[:7])


def test_small_sets_are_searched_directly() -> None:
    x = _embeddings(n=30, dims=16)
    idx, _ = NearestNeighbours(x).top(x[3], 40)
    assert idx[0] == 3 and len(idx) == 30


def test_a_prepared_group_gives_the_same_neighbours() -> None:
    x = _embeddings()
    queries = _queries(x, 8)
    alone = [NearestNeighbours(x).top(q, 7) for q in queries]
    search = NearestNeighbours(x)
    search.prepare(queries)
    assert search.prepared_queries == 8
    for q, (idx, sims) in zip(queries, alone, strict=True):
        got_idx, got_sims = search.top(q, 7)
        assert list(got_idx) == list(idx)
        np.testing.assert_array_equal(got_sims, sims)  # rescored exactly, whatever found them
    stranger = _queries(_embeddings(seed=5), 1)[0]  # not in the group: searched on its own
    assert list(search.top(stranger, 7)[0]) == list(NearestNeighbours(x).top(stranger, 7)[0])
