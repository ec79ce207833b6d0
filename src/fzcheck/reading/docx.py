"""Word .docx: paragraphs and tables in body order (a one-column table, a frame, read as
paragraphs), with outline levels from heading styles, outline levels set on the paragraph (WPS)
or in its style's basedOn chain, and automatic numbering (whose 一、 is not in the text: the
number numbering.xml shows ranks the heading as the same number typed would)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, TypeVar

from fzcheck.document import PICTURE, PICTURE_MIN_CM, fold_width
from fzcheck.errors import InputError
from fzcheck.reading.limits import (
    MAX_XML_ELEMENTS,
    Deadline,
    SafeZip,
    count_limit,
    xml_elements,
)
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.ocr import TEXT_BESIDE_PICTURES, pictures_only, read_pictures
from fzcheck.reading.resegment import HEADING_START, MAX_HEADING
from fzcheck.reading.sniff import WORD_MAIN_PART, word_main_part

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list number|列表编号|编号", re.I)
_PARAGRAPH_TAG = re.compile(rb"<w:p[\s>/]")


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _NumberRef:
    """A w:numPr: which list (w:numId; "0" takes numbering away) and at which level (w:ilvl,
    None when not given: a style linked to a list level gets it from that level)."""

    num_id: str
    ilvl: int | None


@dataclass(frozen=True, slots=True)
class _OwnFormat:
    """What a style says itself, before the style it is based on is asked."""

    based_on: str | None
    vanish: bool | None  # w:vanish in its run properties
    outline: int | None  # w:outlineLvl: 0-8 a level, 9 body text
    numbering: _NumberRef | None


class _Styles:
    """Paragraph style names, and what each style says through the styles it is based on
    (hidden text, outline level, numbering), resolved once per document (python-docx's
    ``paragraph.style`` scans every style on each access, which made 20,000 paragraphs take
    half a minute)."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.names: dict[str, str] = {}
        self.default = ""
        self.default_ids: dict[str, str] = {}  # style type -> the id of its default style
        self._own: dict[str, _OwnFormat] = {}
        self._vanish: dict[str, bool | None] = {}
        self._outline: dict[str, int | None] = {}
        self._numbering: dict[str, _NumberRef | None] = {}
        for style in document.styles.element.iterchildren(qn("w:style")):
            kind = style.get(qn("w:type")) or "paragraph"
            style_id = style.get(qn("w:styleId"), "")
            based_on = style.find(qn("w:basedOn"))
            p_pr = style.find(_PARAGRAPH_PROPS)
            self._own[style_id] = _OwnFormat(
                based_on.get(_VAL) if based_on is not None else None,
                _vanish(style.find(_RUN_PROPS)),
                _own_outline(p_pr),
                _own_numbering(p_pr),
            )
            is_default = style.get(qn("w:default")) in ("1", "true", "on")
            if is_default:
                self.default_ids.setdefault(kind, style_id)
            if kind != "paragraph":
                continue
            name_el = style.find(qn("w:name"))
            name = name_el.get(qn("w:val"), "") if name_el is not None else ""
            self.names[style_id] = name
            if is_default:
                self.default = name

    def of(self, p: Any) -> str:
        style_id = _paragraph_style_id(p)
        return self.default if style_id is None else self.names.get(style_id, "")

    def hides(self, style_id: str | None) -> bool | None:
        """Whether style ``style_id`` (or the style it is based on, and so on) hides its text
        (w:vanish); None when none of them says."""
        return self._inherited(style_id, _vanish_of, self._vanish)

    def hides_any(self) -> bool:
        return any(self.hides(style_id) for style_id in self._own)

    def outline(self, style_id: str | None) -> int | None:
        """The outline level (w:outlineLvl) style ``style_id`` gives its paragraphs, itself or
        through the styles it is based on: a unit's own 一级标题 sets it there."""
        return self._inherited(style_id, _outline_of, self._outline)

    def numbering(self, style_id: str | None) -> _NumberRef | None:
        """The list (w:numPr) style ``style_id`` numbers its paragraphs with, itself or through
        the styles it is based on."""
        return self._inherited(style_id, _numbering_of, self._numbering)

    def _inherited(
        self,
        style_id: str | None,
        own: Callable[[_OwnFormat], _T | None],
        known: dict[str, _T | None],
    ) -> _T | None:
        """What the first style of the basedOn chain from ``style_id`` that says anything of
        it says (``own`` reads one style's own say), remembered in ``known`` for every style
        walked; a loop of basedOn ends the walk."""
        chain: dict[str, None] = {}  # the styles walked, in order
        answer: _T | None = None
        while style_id is not None and style_id not in known and style_id not in chain:
            chain[style_id] = None
            format_ = self._own.get(style_id)
            said = own(format_) if format_ is not None else None
            if said is not None:
                answer = said
                break
            style_id = format_.based_on if format_ is not None else None
        else:
            answer = known.get(style_id) if style_id is not None else None
        for walked in chain:
            known[walked] = answer
        return answer


def _vanish_of(own: _OwnFormat) -> bool | None:
    return own.vanish


def _outline_of(own: _OwnFormat) -> int | None:
    return own.outline


def _numbering_of(own: _OwnFormat) -> _NumberRef | None:
    return own.numbering


def _own_outline(p_pr: Any) -> int | None:
    """The outline level paragraph properties set (w:outlineLvl: 0-8, or 9 for body text)."""
    outline = p_pr.find(_OUTLINE) if p_pr is not None else None
    value = outline.get(_VAL, "") if outline is not None else ""
    return _small(value, _BODY_TEXT + 1)


def _own_numbering(p_pr: Any) -> _NumberRef | None:
    """The list paragraph properties number with (w:numPr), if they name one."""
    num_pr = p_pr.find(_NUM_PR) if p_pr is not None else None
    if num_pr is None:
        return None
    num_id, ilvl = num_pr.find(_NUM_ID), num_pr.find(_ILVL)
    level = ilvl.get(_VAL, "") if ilvl is not None else ""
    return _NumberRef(
        num_id.get(_VAL, "") if num_id is not None else "",
        _small(level, _LEVELS),
    )


def _small(value: str, below: int) -> int | None:
    """``value`` as a number under ``below``; None for anything else Word does not write: a
    digit int() refuses (², which str.isdigit() takes) or more digits than int() reads."""
    if not (value.isascii() and value.isdecimal()) or len(value) > 6:
        return None
    number = int(value)
    return number if number < below else None


_Level = tuple[str, str]  # a list level's number format (w:numFmt) and text (w:lvlText)
_MAX_LINKS = 4  # lists taking their levels from a list style's list: more is a loop


class _Numbering:
    """The lists of numbering.xml: for a paragraph's w:numPr, the number format and text of its
    level, through the list's own overrides and a list style it takes its levels from."""

    def __init__(self, root: Any, styles: _Styles) -> None:
        self._styles = styles
        self._abstract_of: dict[str, str] = {}  # w:numId -> w:abstractNumId
        self._overrides: dict[tuple[str, int], _Level] = {}  # (numId, ilvl) -> level
        self._levels: dict[tuple[str, int], _Level] = {}  # (abstractNumId, ilvl) -> level
        self._style_levels: dict[tuple[str, str], int] = {}  # (abstractNumId, style) -> ilvl
        self._linked: dict[str, str] = {}  # abstractNumId -> the list style it takes levels from
        if root is None:
            return
        for abstract in root.iterchildren(_ABSTRACT_NUM):
            abstract_id = abstract.get(_ABSTRACT_NUM_ID, "")
            for lvl in abstract.iterchildren(_LVL):
                ilvl = _ilvl(lvl)
                if ilvl is None:
                    continue
                self._levels.setdefault((abstract_id, ilvl), _level(lvl))
                style = lvl.find(_PARAGRAPH_STYLE)
                if style is not None:
                    self._style_levels.setdefault((abstract_id, style.get(_VAL, "")), ilvl)
            link = abstract.find(_NUM_STYLE_LINK)
            if link is not None:
                self._linked[abstract_id] = link.get(_VAL, "")
        for num in root.iterchildren(_NUM):
            num_id = num.get(_NUM_ID, "")
            abstract_ref = num.find(_ABSTRACT_NUM_ID)
            if abstract_ref is not None:
                self._abstract_of.setdefault(num_id, abstract_ref.get(_VAL, ""))
            for override in num.iterchildren(_LVL_OVERRIDE):
                ilvl, lvl = _ilvl(override), override.find(_LVL)
                if ilvl is not None and lvl is not None and lvl.find(_NUM_FMT) is not None:
                    self._overrides.setdefault((num_id, ilvl), _level(lvl))

    def level(self, ref: _NumberRef, style_id: str | None) -> tuple[_Level, int] | None:
        """The level a paragraph numbered by ``ref`` (in style ``style_id``) stands at, and its
        index; None when numbering.xml does not define it."""
        abstract = self._abstract_of.get(ref.num_id)
        ilvl = ref.ilvl
        if ilvl is None:  # a style linked to a level of the list (Word's 标题 1 → 第一章)
            ilvl = self._style_levels.get((abstract or "", style_id or ""), 0)
        if (override := self._overrides.get((ref.num_id, ilvl))) is not None:
            return override, ilvl
        for _ in range(_MAX_LINKS):
            if abstract is None:
                return None
            if (level := self._levels.get((abstract, ilvl))) is not None:
                return level, ilvl
            linked = self._styles.numbering(self._linked.get(abstract))
            abstract = self._abstract_of.get(linked.num_id) if linked is not None else None
        return None


def _ilvl(element: Any) -> int | None:
    value = element.get(_ILVL, "")
    return _small(value, _LEVELS)


def _level(lvl: Any) -> _Level:
    number_format, text = lvl.find(_NUM_FMT), lvl.find(_LVL_TEXT)
    if number_format is None:  # a custom format (Word 2010+) behind its standard fallback
        number_format = next(lvl.iterfind(f"*/{_FALLBACK}/{_NUM_FMT}"), None)
    return (
        number_format.get(_VAL, "decimal") if number_format is not None else "decimal",
        text.get(_VAL, "") if text is not None else "",
    )


def _numbering_root(document: Any) -> Any:
    """numbering.xml's root element, or None when the document has no lists."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except (KeyError, ValueError):  # none, or several: no list is read
        return None
    return getattr(part, "element", None)


# The numeral a list level's format (w:numFmt) shows first, as units type it: 一 for Chinese
# counting (甲 and 子 too: a top marker all the same), 壹, Ⅰ, 1, ①, ⑴, ⒈.
_NUMERALS = {
    **dict.fromkeys(
        (
            "chineseCounting",
            "chineseCountingThousand",
            "ideographTraditional",
            "ideographZodiac",
            "ideographDigital",
            "japaneseCounting",
            "taiwaneseCounting",
            "taiwaneseCountingThousand",
            "taiwaneseDigital",
        ),
        "一",
    ),
    "chineseLegalSimplified": "壹",
    **dict.fromkeys(("upperRoman", "lowerRoman"), "Ⅰ"),
    **dict.fromkeys(
        ("decimal", "decimalZero", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth"),
        "1",
    ),
    **dict.fromkeys(("decimalEnclosedCircle", "decimalEnclosedCircleChinese"), "①"),
    "decimalEnclosedParen": "(1)",
    "decimalEnclosedFullstop": "1.",
}
# The heading kind (fzcheck.analysis.outline's ranks) of a number as Word shows it, width
# folded: 一、 / 第一部分 (1), (一) (2), 1. 1、 (3), (1) 1) ① (4), 一是 (5), 第一、 (6).
_SHOWN_KINDS = (
    (1, re.compile(r"第[一壹]\s*(?:部分|章|节)\s*[、.:]?|[一壹Ⅰ]\s*[、.,:]")),
    (2, re.compile(r"\(\s*[一壹Ⅰ]\s*\)\s*[、.]?")),
    (3, re.compile(r"1\s*[、.]")),
    (4, re.compile(r"\(\s*1\s*\)|1\)|①")),
    (5, re.compile(r"一是")),
    (6, re.compile(r"第一、")),
)


def _numbered_kind(level: _Level, ilvl: int) -> int | None:
    """The kind of typed marker a list level's number reads as (%1、 in Chinese counting is
    一、, （%1） is （一）, %1. in decimals is 1.), so that it ranks as the typed one would; None
    for a number no typed marker spells (a bullet, 1.1 with the levels above in front)."""
    number_format, text = level
    numeral = _NUMERALS.get(number_format)
    if numeral is None:
        return None
    shown = fold_width(text.replace(f"%{ilvl + 1}", numeral)).strip()
    if "%" in shown:
        return None
    return next((kind for kind, pattern in _SHOWN_KINDS if pattern.fullmatch(shown)), None)


_SENTENCE_ENDS = ("。", "；", ";")  # a paragraph ending so is a sentence, not a heading


def _outline_level(p: Any, styles: _Styles, numbering: _Numbering, text: str) -> int | None:
    """The heading rank a paragraph (its ``w:p`` element) has by its formatting, if any.

    Heading styles give their level; an outline level (WPS sets it on the paragraph, a unit's
    own 一级标题 in the style or a style it is based on) gives level + 1 — from a style only
    on a line short enough for a heading, as a body style based on a heading style would make
    every paragraph one. An automatically numbered short paragraph (the number lives outside
    the text) ranks as its number typed would."""
    name = styles.of(p)
    match = _HEADING_STYLE.search(name)
    if match:
        return int(match.group(1))
    style_id = _paragraph_style_id(p) or styles.default_ids.get("paragraph")
    p_pr = p.find(_PARAGRAPH_PROPS)
    own = _own_outline(p_pr)
    # 究其原因，…有限。: a body paragraph, however short, whatever outline level the format
    # painter left on it (on the paragraph, as WPS sets it, or in its style)
    heading_like = len(text) <= MAX_HEADING and not text.endswith(_SENTENCE_ENDS)
    if own is not None and own < _BODY_TEXT and heading_like:
        return own + 1
    by_style = styles.outline(style_id) if own is None else None
    if by_style is not None and by_style < _BODY_TEXT and heading_like:
        return by_style + 1
    return _numbered_level(p_pr, style_id, name, styles, numbering, text)


def _numbered_level(
    p_pr: Any, style_id: str | None, name: str, styles: _Styles, numbering: _Numbering, text: str
) -> int | None:
    """The rank of a short paragraph Word numbers (the paragraph's w:numPr, else its style's):
    as its number typed would rank, else (a bullet, a list numbering.xml does not define) below
    typed 一、 by its list level."""
    if len(text) > MAX_HEADING or text.endswith(_SENTENCE_ENDS):
        return None
    ref, by_style = _own_numbering(p_pr), styles.numbering(style_id)
    if ref is not None and not ref.num_id and by_style is not None:
        ref = _NumberRef(by_style.num_id, ref.ilvl)  # the level set here, the list by the style
    ref = ref or by_style
    if ref is None or ref.num_id == "0":  # numId 0: the numbering taken away
        return 2 if ref is None and _LIST_STYLE.search(name) else None
    found = numbering.level(ref, style_id)
    kind = _numbered_kind(*found) if found is not None else None
    return kind if kind is not None else 2 + (ref.ilvl or 0)


class _Counter:
    """Counts, while the package is inflated, the paragraphs of its main part and the XML
    elements of every XML part — python-docx parses the headers, footers, styles, numbering,
    comments and settings as it opens, not the body alone — so that 830,000 empty paragraphs,
    or 12 million tiny elements in a footer, are refused before python-docx builds them. It
    also notes a Strict Open XML package (its namespaces under purl.oclc.org)."""

    def __init__(self, main: str) -> None:
        self.main = main
        self.paragraphs = self.tags = 0
        self.strict = False
        self._part = ""
        self._xml = False
        self._tail = b""

    def __call__(self, name: str, chunk: bytes) -> None:
        if name != self._part:  # a new part: its first chunk tells whether it is XML
            self._part, self._xml, self._tail = name, _looks_like_xml(chunk), b""
        if not self._xml:
            return  # an image: its bytes are no elements
        data = self._tail + chunk
        self.strict = self.strict or _STRICT_NAMESPACE in data
        # what lies in the tail was counted with the chunk before: count the new bytes' only
        self.tags += xml_elements(data) - xml_elements(self._tail)
        if name == self.main:
            self.paragraphs += len(_PARAGRAPH_TAG.findall(data))
            self.paragraphs -= len(_PARAGRAPH_TAG.findall(data[-_TAIL:]))  # counted next chunk
        self._tail = data[-_TAIL:]
        count_limit(self.paragraphs, "paragraphs")
        count_limit(self.tags, "XML elements in the package's parts", MAX_XML_ELEMENTS)


_TAIL = 32  # bytes of a chunk carried to the next: longer than any marker looked for
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/"


def _looks_like_xml(first_chunk: bytes) -> bool:
    """Whether a part starts as XML does (after a byte order mark and white space)."""
    return first_chunk[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").startswith(b"<")


# Strict Open XML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") names the same
# elements in other namespaces: http://purl.oclc.org/ooxml/wordprocessingml/main for
# http://schemas.openxmlformats.org/wordprocessingml/2006/main, and so on (two are spelt
# differently). python-docx knows the transitional ones only, so the names are translated.
_STRICT_URI = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)")
_STRICT_RENAMED = {
    b"extendedProperties": b"extended-properties",
    b"customProperties": b"custom-properties",
}


def _transitional_uri(match: re.Match[bytes]) -> bytes:
    area, name = match.group(1), match.group(2)
    return b"http://schemas.openxmlformats.org/%s/2006/%s" % (area, _STRICT_RENAMED.get(name, name))


def _as_transitional(package: SafeZip) -> bytes:
    """A Strict Open XML package rewritten with the transitional namespaces and relationship
    types, in memory (its parts were inflated within bounds already)."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rewritten:
        for name in package.names():
            data = package.zip.read(name)
            if _looks_like_xml(data):
                data = _STRICT_URI.sub(_transitional_uri, data)
            rewritten.writestr(name, data)
    return out.getvalue()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TABLE, _ROW, _CELL = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_RUN, _TEXT, _BREAK = f"{_W}r", f"{_W}t", f"{_W}br"
_VAL, _RUN_PROPS, _RUN_STYLE, _VANISH = f"{_W}val", f"{_W}rPr", f"{_W}rStyle", f"{_W}vanish"
_PARAGRAPH_PROPS, _PARAGRAPH_STYLE = f"{_W}pPr", f"{_W}pStyle"
_OUTLINE, _NUM_PR, _NUM_ID, _ILVL = f"{_W}outlineLvl", f"{_W}numPr", f"{_W}numId", f"{_W}ilvl"
_BODY_TEXT = 9  # the outline level of body text
_LEVELS = 9  # list levels: w:ilvl 0-8
_ABSTRACT_NUM, _NUM, _LVL, _LVL_OVERRIDE = (
    f"{_W}abstractNum",
    f"{_W}num",
    f"{_W}lvl",
    f"{_W}lvlOverride",
)
_ABSTRACT_NUM_ID = f"{_W}abstractNumId"  # an attribute of w:abstractNum, an element of w:num
_NUM_FMT, _LVL_TEXT, _NUM_STYLE_LINK = f"{_W}numFmt", f"{_W}lvlText", f"{_W}numStyleLink"
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
            elif tag == _BREAK:  # a line, page or column break: what follows starts a line
                out.append("\n")
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


def _vanish(r_pr: Any) -> bool | None:
    """What run properties say of hiding the text (w:vanish, Word's 隐藏文字): None when
    they say nothing."""
    if r_pr is None:
        return None
    vanish = r_pr.find(_VANISH)
    if vanish is None:
        return None
    return vanish.get(_VAL, "true").lower() not in ("0", "false", "off")


def _paragraph_style_id(p: Any) -> str | None:
    p_pr = p.find(_PARAGRAPH_PROPS)
    style = p_pr.find(_PARAGRAPH_STYLE) if p_pr is not None else None
    return style.get(_VAL) if style is not None else None


def _run_hidden(run: Any, paragraph_style: str | None, styles: _Styles) -> bool:
    """Whether Word hides a run's text: as the run's own formatting says, else its character
    style, else its paragraph's style (each style as it or the styles it is based on say)."""
    r_pr = run.find(_RUN_PROPS)
    own = _vanish(r_pr)
    if own is not None:
        return own
    r_style = r_pr.find(_RUN_STYLE) if r_pr is not None else None
    by_character = styles.hides(
        r_style.get(_VAL) if r_style is not None else styles.default_ids.get("character")
    )
    if by_character is not None:
        return by_character
    return bool(styles.hides(paragraph_style or styles.default_ids.get("paragraph")))


def _drop_hidden_runs(body: Any, styles: _Styles) -> None:
    """Take the runs Word hides (hidden text: w:vanish, on the run or its style) out of the
    body: it is not what the report shows, and a hidden 二、存在的不足和原因 would make a
    report without one complete. Text boxes and tables lose theirs too."""
    if next(body.iter(_VANISH), None) is None and not styles.hides_any():
        return  # nothing hides anything: no run to look at
    hidden = []
    for run in body.iter(_RUN):
        p = next(run.iterancestors(_P), None)
        if _run_hidden(run, _paragraph_style_id(p) if p is not None else None, styles):
            hidden.append(run)
    for run in hidden:
        parent = run.getparent()
        if parent is not None:  # not inside a run already taken out
            parent.remove(run)


def read_docx(data: bytes, deadline: Deadline | None = None) -> Extracted:
    deadline = deadline or Deadline()
    package = SafeZip(data, ".docx")
    counter = _Counter(word_main_part(package.zip) or WORD_MAIN_PART)
    package.check_all(counter)
    if counter.strict:
        data = _as_transitional(package)
    import docx

    try:
        document = docx.Document(BytesIO(data))
        styles = _Styles(document)
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise InputError(
            f"a damaged .docx ({type(err).__name__}); re-save it from Word or WPS", kind="corrupt"
        ) from None
    _drop_hidden_runs(document.element.body, styles)
    body = _Body(document, styles, _Numbering(_numbering_root(document), styles), deadline)
    body.read(document.element.body)
    if sum(len(line) for line in body.lines if line != PICTURE) < TEXT_BESIDE_PICTURES:
        pictures = _pictures(document)
        if pictures:
            return _with_pictures_read(body, pictures)
    return Extracted("\n".join(body.lines), styled=body.styled)


_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"


def _pictures(document: Any) -> list[bytes]:
    """The pictures in the body, in their order, each once (DrawingML and older VML ones)."""
    seen: dict[str, bytes] = {}  # by the picture's part: one picture shown twice is read once
    for el in document.element.body.iter(_BLIP, _VML_IMAGE):
        rid = el.get(_EMBED) or el.get(_RELATION_ID)
        part = document.part.related_parts.get(rid) if rid else None
        if part is not None and part.content_type.lower().startswith("image/"):
            seen.setdefault(str(part.partname), part.blob)
    return list(seen.values())


def _with_pictures_read(body: _Body, pictures: list[bytes]) -> Extracted:
    """A document holding the report as pictures of its pages (scans pasted into Word under a
    title, or with no text at all): the pictures' text by OCR after what text there is. Where
    OCR finds none (a photo, a seal), the document is its text; with none, an error."""
    text = read_pictures(pictures)
    if text:  # the pictures' text after the typed text; their marks are dropped
        kept = [i for i, line in enumerate(body.lines) if line != PICTURE]
        at = {old: new for new, old in enumerate(kept)}
        styled = {at[i]: level for i, level in body.styled.items() if i in at}
        lines = [body.lines[i] for i in kept]
        return Extracted("\n".join([*lines, text]), styled=styled, ocr=True)
    if all(line == PICTURE for line in body.lines):
        raise pictures_only(len(pictures))
    return Extracted("\n".join(body.lines), styled=body.styled)


@dataclass
class _Body:
    """The body's lines as they are read, block by block, and the heading levels of the lines
    paragraphs with an outline level start."""

    document: Any
    styles: _Styles
    numbering: _Numbering
    deadline: Deadline
    lines: list[str] = field(default_factory=list)
    styled: dict[int, int] = field(default_factory=dict)  # line index -> heading level
    imported: set[str | None] = field(default_factory=set)
    blocks: int = 0

    def read(self, parent: Any) -> None:
        """The blocks of the body, or of a frame's cell: a frame's paragraphs are read as the
        body's are (a line each, with their outline levels), not joined as a table's cell."""
        from docx.table import Table

        for block in _blocks(parent):
            self.blocks += 1
            if self.blocks % 500 == 0:
                self.deadline.check()
            if block.tag == _P:
                self._paragraph(block)
            elif block.tag == _ALT_CHUNK:
                rid = block.get(_RELATION_ID)
                if rid not in self.imported:  # once: a thousand imports of one part are one text
                    self.imported.add(rid)
                    self.lines.extend(_imported_lines(self.document, rid, self.deadline))
            elif (cells := _frame_cells(_own_rows_and_cells(block))) is not None:
                for cell in cells:
                    self.read(cell)
            else:
                self.lines.extend(_table_lines(Table(block, self.document._body), self.deadline))

    def _paragraph(self, p: Any) -> None:
        if _CONTENTS.match(self.styles.of(p)):
            return
        self.lines.extend(_text_boxes(p))
        text = _paragraph_text(p).strip()
        if not text:
            if _shows_a_large_picture(p):
                self.lines.append(PICTURE)
            return
        level = _outline_level(p, self.styles, self.numbering, text)
        pieces = [part.strip() for part in text.split("\n") if part.strip()]
        if level is not None:
            self.styled[len(self.lines)] = level
        if len(pieces) > 1 and _wrapped_heading(pieces, level is not None):
            pieces = ["".join(pieces)]  # a heading wrapped by hand (存在的不足<br/>和原因)
        self.lines.extend(pieces)
        if _shows_a_large_picture(p):
            self.lines.append(PICTURE)


_DRAWING = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_VML_SHAPE = "{urn:schemas-microsoft-com:vml}shape"
_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?", re.IGNORECASE)
_EMU = {"pt": 12_700, "in": 914_400, "cm": 360_000, "mm": 36_000, "px": 9_525}
_LARGE_PICTURE = tuple(cm * _EMU["cm"] for cm in PICTURE_MIN_CM)  # EMU


def _shows_a_large_picture(p: Any) -> bool:
    """Whether paragraph ``p`` shows a picture the size of a table or a page (DrawingML, or an
    older document's VML shape): its place is kept as a :data:`PICTURE` line."""
    if next(p.iter(_BLIP, _VML_IMAGE), None) is None:
        return False
    for drawing in p.iter(_DRAWING):
        extent = next(drawing.iter(_EXTENT), None)
        if next(drawing.iter(_BLIP), None) is not None and extent is not None:
            size = (_number(extent.get("cx")), _number(extent.get("cy")))
            if _large(size):
                return True
    for shape in p.iter(_VML_SHAPE):
        if next(shape.iter(_VML_IMAGE), None) is not None:
            sides = {"width": 0.0, "height": 0.0}
            for name, value, unit in _VML_SIZE.findall(shape.get("style") or ""):
                sides[name.lower()] = _number(value) * _EMU[unit.lower() or "px"]
            if _large((sides["width"], sides["height"])):
                return True
    return False


def _number(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _large(size: tuple[float, float]) -> bool:
    return size[0] >= _LARGE_PICTURE[0] and size[1] >= _LARGE_PICTURE[1]


def _wrapped_heading(pieces: list[str], styled: bool) -> bool:
    """Whether a paragraph's lines (split at its line breaks) are one heading broken by hand: a
    short paragraph that is a heading by its format or opens with a typed marker (二、存在的
    <br/>不足和原因), no line a sentence's end, no later line a heading of its own nor holding
    a figure (一、主要举措和成效<br/>全年办理案件45件: a heading, then its text)."""
    return (
        sum(map(len, pieces)) <= MAX_HEADING
        and (styled or HEADING_START.match(pieces[0]) is not None)
        and not any(p.endswith(_SENTENCE_ENDS) for p in pieces)
        and not any(HEADING_START.match(p) or _FIGURE.search(p) for p in pieces[1:])
    )


_FIGURE = re.compile(r"[0-9０-９]")


def _frame_cells(table: Any) -> list[Any] | None:
    """The cells of a table that frames text rather than tabulating it — one column, a cell a
    row (a whole report set in a bordered cell, a 版记 a row per line) — or None for a table
    with columns. A frame's text is paragraphs: a statistical table always has columns."""
    cells: list[Any] = []
    for row in table.iterchildren(_ROW):
        own = list(row.iterchildren(_CELL))
        if len(own) > 1:
            return None
        cells.extend(own)  # a row with no cell (<w:tr/>) holds nothing
    return cells or None


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


_GRID_SPAN, _GRID_COL = f"{_W}gridSpan", f"{_W}gridCol"
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
        if _small(value, width + 1) is None:
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
