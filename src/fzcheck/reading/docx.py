"""Word .docx: paragraphs and tables in body order, with outline levels from heading styles,
outline-level paragraph formatting (WPS) and automatic numbering (whose 一、 is not in the text)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from fzcheck.errors import InputError
from fzcheck.reading.limits import Deadline, SafeZip, count_limit
from fzcheck.reading.normalize import Extracted

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list number|列表编号|编号", re.I)
_MAX_NUMBERED_HEADING = 40
_PARAGRAPH_TAG = re.compile(rb"<w:p[\s>/]")
# lxml keeps ~100-200 bytes per element: this bounds python-docx's tree to a few hundred MB.
_MAX_ELEMENTS = 1_500_000


class _Styles:
    """Paragraph style names, resolved once per document (python-docx's ``paragraph.style``
    scans every style on each access, which made 20,000 paragraphs take half a minute)."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.names: dict[str, str] = {}
        self.default = ""
        for style in document.styles.element.iterchildren(qn("w:style")):
            if style.get(qn("w:type")) not in (None, "paragraph"):
                continue
            name_el = style.find(qn("w:name"))
            name = name_el.get(qn("w:val"), "") if name_el is not None else ""
            style_id = style.get(qn("w:styleId"), "")
            self.names[style_id] = name
            if style.get(qn("w:default")) in ("1", "true", "on"):
                self.default = name

    def of(self, p: Any) -> str:
        p_pr = p.pPr
        style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
        return self.default if style_id is None else self.names.get(style_id, "")


def _outline_level(p: Any, style: str, text: str) -> int | None:
    """The heading rank a paragraph (its ``w:p`` element) has by its formatting, if any.

    Heading styles give their level; an explicit outline level (WPS sets it without a heading
    style) gives level + 1. An automatically numbered short paragraph (numbering lives outside
    the text, so no 一、 or （一） is there to see) ranks below typed 一、 headings."""
    from docx.oxml.ns import qn

    match = _HEADING_STYLE.search(style)
    if match:
        return int(match.group(1))
    p_pr = p.pPr
    if p_pr is None:
        return None
    outline = p_pr.find(qn("w:outlineLvl"))
    value = outline.get(qn("w:val"), "") if outline is not None else ""
    if value.isdigit() and int(value) < 9:
        return int(value) + 1
    numbered = p_pr.find(qn("w:numPr"))
    if (
        (numbered is not None or _LIST_STYLE.search(style))
        and len(text) <= _MAX_NUMBERED_HEADING
        and not text.endswith(("。", "；", ";"))
    ):
        ilvl = numbered.find(qn("w:ilvl")) if numbered is not None else None
        level = ilvl.get(qn("w:val"), "") if ilvl is not None else ""
        return 2 + (int(level) if level.isdigit() else 0)
    return None


class _Counter:
    """Counts paragraphs and XML elements of document.xml while it is inflated, so a file of
    830,000 empty paragraphs is refused before python-docx builds them."""

    def __init__(self) -> None:
        self.paragraphs = self.tags = 0
        self._tail = b""

    def __call__(self, name: str, chunk: bytes) -> None:
        if name != "word/document.xml":
            return
        data = self._tail + chunk
        self.paragraphs += len(_PARAGRAPH_TAG.findall(data))
        # opening tags only (an element with content also has a closing tag)
        self.tags += _opening(data) - _opening(self._tail)
        self._tail = data[-6:]
        self.paragraphs -= len(_PARAGRAPH_TAG.findall(self._tail))  # counted again next chunk
        count_limit(self.paragraphs, "paragraphs")
        count_limit(self.tags, "XML elements", _MAX_ELEMENTS)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TABLE, _ROW, _CELL = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_RUN, _TEXT, _BREAK = f"{_W}r", f"{_W}t", f"{_W}br"
_SDT, _SDT_CONTENT, _CUSTOM = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_SIMPLE = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# What holds paragraphs and tables besides the body: a content control (公文 templates put the
# title, issuer and date in them) and custom XML. python-docx looks at the body's own only.
_BLOCK_HOLDERS = {_SDT, _SDT_CONTENT, _CUSTOM}
# What holds a paragraph's runs besides the paragraph: a link, an insertion not yet accepted
# (the text Word shows), a content control, a field, a smart tag. A deletion (w:del, its text
# w:delText) and a move's old place are not the text.
_RUN_HOLDERS = _BLOCK_HOLDERS | {
    f"{_W}{tag}" for tag in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "dir", "bdo")
}
_GALLERY = f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery"
_PLACEHOLDER = f"{_W}sdtPr/{_W}showingPlcHdr"
# A text box (a 红头 title, a signature the seal sits over) is drawn twice: as a Word 2010 shape
# (mc:Choice) and, for older readers, as VML (mc:Fallback). Its text is read once, from the first.
_TEXT_BOX = f"{_W}txbxContent"
# A document imported whole (w:altChunk: an HTML page, a web archive, RTF or text that Word
# shows in place): what converters from web systems write, often the only body there is.
_ALT_CHUNK = f"{_W}altChunk"
_RELATION_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A table of contents repeats the headings (with page numbers): not the report's text.
_CONTENTS = re.compile(r"^(?:toc|目录)\s*\d", re.IGNORECASE)


def _blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of the body (or a cell), in order, those in holders too —
    but for a table of contents and a control still showing its placeholder."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TABLE, _ALT_CHUNK):
            yield child
        elif child.tag in _BLOCK_HOLDERS and not _skipped(child):
            yield from _blocks(child)


def _skipped(holder: Any) -> bool:
    """A table of contents, or a control never filled in (单击或点击此处输入文字。)."""
    if holder.tag != _SDT:
        return False
    gallery = holder.find(_GALLERY)
    contents = gallery is not None and gallery.get(f"{_W}val", "").startswith("Table of Contents")
    return contents or holder.find(_PLACEHOLDER) is not None


def _runs(parent: Any) -> Iterator[Any]:
    for child in parent.iterchildren():
        if child.tag == _RUN:
            yield child
        elif child.tag in _RUN_HOLDERS and not _skipped(child):
            yield from _runs(child)


def _cell_text(cell: Any) -> str:
    """A cell's text on one line: its paragraphs, and a table inside it cell by cell."""
    texts = (
        _paragraph_text(block)
        if block.tag == _P
        else " ".join(map(_paragraph_text, block.iter(_P)))
        for block in _blocks(cell)
    )
    return " ".join(" ".join(texts).split("\n")).strip()


def _own_rows_and_cells(table: Any) -> Any:
    """``table`` with the rows and cells that sit in content controls (a repeating section) or
    custom XML moved into its and its rows' own places: python-docx reads only those."""
    while held := [
        h
        for parent in (table, *table.iterchildren(_ROW))
        for h in parent.iterchildren(_SDT, _CUSTOM)
    ]:
        for holder in held:
            if not _skipped(holder):
                content = holder.find(_SDT_CONTENT) if holder.tag == _SDT else holder
                for child in list(content if content is not None else ()):
                    if child.tag in (_ROW, _CELL, _SDT, _CUSTOM):
                        holder.addprevious(child)
            holder.getparent().remove(holder)
    return table


def _paragraph_text(p: Any) -> str:
    """The text Word shows for a paragraph (runs, also those in links, insertions, content
    controls and fields; tabs, line breaks, non-breaking hyphens), by walking the children:
    python-docx runs an XPath query per run, which took 13 s for 700,000 runs, and reads the
    paragraph's and links' own runs only."""
    out: list[str] = []
    for run in _runs(p):
        for item in run.iterchildren():
            tag = item.tag
            if tag == _TEXT:
                out.append(item.text or "")
            elif tag == _BREAK:
                out.append("\n" if item.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
            elif tag in _SIMPLE:
                out.append(_SIMPLE[tag])
    return "".join(out)


def _text_boxes(p: Any) -> list[str]:
    """The text of the text boxes anchored in paragraph ``p``, a line per paragraph (each box
    once: not its VML fallback copy, nor a box inside a box twice)."""
    lines: list[str] = []
    for box in p.iter(_TEXT_BOX):
        if any(a.tag in (_FALLBACK, _TEXT_BOX) for a in box.iterancestors()):
            continue
        for block in _blocks(box):
            text = _paragraph_text(block) if block.tag == _P else _cell_text(block)
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
    return lines


def _opening(data: bytes) -> int:
    return data.count(b"<") - data.count(b"</")


def read_docx(data: bytes, deadline: Deadline | None = None) -> Extracted:
    deadline = deadline or Deadline()
    package = SafeZip(data, ".docx")
    package.check_all(_Counter())
    import docx
    from docx.table import Table

    try:
        document = docx.Document(BytesIO(data))
        styles = _Styles(document)
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise InputError(
            f"a damaged .docx ({type(err).__name__}); re-save it from Word or WPS", kind="corrupt"
        ) from None
    lines: list[str] = []
    styled: dict[int, int] = {}
    imported: set[str | None] = set()
    body = document._body
    for i, block in enumerate(_blocks(document.element.body)):
        if i % 500 == 0:
            deadline.check()
        if block.tag == _P:
            style = styles.of(block)
            text = _paragraph_text(block).strip()
            if _CONTENTS.match(style):
                continue
            lines.extend(_text_boxes(block))
            if not text:
                continue
            level = _outline_level(block, style, text)
            if level is not None:
                styled[len(lines)] = level
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
        elif block.tag == _ALT_CHUNK:
            rid = block.get(_RELATION_ID)
            if rid not in imported:  # once: a thousand imports of one part are one text
                imported.add(rid)
                lines.extend(_imported_lines(document, rid, deadline))
        else:
            lines.extend(_table_lines(Table(_own_rows_and_cells(block), body), deadline))
    return Extracted("\n".join(lines), styled=styled)


def _imported_lines(document: Any, rid: str | None, deadline: Deadline) -> list[str]:
    """The lines of a document imported whole (``w:altChunk``), read by its own reader; one
    this reader cannot read is left out (the rest of the body still is read)."""
    part = document.part.related_parts.get(rid) if rid else None
    if part is None:
        return []
    kind, data = part.content_type.lower(), part.blob
    try:
        if "html" in kind or kind in ("message/rfc822", "multipart/related"):
            from fzcheck.reading.html import read_html

            text = read_html(data, deadline).text
        elif "rtf" in kind:
            from fzcheck.reading.rtf import read_rtf

            text = read_rtf(data, deadline).text
        elif kind == "text/plain":
            from fzcheck.reading.text import read_text

            text = read_text(data, deadline).text
        else:  # a nested Word document or another kind: not read
            return []
    except InputError as err:
        if err.kind == "timeout":
            raise  # the whole file's reading time is up
        return []  # a part with no text of its own, or none this reader can read
    return [line.strip() for line in text.splitlines() if line.strip()]


_GRID_SPAN, _GRID_COL, _VAL = f"{_W}gridSpan", f"{_W}gridCol", f"{_W}val"
_V_MERGE = f"{_W}vMerge"
_MAX_SPAN = 64  # columns a merged cell can span: a real table has a few dozen at most
# Cells merged down: python-docx finds each one's top cell by walking up, row by row (quadratic,
# then RecursionError): past this many, the rows' own cells are read
_MAX_V_MERGES = 500


def _table_lines(table: Any, deadline: Deadline) -> list[str]:
    """A row a line, its cells joined by |. A merged cell comes back once per grid column it
    spans: kept once (by its XML element, not its text: two real cells may both say 0); empty
    cells are kept, which a statistical table needs to tell blank from missing. A span past the
    table's grid (gridSpan 200000000: python-docx made a tuple that long) counts as one column;
    merges python-docx cannot follow (up from the first row) or follows slowly (1,200 rows
    down: 30 s) are read from the rows' own cells."""
    # no grid listed (python-docx does without one): only the absolute bound applies
    width = min(_MAX_SPAN, sum(1 for _ in table._tbl.iter(_GRID_COL)) or _MAX_SPAN)
    for span in table._tbl.iter(_GRID_SPAN):
        value = span.get(_VAL, "1")
        if not value.isdigit() or int(value) > width:
            span.set(_VAL, "1")
    lines: list[str] = []
    try:
        if sum(1 for _ in table._tbl.iter(_V_MERGE)) > _MAX_V_MERGES:
            raise RecursionError  # read the rows' own cells
        for row in table.rows:
            deadline.check()  # one table is one block: a huge one is checked row by row
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append(_cell_text(cell._tc))
            lines.append(_row_line(cells))
    except (RecursionError, ValueError, IndexError):
        lines = []
        for tr in table._tbl.iterchildren(_ROW):
            deadline.check()
            lines.append(_row_line([_cell_text(tc) for tc in tr.iterchildren(_CELL)]))
    # a row of empty cells is kept (table 四 of a unit with no cases, left blank) in a table
    # with text; a table all empty (a layout's spacer) is no text
    return lines if any(line.strip("| ") for line in lines) else []


def _row_line(cells: list[str]) -> str:
    """A row's line, a | b; | | b | with its outer borders when a cell at either end is empty,
    so that it is still a cell (as | a | b | reads, a | b | is a row of a, b and an empty one)."""
    if not cells:  # a row with no cell (<w:tr/>): no text
        return ""
    joined = " | ".join(cells)
    return joined if cells[0].strip() and cells[-1].strip() else f"| {joined} |"
