"""Decide what kind of file some bytes are, by content first and suffix second."""

from __future__ import annotations

import posixpath
import re
import zipfile
from io import BytesIO
from typing import Any
from urllib.parse import unquote

from fzcheck.document import Format
from fzcheck.errors import InputError

_LEGACY_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER_LINE = re.compile(rb"\A\s*[A-Za-z][\w-]*:[^\n]*\n")
_RTF = re.compile(rb"\A(?:\xef\xbb\xbf)?\s{0,64}\{\\rtf")
_IMAGES = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"BM": "BMP",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"RIFF": "WEBP",
}
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml"})
_LEGACY_SUFFIXES = {".doc", ".wps", ".wpt", ".dot", ".rtf", ".xls", ".et", ".ppt", ".dps", ".odt"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
# a unit's statistics sent as a workbook, slides, or its files zipped: each says what it is
_PACKAGE_SUFFIXES = {".xlsx", ".xlsm", ".pptx", ".ods", ".odp", ".zip"}
# Files a folder of submissions holds that cannot be read but must not pass unnoticed.
UNREADABLE_SUFFIXES = frozenset(_LEGACY_SUFFIXES | _IMAGE_SUFFIXES | _PACKAGE_SUFFIXES)
# An Office file of another kind, in its zip package or its older OLE container (reading.doc)
SPREADSHEET = "an Excel/WPS spreadsheet, not a report; save the report as .docx or .pdf"
PRESENTATION = "a PowerPoint/WPS presentation, not a report; save the report as .docx or .pdf"
_OCR = "OCR it first (e.g. `tesseract FILE out -l chi_sim`) and check the .txt"
_CONVERT = "convert it first: `soffice --headless --convert-to docx FILE`"


def sniff_format(data: bytes, suffix: str) -> Format:
    """The format by content (a .docx renamed .doc is read as .docx); the suffix breaks ties."""
    head = data[:16]
    if not data or data.isspace():  # bytes.strip() would copy the whole file to tell
        raise InputError("the file is empty", kind="empty")
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if head.startswith(_LEGACY_OFFICE):
        return "doc"  # Word 97-2003 and WPS .wps share the OLE container; the reader checks
    if _RTF.match(data[:64]):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data, suffix)
    if is_mime_page(data):
        return "html"  # a web archive (.mht, or Word's "single file web page" saved as .doc)
    if suffix in _LEGACY_SUFFIXES and not _looks_textual(data):
        raise InputError(
            f"a {suffix} file this tool cannot read; {_CONVERT}", kind="unsupported_format"
        )
    for magic, name in _IMAGES.items():
        if head.startswith(magic) and (name != "WEBP" or data[8:12] == b"WEBP"):
            raise InputError(f"a {name} image, not text; {_OCR}", kind="image")
    if suffix in _IMAGE_SUFFIXES:
        raise InputError(f"an image file, not text; {_OCR}", kind="image")
    if suffix in {".docx", ".pdf", ".ofd"}:
        raise InputError(
            f"named {suffix} but not a {suffix[1:]} file inside; re-export it", kind="corrupt"
        )
    if _is_html(data, suffix):
        return "html"
    return "txt"


def _zip_kind(data: bytes, suffix: str) -> Format:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        if suffix == ".ofd":  # an OFD is a zip package too, made by its own software
            raise InputError(
                "a damaged .ofd file (not a readable zip package); re-export it", kind="corrupt"
            ) from None
        raise InputError(
            "a damaged zip/.docx file; re-save it from Word or WPS", kind="corrupt"
        ) from None
    if WORD_MAIN_PART in names or word_main_part(archive) is not None:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    if "content.xml" in names and "mimetype" in names:
        raise InputError(f"an OpenDocument file; {_CONVERT}", kind="unsupported_format")
    # an Excel or PowerPoint package (its statistics sent as a workbook): not an archive to unpack
    for folder, what in (("xl/", SPREADSHEET), ("ppt/", PRESENTATION)):
        if any(n.startswith(folder) for n in names):
            raise InputError(what, kind="unsupported_format")
    raise InputError(
        "a zip archive, not a report; unpack it and check the files inside",
        kind="unsupported_format",
    )


# The package's relationships and content types are a few KB; more is no Word package's.
_MAX_PACKAGE_XML = 1024 * 1024
# The main part's relationship, in transitional (…/2006/relationships/officeDocument) and
# Strict (http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument) OOXML.
_OFFICE_DOCUMENT = "/officeDocument"
# A Word main part's content types: a document, a template, macro-enabled ones (ms-word).
_WORD_CONTENT = re.compile(r"wordprocessingml|ms-word\.", re.IGNORECASE)


WORD_MAIN_PART = "word/document.xml"  # where Word writes it; _rels/.rels may name another


def word_main_part(archive: zipfile.ZipFile) -> str | None:
    """The name of a Word package's main part as its ``_rels/.rels`` names it (the
    officeDocument relationship), when [Content_Types].xml types it as Word's; None for any
    other package. Word writes word/document.xml, but Word Online / Office 365 also
    word/document2.xml, and a package is read from where it says its document is."""
    rels = _package_xml(archive, "_rels/.rels")
    types = _package_xml(archive, "[Content_Types].xml")
    if rels is None or types is None:
        return None
    target = next(
        (
            r.get("Target", "")
            for r in rels.iter("{*}Relationship")
            if r.get("Type", "").endswith(_OFFICE_DOCUMENT) and r.get("TargetMode") != "External"
        ),
        None,
    )
    if not target:
        return None
    name = posixpath.normpath(unquote(target).lstrip("/"))
    if name not in archive.namelist():
        return None
    return name if _WORD_CONTENT.search(_content_type(types, name)) else None


def _content_type(types: Any, name: str) -> str:
    """The content type [Content_Types].xml gives part ``name``: its own, else its extension's."""
    for override in types.iter("{*}Override"):
        if override.get("PartName", "").lstrip("/") == name:
            return str(override.get("ContentType", ""))
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    for default in types.iter("{*}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", ""))
    return ""


def _package_xml(archive: zipfile.ZipFile, name: str) -> Any:
    """The parsed part ``name``, read no further than a package's own XML is long; None when
    it is missing, too long or not XML."""
    from lxml import etree  # type: ignore[import-untyped]

    try:
        with archive.open(name) as member:
            data = member.read(_MAX_PACKAGE_XML + 1)
        if len(data) > _MAX_PACKAGE_XML:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(data, parser)
    except (
        KeyError,
        zipfile.BadZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,  # an encrypted member
        etree.XMLSyntaxError,
    ):
        return None


def is_mime_page(data: bytes) -> bool:
    """A web archive: mail-style headers first (MIME-Version:, Content-Type:, From: …, in any
    order), one of them multipart/related."""
    head = data[:2048]
    return bool(_HEADER_LINE.match(head)) and b"multipart/related" in head.lower()


def _looks_textual(data: bytes) -> bool:
    return b"\x00" not in data[:4096]


_PROLOGUE = re.compile(rb"\A(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)+", re.DOTALL)


def _is_html(data: bytes, suffix: str) -> bool:
    if suffix in HTML_SUFFIXES:
        return True
    start = data[:2048].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if suffix in TEXT_SUFFIXES:
        # a page saved as .txt (a browser's Save As, a crawler): only a page's own opening
        # says so, since a text may quote a tag — after what a saved page may set before it
        # (<!-- saved from url=… -->, <?xml …?>)
        start = _PROLOGUE.sub(b"", start)
        return start.startswith((b"<!doctype html", b"<html", b"<head>", b"<meta "))
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start
