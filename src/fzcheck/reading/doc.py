"""Legacy Word 97-2003 .doc and WPS .wps (the same OLE container and Word binary format): the
main text, from the piece table, one paragraph a line, as Word shows it and as the .docx reader
reads the same document:

- a table's rows a line each, cells joined with `` | `` as the .docx reader writes them: an
  empty cell kept (a blank table 四 is still a table), a cell merged down showing the text of
  the cell it continues, a table of one column (a frame) read as its paragraphs; which mark
  ends a cell and which a row comes from the paragraph properties (sprmPFTtp), else from the
  marks alone (a cell mark right after one ends the row);
- the number Word puts in front of a paragraph of an automatically numbered list (一、 （一）
  1.), which is not in the text, from the list tables (see :mod:`fzcheck.reading.doc_props`);
- the text of text boxes (a 公文 template's title, a signature and date), placed by its anchor
  (see :func:`_document_lines`).

Heading styles are not read (outline levels come from the 一、（一） markers, typed or
numbered by Word); headers, footers, footnotes and comments are not read."""

from __future__ import annotations

import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from fzcheck.errors import InputError
from fzcheck.reading.doc_props import Lists, Papx, ParaProps, RowDef, Styles
from fzcheck.reading.limits import MAX_CHARS, MAX_ELEMENTS, Deadline, count_limit
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.resegment import MAX_HEADING
from fzcheck.reading.sniff import PRESENTATION, SPREADSHEET

_WORD_IDENT = 0xA5EC
_DROP = dict.fromkeys(map(ord, "\x01\x02\x05\x08\x15\x1f"), None) | {
    0x0B: "\n",
    0x0C: "\n",
    0x0E: "\n",
    0x1E: "-",
    0xA0: " ",
    0x0D: "\n",
}


def read_doc(data: bytes, deadline: Deadline | None = None) -> Extracted:
    import olefile  # type: ignore[import-untyped]

    try:
        ole = olefile.OleFileIO(data)
    except Exception as err:  # noqa: BLE001 - olefile raises many kinds for a damaged container
        raise InputError(
            f"a damaged .doc/.wps file ({type(err).__name__}); re-save it from Word or WPS",
            kind="corrupt",
        ) from None
    try:
        if not ole.exists("WordDocument"):
            kind = "encrypted" if ole.exists("EncryptedPackage") else "unsupported_format"
            raise InputError(_not_word(ole.listdir()), kind=kind)
        word = ole.openstream("WordDocument").read()
        flags = _u16(word, 0x0A)
        if _u16(word, 0) != _WORD_IDENT or len(word) < 0x1AA:
            raise InputError(
                "an OLE file whose WordDocument stream is not Word 97-2003 text "
                "(a Word 6/95 or older WPS file?); re-save it as .docx",
                kind="unsupported_format",
            )
        if flags & 0x0100:
            raise InputError(
                "the .doc/.wps is password-protected; save an unprotected copy", kind="encrypted"
            )
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise InputError(
                f"a damaged .doc/.wps file (no {table_name} stream); re-save it", kind="corrupt"
            )
        table = ole.openstream(table_name).read()
        data = ole.openstream("Data").read() if ole.exists("Data") else b""
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a stream chain that loops or leaves the file
        raise InputError(
            f"a damaged .doc/.wps file ({type(err).__name__}); re-save it", kind="corrupt"
        ) from None
    finally:
        ole.close()
    return Extracted("\n".join(_document_lines(_Reader(word, table, data, deadline or Deadline()))))


def _document_lines(reader: _Reader) -> list[str]:
    """The main story's lines, with each text box's lines where it is anchored: before the
    paragraph it is anchored in while no body text has come yet (a 公文 template's title),
    after it once it has (a signature and date set in a box under the last paragraph); a box
    whose anchor is not found, at the end."""
    main = reader.blocks(0, _u32(reader.word, 0x4C))
    parts = [_lines([block]) for _, block in main]
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    body_from = next(
        (k for k, lines in enumerate(parts) if any(map(_is_body_text, lines))), len(parts)
    )
    starts = [cp for cp, _ in main]
    for anchor, lines in _text_boxes(reader):
        k = bisect_right(starts, anchor) - 1 if anchor is not None else -1
        if anchor is None or k < 0:
            after.setdefault(len(parts) - 1, []).extend(lines)
        elif k <= body_from:
            before.setdefault(k, []).extend(lines)
        else:
            after.setdefault(k, []).extend(lines)
    out: list[str] = after.pop(-1, [])
    for k, lines in enumerate(parts):
        out.extend(before.get(k, []))
        out.extend(lines)
        out.extend(after.get(k, []))
    return out


def _is_body_text(line: str) -> bool:
    """A line of running text, not a heading, salutation or title: long, or a sentence."""
    return len(line) > MAX_HEADING or line.endswith("。")


def _text_boxes(reader: _Reader) -> list[tuple[int | None, list[str]]]:
    """Each text box's lines (the text-box story, after the main text, footnotes, headers,
    comments and endnotes) and the main-story CP of its anchor (None when not found)."""
    word = reader.word
    ccps = struct.unpack_from("<8I", word, 0x4C)
    start, length = sum(ccps[:6]), ccps[6]
    if length == 0:
        return []
    fc, lcb = _fc_lcb(word, _PLCF_TXBX_TXT)
    boxes = (lcb - 4) // 26 if lcb >= 30 and fc + lcb <= len(reader.table) else 0
    boxes = min(boxes, MAX_ELEMENTS)  # (the paragraphs they hold count towards their limit)
    if boxes == 0:  # no table of boxes: the story as one box, at the end
        return [(None, _lines([block for _, block in reader.blocks(start, start + length)]))]
    cps = struct.unpack_from(f"<{boxes + 1}I", reader.table, fc)
    anchors = _anchors(reader)
    out: list[tuple[int | None, list[str]]] = []
    for i in range(boxes):
        first, last = cps[i], min(cps[i + 1], length)
        at = fc + 4 * (boxes + 1) + 22 * i
        if last <= first or _u16(reader.table, at + 8):  # empty, or a spare (fReusable)
            continue
        blocks = reader.blocks(start + first, start + last)
        lines = _lines([block for _, block in blocks])
        if lines:
            out.append((anchors.get(_u32(reader.table, at + 14)), lines))
    return out


def _anchors(reader: _Reader) -> dict[int, int]:
    """The main-story CP each shape is anchored at (PlcSpaMom), by its shape id."""
    fc, lcb = _fc_lcb(reader.word, _PLC_SPA_MOM)
    shapes = (lcb - 4) // 30 if lcb >= 34 and fc + lcb <= len(reader.table) else 0
    cps = struct.unpack_from(f"<{shapes}I", reader.table, fc) if shapes else ()
    spa = fc + 4 * (shapes + 1)
    return {_u32(reader.table, spa + 26 * k): cps[k] for k in range(shapes)}


def _not_word(streams: list[list[str]]) -> str:
    names = {"/".join(s) for s in streams}
    if "EncryptedPackage" in names:
        return "a password-protected Word/WPS file; save an unprotected copy"
    if "Workbook" in names or "Book" in names:
        return SPREADSHEET
    if "PowerPoint Document" in names:
        return PRESENTATION
    return "an OLE file with no Word text in it (an older WPS format?); re-save it as .docx"


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


# FibRgFcLcb97 entries (fc, lcb pairs from 0x9A) read here
_STSHF, _PLCF_BTE_PAPX, _CLX, _PLC_SPA_MOM, _PLCF_TXBX_TXT, _PLF_LST, _PLF_LFO = (
    1,
    13,
    33,
    40,
    56,
    73,
    74,
)
_CELL = "\x07"
_MARKS = re.compile("[\r\x07]")
_FIELD_MARKS = re.compile("[\x13\x14\x15]")
_MAX_FIELD_DEPTH = 64
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _fc_lcb(word: bytes, index: int) -> tuple[int, int]:
    """Entry ``index`` of the FIB's fc/lcb pairs; (0, 0) when the FIB does not have it."""
    if index >= _u16(word, 0x98) or 0x9A + 8 * index + 8 > len(word):
        return 0, 0
    return _u32(word, 0x9A + 8 * index), _u32(word, 0x9E + 8 * index)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of characters (CPs start..end) stored at file offset fc, 8-bit or UTF-16, with the
    Prm that may give its paragraphs properties."""

    start: int
    end: int
    fc: int
    compressed: bool
    prm: int


@dataclass(slots=True)
class _Para:
    text: str  # with the list number Word shows in front of it


@dataclass(slots=True)
class _Row:
    cells: list[list[_Para | _Table]]  # each cell's paragraphs and tables
    define: RowDef | None  # the cells' edges and merges, from the row's end mark


@dataclass(slots=True)
class _Table:
    rows: list[_Row] = field(default_factory=list)


_Block = _Para | _Table


@dataclass(slots=True)
class _Open:
    """A table being read: its rows so far, the cells of the row and the blocks of the cell."""

    table: _Table
    cells: list[list[_Block]] = field(default_factory=list)
    cell: list[_Block] = field(default_factory=list)

    def close_row(self, define: RowDef | None) -> None:
        if self.cell:
            self.cells.append(self.cell)
        if self.cells:
            self.table.rows.append(_Row(self.cells, define))
        self.cells, self.cell = [], []


class _Fields:
    """Which text a field shows: its result, not its instructions (0x13 instructions 0x14
    result 0x15, nested), across paragraphs."""

    def __init__(self) -> None:
        self._stack: list[bool] = []  # per open field: still in its instructions

    def shown(self, text: str) -> str:
        if not self._stack and "\x13" not in text:
            return text
        out: list[str] = []
        at = 0
        for mark in _FIELD_MARKS.finditer(text):
            if not any(self._stack):
                out.append(text[at : mark.start()])
            if mark.group() == "\x13":
                if len(self._stack) < _MAX_FIELD_DEPTH:
                    self._stack.append(True)
            elif mark.group() == "\x14":
                if self._stack:
                    self._stack[-1] = False
            elif self._stack:
                self._stack.pop()
            at = mark.end()
        if not any(self._stack):
            out.append(text[at:])
        return "".join(out)


class _Reader:
    """The stories of one file: their text from the piece table, split into paragraphs, each
    with its properties (table cell or row end, list number)."""

    def __init__(self, word: bytes, table: bytes, data: bytes, deadline: Deadline) -> None:
        self.word, self.table, self.deadline = word, table, deadline
        self.pieces, self.prcs = _pieces(word, table)
        self.starts = [piece.start for piece in self.pieces]
        self.total = 0  # characters read, in every story
        self.papx = Papx(word, table, *_fc_lcb(word, _PLCF_BTE_PAPX), data, deadline)
        self.styles = Styles(table, *_fc_lcb(word, _STSHF))
        self.lists = Lists(table, _fc_lcb(word, _PLF_LST), _fc_lcb(word, _PLF_LFO))
        self.props: dict[tuple[int, bytes, int], ParaProps] = {}
        self.paragraphs = 0

    def text(self, start: int, end: int) -> str:
        """Characters ``start``..``end`` (CPs) as the piece table assembles them."""
        out: list[str] = []
        k = max(bisect_right(self.starts, start) - 1, 0)
        for piece in self.pieces[k:]:
            if piece.start >= end:
                break
            if k % 1000 == 0:
                self.deadline.check()
            k += 1
            first, last = max(start, piece.start), min(end, piece.end)
            if last <= first:
                continue
            count, skip = last - first, first - piece.start
            if piece.compressed:
                at = piece.fc + skip
                out.append(self.word[at : at + count].decode("cp1252", errors="replace"))
            else:
                at = piece.fc + 2 * skip
                out.append(self.word[at : at + 2 * count].decode("utf-16-le", errors="replace"))
            self.total += len(out[-1])
            if self.total > MAX_CHARS:  # pieces may all point at the same text: stop before
                raise InputError(  # it multiplies
                    f"over {MAX_CHARS:,} characters of text, over the limit for one report; "
                    "split the file into single reports",
                    kind="too_large",
                )
        return "".join(out)

    def paragraph_props(self, cp: int) -> ParaProps | None:
        """The properties of the paragraph whose mark is at ``cp``; None when the file lists
        no paragraph properties (then tables are told apart by their marks alone)."""
        if not self.papx:
            return None
        k = bisect_right(self.starts, cp) - 1
        if k < 0:
            return None
        piece = self.pieces[k]
        fc = piece.fc + (cp - piece.start) * (1 if piece.compressed else 2)
        istd, grpprl = self.papx.at(fc) or (0, b"")
        key = (istd, grpprl, piece.prm)
        if (known := self.props.get(key)) is None:
            known = self.styles.props(istd).with_sprms(grpprl)
            if piece.prm & 1 and (piece.prm >> 1) < len(self.prcs):  # Prm1: a Prc's sprms
                known = known.with_sprms(self.prcs[piece.prm >> 1])
            self.props[key] = known
        return known

    def blocks(self, start: int, end: int) -> list[tuple[int, _Block]]:
        """The paragraphs and tables of CPs ``start``..``end``, each top-level block with the CP
        it starts at."""
        text = self.text(start, end)
        body: list[tuple[int, _Block]] = []
        stack: list[_Open] = []
        fields = _Fields()
        at = 0
        after_cell = False  # the last paragraph ended a cell (for files without properties)
        for mark in _MARKS.finditer(text):
            self.paragraphs += 1
            if self.paragraphs % 1000 == 0:
                self.deadline.check()
                count_limit(self.paragraphs, "paragraphs", MAX_ELEMENTS)
            raw, cp = text[at : mark.start()], start + mark.start()
            para_start, at = start + at, mark.end()
            in_cell = mark.group() == _CELL
            props = self.paragraph_props(cp)
            if props is None:  # a cell mark right after one ends the row
                depth = int(in_cell)
                row_end = in_cell and after_cell and not raw
                cell_end = in_cell and not row_end
            else:
                depth = max(props.depth, int(in_cell))
                row_end = (in_cell and props.ttp) or (not in_cell and props.inner_ttp)
                cell_end = (in_cell and not props.ttp) or (not in_cell and props.inner_cell)
            after_cell = cell_end
            while len(stack) > depth:
                stack.pop().close_row(None)
            while len(stack) < depth:
                opened = _Open(_Table())
                if stack:
                    stack[-1].cell.append(opened.table)
                else:
                    body.append((para_start, opened.table))
                stack.append(opened)
            shown = fields.shown(raw)
            if row_end and stack:
                stack[-1].close_row(props.row if props is not None else None)
                continue
            number = None
            if props is not None and props.ilfo:
                number = self.lists.number(props.ilfo, props.ilvl)
            para = _Para(_numbered(_clean_text(shown), number))
            if stack:
                stack[-1].cell.append(para)
                if cell_end:
                    stack[-1].cells.append(stack[-1].cell)
                    stack[-1].cell = []
            else:
                body.append((para_start, para))
        while stack:
            stack.pop().close_row(None)
        return body


def _pieces(word: bytes, table: bytes) -> tuple[list[_Piece], list[bytes]]:
    """The piece table (CLX) in the table stream, and the Prcs before it (grpprls a piece's
    Prm may point at)."""
    fc_clx, lcb_clx = _fc_lcb(word, _CLX)
    clx = table[fc_clx : fc_clx + lcb_clx]
    if lcb_clx == 0 or len(clx) != lcb_clx:
        raise InputError("a damaged .doc/.wps file (no piece table); re-save it", kind="corrupt")
    prcs: list[bytes] = []
    at = 0
    while at + 3 <= len(clx) and clx[at] == 0x01:  # Prc: formatting
        size = max(struct.unpack_from("<h", clx, at + 1)[0], 0)
        prcs.append(clx[at + 3 : at + 3 + size])
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise InputError("a damaged .doc/.wps file (bad piece table); re-save it", kind="corrupt")
    lcb = _u32(clx, at + 1)
    plc = clx[at + 5 : at + 5 + lcb]
    count = (len(plc) - 4) // 12
    count_limit(count, "text pieces", MAX_ELEMENTS)
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0) if count > 0 else ()
    pieces: list[_Piece] = []
    for i in range(count):
        fc, prm = _u32(plc, 4 * (count + 1) + 8 * i + 2), _u16(plc, 4 * (count + 1) + 8 * i + 6)
        compressed = bool(fc & 0x40000000)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc
        if cps[i + 1] > cps[i]:
            pieces.append(_Piece(cps[i], cps[i + 1], offset, compressed, prm))
    return pieces, prcs


def _clean_text(text: str) -> str:
    return _CONTROLS.sub("", text.translate(_DROP))


def _numbered(text: str, number: tuple[str, int] | None) -> str:
    """The paragraph's text after the number Word shows in front of it: a number that ends
    in punctuation (一、 （一） 1.) runs on into the text, as typed; another (1, a) is set
    apart by a space, as the tab or space after it shows it."""
    if number is None or not text.strip():
        return text
    shown, follow = number
    shown = _clean_text(shown).strip()
    if not shown:
        return text
    gap = "" if follow == 2 or not shown[-1].isalnum() else " "
    return f"{shown}{gap}{text.lstrip()}"


def _lines(blocks: list[_Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Para):
            lines.extend(part.strip() for part in block.text.split("\n") if part.strip())
        else:
            lines.extend(_table_lines(block))
    return lines


_MAX_REPEATED = 200  # characters of a merged cell's text repeated in the rows it spans


def _table_lines(table: _Table) -> list[str]:
    """A row a line, its cells joined by | (as the .docx reader writes them: empty cells kept,
    a cell merged down showing the text of the cell it continues, a cell merged into the one
    on its left not again); a table of one column, a frame around text, as its paragraphs."""
    if all(len(row.cells) <= 1 for row in table.rows):
        return _lines([block for row in table.rows for cell in row.cells for block in cell])
    lines: list[str] = []
    above: dict[int, str] = {}  # a merged cell's text, by its left edge
    for row in table.rows:
        cells: list[str] = []
        for i, cell in enumerate(row.cells):
            text = _cell_text(cell)
            define = row.define
            if define is not None and i < len(define.lefts):
                if define.across[i] >= 2:  # merged into the cell on its left
                    continue
                left, down = define.lefts[i], define.down[i]
                if down == 1 and not text:
                    # a label's text, repeated as .docx shows it; a long one (a damaged or
                    # crafted file merging a big cell over many rows) is not copied row by row
                    text = above.get(left, "")[:_MAX_REPEATED]
                elif down == 3:
                    above[left] = text
                elif down == 0:
                    above.pop(left, None)
            cells.append(text)
        lines.append(_row_line(cells))
    # a row of empty cells is kept (table 四 of a unit with no cases, left blank) in a table
    # with text; a table all empty (a layout's spacer) is no text
    return lines if any(line.strip("| ") for line in lines) else []


def _cell_text(blocks: list[_Block]) -> str:
    """A cell's text on one line: its paragraphs, and a table inside it cell by cell."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, _Para):
            parts.append(block.text)
        else:
            parts.extend(_cell_text(cell) for row in block.rows for cell in row.cells)
    return " ".join(line.strip() for part in parts for line in part.split("\n") if line.strip())


def _row_line(cells: list[str]) -> str:
    """A row's line, a | b; | | b | with its outer borders when a cell at either end is empty,
    so that it is still a cell (the .docx reader's rows, read by the same table reader)."""
    if not cells:
        return ""
    joined = " | ".join(cells)
    return joined if cells[0].strip() and cells[-1].strip() else f"| {joined} |"
