#!/usr/bin/env python3
"""The theme's raster images, drawn as SVG and rendered by headless Chromium (Playwright):
Facebook, Zalo and home screens take no SVG.

    static/share.png              1200 × 630  og:image / twitter:image of a page without a photo of its own
    static/apple-touch-icon.png   180 × 180   iOS "Thêm vào MH chính"
    static/icon-192.png, icon-512.png         the web app manifest's icons (Android)

The emblem is favicon.svg's: a gold star on the masthead's red. The share image's words are
the bundled portal's name and line, set in the theme's Be Vietnam Pro Bold (the woff2 subset
has every Vietnamese letter). A site with another name sets its own `share_image` in site.toml.
Not published (the folder is not static/); run again to get the same files:

    python3 themes/default/_src/draw_icons.py
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC = HERE.parent / "static"
FONT = STATIC / "fonts" / "be-vietnam-pro-700.woff2"
RED, DARK, GOLD, CREAM = "#b3140f", "#8f0f0b", "#ffd43b", "#fff1d6"
STAR = "M16 5l3.2 7.6 8.2.7-6.2 5.4 1.9 8L16 22.4 8.9 26.7l1.9-8-6.2-5.4 8.2-.7z"  # favicon.svg's, 32 units
STAR_CENTRE = (16, 17)  # the centre of the star's circle (its points are 12 units from it), not its box's
TITLE = ("Học tập và", "làm theo Bác")
LINE = ("Tin tức về việc học tập và làm theo tư tưởng,", "đạo đức, phong cách Hồ Chí Minh ở các địa phương")


def _font() -> str:
    data = base64.b64encode(FONT.read_bytes()).decode()
    return (f"<style>@font-face{{font-family:BVP;src:url(data:font/woff2;base64,{data})}}"
            f"text{{font-family:BVP;font-weight:700}}</style>")


def icon(size: int, pad: float) -> str:
    """The star on red, full bleed (iOS and Android round the corners themselves); pad: the share
    of the side left around the star (the manifest's 'maskable' safe zone is the inner 80 %)."""
    scale = size * (1 - 2 * pad) / 24  # the star spans about 24 of its 32 units
    x, y = (size / 2 - c * scale for c in STAR_CENTRE)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
            f'<rect width="{size}" height="{size}" fill="{RED}"/>'
            f'<path fill="{GOLD}" transform="translate({x:.2f} {y:.2f}) scale({scale:.4f})" '
            f'd="{STAR}"/></svg>')


def share() -> str:
    w, h = 1200, 630
    title = "".join(f'<text x="400" y="{228 + 104 * i}" font-size="92" fill="#fff">{t}</text>'
                    for i, t in enumerate(TITLE))
    line = "".join(f'<text x="402" y="{452 + 44 * i}" font-size="28" fill="{CREAM}">{t}</text>'
                   for i, t in enumerate(LINE))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
            f"<defs>{_font()}</defs>"
            f'<rect width="{w}" height="{h}" fill="{RED}"/>'
            f'<rect y="{h - 28}" width="{w}" height="28" fill="{DARK}"/>'
            f'<rect y="{h - 28}" width="{w}" height="6" fill="{GOLD}"/>'
            f'<circle cx="205" cy="300" r="150" fill="{GOLD}"/><circle cx="205" cy="300" r="134" fill="{RED}"/>'
            f'<circle cx="205" cy="300" r="124" fill="none" stroke="{GOLD}" stroke-width="5"/>'
            f'<path fill="{GOLD}" transform="translate({205 - 16 * 7.5} {300 - 17 * 7.5}) scale(7.5)" d="{STAR}"/>'
            f'{title}<rect x="402" y="392" width="120" height="8" fill="{GOLD}"/>{line}</svg>')


IMAGES = {
    "share.png": (share, 1200, 630),
    "apple-touch-icon.png": (lambda: icon(180, 0.16), 180, 180),
    "icon-192.png": (lambda: icon(192, 0.2), 192, 192),
    "icon-512.png": (lambda: icon(512, 0.2), 512, 512),
}


def main() -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
        for name, (draw, w, h) in IMAGES.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            page.set_content(f'<html><body style="margin:0">{draw()}</body></html>')
            page.evaluate("document.fonts.ready")
            png = page.screenshot(clip={"x": 0, "y": 0, "width": w, "height": h})
            page.close()
            # A palette of 64 colours: the flat drawing looks the same in a third of the bytes.
            image = Image.open(io.BytesIO(png)).convert("RGB").quantize(64, dither=Image.Dither.NONE)
            image.save(STATIC / name, "PNG", optimize=True)
            print(name, (STATIC / name).stat().st_size)
        browser.close()


if __name__ == "__main__":
    main()
