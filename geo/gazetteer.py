"""Find places by name in the bundled gazetteer (Natural Earth populated places), offline: by
their current name, Natural Earth's older one, or any other spelling GeoNames knows."""

from __future__ import annotations

import unicodedata
from functools import cached_property

import numpy as np
import pandas as pd

# Ranks: exact name 0, name starts with the query 1, a word does 2, contains it 3.
_NO_MATCH = 4


def fold(text: str) -> str:
    """``text`` without case or accents: "São Paulo" and "sao paulo" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


class Gazetteer:
    """Places by name: ``places`` needs ``name``, ``nameascii`` and ``pop_max`` columns, and
    may have ``ne_name`` and ``other_names`` ("|"-separated spellings)."""

    def __init__(self, places: pd.DataFrame) -> None:
        self.places = places
        # Folded once: a search is then a few vectorised string tests over ~7,000 names.
        columns = [c for c in ("name", "nameascii", "ne_name") if c in places]
        self._names = [
            pd.Series([fold(str(n)) for n in places[column]], index=places.index)
            for column in columns
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
        ranks = np.minimum.reduce(
            [*(self._rank(names, wanted) for names in self._names), self._rank_other(wanted)]
        )
        found = self.places.assign(_rank=ranks)[ranks < _NO_MATCH]
        found = found.sort_values(["_rank", "pop_max"], ascending=[True, False], kind="stable")
        return found.drop(columns="_rank").head(limit)

    @cached_property
    def _others(self) -> pd.Series:
        """Each place's other spellings as one folded "|name|name|" text, so that a match is one
        string test too; folded on the first search (~0.4 s), not while the page first loads."""
        places = self.places
        others = places["other_names"] if "other_names" in places else pd.Series("", places.index)
        return pd.Series(["|" + fold(str(n)) + "|" for n in others], index=places.index)

    def _rank_other(self, wanted: str) -> np.ndarray:
        """The rank of the best of each place's other spellings, as :meth:`_rank` ranks one."""
        others = self._others
        return np.select(
            [
                others.str.contains("|" + wanted + "|", regex=False),
                others.str.contains("|" + wanted, regex=False),
                others.str.contains(" " + wanted, regex=False),
                others.str.contains(wanted, regex=False),
            ],
            [0, 1, 2, 3],
            default=_NO_MATCH,
        )

    @staticmethod
    def _rank(names: pd.Series, wanted: str) -> np.ndarray:
        contains = names.str.contains(wanted, regex=False)
        word_start = (" " + names).str.contains(" " + wanted, regex=False)
        return np.select(
            [names == wanted, names.str.startswith(wanted), word_start, contains],
            [0, 1, 2, 3],
            default=_NO_MATCH,
        )
