"""Inputs for the reading tests, made in code from our own invented report text."""

from __future__ import annotations

import io
from pathlib import Path

CJK_FONTS = [Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
             Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
             Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]


def cjk_font() -> Path | None:
    return next((p for p in CJK_FONTS if p.exists()), None)


def make_scanned_pdf(text: str, font: Path) -> bytes:
    """An image-only PDF (no text layer), as a scanner makes: each page a picture of the text,
    paragraphs wrapped at the right margin as a word processor wraps them."""
    from PIL import Image, ImageDraw, ImageFont

    width, height, margin, size, step = 1240, 1754, 100, 26, 40  # A4 at 150 dpi
    face = ImageFont.truetype(str(font), size)
    rows: list[str] = []
    for line in text.splitlines():
        row = ""
        for ch in line.strip():
            if face.getlength(row + ch) > width - 2 * margin:
                rows.append(row)
                row = ""
            row += ch
        if row:
            rows.append(row)
    per_page = (height - 2 * margin) // step
    pages = []
    for start in range(0, len(rows), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for i, row in enumerate(rows[start:start + per_page]):
            draw.text((margin, margin + i * step), row, font=face, fill=0)
        pages.append(page)
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150.0)
    return out.getvalue()
