"""One input in, one graded record out: read → choose the report type → analyse → grade.

Unreadable input, and a bug met on one input, become that input's error result here, never an
exception, so a run over many files always finishes. ``FZCHECK_RAISE_ERRORS=1`` lets a bug
raise with its traceback instead (for debugging, like simonw/llm's ``LLM_RAISE_ERRORS``).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fzcheck.analysis.analyse import Analysis, analyse
from fzcheck.analysis.detect import choose
from fzcheck.analysis.outline import Outline
from fzcheck.document import Document
from fzcheck.errors import InputError
from fzcheck.grading.grade import Upgrade, grade
from fzcheck.reading import DEFAULT_MAX_MB, load, read_bytes, stdin_is_terminal
from fzcheck.result import LLMInfo, Result, RubricRef, error_result
from fzcheck.rubric import Catalog

RAISE_ERRORS = "FZCHECK_RAISE_ERRORS"


@dataclass
class Graded:
    """One input's result, with what it was graded from when it could be read."""

    result: Result
    analysis: Analysis | None = None

    @property
    def doc(self) -> Document | None:
        return self.analysis.doc if self.analysis else None

    @property
    def outline(self) -> Outline | None:
        return self.analysis.outline if self.analysis else None

    def apply_llm(self, info: LLMInfo, upgrades: list[Upgrade]) -> None:
        """Grade again with the LLM layer's checked upgrades, and keep what it said."""
        if self.analysis is not None and upgrades:
            outline = self.result.outline
            self.result = grade(self.analysis, upgrades, self.result.rubric)
            self.result.outline = outline
        self.result.llm = info


def raise_errors() -> bool:
    return os.environ.get(RAISE_ERRORS, "") not in ("", "0")


# One input's whole check at most: reading has its own limit (60 s, OCR 240 s, checked as it
# goes); past this a reading library is stuck in a loop of its own, and the input is given up.
INPUT_SECONDS = 300.0
TIMEOUT_MESSAGE = (
    f"checking took over {INPUT_SECONDS:g} s and was stopped (its structure keeps a reading "
    "library busy); re-save it as .docx or PDF"
)
STDIN_STALLED_MESSAGE = (
    f"standard input did not end within {INPUT_SECONDS:g} s (the program writing to it stalled "
    "or never closed it); give the report's file instead"
)


class _TookTooLong(BaseException):
    """Not an Exception: a reading library's ``except Exception`` must not swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TookTooLong in this thread after ``seconds`` (a timer signal: only the main thread
    of a Unix process can take one; elsewhere, no limit — a batch's pool has its own)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield  # no timer, or one already set by the caller: theirs stands
        return

    running = [True]

    def expired(signum: int, frame: object) -> None:
        if running[0]:  # a tick landing as the block ends changes nothing
            raise _TookTooLong

    previous = signal.signal(signal.SIGALRM, expired)
    # again every second after: a library that catches everything (a bare except) swallows one
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        try:  # a tick raising here still leaves the timer stopped and the handler restored
            running[0] = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def check_source(source: str, catalog: Catalog, max_mb: float = DEFAULT_MAX_MB) -> Graded:
    """Check one input with the rubric the catalog forces, or the best-matching one; one that
    takes over INPUT_SECONDS is that input's ``timeout`` error."""
    first = next(iter(catalog.values()))
    ref = first.ref() if len(catalog) == 1 else None
    typed: bytes | None = None
    if source == "-":
        try:
            typed = _typed_in(max_mb) if stdin_is_terminal() else _piped_in(max_mb)
        except InputError as err:
            return Graded(error_result(source, err.kind, str(err), rubric=ref))
        except _TookTooLong:
            return Graded(error_result(source, "timeout", STDIN_STALLED_MESSAGE, rubric=ref))
    try:
        with _time_limit(INPUT_SECONDS):
            return _check_source(source, catalog, max_mb, typed)
    except _TookTooLong:
        return Graded(error_result(source, "timeout", TIMEOUT_MESSAGE, rubric=ref))


def _typed_in(max_mb: float) -> bytes:
    """A report typed or pasted at the terminal (``-``, stdin no pipe): one line first saying
    how to end it — the read had waited without a word — then read for as long as the person
    takes, before the input's time limit starts (no reading library is at work on it)."""
    from fzcheck.output import stderr
    from fzcheck.render.i18n import t

    stderr().print(t("inputs.stdin_terminal"), markup=False, highlight=False)
    return read_bytes("-", max_mb)


def _piped_in(max_mb: float) -> bytes:
    """A report piped in (``-``): read under a time limit of its own, so that a writer that
    stalls is said to be the cause, not the report (the check's own limit starts after)."""
    with _time_limit(INPUT_SECONDS):
        return read_bytes("-", max_mb)


def _check_source(
    source: str, catalog: Catalog, max_mb: float, data: bytes | None = None
) -> Graded:
    first = next(iter(catalog.values()))
    ref = first.ref() if len(catalog) == 1 else None
    try:
        doc = load(source, max_mb=max_mb, data=data)
    except InputError as err:
        return Graded(error_result(source, err.kind, str(err), sha256=err.sha256, rubric=ref))
    except OSError as err:  # a symlink loop, an I/O error: the file's, not the checker's
        return Graded(
            error_result(
                source, "unreadable", f"cannot be read ({err.strerror or err})", rubric=ref
            )
        )
    except Exception as err:
        if raise_errors():
            raise
        return Graded(_internal(source, err, None, ref))
    try:
        rubric, selection = choose(doc, catalog.values(), forced=catalog.forced)
        analysis = analyse(doc, rubric)
        return Graded(grade(analysis, selection=selection), analysis)
    except Exception as err:
        if raise_errors():
            raise
        return Graded(_internal(source, err, doc.sha256, ref))


def _internal(source: str, err: Exception, sha256: str | None, ref: RubricRef | None) -> Result:
    message = (
        f"internal error ({type(err).__name__}: {err}); please report it with this "
        f"file (set {RAISE_ERRORS}=1 for the traceback)"
    )
    return error_result(source, "internal", message.splitlines()[0], sha256=sha256, rubric=ref)


def check_path(
    source: str, catalog: Catalog, max_mb: float = DEFAULT_MAX_MB, with_outline: bool = False
) -> Result:
    graded = check_source(source, catalog, max_mb)
    if with_outline and graded.analysis is not None:
        graded.result.outline = graded.analysis.outline.to_json(graded.analysis.doc)
    return graded.result
