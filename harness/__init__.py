"""What the browser tests (``tests/e2e``) and the benchmarks (``bench/``) share: the app on a
free port (``server``), Debian's Chromium (``browser``), the map in the page (``mapview``), each
script run timed (``timing``), websocket traffic (``traffic``), a session driven over the
websocket without a browser (``wsclient``), reference implementations (``places``), and the
JavaScript they run in the page (``js/``, read with :func:`script`).

Not part of the app: nothing in ``geo/``, ``ui/`` or ``app.py`` imports it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_JS = Path(__file__).resolve().parent / "js"


@cache
def script(name: str) -> str:
    """The JavaScript of ``js/<name>.js``, to hand to ``page.evaluate`` or ``add_init_script``."""
    return (_JS / f"{name}.js").read_text(encoding="utf-8")
