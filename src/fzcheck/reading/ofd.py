"""OFD (GB/T 33190, China's fixed-layout format): the text objects of each page in reading
order, wrapped lines of a paragraph joined, through the bounded unzip.

Read: OFD.xml -> DocRoot (Document.xml) -> Pages -> each page's Content.xml -> TextObject /
TextCode. Not read: templates (page headers), annotations, and text drawn only as paths or
images (a scanned OFD is refused with its own message)."""

from __future__ import annotations

import posixpath
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
    codes = 0
    for location in pages:
        deadline.check()
        content = _xml(package, _resolve(posixpath.dirname(doc_path), location))
        pieces = []
        for obj in content.iter("{*}TextObject"):
            bx, by = _box(obj.get("Boundary", ""))
            size = _float(obj.get("Size"), 3.5)
            for code in obj.iter("{*}TextCode"):
                codes += 1
                text = (code.text or "").strip()
                if not text:
                    continue
                x, y = bx + _float(code.get("X"), 0.0), by + _float(code.get("Y"), size)
                width = _width(code.get("DeltaX"), text, size)
                pieces.append(Piece(y - size, y, x, x + width, text))
        count_limit(codes, "text objects", _MAX_TEXT_CODES)
        pages_pieces.append(pieces)
    lines = document_lines(pages_pieces)
    if not lines:
        raise InputError(
            "the .ofd holds no text objects (a scanned OFD?); export it to PDF "
            "and check the PDF (scanned PDFs are read by OCR)",
            kind="scanned_pdf",
        )
    return Extracted("\n".join(lines))


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


def _width(delta: str | None, text: str, size: float) -> float:
    """A TextCode's width: its DeltaX advances (``g N d`` repeats d N times) plus the last
    glyph; without DeltaX, full-width characters are ``size`` wide and the rest half that."""
    if not delta:
        return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text) * size
    tokens, total, gaps, i = delta.split(), 0.0, len(text) - 1, 0
    while i < len(tokens) and gaps > 0:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = min(int(_float(tokens[i + 1], 0.0)), gaps)  # a huge N cannot cost memory
            total, gaps, i = total + count * _float(tokens[i + 2], 0.0), gaps - count, i + 3
        else:
            total, gaps, i = total + _float(tokens[i], 0.0), gaps - 1, i + 1
    return total + size


def _box(boundary: str) -> tuple[float, float]:
    parts = boundary.split()
    return (_float(parts[0], 0.0), _float(parts[1], 0.0)) if len(parts) >= 2 else (0.0, 0.0)


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default
