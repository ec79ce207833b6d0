"""Word .docx: paragraphs and tables in body order, with outline levels from heading styles."""

from __future__ import annotations

import re
from io import BytesIO

from fzcheck.errors import InputError
from fzcheck.reading.normalize import Extracted

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)


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
            style = block.style.name if block.style is not None else ""
            match = _HEADING_STYLE.search(style or "")
            if match:
                styled[len(lines)] = int(match.group(1))
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    lines.append(" | ".join(cells))
    return Extracted("\n".join(lines), styled=styled)
