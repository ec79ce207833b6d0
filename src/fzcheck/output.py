"""The two consoles, set up once: results to stdout, messages and progress to stderr; and
-o files, written whole or not at all."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


MAX_WIDTH = 1000  # columns: COLUMNS=100000000 had the terminal view take 3 GB


def console_width() -> int | None:
    """The width for a console when COLUMNS asks for more than ``MAX_WIDTH``, else None (rich
    reads COLUMNS, or the terminal, itself)."""
    import os

    columns = os.environ.get("COLUMNS", "")
    return MAX_WIDTH if columns.isdigit() and int(columns) > MAX_WIDTH else None


@lru_cache(maxsize=1)
def stdout() -> Console:
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False, width=console_width())


_verbosity = 0  # -1 --quiet (errors only), 0 normal, 1 --verbose


def set_verbosity(level: int) -> None:
    global _verbosity
    _verbosity = level
    stderr.cache_clear()


def verbose() -> bool:
    return _verbosity > 0


def quiet() -> bool:
    return _verbosity < 0


@lru_cache(maxsize=1)
def stderr() -> Console:
    from rich.console import Console

    return Console(
        stderr=True,
        highlight=False,
        soft_wrap=True,
        quiet=_verbosity < 0,
        width=console_width(),
    )


@lru_cache(maxsize=1)
def _errors() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, width=console_width())


def tolerant_streams() -> None:
    """Let stdout and stderr write a file name that is not UTF-8 (a str with surrogateescape
    surrogates) as a visible escape instead of raising UnicodeEncodeError mid-run."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
                reconfigure(errors="backslashreplace")


def error(message: str) -> None:
    """One line on stderr, never markup-interpreted (messages quote report text), with
    credentials redacted and control characters shown, not executed; shown even with
    --quiet."""
    _errors().print(f"[bold red]fzcheck:[/] {_escape(message)}")


def written(path: str | None, reports: int) -> None:
    """The one line saying where ``-o`` was written (batch and letter say theirs), so a run
    that prints nothing else is not taken for one that did nothing; none with --quiet, nor
    for stdout (no -o, or -o -)."""
    if not path or path == "-":
        return
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    stderr().print(t("output.written", n=reports, path=visible(path)), markup=False)


def pages_written(directory: str | Path, reports: int) -> None:
    """The line saying a folder of report pages was written, and the page to open."""
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    index = visible(str(Path(directory) / "index.html"))
    stderr().print(t("output.pages_written", n=reports, path=index), markup=False)


def warn(message: str) -> None:
    stderr().print(f"[yellow]fzcheck:[/] {_escape(message)}")


def _escape(text: str) -> str:
    from rich.markup import escape

    from fzcheck.redact import redact, visible

    return escape(visible(redact(text.splitlines()[0] if text else text)))


@contextlib.contextmanager
def replacing(path: str, binary: bool = False) -> Iterator[IO[Any]]:
    """``path`` opened to be written whole: the text goes to a temporary file beside it, which
    takes the file's place only once complete. A run stopped midway (Ctrl-C, an error) leaves
    the earlier file as it was, where opening ``path`` itself had emptied it. A path that is no
    regular file (/dev/stdout, a FIFO) is written as it is."""
    import os
    import tempfile

    target = os.path.realpath(path)  # through a symlink: the file it names is replaced
    if (
        path.endswith(("/", os.sep))
        or (os.path.exists(target) and not os.path.isfile(target))
        or os.path.islink(target)  # a loop of links, left unresolved: not replaced by a file
    ):
        # (a folder's name, a loop: opened as given, the system's error says so)
        with open(path, "wb") if binary else _text(path) as direct:
            yield direct
        return
    folder, name = os.path.split(target)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") if binary else _text(fd) as f:
            yield f
        with contextlib.suppress(OSError):
            # the earlier file's permissions, or a new file's as open() makes it (mkstemp's are
            # 0600: a colleague could not open the sheet)
            os.chmod(temp, _mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode(target: str) -> int:
    """The mode a file written as ``target`` gets: the earlier file's, else 0666 less the
    umask."""
    import os

    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _text(file: str | int) -> IO[str]:
    # backslashreplace: a file name that is not UTF-8 is written visibly, not a crash
    return open(file, "w", encoding="utf-8", newline="", errors="backslashreplace")
