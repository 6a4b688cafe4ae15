"""Messages that quote user text, made safe for Streamlit's Markdown."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# also disarms Streamlit's own syntax (``:red[…]``, ``:material/…:``, ``$…$``).
_PUNCTUATION = re.compile(r"""([!-/:-@\[-`{-~])""")
# Escaping is not enough for what Streamlit's renderer finds in the text once it is parsed: GFM
# autolinks (``http://…``, ``www.…``, ``a@b.example``) and emoji shortcodes (``:smile:``) are
# matched within one text node, escapes already undone. An empty directive, which Streamlit
# renders as an empty <span> (its documented "null directive"), ends the text node before each
# '.', ':' and '@', so none of them can match; the text shown and copied stays as typed.
_NULL_DIRECTIVE = ":red[]"
_SPLIT_BEFORE = ".:@"


def plain(text: str) -> str:
    """``text`` shown as written: no link, emphasis, colour, emoji, formula or HTML in it takes
    effect (user text such as a site name from a link or an upload reaches our messages)."""
    return _PUNCTUATION.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group(1)
    return (_NULL_DIRECTIVE if char in _SPLIT_BEFORE else "") + "\\" + char
