"""A bounded cache filled in batches, shared by every session of the server.

Streamlit's caches compute one key at a time. Geodesic regions are about twice as fast for many
sites at once (pyproj vectorises), and a drag changes one site of many: so the missing keys of a
request are computed together, and each result is kept per key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BatchCache(Generic[K, V]):
    """Least-recently-used results per key, at most ``max_entries`` of them.

    Values must be immutable (shapely geometries, strings): callers share them.
    """

    def __init__(self, compute: Callable[[list[K]], Sequence[V]], *, max_entries: int) -> None:
        self._compute = compute
        self._max_entries = max_entries
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[K]) -> list[V]:
        """The value of each key, computing all missing ones in one call."""
        found: dict[K, V] = {}
        with self._lock:
            for key in keys:
                if key in self._entries:
                    self._entries.move_to_end(key)
                    found[key] = self._entries[key]
        missing = [key for key in dict.fromkeys(keys) if key not in found]
        if missing:
            # Outside the lock: other sessions keep reading while this one computes.
            computed = dict(zip(missing, self._compute(missing), strict=True))
            found |= computed
            with self._lock:
                self._entries.update(computed)
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
        return [found[key] for key in keys]

    def __len__(self) -> int:
        return len(self._entries)
