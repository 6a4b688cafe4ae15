"""Messages that quote user text, made safe for Streamlit's Markdown."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# also disarms Streamlit's own syntax (``:red[…]``, ``:material/…:``, ``$…$``).
_PUNCTUATION = re.compile(r"""([!-/:-@\[-`{-~])""")


def plain(text: str) -> str:
    """``text`` shown as written: no link, emphasis, colour, formula or HTML in it takes
    effect (user text such as a site name from a link or an upload reaches our messages)."""
    return _PUNCTUATION.sub(r"\\\1", text)
