"""Text contrast as the user sees it: WCAG 2 contrast ratios measured on the pixels drawn.

An element's ground is its most common colour; its text is the drawn colour that differs most
from the ground (the cores of the glyphs' stems reach the text's full colour). Measured on
pixels, white text on a white button scores 1:1 whatever the style sheet says.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from playwright.sync_api import Locator, Page

# WCAG 2.x AA for normal-size text (success criterion 1.4.3).
AA_TEXT = 4.5


def relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (..., 3) given as 0–255."""
    c = np.asarray(rgb, dtype=float) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratio(a, b) -> np.ndarray:
    """WCAG contrast ratio (1–21) between colours ``a`` and ``b`` (0–255 RGB)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def text_contrast(page: Page, element: Locator, inset_px: int = 3) -> float:
    """The contrast of ``element``'s text with its ground, measured on its pixels inside its
    box less ``inset_px`` (which leaves out a border)."""
    box = element.bounding_box()
    clip = {
        "x": box["x"] + inset_px,
        "y": box["y"] + inset_px,
        "width": box["width"] - 2 * inset_px,
        "height": box["height"] - 2 * inset_px,
    }
    png = page.screenshot(clip=clip)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    ground = colours[counts.argmax()]
    return float(contrast_ratio(colours, ground).max())
