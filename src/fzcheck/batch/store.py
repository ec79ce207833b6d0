"""The append-only JSON Lines files a batch writes (results, and the copy-detection sidecar).

Crash safety rests on three rules: every line is written whole with one ``write`` and flushed
before the next report starts (a killed process loses nothing flushed; ``sync=True`` adds an
``fsync`` per line for power cuts, at a cost in speed); on open, a torn or
unparsable tail — what a kill mid-write leaves — is cut off before anything is appended, and a
file with any other line that is not a result is refused untouched (an -o naming a workbook
or a report must not lose it); and
any rewrite (dropping lines to redo, adding copy flags) goes to a temp file that replaces the
original in one ``os.replace``, so a kill during it leaves the old file intact (the next run,
holding the lock, removes the temp file it left). A rewrite keeps the file's permissions, and
the results path is resolved first, so ``-o link.jsonl`` locks and rewrites the file the
symlink points to and the symlink stays a symlink.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, Self

from fzcheck.batch.plan import KEY_FIELD, WHERE_FIELD
from fzcheck.errors import UsageError
from fzcheck.render.i18n import os_reason, t
from fzcheck.render.jsonfmt import dumps_line
from fzcheck.result import SCHEMA_VERSION


def iter_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(byte offset after the line, parsed object or None) for each line of ``path``.

    A last line without its newline counts as torn (None) even if it parses: a line is only
    complete once its newline is on disk. Blank lines are passed over."""
    with path.open("rb") as f:
        offset = 0
        for raw in f:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                yield offset, None
                return
            if not raw.strip():
                continue  # a blank line (an editor's, at the end): no line at all
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                yield offset, None
                continue
            yield offset, obj if isinstance(obj, dict) else None


def read_results(path: Path) -> Iterator[dict[str, Any]]:
    """The result lines of a batch results file, or the results of a ``check -f json`` file
    (one JSON array). Anything else is a usage error, so that `fzcheck report` on the wrong
    file says so instead of reporting 0 reports; only a torn last line (a killed run) is
    passed over."""
    if _opens_an_array(path):
        yield from _array_results(path)
        return
    count, bad = 0, None
    for number, (_, obj) in enumerate(iter_lines(path), 1):
        if bad is not None:
            break
        if obj is None or not is_result(obj):
            bad = number
            continue
        count += 1
        yield obj
    torn_tail = bad is not None and count > 0 and not _ends_with_newline(path)
    if bad is not None and not torn_tail:
        raise UsageError(t("batch.not_a_results_file", path=path, line=bad))
    if count == 0:
        raise UsageError(t("batch.no_results", path=path))


def _opens_an_array(path: Path) -> bool:
    """Whether ``path`` starts (after blanks) with ``[``: what ``check -f json`` writes, never
    a line of a results file."""
    with path.open("rb") as f:
        return f.read(64).removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"["


def _array_results(path: Path) -> list[dict[str, Any]]:
    """The results in a ``check -f json`` file, each checked as a batch's lines are."""
    try:
        data = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise UsageError(t("batch.not_a_results_array", path=path, item=1)) from None
    for number, obj in enumerate(data, 1):
        if not (isinstance(obj, dict) and is_result(obj)):
            raise UsageError(t("batch.not_a_results_array", path=path, item=number))
    if not data:
        raise UsageError(t("batch.no_results", path=path))
    return list(data)


def without_moved(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``results`` with one line per path, the last (a results file an older version wrote may
    hold an earlier line for a path too), and without those of a file that is gone when the
    same bytes were checked again under a name that is there (a file renamed or saved again
    into the folder, then checked): one report, not two on the send-back list and in the
    letters. Files checked elsewhere, none of them here, are all kept."""
    results = list(results)
    last = {str(r.get("path", "")): n for n, r in enumerate(results)}
    results = [r for n, r in enumerate(results) if last[str(r.get("path", ""))] == n]
    here = {r.get("sha256") for r in results if r.get("sha256") and os.path.exists(r["path"])}
    return [r for r in results if r.get("sha256") not in here or os.path.exists(r["path"])]


def stale_path(results: Path) -> Path:
    """Where a batch moves the lines of files that are gone: results.stale.jsonl beside
    results.jsonl (a results file itself, which ``fzcheck report`` reads)."""
    name = results.name
    base = name[: -len(".jsonl")] if name.endswith(".jsonl") and name != ".jsonl" else name
    return results.with_name(base + ".stale.jsonl")


def absolute(path: str) -> str | None:
    """``path`` from the working folder, as the system reads it now (no ``..`` folded away:
    through a symlinked folder it means what it meant); None when the working folder itself
    is gone."""
    if os.path.isabs(path):
        return path
    try:
        return os.path.join(os.getcwd(), path)
    except OSError:
        return None


def same_file(path: str, folders: dict[str, str] | None = None) -> str | None:
    """What makes two spellings of an input one input: its absolute path (:func:`absolute`)
    with the folder part resolved (``.``, ``..``, symlinked folders, as the system reads them
    now) and the file name kept as it is (two links to one file stay two inputs); None when
    the working folder is gone. ``folders`` caches the resolved folders of one plan."""
    at = absolute(path)
    if at is None:
        return None
    folder, name = os.path.split(at)
    if name in ("", ".", ".."):
        folder, name = at, ""
    try:
        real = folders.get(folder) if folders is not None else None
        if real is None:
            real = os.path.realpath(folder)
            if folders is not None:
                folders[folder] = real
    except (OSError, ValueError):
        return os.path.normpath(at)
    return os.path.join(real, name) if name else real


def sidecar_path(results: Path) -> Path:
    """The signature sidecar beside a results file: each line's copy signatures and the
    absolute path it was graded from."""
    return results.with_name(results.name + ".minhash")


def graded_from(sidecar: Path) -> dict[tuple[str, str], str]:
    """(path, key) -> the absolute path the result was graded from, as its last signature line
    records it (a line an older version wrote records none)."""
    where: dict[tuple[str, str], str] = {}
    for sig in read_objects(sidecar):
        slot = (str(sig.get("path", "")), str(sig.get(KEY_FIELD, "")))
        at = sig.get(WHERE_FIELD)
        if isinstance(at, str) and os.path.isabs(at):
            where[slot] = at
        else:
            where.pop(slot, None)  # the last line for a result wins, as in copy detection
    return where


def is_gone(path: str) -> bool:
    """Whether the file at ``path`` is gone from a folder that is still there (deleted, or
    renamed): nothing at the path, not even a broken link, and its folder exists. A folder
    that is missing as a whole (a share not mounted) says nothing about its files: they are
    not gone. A relative ``path`` is never gone: it would be read from today's working
    folder, which need not be the one the line was graded from (see :func:`absolute`)."""
    try:
        if not os.path.isabs(path) or os.path.lexists(path):
            return False
        return os.path.isdir(os.path.dirname(path) or ".")
    except (OSError, ValueError):
        return False


def append_new(path: Path, objects: list[dict[str, Any]]) -> int:
    """Append to ``path`` (a results file) each of ``objects`` it does not already hold, then
    fsync; returns how many were appended. A kill after this and before the caller's rewrite
    leaves them in both files: the next run appends none of them again. A torn last line
    (a kill mid-append) is cut first; a file that is not a results file is refused untouched."""
    clean_temp_files(path)
    repair(path, results=True)
    held = {dumps_line(obj) for obj in read_objects(path)}
    new: list[dict[str, Any]] = []
    for obj in objects:
        line = dumps_line(obj)
        if line not in held:
            held.add(line)
            new.append(obj)
    if new:
        with Appender(path, sync=False) as out:  # closing it fsyncs
            for obj in new:
                out.append(obj)
    return len(new)


def is_result(obj: dict[str, Any]) -> bool:
    """Whether a parsed line has a result's shape where the views rely on it (a hand-edited
    line with "score": NaN, "path": null or "document": "…" is not one)."""
    score = obj.get("score")
    return (
        obj.get("schema_version") == SCHEMA_VERSION
        and isinstance(obj.get("path"), str)
        and bool(obj["path"])
        and isinstance(obj.get("verdict"), str)
        and (score is None or _number_within(score, 0, 100))  # not NaN, not -1e308
        and isinstance(obj.get("document") or {}, dict)
        and isinstance(obj.get("error") or {}, dict)
        and all(isinstance(obj.get(k) or [], list) for k in ("parts", "checks", "tables"))
        and all(isinstance(p, dict) for k in ("parts", "checks") for p in obj.get(k) or [])
        and _copies_shaped(obj.get("copies"))
        and _nested_shaped(obj)
    )


def _copies_shaped(copies: object) -> bool:
    """A batch line's copy partners: none, or a list of paths or of {"part": id, "other": path,
    "similarity": a share} (an edited similarity of null or "", or a part of [], had every
    report view stop with a traceback)."""
    return copies is None or (
        isinstance(copies, list) and all(isinstance(c, str) or _copy_shaped(c) for c in copies)
    )


def _copy_shaped(copy: object) -> bool:
    if not isinstance(copy, dict) or not isinstance(copy.get("other"), str):
        return False
    return isinstance(copy.get("part"), str) and _number_within(copy.get("similarity"), 0, 1)


def _number_within(value: object, low: float, high: float) -> bool:
    """A JSON number (not true/false) from ``low`` to ``high``: NaN is none."""
    return isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high


def _nested_shaped(obj: dict[str, Any]) -> bool:
    """Whether the result's own blocks (parts and their checks and evidence, the document, the
    rubric, the error) and its ``review`` (as check -f json writes it beside its decisions)
    have the contract's shape, validated as a result read back is: an edited line ("checks":
    "x", a part with no id, "review": {"added": "x"}, a score of NaN) is not one."""
    from pydantic import ValidationError

    from fzcheck.result import Result, Review, field_names, result_from_json

    names = field_names(Result)
    try:
        result_from_json({k: v for k, v in obj.items() if k in names})
        review = obj.get("review")
        if review is not None:
            score = Review.model_validate(review).score
            return math.isfinite(score)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def read_objects(path: Path) -> Iterator[dict[str, Any]]:
    """The complete, parsable lines of ``path`` (none if it does not exist)."""
    if not path.exists():
        return
    for _, obj in iter_lines(path):
        if obj is not None:
            yield obj


# How every result line starts (``Result.to_json`` puts the schema version first): a torn line
# that starts otherwise was not written by a batch.
_RESULT_START = b'{"schema_version":'


def repair(path: Path, results: bool = False) -> int:
    """Make ``path`` hold only complete JSON lines; returns how many bad lines were dropped.

    The common case — a torn last line — is a truncate; a bad line in the middle (which only
    outside editing can cause) makes a full rewrite. With ``results`` (a batch's results file),
    every line must be a result but a torn last one (what a kill mid-write leaves: after result
    lines, or the start of the first one): a file with any other line — a workbook, a report,
    results re-saved in GBK, a hand-edited line — is data a batch did not write, and is refused
    (UsageError) untouched, in the same one pass over it."""
    if not path.exists():
        return 0
    good_end = 0
    bad_inside = 0
    torn_tail = False
    first_bad, seen, count = 0, 0, 0
    for count, (end, obj) in enumerate(iter_lines(path), 1):
        if not first_bad and (obj is None or (results and not is_result(obj))):
            first_bad = count
        if obj is None:
            torn_tail = True
        else:
            seen += 1
            if torn_tail:
                bad_inside += 1
                torn_tail = False
            good_end = end
    if results and first_bad:
        _refuse_unless_torn(path, first_bad, count, seen)
    if bad_inside:
        rewrite(path, lambda obj: obj)
        return bad_inside + int(torn_tail)
    if torn_tail or path.stat().st_size > good_end:  # a torn line, or blank lines, at the end
        with path.open("r+b") as f:
            f.truncate(good_end)
        return int(torn_tail)
    return 0


def _refuse_unless_torn(path: Path, first_bad: int, count: int, parsed: int) -> None:
    """UsageError unless the one line that is no result is a torn last one."""
    torn_tail = (
        first_bad == count
        and not _ends_with_newline(path)
        and (parsed > 0 or begins_as_result(path))
    )
    if not torn_tail:
        raise UsageError(t("batch.not_results", path=path, line=first_bad))


def begins_as_result(path: Path) -> bool:
    """Whether the file starts as a results line does (unreadable: no)."""
    try:
        f = path.open("rb")
    except OSError:
        return False
    with f:
        head = f.read(len(_RESULT_START))
    return _RESULT_START.startswith(head)


def resolve(path: Path) -> Path:
    """The file a results path names: symlinks followed, so that the lock, the appends and the
    rewrites all act on the one real file however it is named."""
    return Path(os.path.realpath(path))


def _temp_name(path: Path) -> tuple[str, str]:
    return f".{path.name}.", ".tmp"


def clean_temp_files(path: Path) -> int:
    """Remove the temp files an interrupted :func:`rewrite` of ``path`` left; call it only
    while holding the lock (a running rewrite's temp file is not stale). Returns how many."""
    prefix, suffix = _temp_name(path)
    # mkstemp's random part is 8 characters of [a-z0-9_]: nothing else of the user's matches.
    stale = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}" + re.escape(suffix))
    removed = 0
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        if stale.fullmatch(name):
            try:
                (path.parent / name).unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _copy_mode(source: Path, fd: int) -> None:
    """Give the temp file the original's permissions (mkstemp makes it 0600) and, where we
    may, its owner: the rewrite must not change who can read the results."""
    try:
        st = source.stat()
    except OSError:
        return
    if hasattr(os, "fchmod"):  # not on Windows
        os.fchmod(fd, st.st_mode & 0o7777)
    if hasattr(os, "fchown"):
        # not ours to give away: the mode is kept, the owner becomes us
        with contextlib.suppress(OSError):
            os.fchown(fd, st.st_uid, st.st_gid)


def rewrite(path: Path, transform: Callable[[dict[str, Any]], dict[str, Any] | None]) -> None:
    """Atomically replace ``path`` with its good lines mapped by ``transform`` (None drops)."""
    prefix, suffix = _temp_name(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            _copy_mode(path, out.fileno())
            for obj in read_objects(path):
                new = transform(obj)
                if new is not None:
                    out.write(dumps_line(new) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Appender:
    """Appends one JSON object per line, each flushed (and with ``sync`` fsynced) before
    ``append`` returns."""

    def __init__(self, path: Path, sync: bool = False) -> None:
        self.path = path
        self.sync = sync
        self._file: IO[str] | None = None

    def __enter__(self) -> Self:
        try:
            self._file = self.path.open("a", encoding="utf-8", newline="")
        except OSError as err:
            raise UsageError(t("batch.cannot_write", path=self.path, why=os_reason(err))) from None
        return self

    def append(self, obj: dict[str, Any]) -> None:
        assert self._file is not None, "Appender used outside its with-block"
        self._file.write(dumps_line(obj) + "\n")
        self._file.flush()
        if self.sync:
            os.fsync(self._file.fileno())

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self._file = None


# Lock file descriptors this process holds. A forked child (a grading worker) inherits them,
# and an flock lasts while any copy is open: a worker outliving a killed batch would keep the
# results file locked, so each child closes its copies at once.
_held_locks: set[int] = set()


def _close_locks_in_child() -> None:
    for fd in _held_locks:
        with suppress(OSError):
            os.close(fd)
    _held_locks.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_locks_in_child)


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold ``<path>.lock`` (beside the resolved file) for the whole run: two batches
    appending to (or rewriting) one results file would interleave lines. The OS drops the lock when the holder dies, so a
    killed run never leaves a stale lock behind."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks, run one batch at a time
        yield
        return
    path = resolve(path)  # a symlink to the results file must take the same lock
    lock = path.with_name(path.name + ".lock")
    if not path.parent.is_dir():  # a typo in -o should not create folders (or /nonexistent)
        raise UsageError(t("batch.no_folder", path=path, folder=path.parent))
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise UsageError(t("batch.cannot_write", path=path, why=os_reason(err))) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(t("batch.locked", path=path)) from None
        _held_locks.add(fd)
        yield
    finally:
        _held_locks.discard(fd)
        os.close(fd)
