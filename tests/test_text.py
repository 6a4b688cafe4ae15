"""ui.text.plain: user text inside a Streamlit message shows as typed, with no Markdown."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ui.text import plain

MARKDOWN = MarkdownIt("commonmark")


def rendered_text(markdown: str) -> str:
    """The text a CommonMark renderer shows for ``markdown``, or the HTML if it made any."""
    out = MARKDOWN.renderInline(markdown)
    return html.unescape(out)


def test_links_emphasis_and_html_show_as_typed():
    for text in ["[x](http://example.com)", "**bold** _it_", "<b>x</b>", "`code`", "a\\b"]:
        assert rendered_text(plain(text)) == text


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=40))
def test_any_ascii_text_shows_as_typed(text):
    assert rendered_text(plain(text)) == text


def test_streamlit_directives_are_escaped():
    # Streamlit's own syntax (colours, icons, formulas) starts with ':' or '$': both escaped.
    assert plain(":red[x] $y$") == r"\:red\[x\] \$y\$"
