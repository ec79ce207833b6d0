"""Lines of text from positioned pieces (OCR boxes, OFD text objects), in reading order.

Fixed-layout pages wrap a paragraph over several lines; analysis wants one paragraph a line, as
in the .txt and .docx a unit sends. A line that reaches the right margin continues on the next,
unless the next starts with a heading marker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_NEAR_MARGIN = 1.5  # line heights from the right margin: a wrapped line ends within this
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、.．]|第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]是)"
)


@dataclass(frozen=True)
class Piece:
    top: float
    bottom: float
    left: float
    right: float
    text: str


def document_lines(pages: list[list[Piece]], join: bool = True) -> list[str]:
    """Each page's pieces grouped into visual lines (by vertical overlap), then the wrapped
    lines of a paragraph joined. The right margin is the document's, so a last page of short
    lines is not taken for wrapped text."""
    paged = [_rows(pieces) for pieces in pages]
    rights = sorted(max(p.right for p in row) for rows in paged for row in rows)
    if not rights:
        return []
    right_edge = rights[int(0.9 * (len(rights) - 1))]
    heights = sorted(p.bottom - p.top for rows in paged for row in rows for p in row)
    near = _NEAR_MARGIN * heights[len(heights) // 2]
    out: list[str] = []
    for rows in paged:
        joinable = False
        start = len(out)
        for row in rows:
            text = _join_row(row)
            if join and len(out) > start and joinable and not _HEADING_START.match(text):
                out[-1] += text
            else:
                out.append(text)
            joinable = max(p.right for p in row) >= right_edge - near
    return out


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows:
            last = rows[-1]
            row_top, row_bottom = min(p.top for p in last), max(p.bottom for p in last)
            overlap = min(piece.bottom, row_bottom) - max(piece.top, row_top)
            if overlap > 0.5 * min(piece.bottom - piece.top, row_bottom - row_top):
                last.append(piece)
                continue
        rows.append([piece])
    for row in rows:
        row.sort(key=lambda p: p.left)
    return rows


def _join_row(row: list[Piece]) -> str:
    # Pieces of one line that nearly touch belong together; a wide gap is a table column.
    text = row[0].text
    for prev, piece in pairwise(row):
        height = max(piece.bottom - piece.top, 1.0)
        text += (" | " if piece.left - prev.right > 2.5 * height else "") + piece.text
    return text
