"""How `serve --workers N` spreads connections (pure part; the processes are in test_serve)."""

from assistant.api.dispatcher import pick


def test_fewest_open_connections_wins() -> None:
    assert pick([3, 1, 2], [True, True, True], last=1) == 1


def test_ties_go_round_robin() -> None:
    active = [0, 0, 0]
    order = []
    last = -1
    for _ in range(6):
        last = pick(active, [True] * 3, last)
        order.append(last)
    assert order == [0, 1, 2, 0, 1, 2]


def test_dead_workers_get_nothing() -> None:
    assert pick([0, 5], [False, True], last=1) == 1
    assert pick([0, 0], [False, False], last=0) is None


def test_ready_workers_first_unless_none_is() -> None:
    assert pick([5, 0], [True, True], last=0, ready=[True, False]) == 0
    assert pick([5, 0], [True, True], last=0, ready=[False, False]) == 1
