"""Bounds on what reading one input may cost: bytes, inflated bytes, elements and time.

Every reader checks these while it reads, so a hostile file (a zip bomb, a FIFO, /dev/zero,
830,000 empty paragraphs) becomes that input's one-line error instead of a hang or a
process-wide MemoryError."""

from __future__ import annotations

import errno
import os
import stat
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO

from fzcheck.errors import InputError

MB = 1024 * 1024
# A real report's XML inflates to a few MB; images inflate about 1:1. These leave wide margins
# while keeping the DOM python-docx/lxml builds well under the 500 MB a run may use.
MAX_INFLATED = 48 * MB  # all zip members read, together
MAX_MEMBER = 32 * MB  # one zip member
MAX_RATIO = 150  # inflated / compressed, for members over 4 MB inflated (XML compresses ~10:1)
MAX_MEMBERS = 5_000
MAX_CHARS = 2_000_000  # characters of text in one report (a long one has ~50,000)
MAX_ELEMENTS = 60_000  # paragraphs, table rows, text objects: a long report has ~2,000
# XML elements a reader lets a parser build (a long report's package has ~200,000): lxml keeps
# ~130 bytes per element, so this bounds a tree to ~200 MB; 12 million tiny elements (<a/>,
# 4 bytes each, within the inflated-size bounds) took 1.6 GB.
MAX_XML_ELEMENTS = 1_500_000
SECONDS = 60.0  # one input's read (OCR included)


@dataclass
class Deadline:
    """Wall-clock budget for reading one input; readers call :meth:`check` inside their loops."""

    seconds: float = SECONDS
    start: float = 0.0

    def __post_init__(self) -> None:
        self.start = time.monotonic()

    def remaining(self) -> float:
        return self.start + self.seconds - time.monotonic()

    def check(self) -> None:
        if self.remaining() < 0:
            raise InputError(
                f"reading took over {self.seconds:g} s and was stopped (a file this "
                "slow to read is damaged or far larger than a report)",
                kind="timeout",
            )


def count_limit(count: int, what: str, limit: int = MAX_ELEMENTS) -> None:
    if count > limit:
        raise InputError(
            f"over {limit:,} {what}: far more than any report has (a damaged or "
            "machine-made file); split or re-save it",
            kind="too_complex",
        )


def xml_elements(data: bytes) -> int:
    """The elements in XML ``data``, counted by their opening tags (``<`` not starting ``</``;
    comments and declarations count too, which only errs high) without parsing anything."""
    return data.count(b"<") - data.count(b"</")


def regular_within(path: str | os.PathLike[str], limit: int | None = None) -> bool:
    """Whether ``path`` is a regular file of at most ``limit`` bytes: a FIFO would be waited on
    for ever, a folder or a device is no file, and a settings file, cache entry or export far
    larger than any is damage. Its OSError (nothing there) is the caller's to say."""
    info = os.stat(path)
    return stat.S_ISREG(info.st_mode) and (limit is None or info.st_size <= limit)


def read_regular_file(
    path: str, limit: int, too_large: Callable[[int], str] | None = None
) -> bytes:
    """Read at most ``limit + 1`` bytes of a regular file.

    FIFOs, sockets and devices are refused before any read (a FIFO blocks, /dev/zero never
    ends); the file is opened non-blocking so a FIFO swapped in after the stat cannot hang us.
    With ``too_large`` (the message for a size), a file already over the limit is refused
    unread."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(
                "a directory with no report files (.txt .md .html .docx .doc .wps .rtf .ofd .pdf) in it",
                kind="no_reports",
            )
        _refuse_special(info.st_mode)
        if too_large is not None and info.st_size > limit:
            raise InputError(too_large(info.st_size), kind="too_large")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except InputError:
        raise
    except OSError as err:
        raise _os_error(err) from None
    try:
        opened = os.fstat(fd)
        _refuse_special(opened.st_mode)
        chunks: list[bytes] = []
        total = 0
        # the size it has now, and one byte more to see that it ended: a read allocates what it
        # asks for, and most files are far smaller than a chunk
        size = opened.st_size + 1
        while total <= limit:  # to the end: a size from stat may be short (/proc, FUSE)
            chunk = os.read(fd, min(size if not chunks else 1 * MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    except OSError as err:
        raise _os_error(err) from None
    finally:
        os.close(fd)


def _refuse_special(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    raise InputError(f"{kind}, not a file: not read", kind="special_file")


def _os_error(err: OSError) -> InputError:
    if err.errno == errno.ENOENT:
        return InputError("no such file", kind="not_found")
    if err.errno in (errno.EACCES, errno.EPERM):
        return InputError("permission denied", kind="unreadable")
    if err.errno in (errno.ELOOP, errno.ENAMETOOLONG, errno.ENOTDIR):
        return InputError(
            f"the path cannot be resolved ({os.strerror(err.errno)}; a symlink "
            "loop or a broken path)",
            kind="unreadable",
        )
    name = errno.errorcode.get(err.errno or 0, "error")
    return InputError(f"cannot be read ({name}: {err.strerror})", kind="unreadable")


class SafeZip:
    """A zip opened for bounded reading: members are inflated in chunks and refused as soon as
    one passes :data:`MAX_MEMBER`, all of them :data:`MAX_INFLATED`, or its ratio is absurd.

    Sizes in the zip's own directory can lie, so the count is of bytes actually inflated."""

    def __init__(self, data: bytes, what: str) -> None:
        self.what = what
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            self.infos = {info.filename: info for info in self.zip.infolist()}
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            raise InputError(
                f"a damaged {what} (not a readable zip package); re-save it", kind="corrupt"
            ) from None
        count_limit(len(self.infos), "parts in the package", MAX_MEMBERS)
        self.inflated = 0

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str, on_chunk: Callable[[bytes], None] | None = None) -> bytes:
        return b"".join(self._chunks(name, on_chunk))

    def check_all(self, on_chunk: Callable[[str, bytes], None] | None = None) -> None:
        """Inflate every member once, keeping nothing, to prove the package is within bounds
        before a library that trusts it (python-docx) opens it."""
        for name in self.infos:
            for chunk in self._chunks(name, None):
                if on_chunk is not None:
                    on_chunk(name, chunk)

    def _chunks(self, name: str, on_chunk: Callable[[bytes], None] | None) -> Iterator[bytes]:
        info = self.infos.get(name)
        if info is None:
            raise InputError(f"a damaged {self.what}: part {name} is missing", kind="corrupt")
        size = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(256 * 1024):
                    size += len(chunk)
                    self.inflated += len(chunk)
                    self._bound(name, size, info.compress_size)
                    if on_chunk is not None:
                        on_chunk(chunk)
                    yield chunk
        except InputError:
            raise
        except (
            zipfile.BadZipFile,
            ValueError,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as err:  # RuntimeError: an encrypted member
            raise InputError(
                f"a damaged {self.what} ({type(err).__name__} in {name}); re-save it",
                kind="corrupt",
            ) from None

    def _bound(self, name: str, size: int, compressed: int) -> None:
        member = size > MAX_MEMBER or (size > 4 * MB and size > MAX_RATIO * max(compressed, 1))
        if member or self.inflated > MAX_INFLATED:
            # (the parts together: each may be small — an OFD of a thousand pages had said
            # "over 0 MB from 0.0 MB")
            what = (
                f"{name}: over {size // MB} MB from {max(compressed, 1) / MB:.1f} MB"
                if member
                else f"its parts together over {self.inflated // MB} MB"
            )
            raise InputError(
                f"the {self.what} inflates far beyond its size ({what}; a decompression bomb "
                "or a damaged file): not read",
                kind="too_large",
            )
