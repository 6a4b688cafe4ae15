"""The per-site cache behind the app's regions and export lines."""

from __future__ import annotations

from ui.batchcache import BatchCache


def squares_counting(calls: list[list[int]]):
    def compute(keys: list[int]) -> list[int]:
        calls.append(keys)
        return [k * k for k in keys]

    return compute


def test_missing_keys_are_computed_together_once_and_kept():
    calls: list[list[int]] = []
    cache = BatchCache(squares_counting(calls), max_entries=10)
    assert cache.get_many([3, 1, 3, 2]) == [9, 1, 9, 4]
    assert cache.get_many([2, 4, 1]) == [4, 16, 1]
    assert calls == [[3, 1, 2], [4]]


def test_the_least_recently_used_go_first_and_a_request_beyond_the_bound_is_whole():
    calls: list[list[int]] = []
    cache = BatchCache(squares_counting(calls), max_entries=3)
    cache.get_many([1, 2, 3])
    cache.get_many([1])  # 2 is now the oldest
    cache.get_many([4])
    assert len(cache) == 3
    calls.clear()
    cache.get_many([1, 3, 4, 2])
    assert calls == [[2]]
    assert cache.get_many(list(range(10))) == [k * k for k in range(10)]
    assert len(cache) == 3
