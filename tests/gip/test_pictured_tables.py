"""Tables pasted as pictures into a report that has text (a GIP report's tables 三 and 四 as
images, in Word, on a web page, in a PDF): the picture's place is kept, so its section is there,
not empty, and its table is said to be a picture that cannot be read — no number assumed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from fzcheck.document import PICTURE
from fzcheck.pipeline import check_source
from fzcheck.reading import load
from fzcheck.rubric import Catalog
from tests.gip import reports as gip

_PICTURED = ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


def _blocks() -> list[str | None]:
    """The report's lines, each pictured table's lines as one None (its picture)."""
    out: list[str | None] = []
    skipping = False
    for line in (x.strip() for x in gip.layout_text().splitlines()):
        if line in _PICTURED:
            out += [line, None]
            skipping = True
        elif line.startswith("五、"):
            skipping = False
        if not skipping and line and line not in _PICTURED:
            out.append(line)
    return out


def _png(width: int, height: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 30):  # a grid, as a table's picture shows
        draw.line([(0, y), (width, y)], fill="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _docx(blocks: list[str | None]) -> bytes:
    import docx
    from docx.shared import Cm

    d = docx.Document()
    for block in blocks:
        if block is None:
            d.add_picture(io.BytesIO(_png(900, 500)), width=Cm(15))
        else:
            d.add_paragraph(block)
    d.add_picture(io.BytesIO(_png(200, 200)), width=Cm(4))  # the seal: no table's picture
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _html(blocks: list[str | None]) -> str:
    body = "".join(
        '<p style="text-align:center"><img src="/u/cms/2025/t.png" width="600"></p>'
        if block is None
        else f"<p>{block}</p>"
        for block in blocks
    )
    icon = '<img src="/images/print.gif" width="16" height="16">'  # the page's own: passed over
    return f"<html><body><div class='article'>{body}<p>{icon}打印本页</p></div></body></html>"


def _pdf(blocks: list[str | None], tmp_path: Path) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("text", fontName="STSong-Light", fontSize=10, leading=14)
    picture = tmp_path / "table.png"
    picture.write_bytes(_png(900, 500))
    story: list[Any] = [
        Image(str(picture), width=15 * cm, height=8 * cm)
        if block is None
        else Paragraph(block, style)
        for block in blocks
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


@pytest.mark.parametrize("form", ["docx", "html", "pdf"])
def test_a_table_pasted_as_a_picture_is_there_but_unread(form: str, tmp_path: Path) -> None:
    blocks = _blocks()
    path = tmp_path / f"report.{form}"
    if form == "docx":
        path.write_bytes(_docx(blocks))
    elif form == "html":
        path.write_text(_html(blocks), encoding="utf-8")
    else:
        path.write_bytes(_pdf(blocks, tmp_path))
    lines = load(str(path)).lines
    # each table's picture where it stands, right under its heading; no seal, no icon
    assert lines.count(PICTURE) == 2
    for heading in _PICTURED:
        assert lines[lines.index(heading) + 1] == PICTURE
    result = check_source(str(path), Catalog.load()).result.to_json()
    parts = {p["id"]: p["status"] for p in result["parts"]}
    assert parts["requests"] == parts["appeals"] == "present"
    tables = {t["id"]: t for t in result["tables"]}
    for table in ("requests", "appeals"):
        assert tables[table]["status"] == "unreadable"
        assert "图片" in tables[table]["reason"]
    assert tables["proactive_documents"]["status"] == "read"
    assert result["verdict"] == "complete"
