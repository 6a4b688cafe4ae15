"""ui.text.plain: user text inside a Streamlit message shows as typed, with no Markdown."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ui.text import plain

MARKDOWN = MarkdownIt("commonmark")
# Streamlit renders ``:red[]`` (a directive with nothing in it) as an empty <span>.
NULL_DIRECTIVE = ":red[]"
# What Streamlit's renderer (mdast-util-gfm-autolink-literal, remark-emoji) matches in each
# text node of the parsed Markdown, escapes undone.
AUTOLINKED = re.compile(
    r"(https?://|www(?=\.))([-.\w]+)|([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)|:[\w+-]+:"
)


def rendered_text(markdown: str) -> str:
    """The text a CommonMark renderer shows for ``markdown``, or the HTML if it made any."""
    out = "".join(MARKDOWN.renderInline(part) for part in markdown.split(NULL_DIRECTIVE))
    return html.unescape(out)


def text_nodes(markdown: str) -> list[str]:
    """The text nodes Streamlit's parser makes of ``markdown`` (which plain() leaves flat)."""
    return [rendered_text(part) for part in markdown.split(NULL_DIRECTIVE)]


def test_links_emphasis_and_html_show_as_typed():
    for text in ["[x](http://example.com)", "**bold** _it_", "<b>x</b>", "`code`", "a\\b"]:
        assert rendered_text(plain(text)) == text


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=40))
def test_any_ascii_text_shows_as_typed(text):
    assert rendered_text(plain(text)) == text


def test_streamlit_directives_are_escaped():
    # Streamlit's own syntax (colours, icons, formulas) starts with ':' or '$': both escaped.
    assert plain(":red[x] $y$") == r":red[]\:red\[x\] \$y\$"


@pytest.mark.parametrize(
    "text",
    [
        "see http://evil.example/login now",
        "https://evil.example",
        "see www.evil.example",
        "mail me@evil.example",
        ":smile: :+1:",
    ],
)
def test_urls_addresses_and_shortcodes_cannot_become_links_or_emoji(text):
    markdown = plain(text)
    assert rendered_text(markdown) == text
    assert not [node for node in text_nodes(markdown) if AUTOLINKED.search(node)]
