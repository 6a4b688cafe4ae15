"""Debian's Chromium through Playwright, as the browser tests and the benchmarks drive it.

Playwright cannot download browsers here, so it launches /usr/bin/chromium (``make test``
installs the Debian package). The flags give CPU WebGL (SwiftShader) and no background traffic.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Playwright

from harness.server import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
# The window the benchmarks and most browser tests use.
VIEWPORT = {"width": 1400, "height": 1000}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium with the flags above."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
