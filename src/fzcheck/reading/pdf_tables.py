"""Tables a PDF draws with ruling lines, read cell by cell.

Read by position line by line, a table whose label columns are narrow (a group's name set a
character a line down its merged cell, labels wrapped round their row's values) interleaves its
cells: a group's characters land among the labels beside it, a wrapped label's halves above and
below its values. Its ruling lines say where each cell is: every character is put in the cell it
stands in, a cell's text read top to bottom, and each row of the grid becomes one line, its cells
joined by `` | `` as a Word table's are (a cell merged over several rows given in each of them, as
python-docx gives it). A grid whose cells hold what rules do not part (figures a column apart in
one cell: a table ruled between its rows only) is read line by line, as before.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from fzcheck.reading.forms import SENTENCE_MARKS, labelled_rows
from fzcheck.reading.layout import Piece, visual_rows

_THIN = 2.0  # pt: a path this thin either way is a rule (a line, or a bar drawn as one)
_MIN_RULE = 4.0  # pt: a rule at least this long
_SNAP = 2.0  # pt: rules this close are one grid line
_ONE_LINE = 0.5  # pt: rules this close across are drawn on one line
_REACH = 4.0  # pt: a rule stopping this short of another (a writer's gap at a corner) meets it
MAX_RULES = 2_000  # rules on a page, at most, for its tables to be read by them (each pair of
# a horizontal and a vertical one is tried for crossing)
_MAX_CELLS = 20_000  # grid cells of one table, at most
_APART = 1.0  # em between two characters of a line in one cell: a column's gap, no rule there
_GAP = "  "  # between a line's characters a column apart, as the line reader sets them
_PROSE_SHARE = 0.3  # of a grid's filled cells, punctuated as sentences: running text, no table
_TOUCHING = 0.3  # em: characters this close across a cell's border are one line of text
_RUNS = 3  # lines of text run across borders, at least, for a grid laid over text
_COPIES = 8  # characters a table's lines may hold for each of the grid's: more, merged cells once
_FORM_CELL_CHARS = 20_000  # characters in one cell of a form (a part's whole text), at most
_CELL_CHARS = 200  # characters in one cell, at most: a statistical table's are labels and figures;
# text boxed in rules (two columns of a page between a rule above and below) is no table


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule (``at`` its y, from ``start`` to ``end`` along x) or a vertical one (``at``
    its x, from ``start`` to ``end`` along y), in the page's top-down coordinates."""

    at: float
    start: float
    end: float


def rules_on(page: Any, pdfium_c: Any, max_objects: int) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical rules: its path objects drawn as thin lines or bars.
    None looked for on a page of more than ``max_objects`` objects (a drawing, not a table)."""
    if pdfium_c.FPDFPage_CountObjects(page.raw) > max_objects:
        return [], []
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        across, down = thin_rule(left, -top, right, -bottom)  # (PDF's y runs up)
        if across or down:
            horizontal += across
            vertical += down
        elif min(right - left, top - bottom) >= _MIN_RULE and (box := _stroked_box(obj, pdfium_c)):
            # a cell drawn as a box of its own (a form a program draws): its four sides
            left, bottom, right, top = box
            across, down = box_sides(left, -top, right, -bottom)
            horizontal += across
            vertical += down
        elif (drawn := _subpaths(obj, pdfium_c)) is not None:
            # one path drawing many (re re re … f: a table's bars filled at once; its lines
            # or its cells' outlines stroked at once)
            hs, vs = _batched_rules(drawn, _outlined(obj, pdfium_c))
            if len(horizontal) + len(vertical) + len(hs) + len(vs) <= MAX_RULES:
                horizontal += hs  # (a hatching of thousands of lines: its own rules dropped,
                vertical += vs  # not the page's)
        if len(horizontal) + len(vertical) > MAX_RULES:
            return [], []
    return horizontal, vertical


def _stroked_box(obj: Any, pdfium_c: Any) -> tuple[float, float, float, float] | None:
    """The sides (left, bottom, right, top, along the stroke's middle) of a path drawn as the
    outline of an upright rectangle, not filled (a shaded cell, a coloured band are no
    borders); None for any other path."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return None
    if not stroke.value or fill.value:
        return None
    count = pdfium_c.FPDFPath_CountSegments(obj.raw)
    if not 4 <= count <= 5:  # moved to a corner, three or four sides drawn (the last closing)
        return None
    xs, ys = set(), set()
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            return None
        xs.add(round(x.value, 1))
        ys.add(round(y.value, 1))
    if len(xs) != 2 or len(ys) != 2:
        return None
    half = ctypes.c_float()
    pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(half))
    inset = max(half.value, 0.0) / 2
    left, bottom, right, top = obj.get_bounds()
    return left + inset, bottom + inset, right - inset, top - inset


_MAX_SEGMENTS = 5 * MAX_RULES  # segments of one path, at most, for its subpaths to be read
_GRID_LINES = 3  # rules each way, at least, a path drawing many must give to be a table's


def _batched_rules(
    drawn: list[tuple[list[float], list[float]]], outlined: bool
) -> tuple[list[Rule], list[Rule]]:
    """The rules of a path drawing many subpaths: each thin one (a line, a bar), and the sides
    of each upright box when the path is only stroked (cells' outlines) — when they make a
    grid of their own (:func:`_a_grid`). Others are a decoration batched into one path
    (stripes, a writing paper's lines, a page's border, a chart's gridlines), which taken for
    rules joined a table's grid beside them and broke it."""
    hs: list[Rule] = []
    vs: list[Rule] = []
    for xs, ys in drawn:
        left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        across, down = thin_rule(left, -top, right, -bottom)
        boxed = outlined and min(right - left, top - bottom) >= _MIN_RULE and _upright(xs, ys)
        if not across and not down and boxed:
            across, down = box_sides(left, -top, right, -bottom)
        hs += across
        vs += down
    return (hs, vs) if _a_grid(_joined(hs), _joined(vs)) else ([], [])


def thin_rule(
    left: float, top: float, right: float, bottom: float
) -> tuple[list[Rule], list[Rule]]:
    """A shape (its box in the page's top-down coordinates, points) as the rule it draws when it
    is thin one way and long the other (a line, a bar): ([rule], []) across, ([], [rule]) down;
    ([], []) for any other shape."""
    if bottom - top <= _THIN and right - left >= _MIN_RULE:
        return [Rule((top + bottom) / 2, left, right)], []
    if right - left <= _THIN and bottom - top >= _MIN_RULE:
        return [], [Rule((left + right) / 2, top, bottom)]
    return [], []


def box_sides(
    left: float, top: float, right: float, bottom: float
) -> tuple[list[Rule], list[Rule]]:
    """An upright box's four sides as rules (top-down coordinates, points)."""
    return [Rule(top, left, right), Rule(bottom, left, right)], [
        Rule(left, top, bottom),
        Rule(right, top, bottom),
    ]


def upright_side(a: tuple[float, float], b: tuple[float, float]) -> tuple[list[Rule], list[Rule]]:
    """A straight side from ``a`` to ``b`` (x, y: top-down, points) as a rule when it runs
    across or down, within a quarter of a rule's thickness, and is long enough to be one."""
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= _THIN / 4 and abs(ax - bx) >= _MIN_RULE:
        return [Rule((ay + by) / 2, min(ax, bx), max(ax, bx))], []
    if abs(ax - bx) <= _THIN / 4 and abs(ay - by) >= _MIN_RULE:
        return [], [Rule((ax + bx) / 2, min(ay, by), max(ay, by))]
    return [], []


def _a_grid(hs: list[Rule], vs: list[Rule]) -> bool:
    """Whether rules make a grid of their own: three lines at least each way crossing two of the
    other way (a chart's axis with its gridlines and ticks, the ticks crossing the axis only,
    is none; nor a page's border, stripes, a writing paper's lines and its margin)."""
    if len(hs) < _GRID_LINES or len(vs) < _GRID_LINES or len(hs) * len(vs) > _MAX_CELLS:
        return False
    across = [sum(_crosses(h, v) for v in vs) >= 2 for h in hs]
    down = [sum(_crosses(h, v) for h in hs) >= 2 for v in vs]
    return sum(across) >= _GRID_LINES and sum(down) >= _GRID_LINES


def _upright(xs: list[float], ys: list[float]) -> bool:
    """Whether a subpath's points are an upright box's corners (four sides drawn, a fifth
    closing it at most)."""
    return (
        len(xs) <= 5 and len({round(x, 1) for x in xs}) == 2 and len({round(y, 1) for y in ys}) == 2
    )


def _outlined(obj: Any, pdfium_c: Any) -> bool:
    """Whether a path is stroked and not filled (outlines, no shaded areas)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value


def _subpaths(obj: Any, pdfium_c: Any) -> list[tuple[list[float], list[float]]] | None:
    """The points (xs, ys, on the page) of each subpath of a path that draws two or more;
    None for a path of one, or of more than _MAX_SEGMENTS segments (a drawing)."""
    count = pdfium_c.FPDFPath_CountSegments(obj.raw)
    if not 4 <= count <= _MAX_SEGMENTS:
        return None
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj.raw, ctypes.byref(m)):
        return None
    out: list[tuple[list[float], list[float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            return None
        if not out or pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
            out.append(([], []))
        out[-1][0].append(m.a * x.value + m.c * y.value + m.e)
        out[-1][1].append(m.b * x.value + m.d * y.value + m.f)
    return out if len(out) >= 2 else None


@dataclass
class Grid:
    """One ruled table: its grid lines, and which merged cell each grid cell belongs to."""

    xs: list[float]
    ys: list[float]
    cell_of: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def holds(self, piece: Piece) -> bool:
        x, y = (piece.left + piece.right) / 2, (piece.top + piece.bottom) / 2
        left, top, right, bottom = self.box
        return left < x < right and top < y < bottom

    def position(self, piece: Piece) -> tuple[int, int]:
        x, y = (piece.left + piece.right) / 2, (piece.top + piece.bottom) / 2
        return _band(self.ys, y), _band(self.xs, x)


def grids(horizontal: list[Rule], vertical: list[Rule]) -> list[Grid]:
    """The tables the rules draw: each set of rules that cross one another, with two columns at
    least (a box round a paragraph, a rule under a 红头 are no table; a table's last row a page
    break leaves alone on the next page is one)."""
    out = []
    for hs, vs in _crossing_sets(_joined(horizontal), _joined(vertical)):
        # a table drawn open at its sides (no outer vertical rules, its rows ruled across) or at
        # its top and bottom ends where its rules do
        xs = _snapped([*(r.at for r in vs), min(r.start for r in hs), max(r.end for r in hs)])
        ys = _snapped([*(r.at for r in hs), min(r.start for r in vs), max(r.end for r in vs)])
        if len(xs) < 3 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) > _MAX_CELLS:
            continue
        out.append(_merged(Grid(xs, ys), hs, vs))
    return out


def _joined(rules: list[Rule]) -> list[Rule]:
    """``rules`` with those that run on from one another along one line joined, once each: a
    writer draws a grid line a cell's border at a time (two cells' borders in one place, at
    times), and the border of a cell merged across columns may cross no rule of its own (a row
    below a header merged across the table, a figure given once across three columns), though
    it is the table's."""
    out: list[Rule] = []
    for line in _on_one_line(rules):
        line.sort(key=lambda r: r.start)
        first = len(out)
        for r in line:
            if len(out) > first and r.start <= out[-1].end + _SNAP:
                if r.end > out[-1].end:
                    out[-1] = Rule(out[-1].at, out[-1].start, r.end)
            else:
                out.append(r)
    return out


def _on_one_line(rules: list[Rule]) -> list[list[Rule]]:
    """``rules`` grouped by the line they lie on (within a stroke's width: 0.5 pt)."""
    groups: list[list[Rule]] = []
    for r in sorted(rules, key=lambda r: r.at):
        if groups and r.at - groups[-1][-1].at <= _ONE_LINE:
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def table_lines(grid: Grid, pieces: list[Piece]) -> list[str] | None:
    """The grid's rows as lines, its cells' text joined by `` | `` (a row's end cells empty:
    its outer borders shown, so that they are still cells); None when a cell holds a passage
    of text, not a table's label or figure. A cell of the last row whose text reaches its edge
    is marked (:data:`CUT`) for :func:`rows_across_pages`."""
    texts: dict[int, list[Piece]] = {}
    for piece in pieces:
        texts.setdefault(grid.cell_of[grid.position(piece)], []).append(piece)
    text: dict[int, str] = {}
    last = len(grid.xs) - 2
    across = {  # cells merged across the whole table: a head, a note
        grid.cell_of[(i, 0)]
        for i in range(len(grid.ys) - 1)
        if grid.cell_of[(i, 0)] == grid.cell_of[(i, last)]
    }
    for cell, own in texts.items():
        read = _cell_text(own, cell in across)
        if read is None or len(read) > _FORM_CELL_CHARS:
            return None
        text[cell] = read
    if not _form(grid, text) and (_prose(text) or any(len(t) > _CELL_CHARS for t in text.values())):
        return None
    if _runs_across(grid, pieces):
        return None
    for cell in _cut_at_the_foot(grid, texts):
        text[cell] += CUT
    lines = _rows(grid, text, again=True)
    if sum(map(len, lines)) > _COPIES * len(pieces) + 1_000:
        lines = _rows(grid, text, again=False)  # a cell merged down a thousand rows: once
    return lines


def _cut_at_the_foot(grid: Grid, texts: dict[int, list[Piece]]) -> list[int]:
    """The cells of the grid's last row whose text's last line reaches the cell's right edge:
    its text may run on in the next page's first row (a row a page break split)."""
    last = len(grid.ys) - 2
    out = []
    for j in range(len(grid.xs) - 1):
        cell = grid.cell_of[(last, j)]
        if cell in out or not (own := [p for p in texts.get(cell, []) if p.text != " "]):
            continue
        right = max(
            grid.xs[k + 1] for k in range(j, len(grid.xs) - 1) if grid.cell_of[(last, k)] == cell
        )
        line = visual_rows(own)[-1]
        em = max(p.bottom - p.top for p in line)
        if right - max(p.right for p in line) <= _CUT_REACH * em:
            out.append(cell)
    return out


def _rows(grid: Grid, text: dict[int, str], again: bool) -> list[str]:
    """Each grid row's cells, joined; a cell merged down several rows given in each (``again``)
    or in its first only."""
    lines = []
    given: set[int] = set()
    for i in range(len(grid.ys) - 1):
        cells: list[str] = []
        last = None
        for j in range(len(grid.xs) - 1):
            cell = grid.cell_of[(i, j)]
            if cell != last:  # a cell merged across columns, once
                cells.append(text.get(cell, "") if again or cell not in given else "")
                given.add(cell)
            last = cell
        if any(cells):
            lines.append(_row(cells))
    return lines


def _form(grid: Grid, text: dict[int, str]) -> bool:
    """Whether the grid is a form (forms.py). Letter paper has no labels beside its lines, nor
    do two columns of a page boxed in rules."""
    columns = len(grid.xs) - 1
    rows = [
        (
            text.get(grid.cell_of[(i, 0)], ""),
            [text.get(grid.cell_of[(i, j)], "") for j in range(1, columns)],
        )
        for i in range(len(grid.ys) - 1)
        # (a row merged across is a form's head, or a note)
        if columns >= 2 and grid.cell_of[(i, 0)] != grid.cell_of[(i, 1)]
    ]
    # (one labelled row may be all a page holds of it, under its text run on from the page
    # before; a ruled box of a page's navigation beside its text is one row alone)
    return labelled_rows(rows) >= 1 and sum(1 for _, others in rows if any(others)) >= 2


def _prose(text: dict[int, str]) -> bool:
    """Whether the cells hold running text (a page ruled as letter paper, a rule under each
    line): a table's labels and figures are seldom cut by a comma or a full stop."""
    filled = [t for t in text.values() if t]
    punctuated = sum(1 for t in filled if SENTENCE_MARKS.intersection(t))
    return punctuated > _PROSE_SHARE * len(filled)


def _runs_across(grid: Grid, pieces: list[Piece]) -> bool:
    """Whether lines of text run on across the cells' borders, their characters no further
    apart there than inside a word (a fine grid drawn over the page): a table's cells keep
    their text apart by their padding."""
    across = touching = 0
    for row in visual_rows([p for p in pieces if p.text != " "]):
        for a, b in pairwise(row):
            if grid.position(a)[1] != grid.position(b)[1]:
                across += 1
                em = max(a.bottom - a.top, b.bottom - b.top)
                touching += b.left - a.right < _TOUCHING * em
    # (mostly: a narrow cell's character may reach its border now and then)
    return touching >= _RUNS and touching > across / 2


def _cell_text(pieces: list[Piece], across: bool) -> str | None:
    """A cell's characters, line by line top to bottom (a label wrapped in its cell, a group's
    name set a character a line), as one text; None when characters stand in it a column apart
    (more than an em: 15 and 3 in one cell, 本年制发件数 and 本年废止件数, no rule between
    them), which are not one text — but words so on the one line of a cell ``across`` the
    whole table (项目  内容: a form's head ruled round as a whole) are kept apart by a gap, as
    the line would read."""
    rows = visual_rows([p for p in pieces if p.text != " "])
    out: list[str] = []
    for row in rows:
        for a, b in pairwise(row):
            out.append(a.text)
            if b.left - a.right > _APART * max(a.bottom - a.top, b.bottom - b.top):
                if not across or len(rows) > 1 or any(p.text.isdigit() for p in row):
                    return None
                out.append(_GAP)
        out.append(row[-1].text)
    return "".join(out)


def _band(edges: list[float], value: float) -> int:
    """The band of ``edges`` (sorted) ``value`` falls in: the first before the first edge, the
    last past the last one."""
    return min(max(bisect_right(edges, value) - 1, 0), len(edges) - 2)


def _snapped(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _crosses(h: Rule, v: Rule) -> bool:
    return h.start - _REACH <= v.at <= h.end + _REACH and v.start - _REACH <= h.at <= v.end + _REACH


def _root(parent: list[int], k: int) -> int:
    """``k``'s set in a union-find forest (``parent``), its path halved on the way."""
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _crossing_sets(
    horizontal: list[Rule], vertical: list[Rule]
) -> list[tuple[list[Rule], list[Rule]]]:
    """The rules grouped by crossing: two rules are of one table when a chain of crossings joins
    them."""
    parent = list(range(len(horizontal) + len(vertical)))
    by_x = sorted(range(len(vertical)), key=lambda b: vertical[b].at)
    xs = [vertical[b].at for b in by_x]
    for a, h in enumerate(horizontal):  # the verticals within its reach along x only
        for b in by_x[bisect_left(xs, h.start - _REACH) : bisect_right(xs, h.end + _REACH)]:
            if _crosses(h, vertical[b]):
                parent[_root(parent, a)] = _root(parent, len(horizontal) + b)
    sets: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for k, rule in enumerate([*horizontal, *vertical]):
        hs, vs = sets.setdefault(_root(parent, k), ([], []))
        (hs if k < len(horizontal) else vs).append(rule)
    return [s for s in sets.values() if s[0] and s[1]]


def _on_lines(rules: list[Rule], lines: list[float]) -> list[list[Rule]]:
    """``rules`` by the grid line each lies on (``lines`` were snapped from their positions)."""
    out: list[list[Rule]] = [[] for _ in lines]
    for rule in rules:  # the nearest line (the lines are the rules' own positions, snapped)
        k = _band(lines, rule.at)
        if k + 1 < len(lines) and lines[k + 1] - rule.at < rule.at - lines[k]:
            k += 1
        out[k].append(rule)
    return out


def _covers(rules: list[Rule], middle: float) -> bool:
    """Whether a rule of ``rules`` (those on one grid line) runs past ``middle``."""
    return any(r.start - _SNAP < middle < r.end + _SNAP for r in rules)


def _merged(grid: Grid, hs: list[Rule], vs: list[Rule]) -> Grid:
    """``grid`` with each grid cell given its merged cell: cells no rule parts are one."""
    rows, columns = len(grid.ys) - 1, len(grid.xs) - 1
    parent = list(range(rows * columns))
    across, down = _on_lines(hs, grid.ys), _on_lines(vs, grid.xs)

    for i in range(rows):
        y_middle = (grid.ys[i] + grid.ys[i + 1]) / 2
        for j in range(columns):
            x_middle = (grid.xs[j] + grid.xs[j + 1]) / 2
            here = _root(parent, i * columns + j)
            if j + 1 < columns and not _covers(down[j + 1], y_middle):
                parent[_root(parent, i * columns + j + 1)] = here
            if i + 1 < rows and not _covers(across[i + 1], x_middle):
                parent[_root(parent, (i + 1) * columns + j)] = here
    grid.cell_of = {
        (i, j): _root(parent, i * columns + j) for i in range(rows) for j in range(columns)
    }
    return grid


# a ruled table's place among a page's pieces, its rows put there once its lines are laid out
TABLE_MARK = "\x00table"  # (no text holds \x00)
# after a cell's text at the foot of a page's table whose last line reaches the cell's edge
# (table_lines), taken off by rows_across_pages: a text that may run on over the page break
CUT = "\x02"
_CUT_REACH = 2.0  # em: a wrapped line ends this close to its cell's right edge, at most
# (its padding, and up to a character: the next did not fit)

# a cell holding a figure (1286, 12.35, 5件, a dash or 无 for none)
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?[件个项次条%]?|[-—–－‐/／]+|无")
# a cell opening a row of its own (（四）无法提供, 3.补正后…, 二、上年结转…)
_ROW_LABEL = re.compile(
    r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]"
)


def rows_across_pages(paged: list[list[str]]) -> None:
    """Join each table row a page break split (a tall row — a label wrapped in a narrow cell, a
    form's long text — runs on to the next page, as Word and WPS let a row break): the next
    page's first row (past the table's header rows, repeated) goes on, cell by cell, from the
    page's last one. It goes on only in cells whose text reached the cell's edge above
    (:data:`CUT`, taken off every line after); its figures are on one side only and none of its
    cells opens a row of its own (3.补正后…), or, with no figure on either side, it has no label
    of its own."""
    for k in range(1, len(paged)):
        before, lines = paged[k - 1], paged[k]
        if not before or not lines:
            continue
        seen = {line.replace(CUT, "") for line in before}  # a table's header rows, repeated
        first = next((j for j, line in enumerate(lines) if line.replace(CUT, "") not in seen), None)
        if first is None:
            continue
        above, below = _cells(before[-1]), _cells(lines[first].replace(CUT, ""))
        if above is None or below is None or len(above) != len(below):
            continue
        cut = [c.endswith(CUT) for c in above]
        above = [c.replace(CUT, "") for c in above]
        if _continues(above, below, cut):
            before[-1] = _row([a + b for a, b in zip(above, below, strict=True)])
            del lines[first]
    for lines in paged:
        lines[:] = [line.replace(CUT, "") for line in lines]


def _cells(line: str) -> list[str] | None:
    """A ruled table's row's cells (as :func:`_rows` joins them); None for another line."""
    body = line[2:-2] if line.startswith("| ") and line.endswith(" |") else line
    cells = body.split(" | ")
    return cells if len(cells) >= 2 else None


def _row(cells: list[str]) -> str:
    joined = " | ".join(cells)
    return joined if cells[0] and cells[-1] else f"| {joined} |"


def _continues(above: list[str], below: list[str], cut: list[bool]) -> bool:
    # the text runs on only from a cell whose last line reached its edge (a label complete in
    # its cell, 行政许可, over a row of blank cells, 行政处罚, is the row before it)
    both = [k for k, (a, b) in enumerate(zip(above, below, strict=True)) if a and b]
    if not both or not all(cut[k] for k in both):
        return False
    figures_above = [bool(_FIGURE.fullmatch(c)) for c in above]
    figures_below = [bool(_FIGURE.fullmatch(c)) for c in below]
    if any(_ROW_LABEL.match(c) for c in below):
        return False
    if any(figures_above) or any(figures_below):
        if any(figures_above) == any(figures_below):
            return False
        figures, other = (figures_above, below) if any(figures_above) else (figures_below, above)
        # the other half: text beside the figures' cells, none in them
        return any(other) and not any(o for o, f in zip(other, figures, strict=True) if f)
    # a form's row: its text (prose, not a blank row's label) runs on, its label cell empty
    # on the next page
    prose = any(SENTENCE_MARKS.intersection(above[k]) for k in both)
    return prose and bool(above[0]) and not below[0]
