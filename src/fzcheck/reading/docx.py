"""Word .docx: paragraphs and tables in body order, with outline levels from heading styles,
outline-level paragraph formatting (WPS) and automatic numbering (whose 一、 is not in the text)."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from fzcheck.errors import InputError
from fzcheck.reading.normalize import Extracted

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list number|列表编号|编号", re.I)
_MAX_NUMBERED_HEADING = 40


def _outline_level(paragraph: Any, text: str) -> int | None:
    """The heading rank a paragraph has by its formatting, if any.

    Heading styles give their level; an explicit outline level (WPS sets it without a heading
    style) gives level + 1. An automatically numbered short paragraph (numbering lives outside
    the text, so no 一、 or （一） is there to see) ranks below typed 一、 headings."""
    style = paragraph.style.name if paragraph.style is not None else ""
    match = _HEADING_STYLE.search(style or "")
    if match:
        return int(match.group(1))
    outline = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if outline and outline[0].isdigit() and int(outline[0]) < 9:
        return int(outline[0]) + 1
    numbered = paragraph._p.xpath("./w:pPr/w:numPr")
    if (numbered or _LIST_STYLE.search(style or "")) and len(text) <= _MAX_NUMBERED_HEADING \
            and not text.endswith(("。", "；", ";")):
        ilvl = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        return 2 + (int(ilvl[0]) if ilvl and ilvl[0].isdigit() else 0)
    return None


def read_docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(BytesIO(data))
    except Exception as err:  # python-docx raises many kinds for a damaged package
        raise InputError(f"a damaged .docx ({type(err).__name__}); re-save it from Word or WPS",
                         kind="corrupt") from None
    lines: list[str] = []
    styled: dict[int, int] = {}
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            level = _outline_level(block, text)
            if level is not None:
                styled[len(lines)] = level
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
        elif isinstance(block, Table):
            for row in block.rows:
                # A merged cell comes back once per grid column it spans: keep it once (by its
                # XML element, not its text: two real cells may both say 0), and keep empty
                # cells, which a statistical table needs to tell blank from missing.
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(cell.text.strip().replace("\n", " "))
                if any(cells):
                    lines.append(" | ".join(cells))
    return Extracted("\n".join(lines), styled=styled)
