"""OFD (GB/T 33190, China's fixed-layout format): the text objects of each page in reading
order, wrapped lines of a paragraph joined, through the bounded unzip.

Read: OFD.xml -> DocRoot (Document.xml) -> Pages -> each page's Content.xml -> TextObject /
TextCode. A ruled table (its PathObjects' rules: :mod:`fzcheck.reading.ofd_rules`) is read
cell by cell, as a PDF's is (:mod:`fzcheck.reading.pdf_tables`). Not read: templates (page
headers), annotations, and text drawn only as paths. A scanner's OFD, its pages pictures and no
text, is read by OCR."""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any

from fzcheck.errors import InputError
from fzcheck.reading.layout import Piece, document_lines
from fzcheck.reading.limits import (
    MAX_ELEMENTS,
    MAX_XML_ELEMENTS,
    Deadline,
    SafeZip,
    count_limit,
    xml_elements,
)
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.ocr import read_pictures
from fzcheck.reading.ofd_rules import PT, page_rules
from fzcheck.reading.pdf_tables import TABLE_MARK, Grid, grids, rows_across_pages, table_lines

_MAX_TEXT_CODES = 8 * MAX_ELEMENTS  # some writers put each character in its own TextCode
_MAX_PAGES = 2_000


def read_ofd(data: bytes, deadline: Deadline | None = None) -> Extracted:
    deadline = deadline or Deadline()
    package = SafeZip(data, ".ofd")
    root = _xml(package, "OFD.xml")
    doc_root = _first_text(root, "DocRoot")
    if not doc_root:
        raise InputError(
            "a damaged .ofd file (OFD.xml names no document); re-export it", kind="corrupt"
        )
    doc_path = _resolve("", doc_root)
    document = _xml(package, doc_path)
    pages = [page.get("BaseLoc", "") for page in document.iter("{*}Page")]
    count_limit(len(pages), "pages", _MAX_PAGES)
    pages_pieces: list[list[Piece]] = []
    tables: dict[str, tuple[int, list[str]]] = {}  # each ruled table's rows, by its mark
    rules_left, cells_left = _DOCUMENT_RULES, _DOCUMENT_CELLS
    pictures: list[str] = []  # each page's ImageObjects' resource ids, in page order
    codes = total = 0
    for location in pages:
        deadline.check()
        content = _xml(package, _resolve(posixpath.dirname(doc_path), location))
        rules = page_rules(content, _PAGE_PATHS) if rules_left > 0 and cells_left > 0 else ([], [])
        rules_left -= len(rules[0]) + len(rules[1])
        ruled = grids(*rules)
        cells_left -= sum((len(g.xs) - 1) * (len(g.ys) - 1) for g in ruled)
        pieces: list[Piece] = []
        glyphs: list[Piece] = []  # each glyph apart, on a page with a ruled table
        for obj in content.iter("{*}TextObject"):
            place = _Place(obj.get("Boundary", ""), obj.get("CTM"), _float(obj.get("Size"), 3.5))
            x, y = 0.0, place.size
            for code in obj.iter("{*}TextCode"):
                codes += 1
                # a TextCode without X or Y is set at the one before's (GB/T 33190 11.3)
                x, y = _float(code.get("X"), x), _float(code.get("Y"), y)
                text = code.text or ""
                if text.strip():
                    deltas = code.get("DeltaX"), code.get("DeltaY")
                    pieces.extend(place.pieces(text, x, y, *deltas))
                    if ruled:
                        glyphs.extend(place.glyphs(text, x, y, *deltas))
                    # a code's glyphs set apart are pieces of their own: counted too
                    count_limit(total + len(pieces), "text objects", _MAX_TEXT_CODES)
        count_limit(codes, "text objects", _MAX_TEXT_CODES)
        pictures.extend(obj.get("ResourceID", "") for obj in content.iter("{*}ImageObject"))
        total += len(pieces)
        if ruled:
            pieces = _tables_set(pieces, glyphs, ruled, tables, len(pages_pieces))
        pages_pieces.append(pieces)
    lines = _with_tables(document_lines(pages_pieces), tables)
    scans = (
        _media(package, doc_path, document, pictures, deadline) if not lines and pictures else []
    )
    text = read_pictures(scans) if scans else ""
    if text:  # a scanner's OFD: its pages are pictures
        return Extracted(text, ocr=True)
    if not lines:
        raise InputError(
            "the .ofd holds no text objects (a scanned OFD?); export it to PDF "
            "and check the PDF (scanned PDFs are read by OCR)",
            kind="scanned_pdf",
        )
    return Extracted("\n".join(lines))


_PAGE_PATHS = 5_000  # paths on a page, at most, for its rules to be looked at (a drawing)
# rules and grid cells in a document, at most, for its tables to be read by them (a report's
# four tables draw some 400 rules round 600 cells; a page of a thousand rules takes a third of
# a second to find their crossings, of 20,000 cells half a second to read): past them, the rest
# of a crafted file's pages are read by position, as before
_DOCUMENT_RULES = 20_000
_DOCUMENT_CELLS = 50_000
_MARKS = re.compile(f"({TABLE_MARK}\\d+)")


def _tables_set(
    pieces: list[Piece],
    glyphs: list[Piece],
    ruled: list[Grid],
    tables: dict[str, tuple[int, list[str]]],
    page: int,
) -> list[Piece]:
    """The page's pieces with each ruled table read by its cells (pdf_tables, in points): its
    pieces replaced by one across its top, marking where its rows stand in the page's lines."""
    placed = [_in_points(g) for g in _once(glyphs)]
    measured = [(p, _in_points(p)) for p in pieces]  # (each placed once, not once a table)
    for grid in ruled:
        rows = table_lines(grid, [g for g in placed if grid.holds(g)])
        if not rows:
            continue
        measured = [(p, at) for p, at in measured if not grid.holds(at)]
        key = f"{TABLE_MARK}{len(tables)}"
        tables[key] = (page, rows)
        left, top, right, _ = grid.box
        mark = Piece(top / PT, (top + 1.0) / PT, left / PT, right / PT, key)
        measured.append((mark, _in_points(mark)))
    return [p for p, _ in measured]


def _in_points(p: Piece) -> Piece:
    """A piece placed in points, as pdf_tables measures (OFD places it in millimetres)."""
    return Piece(p.top * PT, p.bottom * PT, p.left * PT, p.right * PT, p.text)


_OVERPRINT = 0.3  # em: a copy of a glyph set this close to it is drawn over it


def _once(glyphs: list[Piece]) -> list[Piece]:
    """The glyphs, each drawn over a copy of itself (a writer's fake bold: the text set twice a
    fraction of a character apart) kept once: both copies in a cell read 信信息息."""
    out: list[Piece] = []
    near: dict[str, list[Piece]] = {}  # by text, those kept on the lines still within reach
    for g in sorted(glyphs, key=lambda p: (p.top, p.left)):
        reach = _OVERPRINT * (g.bottom - g.top)
        same = near.setdefault(g.text, [])
        same[:] = [p for p in same if g.top - p.top <= reach]
        if not any(abs(p.left - g.left) <= reach for p in same):
            same.append(g)
            out.append(g)
    return out


def _with_tables(lines: list[str], tables: dict[str, tuple[int, list[str]]]) -> list[str]:
    """``lines`` with each table's mark replaced by its rows (a line the mark was joined to
    split round them); a row a page break split, the table going on at the next page's top,
    joined again (:func:`rows_across_pages`)."""
    if not tables:
        return lines
    out: list[str] = []
    run: list[tuple[int, list[str]]] = []  # tables on pages one after another, nothing between

    def flush() -> None:
        rows_across_pages([rows for _, rows in run])
        out.extend(row for _, rows in run for row in rows)
        run.clear()

    for line in lines:
        for part in _MARKS.split(line) if TABLE_MARK in line else [line]:
            table = tables.get(part)
            if table is not None:
                if run and table[0] != run[-1][0] + 1:
                    flush()
                run.append(table)
            elif part.strip():
                flush()
                out.append(part)
    flush()
    return out


def _media(
    package: SafeZip, doc_path: str, document: Any, ids: list[str], deadline: Deadline
) -> list[bytes]:
    """The files of the MultiMedia resources ``ids`` name, in their order, each once: the
    document's resource files (DocumentRes, PublicRes) list them, each under its BaseLoc."""
    files: dict[str, str] = {}
    here = posixpath.dirname(doc_path)
    listed = (
        _resolve(here, (r.text or "").strip())
        for r in document.iter("{*}DocumentRes", "{*}PublicRes")
        if r.text
    )
    for path in dict.fromkeys(listed):  # each resource file once, however often it is named
        deadline.check()
        if path not in package.infos:
            continue
        root = _xml(package, path)
        base = _resolve(posixpath.dirname(path), root.get("BaseLoc", ""))
        for media in root.iter("{*}MultiMedia"):
            name = _first_text(media, "MediaFile")
            if name:
                files.setdefault(media.get("ID", ""), _resolve(base, name))
    wanted = dict.fromkeys(files[i] for i in ids if i in files)
    return [package.read(name) for name in wanted if name in package.infos]


def _xml(package: SafeZip, name: str) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    if name not in package.infos:
        raise InputError(f"a damaged .ofd file ({name} is missing); re-export it", kind="corrupt")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        recover=False,
    )
    data = package.read(name)
    # counted before the tree is built: 31 MB of tiny junk elements in a page took 1 GB
    count_limit(xml_elements(data), f"XML elements in {name}", MAX_XML_ELEMENTS)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(
            f"a damaged .ofd file ({name}: {err.msg}); re-export it", kind="corrupt"
        ) from None


def _first_text(root: Any, tag: str) -> str:
    for element in root.iter(f"{{*}}{tag}"):
        return (element.text or "").strip()
    return ""


def _resolve(base: str, location: str) -> str:
    """A location inside the package: absolute (/Doc_0/...) or relative to ``base``."""
    location = location.strip().replace("\\", "/")
    joined = location.lstrip("/") if location.startswith("/") else posixpath.join(base, location)
    return posixpath.normpath(joined)


class _Place:
    """Where a TextObject sets its glyphs on the page: from its Boundary's corner, through its
    CTM (a converter from PDF writes each glyph in an object space scaled by one: Size 112.8,
    CTM 0.05 0 0 0.05 0 0), at its Size."""

    def __init__(self, boundary: str, ctm: str | None, size: float) -> None:
        parts = boundary.split()
        self.x0, self.y0 = (
            (_float(parts[0], 0.0), _float(parts[1], 0.0)) if len(parts) >= 2 else (0.0, 0.0)
        )
        width = _float(parts[2], 0.0) if len(parts) >= 3 else 0.0
        self.x1 = self.x0 + width if width > 0 else math.inf  # the object's right edge
        matrix = [_float(v, 0.0) for v in (ctm or "").split()]
        self.m = tuple(matrix) if len(matrix) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        a, b, c, d = self.m[:4]
        self.size = size  # in the object space
        self.scale = abs(a * d - b * c) ** 0.5 or 1.0

    def _page(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return self.x0 + a * x + c * y + e, self.y0 + b * x + d * y + f

    def pieces(
        self, text: str, x: float, y: float, delta_x: str | None, delta_y: str | None
    ) -> list[Piece]:
        """A TextCode's glyphs, from (x, y) on by their advances (DeltaX, DeltaY; a glyph
        without one advances by its own width: a full-width character ``size``, others half),
        as pieces of text on the page: a glyph set back (overprinted) or on another line starts
        a new piece, and a jump over more than a character (a tab between a row's cells, a
        letter-spaced word) is a space in its piece."""
        text = text.strip()
        size = self.size
        if len(text) > _LONG:  # no line of a page: one piece, not a walk of a million glyphs
            return self._piece([text], x, x + sum(_advance(ch, size) for ch in text), y)
        out: list[Piece] = []
        chars: list[str] = []
        start = end = x
        for i, (ch, at, down, dx, dy) in enumerate(self._walk(text, x, y, delta_x, delta_y)):
            if i:
                if dx < -0.5 * size or abs(dy) > 0.5 * size:
                    out.extend(self._piece(chars, start, end, y))
                    chars, start = [], at
                elif dx - _advance(text[i - 1], size) > _JUMP * size:
                    chars.append(" ")
            y = down
            chars.append(ch)
            end = at + _advance(ch, size)
        out.extend(self._piece(chars, start, end, y))
        return out

    def glyphs(
        self, text: str, x: float, y: float, delta_x: str | None, delta_y: str | None
    ) -> list[Piece]:
        """Each glyph of a TextCode a piece of its own: a ruled table's cells are found glyph
        by glyph (a writer may set a row's cells in one TextCode, its DeltaX jumping them)."""
        text = text.strip()
        if len(text) > _LONG:
            return []
        walked = [(at, down) for _, at, down, _, _ in self._walk(text, x, y, delta_x, delta_y)]
        # a glyph no wider than its steps to the glyphs beside it on its line: text set narrow
        # (a label squeezed into its cell) reaches no border its DeltaX keeps it off
        steps = [
            b[0] - a[0] if b[1] == a[1] and b[0] > a[0] else math.inf for a, b in pairwise(walked)
        ]
        out: list[Piece] = []
        for k, (ch, (at, down)) in enumerate(zip(text, walked, strict=True)):
            if not ch.isspace():
                near = min(
                    steps[k - 1] if k else math.inf, steps[k] if k < len(steps) else math.inf
                )
                for p in self._piece([ch], at, at + min(_advance(ch, self.size), near), down):
                    # nor past its object's Boundary (a glyph an object of its own: its box)
                    out.append(replace(p, right=max(p.left, min(p.right, self.x1))))
        return out

    def _walk(
        self, text: str, x: float, y: float, delta_x: str | None, delta_y: str | None
    ) -> Iterator[tuple[str, float, float, float, float]]:
        """Each glyph, where it is set (x, y), and its step from the one before (dx, dy)."""
        dxs, dys = _deltas(delta_x, len(text) - 1), _deltas(delta_y, len(text) - 1)
        dx = dy = 0.0
        for i, ch in enumerate(text):
            if i:
                given, dy = dxs[i - 1], dys[i - 1] or 0.0
                dx = given if given is not None else _advance(text[i - 1], self.size)
                x, y = x + dx, y + dy
            yield ch, x, y, dx, dy

    def _piece(self, chars: list[str], start: float, end: float, y: float) -> list[Piece]:
        text = "".join(chars).strip()
        if not text:
            return []
        (x0, base), (x1, _) = self._page(start, y), self._page(end, y)
        size = self.size * self.scale
        return [Piece(base - size, base, min(x0, x1), max(x0, x1), text)]


_JUMP = 1.0  # em: a glyph advanced further than this past the one before stands apart
_LONG = 5_000  # characters in one TextCode: a line holds a hundred


def _advance(ch: str, size: float) -> float:
    """A glyph's width when no DeltaX gives its advance: full-width characters ``size`` (and
    the quotes, dashes and ellipsis a Chinese font sets as wide), others half that."""
    return size if ord(ch) > 0x2E7F or ch in _WIDE else 0.5 * size


_WIDE = frozenset("‘’“”—…")


def _deltas(delta: str | None, gaps: int) -> list[float | None]:
    """``gaps`` advances from DeltaX or DeltaY (``g N d`` repeats d N times); None for those
    it does not give."""
    out: list[float | None] = []
    tokens, i = (delta or "").split(), 0
    while i < len(tokens) and len(out) < gaps:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = min(int(_float(tokens[i + 1], 0.0)), gaps - len(out))  # a huge N is cut
            out.extend([_float(tokens[i + 2], 0.0)] * max(count, 0))
            i += 3
        else:
            out.append(_float(tokens[i], 0.0))
            i += 1
    return out + [None] * (gaps - len(out))


def _float(value: str | None, default: float) -> float:
    """``value`` as a number; ``default`` for none, or for one that is no finite number (nan,
    1e999: no position, and no count of a DeltaX's ``g N``)."""
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if math.isfinite(number) else default
