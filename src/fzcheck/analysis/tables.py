"""Statistical tables read from the text, by the rubric's table templates.

Readers give tables as lines: a Word or web table row becomes ``a | b | c`` (empty cells kept
as empty), a PDF's layout text keeps its columns aligned with spaces. A template names a
table's rows (each found by a cue in its label text, in the template's order) and columns; a
line ending in values is a table row, its label is its own text plus the text since the last
row (labels wrap). Values are assigned to columns one to one when the row has them all — in the
order the header above the first row names the columns (总计 first, or any), else the
template's — else by where they stand under the columns of complete rows (layout text). A
header whose order is not the template's but cannot be told, a row whose values cannot be
placed, or digits run together with no separator make the table unreadable — never an
arithmetic error. An empty cell is blank, not zero. A page crawled cell by cell (each cell its
own line: label, then one value a line) is read as rows of the values that follow a label; its
blank cells are gone, so a row with fewer values than columns is unreadable there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise
from typing import Literal
from unicodedata import east_asian_width

from fzcheck.analysis.patterns import rx
from fzcheck.document import PICTURE, Document
from fzcheck.reading.pages import PAGE_NUMBER
from fzcheck.rubric.model import TableColumn, TableRow, TableTemplate

Status = Literal["read", "unreadable", "absent"]
# 1280, 1,280 (Excel's), or with its unit as some units type it in every cell (30件, 12.5万元)
_UNITS = "件|个|条|项|次|人次|万元|元"
# a footnote's mark after the number (30*, 40①, 40(注)) is not part of the value, and no reason
# to take the cell for a label (the row's values then went to the next row's label)
_NOTE_SIGNS = "*＊※†‡" + "".join(map(chr, range(ord("①"), ord("⑳") + 1)))
_NOTE_MARK = rf"(?:[{re.escape(_NOTE_SIGNS)}]|\((?:注|\d)\))"
# 1,234 as Excel writes it; 1 234 in a cell of its own (a space between groups of three): a row
# split at white space (PDF layout text) never has a space inside a value
_VALUE = re.compile(
    rf"^(-?(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+)(?:\.\d+)?)(?:{_UNITS})?{_NOTE_MARK}?$"
)
_UNIT = re.compile(rf"^(?:{_UNITS})$")
_GROUPING = re.compile(r"[, \u00a0]")
# A cell filled with a dash, a slash or 无 (— - / ／ 无) stands for "none": a value (0 in the sums), not
# the end of the row's values.
_NONE_SIGNS = "-—–－‐/／无"
_PLACEHOLDER = re.compile(f"^[{re.escape(_NONE_SIGNS)}]+$")
_SPACE = re.compile(r"\s+")
_SENTENCE_STOP = re.compile(r"[。;!?]")  # the analysis view: ；！？ folded
# A row label's own number, opening a line: 2. / 2、 / (二) / 三、 (the analysis view: （） folded)
_ROW_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
)
_RULE_CHARS = frozenset(" \t|:-")
MIN_ROW_SHARE = 0.6  # of a template's required rows, found with all their values
WINDOW = 8  # rows looked ahead for a label's cue: a skipped row is rare, a wrong one costly


@dataclass(frozen=True)
class Cell:
    row: str
    col: str
    value: float | None  # None: the cell is blank
    text: str  # as printed
    line: int  # 0-based line of the document
    start: int  # offsets in that line
    end: int


@dataclass
class TableRead:
    template: TableTemplate
    status: Status
    reason: str | None = None
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    row_lines: dict[str, int] = field(default_factory=dict)  # row id -> 0-based line
    first_line: int | None = None
    last_line: int | None = None
    other_form: str | None = None  # another format's column name its header has: left unread

    def value(self, row: str, col: str) -> Cell | None:
        return self.cells.get((row, col))


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    line: int | None = None  # its own line, when cells stand one a line (else the row's)


# A row as read: its line, the line's text, and (label, values) when it ends in values.
_Row = tuple[int, str, tuple[str, list[_Token]] | None]


def split_row(line: str) -> tuple[str, list[_Token]] | None:
    """(label, trailing value tokens) when ``line`` ends in values; rows with cell borders (|,
    or the tabs a table copied out of a browser or Word keeps) keep blanks (a row's cells may
    all be blank)."""
    if "|" in line and "---" in line and _RULE_CHARS.issuperset(line):
        return None  # | --- | :---: |, under a Markdown table's header: no values
    bordered = _border_cells(line)
    if bordered is not None:
        return _cells_row(*bordered)
    spans = _with_units([(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", line)])
    k = len(spans)
    while k > 0 and _is_value(spans[k - 1][0]):
        k -= 1
    if k == len(spans):
        return None
    label = line[: spans[k][1]] if k < len(spans) else line
    return label, [_Token(t, a, b) for t, a, b in spans[k:]]


def _border_cells(line: str) -> tuple[list[str], list[int]] | None:
    """The cells of a row with cell borders (| or tabs) and their offsets in ``line``; None for
    a line without borders (layout text, its columns kept by spaces)."""
    if "|" in line:
        body = line.strip()
        if body.startswith("|"):  # | a | b |: the outer pipes close the row; a | b | : the
            body = body[1:].removesuffix("|")  # last cell is empty (Word's rows are joined so)
        cells = body.split("|")
        pos = line.index("|") if line.strip().startswith("|") else 0
        offsets = []
        for cell in cells:
            at = line.find(cell, pos)
            offsets.append(at)
            pos = at + len(cell)
        return cells, offsets
    if "\t" in line and (line.count("\t") >= 2 or line.rstrip(" ").endswith("\t")):
        # every tab a border, at the line's start and end too: two tabs are an empty cell
        cells = line.rstrip(" ").split("\t")
        return cells, list(accumulate((len(c) + 1 for c in cells[:-1]), initial=0))
    return None


_ROW_TAIL = 200  # the values are at the end: a split of a whole long line is not needed
_MIN_BLANK_CELLS = 3
# what a row's last value ends with: a digit, a unit (30件, 12.5万元), a dash or slash for none,
# a footnote's mark (40①, 40(注))
_VALUE_ENDS = frozenset(
    "0123456789" + "".join(u[-1] for u in _UNITS.split("|")) + _NONE_SIGNS + _NOTE_SIGNS + ")"
)


def table_row(line: str) -> tuple[str, list[_Token]] | None:
    """``line`` split as a statistical table's row (一、本年新收…申请数量   95   0   0 …,
    | 30 | 6 |, 30件 6件) when it is one: it ends in two values or more (or in blank cells
    between borders), as a table is read — never a heading, whatever marker its label starts
    with, and never the narrative. Only its values are whole for a long line without borders."""
    if "|" in line or "\t" in line:
        row = split_row(line)
    else:
        tail = line.rstrip()
        if not tail or tail[-1] not in _VALUE_ENDS:  # a test before the split: most lines
            return None
        row = split_row(tail[-_ROW_TAIL:])
    if row is None or len(row[1]) < 2:
        return None
    # blank cells only: a row of a table left empty has several (a heading typed with two
    # trailing tabs is no row)
    return row if any(v.text for v in row[1]) or len(row[1]) >= _MIN_BLANK_CELLS else None


def is_table_row(line: str) -> bool:
    return table_row(line) is not None


def _remark_after_values(cells: list[str]) -> bool:
    """Whether a row's last cell is a remark (2023年12月受理2件, 均已办结) after two values at
    least: a column a unit adds (备注), whose words and figures are no value of the table's."""
    last = cells[-1].strip() if cells else ""
    return (
        len(cells) > 3
        and bool(last)
        and not _is_value(last)
        and all(c.strip() and _is_value(c.strip()) for c in cells[-3:-1])
    )


def _cells_row(cells: list[str], offsets: list[int]) -> tuple[str, list[_Token]] | None:
    """(label, trailing value tokens) of a row whose cells (at ``offsets``) are known."""
    values: list[_Token] = []
    if _remark_after_values(cells):  # a unit's 备注 column: no value, nor the label
        cells, offsets = cells[:-1], offsets[:-1]
    k = len(cells)
    while k > 0 and (_is_value(cells[k - 1].strip()) or not cells[k - 1].strip()):
        k -= 1
    if k == len(cells):
        return None
    for cell, at in zip(cells[k:], offsets[k:], strict=True):
        text = cell.strip()
        start = at + (len(cell) - len(cell.lstrip()))
        values.append(_Token(text, start, start + len(text)))
    label = "".join(cells[:k])
    if not any(v.text for v in values) and not label.strip() and len(values) < 2:
        return None  # a row of blanks only (table 四 of a unit with no cases) is a row
    return label, values  # its cells may all be blank: a row of blanks, or a label's


def _with_units(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The line's words with a unit set apart from its number (45 件) joined to it: one value —
    in a row of values (two numbers at least). A sentence's one count (公开行政许可事项 1200 件, as
    PDF text spaces it) stays words: read as a value it filled a table's cell."""
    if sum(1 for text, _, _ in spans if text[:1].isdigit()) < 2:
        return spans
    out: list[tuple[str, int, int]] = []
    for text, a, b in spans:
        if out and _UNIT.match(text) and _VALUE.match(out[-1][0]) and out[-1][0][-1].isdigit():
            out[-1] = (out[-1][0] + text, out[-1][1], b)
        else:
            out.append((text, a, b))
    return out


def _is_value(text: str) -> bool:
    """A cell's text is a value: a number (with its unit), or a dash or slash for none."""
    return bool(_VALUE.match(text) or _PLACEHOLDER.match(text))


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


# A heading's line and what the outline read of it: (level, the heading's own text)
Headings = Mapping[int, tuple[int, str]]


def _region(
    doc: Document, template: TableTemplate, body: range, headings: Headings, after: int
) -> range | None:
    """The lines between the section heading that holds the table and the next one. A top-level
    heading is taken before a sub-heading and a sub-heading before a sentence: the overview's
    （二）收到和处理政府信息公开申请情况 or a sentence naming 行政复议、行政诉讼 is not the section.
    A sentence only from line ``after`` on: one in the overview (全年未发生行政复议案件) is not
    where a table stands that the format sets after the tables read before it."""
    start = _first(doc, template.section, body, headings, after=after)
    if start is None:
        return None
    end = _first(doc, template.until, range(start + 1, body.stop), headings, sentences=False)
    return range(start, body.stop if end is None else end)


def _first(
    doc: Document,
    pattern: str,
    lines: range,
    headings: Headings,
    sentences: bool = True,
    after: int = 0,
) -> int | None:
    """The first line of ``lines`` whose heading matches ``pattern`` — a top-level heading
    first, then any from line ``after`` on — matched on the heading's own text (一、总体情况。…被申请行政复议4件 is the
    overview, whatever its line goes on to say); else the first line matching anywhere — but
    for the end of a table's region (``sentences`` false) never a line of the text around
    the tables: the sentence 未收到政府信息公开申请。 opening a section on both kinds of
    disclosure is no end of its first table, the next table's caption or row is."""
    cue = rx(pattern)
    named = [i for i in lines if i in headings and cue.search(_compact(headings[i][1]))]
    top = min((level for level, _ in headings.values()), default=0)
    # a sub-heading only from ``after`` on, as a sentence: the overview's （五）行政复议和行政诉讼
    # 情况 above tables 二 and 三 is no place for table 四 (read from there, their rows were
    # taken for its values and a report without table 四 was said to hold it, unreadable)
    heading = next((i for i in named if headings[i][0] == top), None)
    if heading is None:
        heading = next((i for i in named if i >= after), None)
    if heading is not None:
        return heading
    return next(
        (
            i
            for i in range(max(lines.start, after), lines.stop)
            if cue.search(_compact(doc.analysis[i])) and (sentences or _ends_a_region(doc, i))
        ),
        None,
    )


def _ends_a_region(doc: Document, i: int) -> bool:
    """Line ``i`` may end a table's region: a table's row (its label cell), or a caption or a
    heading the outline did not take — any line but a sentence of the text (a stop, or a
    comma: a paragraph wrapped by a PDF's layout ends a line before its stop)."""
    line = doc.analysis[i]
    return is_table_row(line) or not (_SENTENCE_STOP.search(line) or "," in line)


def read_table(
    doc: Document,
    template: TableTemplate,
    body: range,
    headings: Headings | None = None,
    anywhere: bool = False,
    after: int = 0,
) -> TableRead:
    """``headings``: the outline's, by line, for finding the section. ``anywhere``: with no
    line naming the section, the table may stand from the start of ``body`` (an attachment of
    tables labelled 附表1 alone) up to the next section's. ``after``: see ``_region``."""
    region = _region(doc, template, body, headings or {}, after)
    if region is None and anywhere:
        end = _first(doc, template.until, body, headings or {}, sentences=False)
        region = range(body.start, body.stop if end is None else end)
    if region is None:
        return TableRead(template, "absent", "报告中没有这一节")
    table = _read_rows(doc, template, region)
    if table.status == "unreadable" and template.pieces:
        return _read_in_pieces(doc, template, region) or table
    if table.status == "unreadable" and (across := _rows_across(doc, template, region)):
        # whatever row the read failed at, the cause is the table's layout: say that
        table.reason = f"表格行列颠倒（{across}），未按模板读取"
    return table


_ACROSS_MIN = 3  # names placed the other way: a table printed with its rows as columns


def read_again(
    doc: Document, table: TableRead, body: range, headings: Headings | None = None
) -> TableRead | None:
    """A second table of ``table``'s template in the same section, after it (a county
    government's 本级 table, then its 全县汇总): read as the first was, None if there is none.
    Its sums are checked too — left alone, an error in it went unseen."""
    if table.status != "read" or not table.row_lines or table.first_line is None:
        return None
    region = _region(doc, table.template, body, headings or {}, table.first_line)
    stop = body.stop if region is None else region.stop
    start = max(table.row_lines.values()) + 1
    while start < stop and not doc.analysis[start].strip():
        start += 1  # from its caption (（二）全县汇总), the line its messages name
    rest = range(start, stop)
    if len(rest) < len(table.row_lines):
        return None
    again = _read_rows(doc, table.template, rest)
    return again if again.status == "read" else None


def _rows_across(doc: Document, template: TableTemplate, region: range) -> str | None:
    """Why the table reads as printed transposed, its rows as columns (自然人 | 16 | 1 | … down
    the side, 一、本年新收 | 二、上年结转 | … across the top): three of the template's row names
    in the cells of one line, or three of its column names each opening a line of values. None
    when neither is there."""
    rows = [r for r in template.rows if r.cue]
    columns = {_compact(c.name): c.name for c in template.columns}
    opening: list[str] = []  # column names that open a row of values
    for i in region:
        cells = _border_cells(doc.analysis[i])
        if cells is None:
            continue
        texts = [_compact(c) for c in cells[0] if c.strip()]
        named = [next((r.name for r in rows if rx(str(r.cue)).search(t)), None) for t in texts]
        across = list(dict.fromkeys(n for n in named if n))
        if len(across) >= _ACROSS_MIN:
            return "".join(f"“{n}”" for n in across[:_ACROSS_MIN]) + "等行名排在同一行的各格"
        if texts and texts[0] in columns and named[0] is None and len(texts) > 2:
            opening.append(columns[texts[0]])
    opening = list(dict.fromkeys(opening))
    if len(opening) >= _ACROSS_MIN:
        return "".join(f"“{n}”" for n in opening[:_ACROSS_MIN]) + "等列名各起一行"
    return None


def _read_in_pieces(doc: Document, template: TableTemplate, region: range) -> TableRead | None:
    """The template's one row printed in pieces (行政复议 | 2 | 1 | 0 | 1 | 4, then 未经复议直接起诉
    | …): each piece's values follow on in column order, under a label naming the block its
    first column opens (the first word of that column's name). None unless the pieces fill
    the columns exactly so — a table printed otherwise (transposed) stays unreadable."""
    columns = template.columns
    placed: list[_Token] = []
    pending = ""
    heads: list[int] = []  # the lines of the label text since the last piece
    for i, line, parsed in _rows(doc, region, template):
        if parsed is None:
            pending = _pending_label(pending, line)
            heads.append(i)
            continue
        label, values = parsed
        # a piece with blank cells, its values under the names of the line above (layout text)
        values = _under_names(doc, heads, line, values, columns[len(placed) :]) or values
        if len(placed) + len(values) > len(columns):
            return None
        block = columns[len(placed)].name.split()[0]
        if block not in _label(pending, label):
            return None
        placed += [v if v.line is not None else replace(v, line=i) for v in values]
        pending, heads = "", []
    if len(placed) != len(columns):
        return None
    row = template.rows[0].id
    table = TableRead(template, "read", first_line=region.start, last_line=region.stop - 1)
    first = placed[0].line  # every placed value has its own line (the cell takes it)
    table.row_lines[row] = region.start if first is None else first
    for col, tok in zip(columns, placed, strict=True):
        table.cells[(row, col.id)] = _cell(row, col.id, tok, region.start)
    return table


_NAMES_ABOVE = 3  # label lines above a piece searched for the line naming its columns


def _under_names(
    doc: Document,
    heads: Sequence[int],
    line: str,
    values: Sequence[_Token],
    columns: Sequence[TableColumn],
) -> list[_Token] | None:
    """A piece's values (``line``'s) with its blank cells put back, each value in the column
    whose name stands over it on the nearest of the label lines ``heads`` that names the next
    columns in order, each whole (结果维持 结果纠正 其他结果 尚未审结 总计 over 2  1     1  4): a
    table 四 of layout text whose blank cells left fewer values than names. None when no line
    names more columns than there are values, or a value stands under no name
    (:func:`_placed_under`)."""
    if not line or any(v.line is not None for v in values):
        return None  # cells one a line: where a value stands is no column's
    names = [c.name.split()[-1] for c in columns]
    for j in list(reversed(heads))[:_NAMES_ABOVE]:
        named = [m for m in _WORD.finditer(doc.analysis[j]) if m.group() in names]
        if len(named) <= len(values) or [m.group() for m in named] != names[: len(named)]:
            continue
        at = _placed_under([(m.start(), m.end()) for m in named], values)
        if at is None:
            return None
        out = [_Token("", 0, 0) for _ in named]
        for tok, k in zip(values, at, strict=True):
            out[k] = tok
        return out
    return None


def _placed_under(names: Sequence[tuple[int, int]], values: Sequence[_Token]) -> list[int] | None:
    """The column of each of ``values`` under ``names`` (start, end in characters, as
    pdftotext -layout places words: a name's characters one each, however wide they print):
    the name whose centre is nearest the value's, in order, one value a name — and clearly
    nearest, by a fifth of the way to the next name at least. pdftotext sets a line of wide
    names on another scale than the digits under it, so a value stands off its name's centre;
    one about as near two names is left unplaced (on 700 of table 四 drawn by reportlab with
    blank cells, centred, left or right, 7 to 10 pt, and read back: nine in ten placed, none
    wrongly; with no margin, ten wrongly). None when a value is placed so by none, or two by
    one."""
    centres = [(a + b) / 2 for a, b in names]
    out: list[int] = []
    for tok in values:
        spot = (tok.start + tok.end) / 2
        near = sorted(range(len(centres)), key=lambda n: abs(centres[n] - spot))
        k = near[0]
        if out and k <= out[-1]:
            return None
        if len(near) > 1:
            other = near[1]
            gap = abs(centres[other] - spot) - abs(centres[k] - spot)
            if gap < _CLEAR_MARGIN * abs(centres[other] - centres[k]):
                return None
        out.append(k)
    return out


_CLEAR_MARGIN = 0.2  # of the way between two names' centres


def _read_rows(doc: Document, template: TableTemplate, region: range) -> TableRead:
    """The table read row by row: each row found by its label's cue."""
    table = TableRead(template, "read", first_line=region.start, last_line=region.stop - 1)
    columns = [c.id for c in template.columns]
    pointer = 0
    pending = ""
    partial: list[tuple[str, int, list[_Token]]] = []  # rows to place by column position
    anchors: list[list[int]] = []  # value end offsets of complete rows
    glued: list[str] = []
    widths: set[int] = set()  # cells in each row with a value for every column
    known: dict[str, int] = {}  # cells in each short row whose cells are known (tab- or |-split)
    header: _Header | None = None
    full: tuple[int | None, ...] | None = None  # the column at each place of a whole row
    stray: list[tuple[int, str]] = []  # whole rows of values naming no row, after the first
    labels: list[tuple[int, str]] = []  # the lines of the label text so far
    for i, line, parsed in _rows(doc, region, template):
        if parsed is None:
            pending = _pending_label(pending, line)
            labels = [*labels[-_LABEL_LINES:], (i, line)] if pending else []
            glue = _glued_digits(line, template)
            if glue:
                glued.append(glue)
            continue
        label, values = parsed
        blank_rows, rest = _blank_rows(template, pointer, labels, label, i, doc, region)
        if blank_rows:
            # rows left blank (二、上年结转 with no values, zeros not typed) above a row with its
            # own label: their labels are no part of that row's, nor its values theirs
            for blank_at, blank_line in blank_rows:
                table.row_lines[template.rows[blank_at].id] = blank_line
                _put(table, template.rows[blank_at].id, blank_line, {})  # blank, not zeros
            pointer, pending, labels = blank_rows[-1][0] + 1, "", []
            if not label.strip():  # values one a line: the lines left name their row
                for _, text in rest:
                    pending = _label(pending, text)
        if len(values) > len(columns) and not values[0].text and not label.strip():
            # a row of values alone (table 四's): a blank first cell under a column's name is
            # its value (a zero left blank), the grid's gap elsewhere (a 总计 colspan=2)
            values = _spanned_out(doc, region, i, values, len(columns)) or values
        if len(values) > len(columns):  # a merged label cell's empty continuation (colspan)
            first = next((k for k, v in enumerate(values) if v.text), len(values))
            values = values[min(first, len(values) - len(columns)) :]
        if len(values) > len(columns) and not any(v.text for v in values[len(columns) :]):
            # a value cell spanning columns: the empty rest, unless a blank cell within the row
            # is where the grid has a column neither the row nor its header fills (Writer's
            # 总计 colspan=2, the row's last cell a zero left blank)
            values = _spanned_out(doc, region, i, values, len(columns)) or values[: len(columns)]
        blank = not any(v.text for v in values)
        found = _match_row(
            template, pointer, _label(pending, label), i, doc, region, table.row_lines
        )
        if blank and (found is None or len(values) != len(columns)):
            pending = _label(pending, label)  # a group's label in a row of its own, not a row
            labels = [*labels[-_LABEL_LINES:], (i, label)]
            continue
        pending, labels = "", []
        if found is None:
            name = _label("", label)
            if (
                len(values) == len(columns)
                and table.row_lines
                and any(map(_counts, values))
                and not _GROUP_ROW.search(name)
                and not template.extra_rows
            ):
                stray.append((i, name))
            continue
        # a row read out of the template's order (规章 under 行政规范性文件) leaves the pointer
        pointer, row = max(pointer, found + 1), template.rows[found].id
        if blank and template.rows[found].cue is None:
            pointer = found  # any row is it: a row of values below is it rather than a spacer
        table.row_lines[row] = i
        if header is None:  # the lines above the first row: its columns' names
            header = _header(doc, template, range(region.start, i), line, values)
            if header.other_form:
                return TableRead(
                    template,
                    "unreadable",
                    header.reason,
                    first_line=region.start,
                    other_form=header.other_form,
                )
            full = header.slots
            if full is not None and None in full:
                table.reason = _missing(template, full)
        if len(values) == len(columns):
            if full is None and header.reason is not None:
                return TableRead(template, "unreadable", header.reason, first_line=region.start)
            whole = _in_columns(dict(enumerate(values)), full)
            if whole is None:
                return TableRead(
                    template,
                    "unreadable",
                    f"“{template.rows[found].name}”一行有数不在表头所列的任何一列之下",
                    first_line=region.start,
                )
            widths.add(cell_count(line))
            _put(table, row, i, whole)
            if all(v.text for v in values) and "|" not in line and line:
                anchors.append([v.end for v in values])
        elif len(values) < len(columns) and not line:
            return TableRead(
                template,
                "unreadable",
                f"表格单元格逐行排列、空白格已丢失：“{template.rows[found].name}”一行只有"
                f"{len(values)}个数，无法确定各属哪一列",
                first_line=region.start,
            )
        elif len(values) < len(columns):
            if _one_run(values, len(columns)):
                return _glued(values[0].text, region.start, template)
            partial.append((row, i, values))
            if "\t" in line or "|" in line:
                known[row] = cell_count(line)
        elif (kept := _spanned_out(doc, region, i, values, len(columns))) is not None:
            widths.add(cell_count(line))
            _put(table, row, i, dict(enumerate(kept)))
        else:
            return _too_many(template, found, len(values), region.start)
    # a row of values amid the table's rows naming none of them (a label a merged cell broke
    # up: （六）其 / 他处理 among 逾期不 / 补正): its values are some row's, so no sum over the
    # rows is known to hold or not — unless they are all none (0, —): no sum changes without
    # them. One after the last row is another table's (行政许可 1280).
    last = max(table.row_lines.values(), default=-1)
    amid = next(((i, name) for i, name in stray if i < last), None)
    if amid is not None:
        return TableRead(
            template,
            "unreadable",
            f"第{amid[0] + 1}行的一行数字对不上表中的任何一行（行名“{amid[1][:12]}”未能识别）",
            first_line=region.start,
        )
    printed = None
    if partial and not anchors and header is not None:
        counts = {len(values) for _, _, values in partial}
        if header.order and len(header.order) < len(columns) and counts == {len(header.order)}:
            printed = list(header.order)  # the columns it prints, in the order it prints them
        elif header.reason is None:
            printed = _printed_columns(doc, template, region, partial)
    if printed is not None:
        table.reason = _missing(template, printed)
    for row, i, values in partial:
        if known.get(row) in widths:
            # as many cells as a whole row, but fewer values: a cell took the rest into the label
            # (a value misread, O for 0), so its values are its last cells, the ones before blank
            # (a row that lost cells at its end, trimmed on save, is placed by position)
            placed: Mapping[int, _Token] | None = _in_columns(
                {len(columns) - len(values) + k: v for k, v in enumerate(values)}, full
            )
        elif printed is not None:
            placed = dict(zip(printed, values, strict=True))
        else:
            at = _place(values, anchors, len(columns))
            placed = None if at is None else _in_columns(at, full)
        if placed is None:
            name = next(r.name for r in template.rows if r.id == row)
            return TableRead(
                template,
                "unreadable",
                f"“{name}”一行只有{len(values)}个数，无法确定各属哪一列",
                first_line=region.start,
            )
        _put(table, row, i, placed)
    _group_label_over_first_row(table)
    required = [r.id for r in template.rows if not r.optional]
    complete = [r for r in required if r in table.row_lines]
    if len(complete) < MIN_ROW_SHARE * len(required):
        if glued:
            return _glued(glued[0], region.start, template)
        if not table.row_lines:
            if any(doc.analysis[i] == PICTURE for i in region):
                return TableRead(
                    template,
                    "unreadable",
                    "这一节的表格是图片，读不出其中的数字，请人工核对",
                    first_line=region.start,
                )
            empty = _printed_blank(doc, template, region) or _header_alone(doc, template, region)
            return empty or TableRead(
                template, "absent", "这一节没有可识别的统计表", first_line=region.start
            )
        return TableRead(
            template,
            "unreadable",
            f"只认出{len(complete)}/{len(required)}行",
            first_line=region.start,
        )
    return table


def _glued(example: str, first_line: int, template: TableTemplate) -> TableRead:
    return TableRead(
        template,
        "unreadable",
        f"数字连在一起、没有分隔（如“{example}”），无法可靠拆分到各列",
        first_line=first_line,
    )


_RUN_COLUMNS = 4  # a table this wide has no count of as many digits as it has columns


def _one_run(values: Sequence[_Token], columns: int) -> bool:
    """A row's one value a run of digits as long as the table is wide (110024001510102 under
    table 四's fifteen columns): its cells joined by a crawler with nothing between, not a
    count — where one number ends cannot be told."""
    text = values[0].text if len(values) == 1 else ""
    return columns >= _RUN_COLUMNS and text.isdigit() and len(text) >= columns


def _group_label_over_first_row(table: TableRead) -> None:
    """An optional group row (``total_of``) read with values whose first row was read blank on
    the line after it is one cell holding both labels, the values beside the first: （三）不予公开
    0 0 1 …, then 1.属于国家秘密 alone (a Word cell of two paragraphs, a PDF's wrapped label
    column). The values are that row's; the group row was not printed. Read as the group's, its
    first row blank left every sum over it unchecked and a wrong total passed."""
    lines = table.row_lines
    columns = [c.id for c in table.template.columns]
    for group in table.template.rows:
        if not group.optional or not group.total_of:
            continue
        first = group.total_of[0]
        at, below = lines.get(group.id), lines.get(first)
        if at is None or below is None or not 0 < below - at <= 2:
            continue
        if _row_text(table, first, columns) or not _row_text(table, group.id, columns):
            continue
        for c in columns:
            cell = table.cells.pop((group.id, c), None)
            if cell is not None:
                table.cells[(first, c)] = replace(cell, row=first)
        lines[first] = lines.pop(group.id)


def _row_text(table: TableRead, row: str, columns: list[str]) -> bool:
    """Whether any of ``row``'s cells holds anything."""
    return any((cell := table.cells.get((row, c))) is not None and cell.text for c in columns)


def _spanned_out(
    doc: Document, region: range, i: int, values: list[_Token], columns: int
) -> list[_Token] | None:
    """A row's values without the cells that are blank in it and in the header lines above it
    alike (a page's 总计 and its value each set colspan=2: a cell of the grid neither fills),
    when that leaves one value a column; else None. The header's lines are read from the row
    up, a cell staying a gap while each line read leaves it blank: a zero left blank under a
    name set a line higher (Writer's rowspan=2 结果维持 over an empty cell) is a value."""
    cells = _border_cells(doc.analysis[i])
    if cells is None:
        return None
    gaps = {k for k, cell in enumerate(cells[0]) if not cell.strip()}
    for j in range(i - 1, max(region.start, i - _HEADER_LINES) - 1, -1):
        header = _border_cells(doc.analysis[j])
        if header is None or len(header[0]) != len(cells[0]):
            continue
        gaps &= {k for k, name in enumerate(header[0]) if not name.strip()}
        blank = [(cells[1][k], cells[1][k] + len(cells[0][k])) for k in gaps]
        kept = [v for v in values if not any(a <= v.start <= b for a, b in blank)]
        if len(kept) >= columns:
            return kept if len(kept) == columns else None
    return None


def _too_many(template: TableTemplate, found: int, values: int, first_line: int) -> TableRead:
    return TableRead(
        template,
        "unreadable",
        f"“{template.rows[found].name}”一行有{values}个数，多于{len(template.columns)}列",
        first_line=first_line,
    )


_BLANK_LABEL_MAX = 20  # characters of a row's label standing alone on its line


def _printed_blank(doc: Document, template: TableTemplate, region: range) -> TableRead | None:
    """The table printed with every cell left empty (a 街道 with no rules to issue prints table
    二's 规章 / 行政规范性文件 with nothing after them): its columns' names over its rows' labels,
    each alone on a line, in order — read, every cell blank, as a web page's empty cells are.
    None when it is not there so."""
    lines = [doc.analysis[i] for i in region]
    # a column's name as printed (本年处理决定数量, of 本年处理决定数量或收费金额)
    if not any(c.name[:6] in _compact(line) for c in template.columns for line in lines):
        return None
    table = TableRead(template, "read", first_line=region.start, last_line=region.stop - 1)
    rows = iter(template.rows)
    row = next(rows, None)
    for i in region:
        label = _compact(doc.analysis[i])
        if row is None or not label or len(label) > _BLANK_LABEL_MAX:
            continue
        if split_row(doc.analysis[i]) is not None or _SENTENCE_STOP.search(label):
            continue
        while row is not None and row.optional and not _names(row, label):
            row = next(rows, None)  # an optional row left out (行政事业性收费)
        if row is not None and _names(row, label):
            table.row_lines[row.id] = i
            _put(table, row.id, i, {})
            row = next(rows, None)
    required = [r.id for r in template.rows if not r.optional]
    return table if all(r in table.row_lines for r in required) else None


def _header_alone(doc: Document, template: TableTemplate, region: range) -> TableRead | None:
    """A table of one unlabelled row (table 四: its header is all it prints but the values)
    printed with its header and no row under it — a unit with no cases leaves the row blank,
    and a PDF's text drops a blank line: every group its columns are named under is there
    (行政复议, 未经复议直接起诉, 复议后起诉), no row of values is. Read, every cell blank."""
    groups = {c.name.split()[0] for c in template.columns}
    if len(template.rows) != 1 or len(groups) < 2:
        return None
    # the header's lines: no sentence (a paragraph naming the groups is no table), and the
    # columns' own words there too (结果 / 尚未 of 结果维持…尚未审结, however split)
    heads = [
        i
        for i in region
        if not _SENTENCE_STOP.search(doc.analysis[i])
        and any(
            g in _compact(doc.analysis[i]) or _cut_names(template, doc.analysis[i]) for g in groups
        )
    ]
    header = "".join(_compact(doc.analysis[i]) for i in heads)
    if not heads or not all(g in header for g in groups) or not _cut_names(template, header):
        return None
    if any(_BESIDE_NAMES.search(doc.analysis[i]) for i in heads):
        return None  # values beside the names (结果维持：2  结果纠正：1 …): no header alone
    # no values after it it cannot read (二 一 零…, 1 0 2), no pointer to an annex (详见附表);
    # a note that there were none (注：本年度未发生…) may follow
    for i in range(heads[-1] + 1, region.stop):
        line = doc.analysis[i]
        none = _NONE_HAPPENED.search(line)
        if (
            none is not None
            and not _COUNTED.search(line)
            and (not _ANNEX_POINTER.search(line) or _names_all(template, _clause(line, none)))
        ):
            # 注：本年度未发生…行政复议、行政诉讼案件（详见附件）: none of the table's cases,
            # wherever else it points (无…行政诉讼情况，行政复议案件详见附件: the other kind's
            # values are in the annex)
            continue
        if _ANNEX_POINTER.search(line):
            return None  # its values elsewhere, whatever else the line says (无变化，详见附表)
        if _NONE_SAID.search(line) and not _COUNTED.search(line):
            continue  # 注：2024年度本机关未发生…行政复议、行政诉讼案件。
        if _NOT_BLANK.search(line) or _COUNTED.search(line):
            return None
    table = TableRead(template, "read", first_line=region.start, last_line=region.stop - 1)
    table.row_lines[template.rows[0].id] = heads[-1]
    _put(table, template.rows[0].id, heads[-1], {})
    return table


_NONE_SAID = re.compile(r"未发生|没有发生|未出现|没有|无")


def _names_all(template: TableTemplate, line: str) -> bool:
    """Whether ``line`` names every kind of case the table's name does (表四 政府信息公开行政复议、
    行政诉讼情况: 复议 and 诉讼, each by its last words)."""
    name = template.name.split()[-1].removesuffix("情况")
    kinds = [k[-_KIND_WORDS:] for k in re.split(r"[、和及与]", name) if k]
    return all(k in line for k in kinds)


_KIND_WORDS = 2  # the last characters of each kind the table's name lists (复议, 诉讼), as a
# note says it (…行政复议及诉讼案件)


def _clause(line: str, m: re.Match[str]) -> str:
    """The clause of ``line`` that holds ``m`` (between the stops and commas round it)."""
    start = max(line.rfind(c, 0, m.start()) for c in _CLAUSE_STOPS) + 1
    ends = [k for c in _CLAUSE_STOPS if (k := line.find(c, m.end())) >= 0]
    return line[start : min(ends) if ends else len(line)]


_CLAUSE_STOPS = ",，。;；"
_NONE_HAPPENED = re.compile(r"未发生|没有发生|未出现|无[^,，。;；]{0,24}(?:案件|情况)")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+\s*[件起次]")
# a value among a header's names: after a colon, or a number standing apart (2, 二) — not a
# caption's 表4 nor a year (注：2024年度…, a wrapped note naming the header's words too)
_NUMERAL = "[一二三四五六七八九十零〇两]"
_BESIDE_NAMES = re.compile(
    rf"[:：]\s*(?!(?:19|20)\d\d\s*年)(?:\d|{_NUMERAL})|(?<!\S)(?:\d+|{_NUMERAL}+)(?!\S)"
)
_NOT_BLANK = re.compile(rf"\d|{_NUMERAL}{{3,}}|(?<!\S){_NUMERAL}(?!\S)")
_ANNEX_POINTER = re.compile(r"附表|附件|详见|见附")


def _cut_names(template: TableTemplate, line: str) -> bool:
    """Whether ``line`` holds the start of a column's own name (结果 of 结果维持, 尚未 of 尚未审结),
    as a header split over two lines prints it."""
    return any(c.name.split()[-1][:2] in line for c in template.columns)


def _printed_columns(
    doc: Document,
    template: TableTemplate,
    region: range,
    partial: list[tuple[str, int, list[_Token]]],
) -> list[int] | None:
    """The columns a table that left some out prints (table 三 without its 总计 column): when
    every row has as many values as the header above the first row names columns, those
    columns, in order. None otherwise: then where a value stands cannot be told."""
    counts = {len(values) for _, _, values in partial}
    first = min(i for _, i, _ in partial)
    header = "".join(doc.analysis[i] for i in range(region.start, first))
    printed = [k for k, c in enumerate(template.columns) if c.name.split()[-1] in header]
    if len(counts) != 1 or len(printed) != counts.pop() or len(printed) == len(template.columns):
        return None
    return printed


def _missing(template: TableTemplate, printed: Sequence[int | None]) -> str:
    missing = [c.name for k, c in enumerate(template.columns) if k not in printed]
    return f"表中没有“{'”“'.join(missing)}”列"


def _put(table: TableRead, row: str, line: int, placed: Mapping[int, _Token]) -> None:
    """A row's cells, in the template's column order: those ``placed`` (by column), the rest
    blank."""
    for k, column in enumerate(table.template.columns):
        got = placed.get(k)
        col = column.id
        table.cells[(row, col)] = (
            _cell(row, col, got, line) if got else Cell(row, col, None, "", line, 0, 0)
        )


def _in_columns(
    by_place: Mapping[int, _Token], slots: Sequence[int | None] | None
) -> Mapping[int, _Token] | None:
    """A row's values by where they stand (place 0 the first of a whole row) put in their
    columns: the header's ``slots`` (the column at each place), or the template's. None when a
    value stands where the header names no column."""
    if slots is None:
        return by_place
    placed: dict[int, _Token] = {}
    for k, tok in by_place.items():
        col = slots[k]
        if col is not None:
            placed[col] = tok
        elif tok.text:
            return None
    return placed


@dataclass(frozen=True)
class _Header:
    """What the lines above a table's first row say of the order of its columns."""

    order: tuple[int, ...] | None = None  # the columns it names, in the order they stand
    # the column of each value of a whole row (None: under no column's name, a blank cell), when
    # it is not the template's order
    slots: tuple[int | None, ...] | None = None
    reason: str | None = None  # why a whole row's values cannot be put in their columns
    other_form: str | None = None  # a column of another format's it names: no value is ours


_HEADER_LINES = 8  # lines above the first row read for the columns' names: a header has a few
_WORD = re.compile(r"\S+")
# (column, start, end) of a column's name in a header line: its cell's index (a row split at
# borders) or its characters
_Hit = tuple[int, int, int]


def _header(
    doc: Document, template: TableTemplate, above: range, line: str, values: Sequence[_Token]
) -> _Header:
    """The order of the columns as the header above the table's first row (``line``, its
    ``values``) names them, each column by the last word of its name, a cell or a word of its
    own (其他 in 法人或其他组织 is not the column 其他). Read from, in turn: where the names stand
    over the first row's cells (every row split at borders alike: a web page's or Word's table,
    a browser's tab-separated copy); the one header line naming all the columns named; where
    they stand along the lines of layout text (a header over several lines). An order that
    cannot be told is the template's — unless names stand the other way round, which leaves a
    whole row's values without a place (a reason). A template whose columns share a name
    (table 四's 结果维持 in each block) has no header to go by."""
    other = _other_form(doc, template, above)
    if other is not None:
        return other
    names = [c.name.split()[-1] for c in template.columns]
    if len(names) < 2 or len(set(names)) < len(names):
        return _Header()
    index = {name: k for k, name in enumerate(names)}
    hits: dict[int, list[_Hit]] = {}  # by line, nearest the first row first; in line order
    cells_of: dict[int, list[str]] = {}  # the named lines split at borders, their cells
    bordered = True  # every line with a name split at borders
    for i in _header_lines(doc, above):
        text = doc.analysis[i]
        cells = _border_cells(text)
        if cells is not None:
            found = [
                (index[c], k, k + 1) for k, c in enumerate(map(_compact, cells[0])) if c in index
            ]
        else:
            found = [
                (index[m.group()], m.start(), m.end())
                for m in _WORD.finditer(text)
                if m.group() in index
            ]
        if found:
            hits[i] = found
            bordered = bordered and cells is not None
            if cells is not None:
                cells_of[i] = [_compact(c) for c in cells[0]]
    if not hits:
        return _Header()
    if bordered:
        over = _over_cells(template, hits, line, values)
        if over is not None:
            return over
        grouped = _group_order(template, index, [cells_of[i] for i in sorted(cells_of)])
        if grouped is not None:
            return _as_header(template, grouped)
    named = {c for found in hits.values() for c, _, _ in found}
    for i, found in hits.items():
        if len(found) == len(named) and {c for c, _, _ in found} == named:
            header_cells = cells_of.get(i) or [_compact(w) for w in _WORD.findall(doc.analysis[i])]
            flat = _flattened_groups(template, index, header_cells)
            return _as_header(template, flat or tuple(c for c, _, _ in found))
    if not bordered:
        # a two-line header copied with single spaces (自然人 法人或其他组织 总计 / 商业企业 …):
        # the group's cell orders its columns, as between tabs, wherever the words stand
        words = [[_compact(w) for w in _WORD.findall(doc.analysis[i])] for i in sorted(hits)]
        grouped = _group_order(template, index, words)
        if grouped is not None:
            return _as_header(template, grouped)
        # layout text: where a name stands along its line is its column, counted in characters
        # (pdftotext -layout) or in widths (a Chinese character two): what both say holds. A
        # name alone on its line, not indented, stands nowhere along it (其他 set between the
        # two lines of its wrapped neighbours, 商业企 / 业, the page's spacing lost)
        placed = {
            i: found
            for i, found in hits.items()
            if len(found) > 1 or doc.analysis[i] != doc.analysis[i].strip()
        }
        views = [
            sorted(
                (_at(doc.analysis[i], a, wide), _at(doc.analysis[i], b, wide), c)
                for i, found in placed.items()
                for c, a, b in found
            )
            for wide in (False, True)
        ]
        orders = [_left_to_right(v) for v in views]
        if len(views[0]) == len(named) and orders[0] is not None and orders[0] == orders[1]:
            return _as_header(template, orders[0])
    for found in hits.values():  # names the other way round on a line
        for (c1, _, _), (c2, _, _) in pairwise(found):
            if c1 > c2:
                return _Header(reason=_inverted(template, c1, c2))
    if not bordered:  # or one wholly left of the other, both ways of counting say
        both = _inversions(views[0]) & _inversions(views[1])
        if both:
            return _Header(reason=_inverted(template, *min(both)))
    return _Header()


def _header_lines(doc: Document, above: range) -> list[int]:
    """The lines above a table's first row that may be its header, nearest first: up to a row
    of values (another table's, above this one's header)."""
    lines = []
    for i in range(above.stop - 1, max(above.start, above.stop - _HEADER_LINES) - 1, -1):
        row = table_row(doc.analysis[i])
        if row is not None and any(v.text for v in row[1]):
            break
        lines.append(i)
    return lines


def _other_form(doc: Document, template: TableTemplate, above: range) -> _Header | None:
    """The header when it names another format's columns (``other_form``: 2019's 上一年项目数量 |
    本年增/减 | 处理决定数量 over 行政许可): its values mean other things than this table's
    columns, however many there are — the table is not read, and the reason says why, not
    that a row has too many values. None when it names none."""
    if not template.other_form:
        return None
    other = rx(template.other_form)
    for i in _header_lines(doc, above):
        if m := other.search(doc.analysis[i]):
            return _Header(other_form=m.group(), reason=_OTHER_FORM.format(name=m.group()))
    return None


_OTHER_FORM = "表头“{name}”是旧版格式的列，与现行格式本表的各列含义不同，未按本表读取，请人工核对"
_OLD_FORM = (
    "表头“{name}”是{since}年度以前旧格式的列（{since}年度起按{form}），与本表各列含义不同，"
    "未按本表读取，请人工核对"
)


def name_the_old_form(tables: Mapping[str, TableRead], since: int, form: str) -> None:
    """The reason of each table left unread for another format's header (``other_form``) says
    which: the one the rubric's current form (``form``, from the reports on ``since``)
    replaced — 2019's 上一年项目数量 over table 二 is the 2019 format, not a table with too many
    values or a wrong column."""
    for table in tables.values():
        if table.other_form is not None:
            table.reason = _OLD_FORM.format(name=table.other_form, since=since, form=form)


def _over_cells(
    template: TableTemplate, hits: Mapping[int, list[_Hit]], line: str, values: Sequence[_Token]
) -> _Header | None:
    """The header by the cells its names stand in over the values of the first row, ``line``
    (its cells and the header's counted alike); None when the header's cells are not the
    row's (a name over its label, a name in two places)."""
    cells = _border_cells(line)
    if cells is None:
        return None
    slot = {bisect_right(cells[1], v.start) - 1: k for k, v in enumerate(values)}
    at: dict[int, set[int]] = {}
    for found in hits.values():
        for c, cell, _ in found:
            at.setdefault(c, set()).add(slot.get(cell, -1))
    if not all(len(s) == 1 and -1 not in s for s in at.values()):
        return None
    place = {c: min(s) for c, s in at.items()}
    if len(set(place.values())) < len(place):
        return None
    order = tuple(sorted(place, key=place.__getitem__))
    if len(place) == len(values):  # a name over every value
        return _as_header(template, order)
    if len(values) < len(template.columns):
        return None
    if all(place[c] == c for c in place):
        return _Header()  # the names stand where the template has them
    if all(not v.text for k, v in enumerate(values) if k not in place.values()):
        # the values under no name are blank: cells of the label (a table printing fewer
        # columns, its rows begun with an empty cell)
        by_slot = {k: c for c, k in place.items()}
        return _Header(order, tuple(by_slot.get(k) for k in range(len(values))))
    wrong = next(c for c in order if place[c] != c)
    return _Header(reason=_misplaced(template, wrong))


def _group_order(
    template: TableTemplate, index: Mapping[str, int], lines: Sequence[list[str]]
) -> tuple[int, ...] | None:
    """The columns' order from two header lines as a browser copies a header with merged cells
    (a cell a tab, each cell's place lost): the upper gives the columns that span both rows and
    each group's cell (法人或其他组织 | 自然人 | 总计), the lower the group's own columns (商业企业 |
    科研机构 | …); the group stands where its cell does, its columns as the lower line orders
    them. None when the two lines do not read so, every column once."""
    groups: dict[str, set[int]] = {}
    cues: dict[str, str | None] = {}
    for k, column in enumerate(template.columns):
        if column.group:
            groups.setdefault(_compact(column.group), set()).add(k)
            cues[_compact(column.group)] = column.group_cue
    for upper, lower in pairwise(lines):
        under = [index[c] for c in lower if c in index]
        order: list[int] = []
        for cell in upper:
            group = next(
                (g for g, cue in cues.items() if cell == g or (cue and rx(cue).search(cell))),
                None,
            )
            if cell in index:
                order.append(index[cell])
            elif group is not None:
                if set(under) != groups[group] or len(under) != len(groups[group]):
                    break
                order.extend(under)
        else:
            if sorted(order) == list(range(len(template.columns))):
                return tuple(order)
    return None


def _flattened_groups(
    template: TableTemplate, index: Mapping[str, int], words: list[str]
) -> tuple[int, ...] | None:
    """The columns' order from a header with merged cells flattened onto one line, its upper
    row's cells then its lower row's (自然人 法人或其他组织 总计 商业企业 … 其他): read as the two
    lines it was (:func:`_group_order`), wherever the upper row ends. None when no split reads
    so (a line in the columns' own order names no group's cell before its members)."""
    for j in range(1, len(words)):
        order = _group_order(template, index, [words[:j], words[j:]])
        if order is not None:
            return order
    return None


def _at(line: str, offset: int, wide: bool) -> int:
    """Where ``offset`` of ``line`` stands: in characters, or in widths (East Asian wide
    characters two)."""
    if not wide:
        return offset
    return offset + sum(1 for ch in line[:offset] if east_asian_width(ch) in "WF")


def _left_to_right(spans: Sequence[tuple[int, int, int]]) -> tuple[int, ...] | None:
    """The columns of (start, end, column) ``spans`` sorted by start, when no two overlap."""
    if any(b > a2 for (_, b, _), (a2, _, _) in pairwise(spans)):
        return None
    return tuple(c for _, _, c in spans)


def _inversions(spans: Sequence[tuple[int, int, int]]) -> set[tuple[int, int]]:
    """(later, earlier) columns of the template whose names (each found once) stand the other
    way round: the later one wholly left of the earlier."""
    times = Counter(c for _, _, c in spans)
    once = [span for span in spans if times[span[2]] == 1]
    return {(c2, c1) for a1, _, c1 in once for _, b2, c2 in once if c1 < c2 and b2 <= a1}


def _as_header(template: TableTemplate, order: tuple[int, ...]) -> _Header:
    """The columns named in ``order``: the place of each of a whole row's values when all are
    named; else the order of those a table that leaves some out prints, which for a whole
    row's values must be the template's."""
    if len(order) == len(template.columns):
        return _Header(order, order)
    inverted = next(((a, b) for a, b in pairwise(order) if a > b), None)
    return _Header(order, None, None if inverted is None else _inverted(template, *inverted))


def _inverted(template: TableTemplate, first: int, second: int) -> str:
    names = [c.name.split()[-1] for c in template.columns]
    return (
        f"表头中“{names[first]}”列排在“{names[second]}”列之前，与通常次序不同，而各列的位置"
        "无法逐一确定，无法确定各数属哪一列"
    )


def _misplaced(template: TableTemplate, col: int) -> str:
    name = template.columns[col].name.split()[-1]
    return f"表头中“{name}”列不在第{col + 1}列，无法确定各数属哪一列"


def _cell_labels(template: TableTemplate) -> set[str]:
    """The columns' own names (结果维持, 自然人) that no row's label is: a row called 总计 or 其他
    (a cue of table 三's rows) is a row, whatever column shares its name."""
    names = {c.name.split()[-1] for c in template.columns}
    return {n for n in names if not any(r.cue and rx(r.cue).search(n) for r in template.rows)}


def _rows(doc: Document, region: range, template: TableTemplate) -> list[_Row]:
    """The region's rows: a line each, or — when its cells stand one a line (more lines hold a
    lone value than hold several) — a label's lines, then one row of the values that follow it
    (blank lines between cells passed over), its text empty: where its values stand is no
    column's. A column's name on a line of its own there is that cell's label (结果维持 / 1 /
    结果纠正 / 0, as a phone's page lays a row out), not a row's."""
    columns = len(template.columns)
    cell_labels = _cell_labels(template)
    # a page's number where a page break cut the table (- 4 -, 第4页): no row, its 4 no value
    parsed = [
        (i, "", None)
        if PAGE_NUMBER.match(doc.analysis[i])
        else (i, doc.analysis[i], _row_or_pairs(doc.analysis[i], template))
        for i in region
    ]
    # a value alone on its line, or after its cell's own label (结果维持	2: a table set out a
    # cell a line, label and value side by side)
    lone = [
        i
        for i, line, p in parsed
        if p is not None and len(p[1]) == 1 and (not p[0].strip() or p[0].strip() in cell_labels)
    ]
    several = sum(1 for _, _, p in parsed if p is not None and len(p[1]) > 1)
    if len(lone) < _MIN_STACKED or len(lone) <= several:
        return parsed
    lone_lines = set(lone)
    rows: list[_Row] = []
    values: list[_Token] = []
    for i, line, p in parsed:
        if i in lone_lines and p is not None:
            values.append(replace(p[1][0], line=i))
            continue
        if values and line.strip() in cell_labels:
            continue  # the next cell's own label, inside a row laid out cell by cell
        if values and not line.strip():
            continue  # a blank line between two cells of a row
        if values:
            _add_stacked(rows, values, columns)
            values = []
        rows.append((i, line, p))
    if values:
        _add_stacked(rows, values, columns)
    return rows


_PAIR = re.compile(r"(\S+?)\s*[:：]\s*(\S+)")


def _row_or_pairs(line: str, template: TableTemplate) -> tuple[str, list[_Token]] | None:
    """``line`` split as a row (:func:`split_row`); or, in a table printed in pieces, a line of
    its cells each after its column's own name (结果维持：2  结果纠正：1  …  总计：4, under a
    line naming the block): its values, the names the template's next columns' in order. Read
    as a header with nothing under it, such a table had been read with every cell blank."""
    row = split_row(line)
    if row is not None or not template.pieces or not line.strip():
        return row
    pairs = list(_PAIR.finditer(line))
    names = [c.name.split()[-1] for c in template.columns]
    said = [m.group(1) for m in pairs]
    if (
        len(pairs) < 2
        or _PAIR.sub("", line).strip()
        or not all(_is_value(m.group(2)) for m in pairs)
        or not any(names[k : k + len(said)] == said for k in range(len(names)))
    ):
        return None
    return "", [_Token(m.group(2), m.start(2), m.end(2)) for m in pairs]


# A PDF's text joins a row's label and its first value (…申请数量30: the space between Chinese
# and a number is taken out with the extraction's others)
_GLUED_FIRST = re.compile(r"(?<=[\u4e00-\u9fff)）])(\d+)\s*$")


def _add_stacked(rows: list[_Row], values: list[_Token], columns: int) -> None:
    """A row of values that stood one a line, after its label's row; a value glued to the end of
    the label is the row's first when the row is then complete."""
    first = values[0].line or 0
    if rows and rows[-1][2] is None and len(values) + 1 == columns:
        i, label, _ = rows[-1]
        glued = _GLUED_FIRST.search(label)
        if glued is not None:
            rows[-1] = (i, label[: glued.start()], None)
            values = [_Token(glued.group(1), glued.start(), glued.end(), line=i), *values]
            first = i
    rows.append((first, "", ("", values)))


_MIN_STACKED = 3  # lone values before a region is read as cells one a line (a page number is one)


_LABEL_TAIL = 200  # characters of label text kept: a label wraps over a few lines, no more
_LABEL_LINES = 12  # and label lines: a few blank rows under a group's label, no more


def _pending_label(pending: str, line: str) -> str:
    """The label text so far with a line that holds no values added. A sentence of the text
    around the table is no label: its words (制发规范性文件3件。) would name the caption row after
    it (| 第二十条第（一）项 | | |), its cells all blank; nor is one leading into the table."""
    return "" if _is_text(line) else _label(pending, line)


# a line of the text leading into the table (行政许可、行政处罚情况如下： / 具体统计：), though no
# stop ends it: no label either (its 行政许可 had named the 规章 row's three values under it)
_LEADS_IN = re.compile(r"(?:如下|以下|情况|统计|数据)[:：]\s*$")


def _is_text(line: str) -> bool:
    """Whether ``line`` is a sentence of the text around the table, no label of a row."""
    return _SENTENCE_STOP.search(line) is not None or _LEADS_IN.search(line) is not None


def _label(pending: str, line: str) -> str:
    """The label text so far with ``line``'s added: its last characters only, so that a run of
    label-only or blank rows is not searched again and again from its start."""
    return (pending + _compact(line))[-_LABEL_TAIL:]


def _match_row(
    template: TableTemplate,
    pointer: int,
    label: str,
    line: int,
    doc: Document,
    region: range,
    taken: Collection[str] = (),
) -> int | None:
    """The template row this label names: the first of the next rows whose cue matches. A
    label that names none may be completed by the text after it (a wrapped label). Failing
    those, a row before them not yet read (``taken``: the rows read) whose cue it matches: a
    unit printed two rows in another order (行政规范性文件 above 规章)."""
    found = _next_row(template, pointer, label, line, doc, region)
    if found is not None:
        return found
    rows = template.rows
    return next(
        (
            k
            for k in range(min(pointer, len(rows)))
            if rows[k].id not in taken and _names(rows[k], label)
        ),
        None,
    )


def _next_row(
    template: TableTemplate, pointer: int, label: str, line: int, doc: Document, region: range
) -> int | None:
    rows = template.rows
    for extra in range(3):
        text = label
        for j in range(line + 1, min(line + 1 + extra, region.stop)):
            after = doc.analysis[j]
            if _SENTENCE_STOP.search(after):
                break  # a sentence of the text below (…申请2件，予以公开1件。) is no label's end
            if _ROW_NUMBER.match(after):
                break  # the next row's own label (2.申请人逾期未按收费通知…), not this one's end
            if split_row(after) is None:
                text += _compact(after)
        for k in range(pointer, min(pointer + WINDOW, len(rows))):
            cue = rows[k].cue
            if cue is None or rx(cue).search(text):
                return k
    inner = _inner_label(doc, line, region)
    return next(
        (k for k in range(pointer, min(pointer + WINDOW, len(rows))) if _names(rows[k], inner)),
        None,
    )


def _blank_rows(
    template: TableTemplate,
    pointer: int,
    labels: list[tuple[int, str]],
    label: str,
    line: int,
    doc: Document,
    region: range,
) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """(row, line) of each row the label lines with no values above a row of values name, when
    that row names a later row by its own label: those lines were rows left blank, not a
    wrapped label of the row below. None when they were (（二）部分公开（区分处理的，/ 不计其他
    情形） 15 3 …). A group's label (（三）不予公开) goes with the row under it. Values one a line
    (a crawled page's cells, a blank cell dropped) have no label of their own: the last label
    line is theirs. Also the label lines after the last row left blank."""
    if not label.strip() and labels:
        *labels, (line, label) = labels  # the stacked values' own label, the line above them
    if not labels or not label.strip():
        return [], []
    rows = template.rows
    stop = min(pointer + WINDOW, len(rows))
    if not any(_names(rows[k], _compact(text)) for k in range(pointer, stop) for _, text in labels):
        return [], []  # no line names a row alone: a wrapped label (the common case, cheaply)
    own = _next_row(template, pointer, _label("", label), line, doc, region)
    if own is None:
        return [], []
    found: list[tuple[int, int]] = []
    k, text, start, rest = pointer, "", -1, 0
    for n, (at, piece) in enumerate(labels):
        text, start = text + _compact(piece), at if start < 0 else start
        hit = next((r for r in range(k, own) if _names(rows[r], text)), None)
        if hit is not None:
            found.append((hit, start))
            k, text, start, rest = hit + 1, "", -1, n + 1
    return found, [*labels[rest:], (line, label)]


def _counts(token: _Token) -> bool:
    """Whether a cell holds a count other than none (0, —, /, blank)."""
    return bool(_figure(token.text))


def _names(row: TableRow, label: str) -> bool:
    return row.cue is not None and rx(row.cue).search(label) is not None


_GAP = re.compile(r"\s{2,}")
# A row the template leaves out that sums others: a 小计 / 合计, or a group's own row ((三)不予公开
# with its counts, over 1.属于国家秘密 …): passed over, as its rows are read on their own
# (a merged cell's text repeated before it, as Word tables read: 三、本年度办理结果|(三)不予公开);
# or a part of the row above it that the unit adds (其中：网上申请, counted in that row already)
_GROUP_ROW = re.compile(
    r"小计|合计|^其中|^(?:[一二三四五六七八九十]{1,3}、[^()\d]{0,12})?\([一二三四五六七八九十]{1,3}\)[^\d.、]{0,12}$"
)


def _inner_label(doc: Document, line: int, region: range) -> str:
    """The row's label as its innermost column prints it: its own line's label and the label
    lines just above it, each from its last gap of two spaces on — layout text prints a merged
    cell's words beside a wrapped label (（六）其 / 他处理 among 逾期不 / 补正), breaking it."""
    parsed = split_row(doc.analysis[line])
    parts = [_GAP.split(parsed[0].strip())[-1] if parsed else ""]
    for j in range(line - 1, max(region.start, line - 3) - 1, -1):
        above = doc.analysis[j]
        if not above.strip() or split_row(above) is not None or _is_text(above):
            break
        parts.append(_GAP.split(above.strip())[-1])
        if _ROW_NUMBER.match(parts[-1]):
            break  # the label's first line
    return _compact("".join(reversed(parts)))


def _place(values: Sequence[_Token], anchors: list[list[int]], n: int) -> dict[int, _Token] | None:
    """Columns for the values of a row that has fewer than ``n``: each goes to the column whose
    values (in the complete rows) end nearest to where it ends. None when there are no
    complete rows to align with, or two values would share a column."""
    if not anchors:
        return None
    centres = [sorted(a[k] for a in anchors)[len(anchors) // 2] for k in range(n)]
    placed: dict[int, _Token] = {}
    for tok in values:
        k = min(range(n), key=lambda c: abs(centres[c] - tok.end))
        if k in placed or abs(centres[k] - tok.end) > 6:
            return None
        placed[k] = tok
    return placed


def cell_count(line: str) -> int:
    """Cells in a row split at its borders (| or tabs), with or without its outer | borders;
    -1 for a row that has none."""
    if "|" in line:
        return line.strip().removeprefix("|").removesuffix("|").count("|") + 1
    return line.rstrip(" ").count("\t") + 1 if "\t" in line else -1


def _figure(text: str) -> float | None:
    """The number a cell's text gives (1,280 and 30件 too); None for a dash, a slash, a blank."""
    number = _VALUE.match(text)
    return float(_GROUPING.sub("", number.group(1))) if number else None


def _cell(row: str, col: str, tok: _Token, line: int) -> Cell:
    # a dash or slash is a unit's mark for none (the format asks for 0; units write — for it),
    # so it adds as 0 (9+1+—+1 = 11, not 12); an empty cell may be a value lost on the way
    value = _figure(tok.text)
    if value is None and tok.text:
        value = 0.0
    return Cell(
        row, col, value, tok.text, line if tok.line is None else tok.line, tok.start, tok.end
    )


# digits glued between a label and the next (行政许可1280行政处罚316); not a count and its
# measure word in a sentence (作出行政许可决定3650件): no row label starts with one
_RUN = re.compile(r"[\u4e00-\u9fff)）](\d{4,})(?![件个项次人条份家元万亿])(?=[\u4e00-\u9fff(（]|$)")


def _glued_digits(line: str, template: TableTemplate) -> str | None:
    """A run of digits glued to a row label (规章000行政规范性文件77132470): a crawler dropped
    the cell borders, so where one number ends and the next begins is unknown."""
    for m in _RUN.finditer(line):
        before = line[max(0, m.start() - 12) : m.start() + 1]
        named = any(r.cue and rx(r.cue).search(before) for r in template.rows)
        # a row with no cue (the one-row appeals table) is all digits
        bare = any(r.cue is None for r in template.rows) and len(m.group(1)) >= len(
            template.columns
        )
        if named or bare:
            return line[max(0, m.start() - 8) : m.end()].strip()
    return None


def read_tables(
    doc: Document,
    templates: Sequence[TableTemplate],
    body: range,
    headings: Headings | None = None,
    anywhere: bool = False,
) -> dict[str, TableRead]:
    """Each table in the rubric's order, the order the format sets them in: one whose section
    has no heading is looked for from where those read before it stand on (two tables may share
    a section)."""
    tables: dict[str, TableRead] = {}
    after = body.start
    for t in templates:
        tables[t.id] = table = read_table(doc, t, body, headings, anywhere, after)
        if table.status == "read" and table.first_line is not None:
            after = max(after, table.first_line)
    return tables
