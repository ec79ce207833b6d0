"""Lines of text from positioned pieces (OCR boxes, OFD text objects), in reading order, and
the wrapped lines of a text layer that gives no positions (a PDF's) joined.

Fixed-layout pages wrap a paragraph over several lines; analysis wants one paragraph a line, as
in the .txt and .docx a unit sends. With positions (:func:`document_lines`), a line continues on
the next when it reaches its column's right margin and the next starts at the left margin, the
two the same size — not a centred title or a right-aligned signature, not before a heading
marker; pieces a gap wider than 1 em apart are cells of a table row; a page of two columns is
read column by column. Without positions (:func:`unwrap`), a line that fills the column the
text's lines share continues on the next, over a page break too."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import count, pairwise

from fzcheck.document import PICTURE
from fzcheck.reading.resegment import HEADING_START

_NEAR_MARGIN = 1.5  # line heights from the right margin: a wrapped line ends within this


@dataclass(frozen=True)
class Piece:
    top: float
    bottom: float
    left: float
    right: float
    text: str


def document_lines(pages: list[list[Piece]], join: bool = True) -> list[str]:
    """Each page's pieces grouped into visual lines (by vertical overlap), a page set in two
    columns read column by column, its page number and running header taken off as the PDF
    reader takes them off; then the wrapped lines of a paragraph joined, over a page break
    too. A line goes on with the next where it reaches its column's right margin and the next
    starts at the left margin, in the same size and with no blank line between: a title set
    centred, a signature or a date set right, a heading filling the line end their lines
    (the next paragraph's first line is indented). The right margin is the document's, so a
    last page of short lines is not taken for wrapped text."""
    columns = count(1)
    laid = _without_furniture([_laid_page(pieces, columns) for pieces in pages])
    if not join:
        return [line.text for lines in laid for line in lines]
    every = [line for lines in laid for line in lines]
    if not every:
        return []
    em = _body_size(every)
    frames = _frames(laid)
    blanks = _blank_lines(laid)
    out: list[str] = []
    before: _Line | None = None
    wrap: float | None = None  # where the paragraph's wrapped lines start, once one has
    for line in (line for lines in laid for line in lines):
        if before is not None and _continues(before, line, frames, em, blanks, wrap):
            out[-1] += (" " if _words(out[-1][-1:], line.text[:1]) else "") + line.text
            wrap = line.left
        else:
            out.append(line.text)
            wrap = None
        before = line
    return out


def _words(before: str, after: str) -> bool:
    """Whether a wrap stands between two words of Latin text (a space taken at the line's
    end), not inside a figure (1 / 856)."""
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


@dataclass(frozen=True)
class _Line:
    """A visual line: its text, box, font size (its pieces' median height), the page it is on
    and the column it was read in (0: the page's type area)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    page: int
    column: int
    cells: bool  # its pieces stand a column's gap apart: a table's row


_CELL_GAP = 1.0  # em: pieces of a line further apart are a table's cells (其他 0 | 总计 12)
_SPACED_GAP = 3.0  # em: the letters of a letter-spaced word (目　　录) stand at most so far apart
_GUTTER = 0.25  # em: the narrowest gutter between two columns
_COLUMN = 8.0  # em: the narrowest column
_COLUMN_ROWS = 4  # lines beside each other, at least, for a page set in columns
_SHORT = 3.0  # em: a line this short (a page number) may stand across a gutter
_AT_MARGIN = 1.0  # em: a wrapped line's next line starts this close to the left margin
_FROM_MARGIN = 2.5  # em: a wrapped line starts at the margin or a paragraph's indent
_SAME_SIZE = 1.25  # a line in a size this much larger is another paragraph (a title)


def _laid_page(pieces: list[Piece], columns: Iterator[int]) -> list[_Line]:
    """A page's visual lines in reading order (:func:`_in_columns`), each column numbered."""
    order = _in_columns(_restacked(visual_rows(pieces)))
    numbers = {side: next(columns) for side in sorted({side for _, side in order} - {0})}
    page = next(columns)
    return [_line(row, page, numbers.get(side, 0)) for row, side in order]


def reading_rows(pieces: list[Piece]) -> list[list[Piece]]:
    """A page's visual lines (:func:`visual_rows`) in reading order: a stretch of lines set in
    two columns read column by column (:func:`_in_columns`)."""
    return [row for row, _ in _in_columns(visual_rows(pieces))]


def _in_columns(rows: list[list[Piece]]) -> list[tuple[list[Piece], int]]:
    """``rows`` in reading order, each with its side: a stretch of lines set in two columns (a
    gutter no line crosses between them), the left column's, then the right's, each side
    numbered from 1 down the page; 0 for a line across the page."""
    order: list[tuple[list[Piece], int]] = []
    gutter = _gutter(rows)
    if gutter is None:
        return [(row, 0) for row in rows]
    stretch: list[list[Piece]] = []
    sides_seen = 0
    for row in [*rows, []]:
        if row and not _crosses(row, gutter):
            stretch.append(row)
            continue
        sides = _columns(stretch, gutter)
        if sides is None:
            order.extend((r, 0) for r in stretch)
        else:
            for side in sides:
                sides_seen += 1
                order.extend((r, sides_seen) for r in side)
        stretch = []
        if row:
            order.append((row, 0))
    return order


def _restacked(rows: list[list[Piece]]) -> list[list[Piece]]:
    """Rows with a figure wrapped in its narrow cell (101 set as 10 over 1, the row's other
    cells between the two lines) put back together, in the row between."""
    out: list[list[Piece]] = []
    k = 0
    while k < len(rows):
        if k + 2 < len(rows) and _wrapped_figure(*rows[k : k + 3]):
            upper, row, lower = _whole(rows[k]), rows[k + 1], _whole(rows[k + 2])
            joined = Piece(
                row[0].top,
                row[0].bottom,
                min(upper.left, lower.left),
                max(upper.right, lower.right),
                upper.text + lower.text,
            )
            out.append(sorted([*row, joined], key=lambda p: p.left))
            k += 3
        else:
            out.append(rows[k])
            k += 1
    return out


def _wrapped_figure(above: list[Piece], row: list[Piece], below: list[Piece]) -> bool:
    """Whether ``above`` and ``below`` are the two lines of a figure wrapped in a cell of
    ``row``: each a lone figure, one over the other a line apart, the row's middle between
    them and nothing else of the row in that cell."""
    if len(row) < 2 or not all(
        r[0].text[:1].isdigit() and _FIGURE.match(_join_row(r)[0]) for r in (above, below)
    ):
        return False
    upper, lower = _whole(above), _whole(below)
    size = upper.bottom - upper.top
    middle = (row[0].top + row[0].bottom) / 2
    return (
        abs((lower.bottom - lower.top) - size) <= 0.1 * size
        and lower.left < upper.right
        and upper.left < lower.right
        and 0 <= lower.top - upper.bottom <= size
        and upper.bottom <= middle <= lower.top + 0.5 * size
        and not any(
            p.left < max(upper.right, lower.right) and p.right > min(upper.left, lower.left)
            for p in row
        )
    )


_FIGURE = re.compile(r"\d[\d.,]*$")  # no cells: a figure set in one piece or several


def _whole(row: list[Piece]) -> Piece:
    """A line's pieces as one."""
    return Piece(
        min(p.top for p in row),
        max(p.bottom for p in row),
        row[0].left,
        max(p.right for p in row),
        _join_row(row)[0],
    )


def _line(row: list[Piece], page: int, column: int) -> _Line:
    text, cells = _join_row(row)
    return _Line(
        " ".join(text.splitlines()),
        min(p.left for p in row),
        max(p.right for p in row),
        min(p.top for p in row),
        max(p.bottom for p in row),
        _median([p.bottom - p.top for p in row]),
        page,
        column,
        cells,
    )


def _gutter(rows: list[list[Piece]]) -> tuple[float, float] | None:
    """The page's likeliest gutter: in its middle half, the widest stretch across which the
    fewest lines run (none, or a title over both columns; a line as short as a page number is
    not counted), widened to the text either side of it."""
    if len(rows) < _COLUMN_ROWS:
        return None
    em = _median([p.bottom - p.top for row in rows for p in row])
    spans = [_spans(row, em) for row in rows]
    flat = [span for row in spans for span in row]
    left, right = min(a for a, _ in flat), max(b for _, b in flat)
    low, high = left + (right - left) / 4, left + 3 * (right - left) / 4
    counted = [span for row in spans if row[-1][1] - row[0][0] >= _SHORT * em for span in row]
    events = sorted([(a, 1) for a, _ in counted] + [(b, -1) for _, b in counted])
    best: tuple[int, float, float, float] | None = None  # (lines across, -width, from, to)
    depth = 0
    for (x, step), (nxt, _) in pairwise([(low, 0), *events, (high, 0)]):
        depth += step
        a, b = max(x, low), min(nxt, high)
        if b > a and (best is None or (depth, a - b) < best[:2]):
            best = (depth, a - b, a, b)
    if best is None:
        return None
    _, _, a, b = best
    clear = [row for row in spans if not any(x < b and y > a for x, y in row)]
    a = max((y for row in clear for _, y in row if y <= a), default=a)
    b = min((x for row in clear for x, _ in row if x >= b), default=b)
    return (a, b) if b - a >= _GUTTER * em else None


def _spans(row: list[Piece], em: float) -> list[tuple[float, float]]:
    """The stretches of a line its pieces cover: pieces overlapping, or closer than the
    narrowest gutter (characters set on a fixed pitch, a few points apart, as Word's 文档网格
    sets them: each gap between two was a gutter no line crossed), merged."""
    out: list[tuple[float, float]] = []
    for p in row:  # sorted by left
        if out and p.left <= out[-1][1] + _GUTTER * em:
            out[-1] = (out[-1][0], max(out[-1][1], p.right))
        else:
            out.append((p.left, p.right))
    return out


def _crosses(row: list[Piece], gutter: tuple[float, float]) -> bool:
    return any(p.left < gutter[1] and p.right > gutter[0] for p in row)


def _columns(
    stretch: list[list[Piece]], gutter: tuple[float, float]
) -> list[list[list[Piece]]] | None:
    """The lines of a stretch no line crosses the gutter in, as two columns of lines, when
    they are two columns of text: three lines or more each, as wide as a column, a character
    or more apart (the left's lines end, a full stop hanging past aside, a clear space before
    the right's start: a line's words are never so far apart), their lines mostly running to
    their right margin (wrapped), and none a table's row (a table's label and figures leave a
    gutter too)."""
    if len(stretch) < _COLUMN_ROWS:
        return None
    pieces = [p for row in stretch for p in row]
    em = _median([p.bottom - p.top for p in pieces])
    sides = [
        visual_rows([p for p in pieces if p.right <= gutter[0]]),
        visual_rows([p for p in pieces if p.left >= gutter[1]]),
    ]
    ends: list[float] = []
    for side in sides:
        if len(side) < _COLUMN_ROWS - 1:
            return None
        lines = [_line(row, 0, 0) for row in side]
        margin, left = _right_margin(lines), _low([x.left for x in lines])
        ends.append(margin)
        full = sum(1 for x in lines if x.right >= margin - _NEAR_MARGIN * em)
        tables = sum(1 for x in lines if x.cells)
        if (
            margin - left < _COLUMN * em
            or full < max(2, 0.4 * len(lines))
            or tables > 0.2 * len(lines)
        ):
            return None
    if _low([min(p.left for p in row) for row in sides[1]]) - ends[0] < _CELL_GAP * em:
        return None
    return sides


def _without_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without their page numbers (— 1 —, 第1页, a bare number in step with the
    pages) and running headers and footers, found as the PDF reader finds them in its text;
    lines keep the text it gives them (no spaces between Chinese and digits)."""
    from fzcheck.reading.pdf import _drop_running_lines
    from fzcheck.reading.pdf import _page_lines as text_lines

    kept = text_lines(["\n".join(line.text for line in lines) for lines in pages])
    _drop_running_lines(kept)
    out: list[list[_Line]] = []
    for lines, texts in zip(pages, kept, strict=True):
        page: list[_Line] = []
        k = 0
        for line in lines:  # the kept texts are the lines' own, in order, some left out
            if k < len(texts) and "".join(texts[k].split()) == "".join(line.text.split()):
                page.append(replace(line, text=texts[k]))
                k += 1
        out.append(page)
    return out


@dataclass(frozen=True)
class _Frame:
    left: float
    right: float


def _frames(pages: list[list[_Line]]) -> dict[tuple[int, int], _Frame]:
    """Each page's type area, and each column's, by its lines: its left margin where most of
    its lines start (nine in ten start at it or further in), its right where most of its long
    lines end (a full stop hanging past the margin not counted; a short line is a heading's,
    a paragraph's last). A page's type area is the document's, moved with its left margin (a
    scan's pages shift)."""
    out: dict[tuple[int, int], _Frame] = {}
    area = [line for lines in pages for line in lines if not line.column]
    if area:
        left, right = _low([x.left for x in area]), _right_margin(area)
        for lines in pages:
            own = [x.left for x in lines if not x.column]
            shift = _low(own) - left if len(own) >= _COLUMN_ROWS else 0.0
            for line in lines:
                out[(line.page, 0)] = _Frame(left + shift, right + shift)
    columns: dict[tuple[int, int], list[_Line]] = {}
    for lines in pages:
        for line in lines:
            if line.column:
                columns.setdefault((line.page, line.column), []).append(line)
    for key, lines in columns.items():
        out[key] = _Frame(_low([x.left for x in lines]), _right_margin(lines))
    return out


def _right_margin(lines: list[_Line]) -> float:
    """Where most of the long lines end: those reaching over half way from the left margin to
    the furthest line end."""
    ends = [_inner_right(x) for x in lines]
    half = (_low([x.left for x in lines]) + max(ends)) / 2
    return _median([end for end in ends if end >= half])


def _inner_right(line: _Line) -> float:
    """Where a line's text ends, a last punctuation mark (hanging past the margin, 标点悬挂)
    not counted."""
    return line.right - line.size if line.text.endswith(_HANGING) else line.right


_HANGING = tuple("，。、；：！？）》”’")


def _body_size(lines: list[_Line]) -> float:
    """The size most of the text is set in (a table's smaller size holds fewer characters)."""
    sizes = sorted((line.size, len(line.text)) for line in lines)
    half, seen = sum(n for _, n in sizes) / 2, 0
    for size, n in sizes:
        seen += n
        if seen >= half:
            return size
    return sizes[-1][0]


def _blank_lines(pages: list[list[_Line]]) -> dict[float, float]:
    """For each size lines are set in (to a tenth of a millimetre, or pixel), the space
    between two lines of a paragraph in it, and some: more stands for a blank line (or a
    paragraph's spacing) between them. From lines of one size, one under the other in a
    column."""
    gaps: dict[float, list[float]] = {}
    for lines in pages:
        for a, b in pairwise(lines):
            if a.column == b.column and b.top > a.top and abs(a.size - b.size) <= 0.1 * a.size:
                gaps.setdefault(round(a.size, 1), []).append(b.top - a.bottom)
    return {size: _median(g) + 0.6 * size for size, g in gaps.items() if len(g) >= 3}


def _continues(
    a: _Line,
    b: _Line,
    frames: dict[tuple[int, int], _Frame],
    em: float,
    blanks: dict[float, float],
    wrap: float | None,
) -> bool:
    """Whether line ``b`` goes on with line ``a``, the line read before it (``wrap``: where
    the lines ``a`` went on from start, when it did)."""
    if a.cells or b.cells or (HEADING_START.match(b.text) and not _DECIMAL.match(b.text)):
        return False
    if max(a.size, b.size) > _SAME_SIZE * min(a.size, b.size):
        return False
    blank = blanks.get(round(a.size, 1))
    if (a.page, a.column) == (b.page, b.column) and blank is not None and b.top - a.bottom > blank:
        return False
    fa, fb = frames[(a.page, a.column)], frames[(b.page, b.column)]
    size = max(a.size, b.size)
    # a title in a title's size set over two lines, each centred
    if (
        a.page == b.page
        and a.size > 1.15 * em
        and "。" not in a.text
        and b.top - a.bottom < a.size
        and all(abs(x.left + x.right - f.left - f.right) <= 3 * size for x, f in ((a, fa), (b, fb)))
    ):
        return True
    if a.right < fa.right - _NEAR_MARGIN * size or a.left > fa.left + _FROM_MARGIN * size:
        return False
    if b.left <= fb.left + _AT_MARGIN * size:
        return True
    # a list item set with a hanging indent (1.深化… / its next lines under 深化)
    hanging = a.left + _em(m.group()) * a.size if (m := _LIST_MARKER.match(a.text)) else wrap
    return fa == fb and hanging is not None and abs(b.left - hanging) <= 0.5 * size


_LIST_MARKER = re.compile(r"\s*(?:\d+[.．、]|[（(][\d一二三四五六七八九十]+[)）])")
_DECIMAL = re.compile(r"\s*\d+\.\d")  # 12.6万元 opens no heading 12.


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _low(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.1 * (len(ordered) - 1))]


# A table row ends in a figure after white space (…申请数量   95   0   12): it is not prose that
# wraps, and the next row is not its continuation.
_CELL_END = re.compile(r"\s-?\d+(?:\.\d+)?\s*$")
_INDENT = 2.0  # em: a paragraph's first-line indent
_STOPS = tuple("。；;！!？?：:")
_SENTENCE_STOP = re.compile(r"[。；;！!？?,，]")
# a sentence's end, or a clause's in it: a heading's rest on the next line (…第一责任人 / 职责，
# 加强法治政府建设的有关情况) may hold a comma, never one of these
_CLAUSE_STOP = re.compile(r"[。；;！!？?]")
# a page's last line ending so ends its paragraph (the next page may open with the signature);
# one ending in ；or ，goes on over the break (…的问题； / 二是…)
_PARAGRAPH_ENDS = tuple("。！!？?：:")
_ENUMERATION = re.compile(r"\s*[一二三四五六七八九十]是")  # 一是…二是…: points inside a paragraph
_MIN_COLUMN = 12  # em: narrower "columns" are lists of short lines (headings, a signature)
_OVER = 2.0  # em a column's line may seem wider than the column (estimated widths)


_ADDRESS = ("：", ":")


def _unjoined(line: str) -> bool:
    return line == PICTURE or " | " in line


def is_row(line: str) -> bool:
    """Whether ``line`` is a table's row (its last cell a value, or cells joined by " | ") or a
    picture's place: joined to no other line."""
    return _CELL_END.search(line) is not None or _unjoined(line)


# a line's place on its page, by its text: where it starts, how wide it is and its characters'
# size (None: no Chinese character in it), in em (the width of the page's Chinese characters)
Places = dict[str, tuple[float, float, float | None]]


def unwrap(pages: list[list[str]], places: list[Places] | None = None) -> list[list[str]]:
    """Each page's lines of a text layer, which gives no positions (a PDF's), with a
    paragraph's wrapped lines joined. A line's width is estimated in em (a CJK or full-width
    character 1, any other 0.5: Chinese typesetting wraps by width, not by count). The column's
    width is the widest that many lines share (a paragraph's wrapped lines all fill it; a title,
    a heading, a paragraph's last line each have their own); a line that fills it continues on
    the next, as in :func:`document_lines`, unless the next opens with a heading marker or
    either is a table row. A text whose lines share no width is not taken for wrapped text.
    ``places``, each page's lines' (start, width, size) in em where the text layer's characters
    were placed: the widths measured (a writer spaces digits from Chinese, and squeezes
    adjacent punctuation), and a line indented from the lines on either side of it (a
    paragraph's first-line indent) or set in another size (a title's, over the text's) opens a
    paragraph, the line before filling the column or not."""
    # per line: its width, whether it is a table row, and where it starts (when placed)
    # (a picture's place is joined to no line, as a row is not; nor a ruled table's row, its
    # cells joined by " | ")
    measured = _set_in(
        [
            [_measured(line, at) for line in lines]
            for lines, at in zip(pages, places or [{} for _ in pages], strict=True)
        ]
    )
    prose = [w for page in measured for _, w, row, *_ in page if w >= _MIN_COLUMN and not row]
    column = _column(prose)
    if column is None:
        return pages
    full = column - _NEAR_MARGIN
    out: list[list[str]] = []
    started = False  # a sentence has ended: the title and the addressee are behind
    heading = False  # the last line read opens a heading (一、…) and is no more of it yet
    joinable = False  # the last line read fills the column: its paragraph goes on, on the
    # next page too (a page break cut 第一责 / 任人职责, the page number between them gone)
    start: float | None = None  # where the last line read starts, and its size, when placed
    last_size: float | None = None
    opening: float | None = None  # where the paragraph's first line starts, when placed
    for page in measured:
        joined: list[str] = []
        for line, width, row, left, size, set_in in page:
            before = joined if joined else next((p for p in reversed(out) if p), None)
            # a line opening with a heading's marker opens a heading, unless the line before
            # filled the column cut mid-sentence, no heading itself, and the line reads on as
            # a sentence, no short heading (…全县统 / 一、规范、高效的…: the wrap fell before a word
            # that reads as a number; 98. / 6% the same)
            marked = HEADING_START.match(line) is not None
            cut = before is not None and not before[-1].rstrip().endswith(_STOPS) and not heading
            titled = width < full and not _SENTENCE_STOP.search(line)
            continued = joinable and not row and (not marked or (cut and not titled))
            # the document's first line is its title: a wrapped title goes on with more of it,
            # not with sentences (本报告根据…编制。 under a title as wide as the column)
            # nor with the addressee under it (县委、县政府：)
            continued = continued and not (
                not out and len(joined) == 1 and ("。" in line or line.rstrip().endswith(_ADDRESS))
            )
            # over a page break, only a line cut mid-sentence goes on (one ending 。 may just
            # fill the column, and the next page open with the signature)
            if not joined and before is not None and before[-1].rstrip().endswith(_PARAGRAPH_ENDS):
                continued = False
            # a sentence ended at the margin, then a short line with no sentence in it: a
            # heading with no number (存在的不足和原因) or the signer's name, not more of it
            if (
                continued
                and before is not None
                and before[-1].rstrip().endswith(_STOPS)
                and width < full
                and not _SENTENCE_STOP.search(line)
            ):
                continued = False
            # a heading that fills the column (indented as a paragraph, 一、2025年度推进…工作成效)
            # goes on with the rest of its words, not with its section's first sentence, nor
            # with a line as wide as the column (a paragraph's first line, wrapped)
            if continued and heading and (_CLAUSE_STOP.search(line) or width >= full - _INDENT):
                continued = False
            # indented by a paragraph's first-line indent from the line before: a paragraph
            # (the one before ended at the margin), not a centred title's next line
            # (a hanging indent sets its lines in from an item's first one, and they stay so;
            # an item's line cut mid-sentence runs on whatever comes under it)
            ended = before is not None and before[-1].rstrip().endswith(_STOPS)
            opened = _indented(left, start) and set_in and ended
            continued = continued and not opened and _same_size(size, last_size)
            start, last_size = left, size
            if not continued:
                opening = left  # where its paragraph's first line starts
            # a line of a hanging indent reaches as far as its item's first line: it is as wide
            # as that less the indent
            hang = _hang(left, opening) if continued else 0.0
            if continued and before is not None:
                before[-1] += joint(before[-1], line.lstrip()) + line.lstrip()
            else:
                joined.append(line)
            # (a heading alone: an item's heading that runs on into its text, （一）加强组织领导。
            # 局党组书记…, is a paragraph, as is one opening 一是… or listing things with 、)
            opens = None if continued else HEADING_START.match(line)
            heading = (
                opens is not None
                and not _SENTENCE_STOP.search(line)
                and not _ENUMERATION.match(line)
                and "、" not in line[opens.end() :]  # 全面推行A、B、C…: a paragraph's list
            )
            # a paragraph's first line is indented two characters (首行缩进), which a text
            # layer's lines do not show: it fills the column two em short of the others (before
            # any sentence has ended, one with a comma in it: a title has none)
            first = (
                (started or _SENTENCE_STOP.search(line) is not None or set_in)
                and not continued
                and not line.rstrip().endswith(_STOPS)
            )
            # a line far wider than the column is not one of its lines (a title, a row)
            fills = full <= width + hang + (_INDENT if first else 0.0) and width <= column + _OVER
            joinable = fills and not row
            # (or the addressee, 县委、县政府：, is: the first paragraph's indented line comes next)
            started = started or "。" in line or line.rstrip().endswith(_ADDRESS)
        out.append(joined)
    return out


_Measured = tuple[str, float, bool, float | None, float | None]  # text, width, row, start, size


def _measured(line: str, places: Places) -> _Measured:
    at = places.get(line)
    estimated = _em(line)
    if at is None:
        return line, estimated, is_row(line), None, None
    # a width far from the text's own, in the line's own size (characters a page apart, a few
    # spaces put in for the gap), is not the width of a line of text
    own = at[1] / at[2] if at[2] else at[1]
    near = abs(own - estimated) <= _MEASURED_OFF * estimated + _INDENT
    return line, at[1] if near else estimated, is_row(line), at[0], at[2]


_MEASURED_OFF = 0.25  # of a line's estimated width: how far its measured width may be off


_PARAGRAPH_INDENT = (1.0, 3.5)  # em: how far a paragraph's first line is set in


def _set_in(pages: list[list[_Measured]]) -> list[list[tuple[*_Measured, bool]]]:
    """Each line with whether it is set in from the line after it by a first-line indent (its
    paragraph's first line, on to the next page too): placed lines only."""
    starts = [line[3] for page in pages for line in page]
    after = iter([*starts[1:], None])
    return [[(*line, _indented(line[3], next(after))) for line in page] for page in pages]


def _same_size(size: float | None, other: float | None) -> bool:
    """Whether two lines' characters are of one size (either not placed: as far as is known)."""
    return size is None or other is None or abs(size - other) <= _SIZE_APART * max(size, other)


_SIZE_APART = 0.15  # of a line's size: lines further apart in size are set in two sizes


def _hang(left: float | None, opening: float | None) -> float:
    """How far a paragraph's line starting at ``left`` is set in from its first line starting
    at ``opening`` by a hanging indent (0 when not, or not placed)."""
    if left is None or opening is None or not 0.0 < left - opening <= _PARAGRAPH_INDENT[1]:
        return 0.0
    return left - opening


def _indented(left: float | None, other: float | None) -> bool:
    """Whether a line starting at ``left`` is set in by a paragraph's first-line indent from
    one starting at ``other`` (both placed)."""
    if left is None or other is None:
        return False
    return _PARAGRAPH_INDENT[0] <= left - other <= _PARAGRAPH_INDENT[1]


_WRAPPED_SHARE = 0.5  # of a text's long lines at one width: a hard-wrapped text's
_WRAPPED_LINES = 6  # lines at least at that width
_HALF_WIDTH_MORE = 7  # characters more than the commonest count a line of that width may hold


def hard_wrapped(lines: list[str]) -> bool:
    """Whether a plain text's lines were cut at one width (copied from a PDF viewer, saved by
    an editor wrapping at a column): most of its long lines share a width. A text a paragraph
    a line has paragraphs of every length, sharing none."""
    # counted in characters first, by C-level counting: most texts stop here, cheaply (a line
    # of the column's width holds more characters the more digits and Latin it has, each half
    # an em: 32 em of 2025年办理1856件… are 36 characters)
    counted = Counter(map(len, lines))
    lengths = {n: k for n, k in counted.items() if n >= _MIN_COLUMN}
    long = sum(lengths.values())
    if long < _WRAPPED_LINES:
        return False
    top = max(lengths, key=lengths.__getitem__)
    near = sum(lengths.get(n, 0) for n in range(top - 2, top + _HALF_WIDTH_MORE))
    if near < _WRAPPED_SHARE * long:
        return False
    widths = Counter(round(w) for w in map(_em, lines) if w >= _MIN_COLUMN)
    if not widths:  # long in characters, narrow in ems: Latin and digits (2026-02-10 15:38:00)
        return False
    top = max(widths, key=widths.__getitem__)
    near = sum(widths[w] for w in (top - 1, top, top + 1))
    return near >= _WRAPPED_LINES and near >= _WRAPPED_SHARE * sum(widths.values())


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


def joint(before: str, after: str) -> str:
    """What stood at a wrap: nothing in Chinese, the space between two words in Latin text
    (ignore previous / instructions); nothing inside a number a wrap cut (共受理1 / 856件)."""
    a, b = before[-1:], after[:1]
    if a.isdigit() and b.isdigit():
        return ""
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""


def _em(line: str) -> float:
    """The width of ``line`` in em, estimated: U+2E80 onwards (CJK, full-width forms) 1, and
    the marks a Chinese font sets as wide (“ ” ‘ ’ — … ·: a line of quotations fills the
    column at fewer characters)."""
    wide = sum(1 for c in line if c >= "\u2e80" or c in _WIDE_MARKS)
    return wide + 0.5 * (len(line.strip()) - wide)


_WIDE_MARKS = frozenset("\u201c\u201d\u2018\u2019\u2014\u2026\u00b7")


def visual_rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into visual lines: each with the line's first piece (its topmost) it
    overlaps by half its height or more. Measured against that piece, not the line as it grows:
    a table's header of names set over two and three lines (商业企 / 业, 社会 / 公益 / 组织)
    chained into one line of fragments, 商业企科研社会公益."""
    rows: list[list[Piece]] = []
    row_top = row_bottom = 0.0  # the line's first piece's extent
    for piece in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows:
            overlap = min(piece.bottom, row_bottom) - max(piece.top, row_top)
            if overlap > 0.5 * min(piece.bottom - piece.top, row_bottom - row_top):
                rows[-1].append(piece)
                continue
        rows.append([piece])
        row_top, row_bottom = piece.top, piece.bottom
    for row in rows:
        row.sort(key=lambda p: p.left)
    return rows


def _join_row(row: list[Piece]) -> tuple[str, bool]:
    """A line's text from its pieces, and whether it is a table's row: pieces further apart
    than a character (and a bit) are cells, `` | `` between them, however narrow the columns;
    closer ones (a run of text set in pieces, one a character for some writers) are one text.
    The letters of a letter-spaced word (目　　录, 合　　计: single characters evenly apart)
    are a word, not cells."""
    spaced = _letter_spaced(row)
    if _MARKER.match(row[0].text):
        spaced.add(1)  # 一、 and a tab, as Word sets a heading's automatic number: no cell
    text, cells = row[0].text, False
    for k, (prev, piece) in enumerate(pairwise(row), 1):
        em = max(prev.bottom - prev.top, piece.bottom - piece.top, 1e-6)
        gap = piece.left - prev.right
        if gap > _CELL_GAP * em and (k not in spaced or gap > _SPACED_GAP * em):
            text, cells = text + " | ", True
        text += piece.text
    return text, cells


# a heading's or a list item's number alone (一、 （一） 1. 第一章), its text after a tab
_MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]"
    r"|第[一二三四五六七八九十]+[部章节条])\s*$"
)


def _letter_spaced(row: list[Piece]) -> set[int]:
    """The pieces of ``row`` (by index) that follow the letter before them in a letter-spaced
    word: single Chinese characters at equal gaps of up to a few em, three or more of them, or
    two opening the line (合　　计, a row's label; 主　任)."""
    out: set[int] = set()
    start = 0
    while start < len(row) - 1:
        end = start
        if _single(row[start]):
            em = row[start].bottom - row[start].top
            first = row[start + 1].left - row[start].right
            while (
                end + 1 < len(row)
                and _single(row[end + 1])
                and abs(row[end + 1].left - row[end].right - first) <= 0.25 * em
                and first <= _SPACED_GAP * em
            ):
                end += 1
            if end - start >= 2 or (end > start and start == 0):
                out.update(range(start + 1, end + 1))
        start = max(end, start + 1)
    return out


def _single(piece: Piece) -> bool:
    return len(piece.text) == 1 and piece.text >= "\u2e80"
