"""Turn any input (path or stdin bytes) into a :class:`~fzcheck.document.Document`.

Readers for HTML, .docx and .pdf import their libraries only when such a file arrives.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import sys
from collections.abc import Callable
from types import ModuleType

from fzcheck.document import Document, Format
from fzcheck.errors import InputError
from fzcheck.reading.limits import MAX_CHARS, Deadline, read_regular_file
from fzcheck.reading.normalize import Extracted, build_document
from fzcheck.reading.sniff import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    UNREADABLE_SUFFIXES,
    sniff_format,
)

DEFAULT_MAX_MB = 16.0

SUFFIX_FORMATS: dict[str, Format] = {
    **dict.fromkeys(TEXT_SUFFIXES, "txt"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
    ".wps": "doc",
    ".rtf": "rtf",
    ".ofd": "ofd",
}
KNOWN_SUFFIXES = frozenset(SUFFIX_FORMATS)
# What a directory is searched for: what we read, and what we must say we cannot read.
SUBMISSION_SUFFIXES = KNOWN_SUFFIXES | UNREADABLE_SUFFIXES


def read_bytes(source: str, max_mb: float = DEFAULT_MAX_MB) -> bytes:
    """The raw bytes of a path, or of stdin for ``-``, refusing what is over the size limit.

    Special files (FIFOs, devices, sockets) and paths that cannot be resolved (a symlink loop)
    are refused before anything is read."""
    limit = int(max_mb * 1024 * 1024)
    if source == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        data = read_regular_file(source, limit, lambda size: _too_big(size, max_mb))
    if len(data) > limit:
        raise InputError(_too_big(len(data), max_mb), kind="too_large")
    return data


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal, where a person types (not a pipe or a file)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed
        return False


def _suffix(path: str) -> str:
    """``Path(path).suffix.lower()``, without building a Path (a cost on every input)."""
    name = os.path.basename(path.rstrip(os.sep))
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


# Word and WPS leave ~$报告.docx beside a document while it is open: a few bytes naming who
# opened it. Walking a folder skips them; one given by name is said to be one, not "damaged".
_LOCK_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".wpt", ".rtf"})
_DOCUMENT_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf", b"%PDF")


def _is_lock_file(source: str, suffix: str, data: bytes) -> bool:
    """A Word/WPS owner file: named ~$… with a Word suffix, and not a document inside (a real
    report that happens to be named so is still read)."""
    name = os.path.basename(source.rstrip(os.sep))
    return name.startswith("~$") and suffix in _LOCK_SUFFIXES and not opens_as_document(data)


def opens_as_document(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes, 64 are enough) opens as an Office package, an
    OLE file, an RTF or a PDF does: no lock file does."""
    return head[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_DOCUMENT_MAGIC)


# What fzcheck writes first, so that a run over the folder it was written into does not grade
# its own output as a submission: a page's generator, a Markdown file's comment (no viewer
# shows it), a terminal view's panel corner (no report starts with one) or its name (a batch
# summary saved as text), a results line or a results array, a decisions line.
MARKDOWN_MARK = "<!-- generator: fzcheck -->"
_OWN_PAGE = re.compile(rb"<meta\s+name=[\"']?generator[\"']?\s+content=[\"']?fzcheck\b", re.I)
_OWN_START = re.compile(
    rb"(?:%s|\xe2\x95\xad\xe2\x94\x80|fzcheck |\[?\s*\{\s*\"schema_version\"\s*:\s*\d+\s*,\s*\"path\""
    rb"|\{\"sha256\":\"[0-9a-f]{64}\",\"rubric\":[^\n]*\"rubric_version\":)"
    % re.escape(MARKDOWN_MARK.encode())
)


def is_own_output(head: bytes) -> bool:
    """Whether ``head`` (a file's first 4 KB) begins something fzcheck wrote: a page, a
    Markdown or terminal view saved to a file, a results or decisions file."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_OWN_START.match(start) or _OWN_PAGE.search(head))


def _too_big(size: int, max_mb: float) -> str:
    return (
        f"file is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit "
        "(an annual report is rarely over 1 MB); raise the limit with --max-mb if it is one"
    )


def load(source: str, max_mb: float = DEFAULT_MAX_MB, data: bytes | None = None) -> Document:
    """Read and decode one input. Raises :class:`InputError` with a one-line fix for bad input."""
    if data is None:
        data = read_bytes(source, max_mb)
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = "" if source == "-" else _suffix(source)
    try:
        if source != "-" and _is_lock_file(source, suffix, data):
            raise InputError(
                "a Word/WPS lock file (~$ at the start of its name: made while a document is "
                "open), not the report: check the document itself",
                kind="lock_file",
            )
        if is_own_output(data[:4096]):
            raise InputError(
                "fzcheck's own output (a results file, page or summary), not a report: view "
                "it with fzcheck report, or check the report itself",
                kind="own_output",
            )
        fmt: Format | None = None
        try:
            fmt = sniff_format(data, suffix)
            raw = _reader(fmt)(data, Deadline())
        except ImportError as err:  # a reader imports its library when the first file arrives
            raise _missing(fmt or "such", err) from None
        except InputError:
            raise
        except MemoryError:
            raise InputError(
                "reading the file ran out of memory: it is far larger inside than "
                "a report; not read",
                kind="too_large",
            ) from None
        except Exception as err:  # noqa: BLE001 - a library failing on a damaged file
            raise InputError(
                f"could not be read as {fmt or 'any known format'} "
                f"({type(err).__name__}); the file may be damaged: re-save or "
                "re-export it",
                kind="corrupt",
            ) from None
        if not raw.text.strip():
            raise InputError("the file holds no text (empty, or only whitespace)", kind="empty")
        if len(raw.text) > MAX_CHARS:
            raise InputError(
                f"{len(raw.text):,} characters of text, over the {MAX_CHARS:,} limit "
                "for one report; split the file into single reports",
                kind="too_large",
            )
    except InputError as err:
        err.sha256 = sha256  # the bytes were read: results files can still key on them
        raise
    return build_document(source, sha256, fmt, raw)


Reader = Callable[[bytes, Deadline], Extracted]


def _reader(fmt: Format) -> Reader:
    """The reader for a format, imported only when such a file arrives (they pull in lxml, OCR
    models etc.). A library missing for one format is that input's error, not the run's."""
    name = "text" if fmt == "txt" else fmt
    module = _MODULES.get(name)
    if module is None:
        try:
            module = _MODULES[name] = importlib.import_module(f"fzcheck.reading.{name}")
        except ImportError as err:
            raise _missing(fmt, err) from None
    return getattr(module, f"read_{name}")  # type: ignore[no-any-return]


_MODULES: dict[str, ModuleType] = {}  # a reader's module once imported: import_module costs


def _missing(fmt: str, err: ImportError) -> InputError:
    return InputError(
        f"cannot read {fmt} files here: a library they need is not installed "
        f"({err.name or err}); reinstall fzcheck with its dependencies",
        kind="missing_dependency",
    )
