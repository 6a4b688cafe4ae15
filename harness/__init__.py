"""What the browser tests (``tests/e2e``) and the benchmarks (``bench/``) share: the app on a
free port, Debian's Chromium, helpers for the map in the page, and reference implementations.

Not part of the app: nothing in ``geo/``, ``ui/`` or ``app.py`` imports it.
"""
