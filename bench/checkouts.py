"""What a benchmark run measures: this checkout's commit, and another checkout's ``geo`` package
beside ours, for benchmarks that compare two commits in one process (``--before PATH``, e.g. a
``git worktree`` of the parent commit)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path


def load_checkout(path: str):
    """Another checkout's ``geo`` package, imported as ``geo_before`` beside ours."""
    root = Path(path).resolve() / "geo"
    spec = importlib.util.spec_from_file_location(
        "geo_before", root / "__init__.py", submodule_search_locations=[str(root)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["geo_before"] = module
    spec.loader.exec_module(module)
    return module


def run_header() -> str:
    """The commit measured and when, the first line of a benchmark's output."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"commit {commit}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n"
