"""Find places by name in the bundled gazetteer (Natural Earth populated places), offline."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

# Ranks: exact name 0, name starts with the query 1, a word does 2, contains it 3.
_NO_MATCH = 4


def fold(text: str) -> str:
    """``text`` without case or accents: "São Paulo" and "sao paulo" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


class Gazetteer:
    """Places by name: ``places`` needs ``name``, ``nameascii`` and ``pop_max`` columns."""

    def __init__(self, places: pd.DataFrame) -> None:
        self.places = places
        # Folded once: a search is then a few vectorised string tests over ~7,000 names.
        self._names = [
            pd.Series([fold(str(n)) for n in places[column]], index=places.index)
            for column in ("name", "nameascii")
        ]

    def find(self, query: str, limit: int = 20) -> pd.DataFrame:
        """The places whose name contains ``query``, ignoring case and accents, at most
        ``limit``: exact names first, then names that start with it, then names with a word
        that does, then the rest; the most populous first within each. An empty query finds
        nothing.
        """
        wanted = fold(query)
        if not wanted:
            return self.places.iloc[0:0]
        ranks = np.minimum(*(self._rank(names, wanted) for names in self._names))
        found = self.places.assign(_rank=ranks)[ranks < _NO_MATCH]
        found = found.sort_values(["_rank", "pop_max"], ascending=[True, False], kind="stable")
        return found.drop(columns="_rank").head(limit)

    @staticmethod
    def _rank(names: pd.Series, wanted: str) -> np.ndarray:
        contains = names.str.contains(wanted, regex=False)
        word_start = (" " + names).str.contains(" " + wanted, regex=False)
        return np.select(
            [names == wanted, names.str.startswith(wanted), word_start, contains],
            [0, 1, 2, 3],
            default=_NO_MATCH,
        )
