"""Files the app serves from ``static/`` (Streamlit's static file serving, at ``app/static/``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def versioned_url(filename: str) -> str:
    """``app/static/<filename>?v=<hash of its bytes>``, relative to the page: a browser never
    runs a cached copy of an older build."""
    version = hashlib.sha256((STATIC_DIR / filename).read_bytes()).hexdigest()[:12]
    return f"app/static/{filename}?v={version}"
