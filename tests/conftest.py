"""Shared test settings: Hypothesis profiles (HYPOTHESIS_PROFILE=deep for a long hunt)."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)
