"""Lines of text from positioned pieces (OCR boxes, OFD text objects), in reading order.

Fixed-layout pages wrap a paragraph over several lines; analysis wants one paragraph a line, as
in the .txt and .docx a unit sends. A line that reaches the right margin continues on the next,
unless the next starts with a heading marker."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from fzcheck.reading.resegment import SPACED_WORD

_NEAR_MARGIN = 1.5  # line heights from the right margin: a wrapped line ends within this
_HEADING_START = re.compile(
    # 二，/ 二 typed for 二、 (the space before a word: SPACED_WORD)
    rf"^\s*(?:[一二三四五六七八九十]+(?:\s*[、.．,，:：]|\s+{SPACED_WORD}\S)"
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


# A table row ends in a figure after white space (…申请数量   95   0   12): it is not prose that
# wraps, and the next row is not its continuation.
_CELL_END = re.compile(r"\s-?\d+(?:\.\d+)?\s*$")
_INDENT = 2.0  # em: a paragraph's first-line indent
_STOPS = tuple("。；;！!？?：:")
_MIN_COLUMN = 12  # em: narrower "columns" are lists of short lines (headings, a signature)
_OVER = 2.0  # em a column's line may seem wider than the column (estimated widths)


def unwrap(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines of a text layer, which gives no positions (a PDF's), with a
    paragraph's wrapped lines joined. A line's width is estimated in em (a CJK or full-width
    character 1, any other 0.5: Chinese typesetting wraps by width, not by count). The column's
    width is the widest that many lines share (a paragraph's wrapped lines all fill it; a title,
    a heading, a paragraph's last line each have their own); a line that fills it continues on
    the next, as in :func:`document_lines`, unless the next opens with a heading marker or
    either is a table row. A text whose lines share no width is not taken for wrapped text."""
    # per line: its width, and whether it is a table row
    measured = [
        [(line, _em(line), bool(_CELL_END.search(line))) for line in lines] for lines in pages
    ]
    prose = [w for page in measured for _, w, row in page if w >= _MIN_COLUMN and not row]
    column = _column(prose)
    if column is None:
        return pages
    full = column - _NEAR_MARGIN
    out: list[list[str]] = []
    started = False  # a sentence has ended: the title and the addressee are behind
    joinable = False  # the last line read fills the column: its paragraph goes on, on the
    # next page too (a page break cut 第一责 / 任人职责, the page number between them gone)
    for page in measured:
        joined: list[str] = []
        for line, width, row in page:
            continued = joinable and not row and not _HEADING_START.match(line)
            # the document's first line is its title: a wrapped title goes on with more of it,
            # not with sentences (本报告根据…编制。 under a title as wide as the column)
            continued = continued and not (not out and len(joined) == 1 and "。" in line)
            before = joined if joined else next((p for p in reversed(out) if p), None)
            if continued and before is not None:
                before[-1] += _joint(before[-1], line.lstrip()) + line.lstrip()
            else:
                joined.append(line)
            # a paragraph's first line is indented two characters (首行缩进), which a text
            # layer's lines do not show: it fills the column two em short of the others
            first = started and not continued and not line.rstrip().endswith(_STOPS)
            # a line far wider than the column is not one of its lines (a title, a row)
            fills = full <= width + (_INDENT if first else 0.0) and width <= column + _OVER
            joinable = fills and not row
            started = started or "。" in line
        out.append(joined)
    return out


def _column(widths: list[float]) -> float | None:
    """The column's width: the widest of the line widths (rounded to an em) that many lines
    share, give or take an em (the widths are estimates), at least three and a tenth of them,
    taken at its most common width; None when none is (no text wraps). Estimated widths need
    that much evidence, where positions (document_lines) need less. Within an em: a short
    report of tables has three wrapped lines of 34, 35 and 37 em, and three table labels of 13
    em exactly (a column of 13 em joined its title to the line after)."""
    shared = Counter(round(w) for w in widths)
    least = max(3, len(widths) // 10)
    many = [w for w in shared if shared[w - 1] + shared[w] + shared[w + 1] >= least]
    if not many:
        return None
    top = max(many)
    return max((w for w in (top - 1, top, top + 1) if shared[w]), key=lambda w: (shared[w], w))


def _joint(before: str, after: str) -> str:
    """What stood at a wrap: nothing in Chinese, the space between two words in Latin text
    (ignore previous / instructions)."""
    a, b = before[-1:], after[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""


def _em(line: str) -> float:
    """The width of ``line`` in em, estimated: U+2E80 onwards (CJK, full-width forms) 1."""
    wide = sum(1 for c in line if c >= "\u2e80")
    return wide + 0.5 * (len(line.strip()) - wide)


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    rows: list[list[Piece]] = []
    row_top = row_bottom = 0.0  # the last row's extent, kept as it grows (not recomputed: a
    # line of 60,000 pieces was quadratic)
    for piece in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows:
            overlap = min(piece.bottom, row_bottom) - max(piece.top, row_top)
            if overlap > 0.5 * min(piece.bottom - piece.top, row_bottom - row_top):
                rows[-1].append(piece)
                row_top, row_bottom = min(row_top, piece.top), max(row_bottom, piece.bottom)
                continue
        rows.append([piece])
        row_top, row_bottom = piece.top, piece.bottom
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
