"""User text (site names, roles, sources, titles) made safe to keep, show and write.

Every way text enters (an import, a link, a text field, the command line) passes it through
:func:`clean_text`, so a name reads and writes the same wherever it is shown: on the map, in the
tables, the CSV, the GeoJSON and the figure.
"""

from __future__ import annotations

import re
import unicodedata

# Lone surrogates come from bytes decoded with errors="surrogateescape" (links, argv) or from
# JSON escapes such as "\udcff"; no UTF-8 page or file can hold them.
_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 controls (newlines, tabs, NULs in a quoted cell) would break labels and tables.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
# Zero-width joiners shape Persian, Indic scripts and emoji sequences: kept between two
# non-ASCII characters, where they do that; anywhere else they only hide a difference.
_JOINERS = "\u200c\u200d"


def clean_text(text: str) -> str:
    r"""``text`` without what would make it read differently from what it holds.

    Lone surrogates become U+FFFD; control characters become spaces; invisible format
    characters (bidirectional overrides, embeddings, isolates and marks, zero-width spaces, word
    joiners, byte order marks, soft hyphens) are removed, except a zero-width joiner or non-joiner
    between two non-ASCII characters; the result is NFC and has no outer whitespace.

    >>> clean_text("\u202eexe.gnp")
    'exe.gnp'
    >>> clean_text("Kapus\u200btin\tYar\udcff") == "Kapustin Yar\ufffd"
    True
    """
    text = unicodedata.normalize("NFC", _SURROGATES.sub("\ufffd", text))
    kept = []
    for i, char in enumerate(text):
        if unicodedata.category(char) != "Cf":
            kept.append(char)
        elif char in _JOINERS and _joins(text[i - 1 : i], text[i + 1 : i + 2]):
            kept.append(char)
    return _CONTROL.sub(" ", "".join(kept)).strip()


def _joins(before: str, after: str) -> bool:
    return all(side and not side.isascii() and not side.isspace() for side in (before, after))
