"""Run a batch: plan, skip what is done, grade the rest, append one line per report, then flag
copies. Offline reports are graded on all cores: worker processes grade chunks of inputs and
this process, the only writer, appends their lines in input order, so a kill loses at most the
chunks in flight and a rerun resumes exactly as after a one-process run; tiny batches (and
``--workers 1``) are graded here. With ``--llm``, ``jobs`` workers each take the next report,
grade it offline and await its LLM call, so at most ``jobs`` calls are in flight and at most
``jobs`` reports are lost to a kill.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fzcheck.batch import copies
from fzcheck.batch.plan import (
    BASIS_FIELD,
    KEY_FIELD,
    WHERE_FIELD,
    Item,
    content_key,
    failure_message,
    plan_items,
    settings_basis,
    settings_changes,
    settings_fingerprint,
)
from fzcheck.batch.progress import make_progress
from fzcheck.batch.store import (
    Appender,
    absolute,
    append_new,
    clean_temp_files,
    graded_from,
    is_gone,
    read_objects,
    repair,
    rewrite,
    same_file,
    sidecar_path,
    stale_path,
)
from fzcheck.errors import FzcheckError
from fzcheck.pipeline import INPUT_SECONDS, TIMEOUT_MESSAGE, Graded
from fzcheck.redact import visible
from fzcheck.render.i18n import lang, t
from fzcheck.result import error_result

# Below this many inputs a pool's start-up costs more than the cores save.
POOL_MIN_INPUTS = 48
# Chunks in flight per worker: enough to keep every core busy, few to lose to a kill.
WINDOW_PER_WORKER = 4
MAX_CHUNK = 16

Line = dict[str, Any]
Sigs = dict[str, str]

if TYPE_CHECKING:
    from fzcheck.llm.cache import ResponseCache
    from fzcheck.llm.config import LLMSettings
    from fzcheck.rubric import Catalog, Rubric


@dataclass
class BatchOptions:
    rubrics: Catalog
    max_mb: float
    retry_errors: bool = False
    llm: LLMSettings | None = None
    jobs: int = 4
    cache: ResponseCache | None = None
    copy_threshold: float = copies.DEFAULT_THRESHOLD
    sync: bool = False  # fsync every line (power-cut safety) at a cost in speed
    progress_stream: IO[str] | None = None
    workers: int | None = None  # processes for offline grading; None: every core we may use
    # told, once and before any grading, what the run does to earlier lines besides skipping
    # them (lines moved aside, results graded again after a settings change)
    notice: Callable[[str], None] | None = None


@dataclass
class BatchStats:
    planned: int = 0
    skipped: int = 0
    written: int = 0
    failed: int = 0
    dropped: int = 0  # stale or retried lines removed before the run
    failed_before: int = 0  # inputs whose line from an earlier run records a failure
    # (path, why) of those earlier failures
    failures_before: list[tuple[str, str]] = field(default_factory=list)
    moved: int = 0  # lines of files that are gone, moved to the stale file (see Batch.plan)
    regraded: int = 0  # earlier lines graded again because the settings changed
    regrade_why: str = ""  # why, as the reviewer reads it
    copy_pairs: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def default_workers() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def grade_offline(path: str, rubrics: Catalog, max_mb: float) -> Graded:
    """The offline checker on one input; unreadable input and a bug met on this input come
    back as its error result (pipeline.check_source), so the batch goes on."""
    from fzcheck.pipeline import check_source

    return check_source(path, rubrics, max_mb)


def graded_line(graded: Graded) -> tuple[Line, Sigs]:
    """The result line (without its key) and the copy-detection signatures of one report."""
    data = graded.result.to_json()
    return data, copies.signatures(graded, data)


# --- worker processes ----------------------------------------------------------------------

_worker_setup: tuple[Catalog, float] | None = None
# When this worker's current input started (time.monotonic(), 0: none), in an array the parent
# reads: a chunk may take long, one input may not (see _chunk_result).
_worker_clock: tuple[Any, int] | None = None
# What the parent allows past an input's own limit before it stops a worker as stuck.
STUCK_MARGIN = 30.0
_POLL_SECONDS = 2.0


def _init_worker(rubrics: Catalog, max_mb: float, parent: int, started: Any, slots: Any) -> None:
    global _worker_setup, _worker_clock
    _worker_setup = (rubrics, max_mb)
    with slots.get_lock():
        _worker_clock = (started, slots.value % len(started))
        slots.value += 1
    # Ctrl-C, a kill and a hang-up sent to the whole group are the parent's to handle (it
    # stops the pool, the lines graded written); a worker would only print tracebacks or die
    # with them.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A killed parent cannot stop its pool: a worker left waiting for work would wait for ever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _grade_chunk(paths: list[str]) -> list[tuple[Line, Sigs]]:
    assert _worker_setup is not None, "worker used before its initializer ran"
    rubrics, max_mb = _worker_setup
    started, slot = _worker_clock or ([0.0], 0)
    out = []
    for path in paths:
        started[slot] = time.monotonic()
        try:
            out.append(graded_line(grade_offline(path, rubrics, max_mb)))
        finally:
            started[slot] = 0.0
    return out


def _chunk_result(future: Future[list[tuple[Line, Sigs]]], started: Any) -> list[tuple[Line, Sigs]]:
    """The chunk's lines, however long the chunk takes; TimeoutError once a worker has been on
    one input past its limit (stuck inside C code, where that input's own limit cannot reach).
    The limit is each input's, not the chunk's: sixteen slow inputs are not one stuck."""
    while True:
        try:
            return future.result(timeout=_POLL_SECONDS)
        except TimeoutError:
            now = time.monotonic()
            if any(t and now - t > INPUT_SECONDS + STUCK_MARGIN for t in started):
                raise


_WARM_UP_TEXT = """示例县示例局2025年法治政府建设年度报告
一、主要举措和成效
全年办理案件12件，培训300人次，审查文件45件。
二、存在的不足和原因
执法规范化水平不高，原因是培训不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局长亲自主持会议。
四、2026年工作安排
2026年，完善制度。
"""


def warm_offline(rubrics: Catalog) -> None:
    """Grade a tiny invented report here, so every lazily built resource (compiled patterns,
    the script converter, datasketch) is loaded once before the workers are forked with it;
    not a real input, so an input that crashes a process can only crash a worker."""
    import contextlib
    import importlib

    from fzcheck.analysis.analyse import analyse
    from fzcheck.analysis.detect import choose
    from fzcheck.grading.grade import grade
    from fzcheck.pipeline import Graded
    from fzcheck.reading import load

    with contextlib.suppress(Exception):  # only a warm-up: the workers report real errors
        importlib.import_module("datasketch")  # the sections above are too short to need it
        doc = load("warm-up.txt", data=_WARM_UP_TEXT.encode("utf-8"))
        for rubric in rubrics.values():
            choose(doc, rubrics.values())
            analysis = analyse(doc, rubric)
            result = grade(analysis)
            copies.signatures(Graded(result, analysis), result.to_json())


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` now, its workers killed: one may be stuck and would never finish. A worker
    killed while sending its answer leaves the pool's reader waiting for the rest for ever (the
    exit then waits for the reader): its end of the pipe is closed, so that it sees the end."""
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=10)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    pool.shutdown(wait=False, cancel_futures=True)


def _stuck_line(item: Item) -> Line:
    return _lost_line(item, "timeout", TIMEOUT_MESSAGE)


def _died_line(item: Item) -> Line:
    return _lost_line(
        item,
        "internal",
        # English like every error.message; the reviewer reads the kind's Chinese sentence
        "the checking process died on this file (out of memory, or a reading library crashed); "
        "the other files are not affected; please report it with this file",
    )


def _lost_line(item: Item, kind: str, message: str) -> Line:
    """The error line of an input whose worker was lost on it."""
    sha = None if item.content.startswith("unreadable:") else item.content
    return error_result(item.path, kind, message, sha256=sha).to_json()


class Batch:
    """One results file and everything a run does to it."""

    def __init__(self, output: Path, options: BatchOptions) -> None:
        self.output = output
        self.options = options
        self.fingerprint = settings_fingerprint(options.rubrics, options.llm)
        self.basis = settings_basis(options.rubrics, options.llm)
        self.stats = BatchStats()

    # --- planning ------------------------------------------------------------------------

    def plan(self, inputs: Iterable[str], compact: bool = True) -> list[Item]:
        """The inputs still to grade, in one pass over the results file. Lines this run will
        write again (retried failures, files or settings changed since, duplicates) are not
        done; with ``compact`` (a run that writes lines) they are dropped from the file first,
        so it keeps exactly one line per input. An export leaves the file alone.

        With ``compact``, the lines of files that are gone (:func:`store.is_gone`: deleted or
        renamed) and that this run does not grade are moved to the stale file beside the
        results (appended there before the results file is rewritten without them), so that
        they are counted no more and nothing is lost. Lines of files that are still there but
        not among this run's inputs (another folder batched into the same results) are kept.
        Whether a file is gone is asked of the absolute path it was graded from (the sidecar's
        ``graded_from``), whatever this run's working folder: a line of an older version
        without it is only moved when its own path is absolute.

        A line is an input's when its ``path`` is the input's path as typed, or else when the
        file it was graded from (``graded_from``; a line without it: its own path, absolute,
        or from this working folder) is the input's file (:func:`store.same_file`): one file
        typed absolute in one run and relative in the next, or from two working folders, is
        one input with one line. A kept line keeps the path it was written with; a redone one
        takes this run's. One file named twice in one run is graded once, by its first name."""
        folders: dict[str, str] = {}  # resolved folders, for same_file
        by_file: dict[str, Item] = {}  # same_file(path) -> the input
        item_of: dict[str, Item] = {}  # each path as typed this run -> its input
        items = []
        for it in plan_items(inputs, self.fingerprint, self.options.max_mb):
            # one file named twice (absolute and relative) is one input, graded once
            first = by_file.setdefault(same_file(it.path, folders) or "\0" + it.path, it)
            item_of.setdefault(it.path, first)
            if first is it:
                items.append(it)
        self.stats.planned = len(items)
        sidecar = sidecar_path(self.output)
        for file in (self.output, sidecar):
            clean_temp_files(file)  # what a rewrite killed midway left (we hold the lock)
            # the results file is refused, not cut, when a batch did not write it
            repair(file, results=file == self.output)
        retry = self.options.retry_errors
        done: set[str] = set()  # the inputs (their paths this run) whose line is kept
        kept: set[tuple[str, str]] = set()  # (path, key) of the lines kept
        drops: list[bool] = []
        stale: list[dict[str, Any]] = []
        changed: list[tuple[dict[str, Any], Item]] = []  # same input, another key
        gone: dict[str, bool] = {}
        where: dict[tuple[str, str], str] | None = None  # read when first needed
        clashes: set[str] = set()  # inputs typed as a line of another file is
        alike: set[str] = set()  # of those, the ones whose other file holds the same bytes
        for obj in read_objects(self.output):
            path, key = str(obj.get("path", "")), str(obj.get(KEY_FIELD, ""))
            item = item_of.get(path)
            recorded: str | None = None
            if item is not None:
                # the name typed, but maybe another file's: cd A; batch . then cd B; batch .
                # with a report.txt in each (the line is kept, this run's written in full)
                if where is None:
                    where = graded_from(sidecar)
                if _another_file(where.get((path, key)), obj, item, folders):
                    clashes.add(item.path)
                    if _same_content(obj, item):  # a folder copied (cp -r A B), not edited
                        alike.add(item.path)
                    item = None
                    recorded = where.get((path, key))
            elif item is None:
                # the same file typed another way, or from another working folder: the line's
                # absolute path (recorded; an older line's own, from this working folder)
                if where is None:
                    where = graded_from(sidecar)
                recorded = where.get((path, key))
                same = same_file(recorded or path, folders)
                item = by_file.get(same) if same is not None else None
            failed = failure_message(obj) is not None
            if item is None:
                drop = False
                if compact:
                    at = recorded or path
                    if at not in gone:
                        # a relative path (an older line's) never is; a name that named
                        # nothing when it was graded (an older version wrote it a line) is
                        gone[at] = is_gone(at) or _named_nothing(obj, at)
                    drop = gone[at]
                if drop:
                    stale.append(obj)
            else:
                drop = key != item.key or item.path in done or (retry and failed)
                if key != item.key:
                    changed.append((obj, item))
            drops.append(drop)
            if not drop:
                kept.add((path, key))
                if item is not None:
                    done.add(item.path)
                if failed and item is not None:
                    self.stats.failed_before += 1
                    self.stats.failures_before.append((path, failure_message(obj) or ""))
        if compact and changed:
            self._why_regraded(changed, sidecar)
        if stale:
            # First into the stale file, then out of the results: a kill in between leaves
            # them in both, and the next run moves them without appending them twice.
            append_new(stale_path(self.output), stale)
            self.stats.moved = len(stale)
            self._notify(
                t("batch.stale_moved", count=len(stale), path=_shown(stale_path(self.output)))
            )
        if compact and any(drops):
            flags = iter(drops)
            rewrite(self.output, lambda obj: None if next(flags) else obj)
            self.stats.dropped = sum(drops) - len(stale)
        if compact:
            compact_sidecar(sidecar, kept)
        todo = [_in_full(it) if it.path in clashes else it for it in items if it.path not in done]
        self.stats.skipped = len(items) - len(todo)
        if any(it.path in clashes for it in items if it.path not in done):
            self._say_same_names(clashes, alike)
        return todo

    def _say_same_names(self, clashes: set[str], alike: set[str]) -> None:
        """Say how many inputs share their name as typed with another file's line, the files
        with other content apart from byte-identical copies (a folder copied): each is said
        as it is, where all had been said to differ."""
        differ = len(clashes) - len(alike)
        if differ:
            self._notify(t("batch.same_name", count=differ))
        if alike:
            self._notify(t("batch.same_name_alike", count=len(alike)))

    def _why_regraded(self, changed: list[tuple[dict[str, Any], Item]], sidecar: Path) -> None:
        """Say once, before the work, that earlier results are graded again because the
        rubrics or settings changed, and which (a file that changed needs no word)."""
        wanted = {(str(obj.get("path", "")), str(obj.get(KEY_FIELD, ""))) for obj, _ in changed}
        basis_of: dict[tuple[str, str], Any] = {}
        for sig in read_objects(sidecar):
            where = (str(sig.get("path", "")), str(sig.get(KEY_FIELD, "")))
            if where in wanted:
                basis_of[where] = sig.get(BASIS_FIELD)  # the last line for a result wins
        rubrics: list[str] = []
        kinds: set[str] = set()
        inputs: set[str] = set()  # counted once, should an older version have left two lines
        for obj, item in changed:
            basis = basis_of.get((str(obj.get("path", "")), str(obj.get(KEY_FIELD, ""))))
            why = settings_changes(obj, basis, item, self.options.rubrics, self.options.llm)
            if why:
                inputs.add(item.path)
            for kind, rubric in why:
                kinds.add(kind)
                if rubric and rubric not in rubrics:
                    rubrics.append(rubric)
        count = len(inputs)
        if not count:
            return
        zh = lang() == "zh"
        parts = []
        if rubrics:
            parts.append(t("batch.why_rubric", rubrics=("、" if zh else ", ").join(rubrics)))
        if "rubric_choice" in kinds:
            parts.append(t("batch.why_rubric_choice"))
        if "llm" in kinds:
            parts.append(t("batch.why_llm"))
        if "settings" in kinds and not parts:
            parts.append(t("batch.why_settings"))
        self.stats.regraded = count
        self.stats.regrade_why = ("；" if zh else "; ").join(parts)
        self._notify(t("batch.regrade", why=self.stats.regrade_why, count=count))

    def _notify(self, message: str) -> None:
        if self.options.notice is not None:
            self.options.notice(message)

    # --- running -------------------------------------------------------------------------

    def run(
        self, inputs: Iterable[str], grader: Callable[[Item], Graded] | None = None
    ) -> BatchStats:
        """Grade what is not done yet. ``grader`` replaces the offline / live-LLM grading (batch
        import uses it to grade from answer files)."""
        todo = self.plan(inputs)
        # no more processes than inputs to grade, nor than four a core (--workers 100000 forked
        # thousands, each a copy of this one's memory, and graded nothing)
        workers = min(
            self.options.workers or default_workers(), max(1, len(todo)), 4 * default_workers()
        )
        pool = (
            grader is None
            and self.options.llm is None
            and workers > 1
            and len(todo) >= POOL_MIN_INPUTS
        )
        progress = make_progress(
            len(todo), self.stats.skipped, self.options.progress_stream, threads=not pool
        )
        with (
            Appender(self.output, self.options.sync) as results,
            Appender(sidecar_path(self.output), self.options.sync) as sigs,
            progress,
        ):

            def write_line(item: Item, data: Line, signatures: Sigs) -> None:
                line = self.keyed(item, data)
                # Signature first: a kill between the two writes leaves a spare signature,
                # never a result without one.
                sig = {**copies.sidecar_line(line, signatures), BASIS_FIELD: self.basis}
                at = absolute(item.path)
                if at is not None:
                    sig[WHERE_FIELD] = at
                sigs.append(sig)
                results.append(line)
                self._count(line)
                progress.advance(item.path, failure_message(line))

            def write(item: Item, graded: Graded) -> None:
                write_line(item, *graded_line(graded))

            if grader is not None:
                for item in todo:
                    write(item, grader(item))
            elif self.options.llm is not None:
                asyncio.run(self._run_llm(todo, write))
            elif pool:
                warm_offline(self.options.rubrics)
                self._grade_in_pool(todo, write_line, workers)
            else:
                for item in todo:
                    write(item, grade_offline(item.path, self.options.rubrics, self.options.max_mb))
        self.stats.copy_pairs = len(copies.apply_copies(self.output, self.options.copy_threshold))
        return self.stats

    def line(self, item: Item, graded: Graded) -> Line:
        return self.keyed(item, graded.result.to_json())

    def keyed(self, item: Item, data: Line) -> Line:
        """``data`` with its skip key, computed from the bytes that were graded: a file
        rewritten after planning gets the key of what its line describes, so a rerun redoes it
        only if it changed again."""
        sha = data.get("sha256")
        same = not sha or sha == item.content
        data[KEY_FIELD] = item.key if same else content_key(str(sha), self.fingerprint)
        llm = data.get("llm")
        if isinstance(llm, dict) and (llm.get("error") or llm.get("rejections")):
            # What a server or engine said goes into the file: never with a credential in it.
            from fzcheck.redact import redact

            secrets = (self.options.llm.api_key,) if self.options.llm is not None else ()
            if llm.get("error"):
                llm["error"] = redact(str(llm["error"]), secrets)
            llm["rejections"] = [redact(str(r), secrets) for r in llm.get("rejections") or []]
        return data

    def _pool(self, workers: int) -> tuple[ProcessPoolExecutor, Any]:
        """A pool of ``workers`` processes, and the array where each says when its current
        input started."""
        import multiprocessing

        # fork on Linux: workers start in milliseconds with everything this process loaded.
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        started = context.RawArray("d", workers)
        slots = context.Value("i", 0)
        pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.options.rubrics, self.options.max_mb, os.getpid(), started, slots),
        )
        return pool, started

    def _grade_in_pool(
        self, todo: list[Item], write: Callable[[Item, Line, Sigs], None], workers: int
    ) -> None:
        """Grade ``todo`` in worker processes and write each line in input order.

        A worker that dies (killed for its memory, a crash inside a reading library) breaks
        the pool: the inputs that were in flight are then graded one at a time in a fresh
        one-worker pool, so the input that kills a worker on its own gets an error line, and
        every other input is graded."""
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))
        pos = 0  # inputs before this one are written
        careful_until = 0  # inputs before this one are graded one at a time
        while pos < len(todo):
            careful = pos < careful_until
            size, width = (1, 1) if careful else (chunk, workers * WINDOW_PER_WORKER)
            stop = careful_until if careful else len(todo)
            sent = pos
            pool, started = self._pool(1 if careful else workers)
            window: deque[tuple[int, int, Future[list[tuple[Line, Sigs]]]]] = deque()
            try:
                while pos < stop:
                    while sent < stop and len(window) < width:
                        end = min(sent + size, stop)
                        paths = [item.path for item in todo[sent:end]]
                        window.append((sent, end, pool.submit(_grade_chunk, paths)))
                        sent = end
                    start, end, future = window.popleft()
                    lines = _chunk_result(future, started)
                    for item, (data, sigs) in zip(todo[start:end], lines, strict=True):
                        write(item, data, sigs)
                    pos = end
            except (BrokenProcessPool, TimeoutError) as err:
                stuck = isinstance(err, TimeoutError)
                _stop(pool)
                if careful:
                    write(todo[pos], (_stuck_line if stuck else _died_line)(todo[pos]), {})
                    pos += 1
                else:
                    careful_until = sent  # those in flight, one at a time: the one that
                continue  # hangs or kills its worker gets its line, the others are graded
            except BaseException:
                # Ctrl-C: stop now, workers killed (left to finish their chunks, the exit
                # waited for them, and a second Ctrl-C in that wait hung the process) — but
                # first the chunks they finished behind the one waited for are written (out
                # of order, each line keyed by its path): a slow input first lost them all
                for start, end, future in window:
                    if future.done() and not future.cancelled() and future.exception() is None:
                        for item, (data, sigs) in zip(
                            todo[start:end], future.result(), strict=True
                        ):
                            write(item, data, sigs)
                _stop(pool)
                raise
            pool.shutdown(wait=True)

    def _count(self, line: dict[str, Any]) -> None:
        self.stats.written += 1
        message = failure_message(line)
        if message:
            self.stats.failed += 1
            self.stats.failures.append((line["path"], message))

    async def _run_llm(self, todo: list[Item], write: Callable[[Item, Graded], None]) -> None:
        from fzcheck.llm.api import areview
        from fzcheck.llm.client import make_client

        settings = self.options.llm
        assert settings is not None
        client = make_client(settings, asynchronous=True)
        warm_up(client, settings, self.options.rubrics.values())
        queue = iter(todo)  # shared by the workers; safe, they all run on this one thread

        async def worker() -> None:
            for item in queue:
                graded = grade_offline(item.path, self.options.rubrics, self.options.max_mb)
                if graded.analysis is not None:
                    try:
                        answer = await areview(
                            graded.analysis, settings, client=client, cache=self.options.cache
                        )
                        graded.apply_llm(answer.info, answer.upgrades)
                    except FzcheckError:
                        raise  # a set-up error fails every report: stop, resume later
                    except Exception as err:  # noqa: BLE001 - one report's bug, not the batch's
                        graded.result.llm = llm_failure(settings, f"{type(err).__name__}: {err}")
                write(item, graded)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(max(1, self.options.jobs)):
                    group.create_task(worker())
        except BaseExceptionGroup as eg:
            first = eg.exceptions[0]
            raise first from None
        finally:
            await client.close()


def _shown(path: Path) -> str:
    """A file beside the results as the reviewer finds it: relative to the working folder
    when it is inside it, else in full."""
    try:
        shown = str(path.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        shown = str(path)
    return visible(shown)


def _another_file(
    recorded: str | None, line: dict[str, Any], item: Item, folders: dict[str, str]
) -> bool:
    """Whether a line with ``item``'s path as typed was graded from another file that is still
    there — whatever its bytes: two units may send the same file — or gone from its folder that
    still is: the same name typed in another working folder (the other file deleted since: its
    line is that file's, moved to the stale file as any gone file's). Only a folder missing as
    a whole — renamed or moved, the input in it now — is no other file: its line is the
    input's as before."""
    if recorded is None:
        return False
    if same_file(recorded, folders) == same_file(item.path, folders):
        return False
    return os.path.lexists(recorded) or is_gone(recorded)


def _same_content(line: dict[str, Any], item: Item) -> bool:
    """Whether ``line`` was graded from the bytes ``item`` holds (its sha256; or its key, which
    hashes them: an unreadable file's line has no sha256)."""
    sha = line.get("sha256")
    return (sha is not None and sha == item.content) or line.get(KEY_FIELD) == item.key


def _named_nothing(line: dict[str, Any], at: str) -> bool:
    """Whether ``line`` is the error line of a name that named no file (a typo, a glob that
    matched nothing) and still names none: no report, only a line that counted one."""
    error = line.get("error")
    kind = error.get("kind") if isinstance(error, dict) else None
    return kind == "not_found" and not os.path.lexists(absolute(at) or at)


def _in_full(item: Item) -> Item:
    """``item`` named by its absolute path: its name as typed is another file's line."""
    return replace(item, path=absolute(item.path) or item.path)


def compact_sidecar(sidecar: Path, results: set[tuple[str, str]]) -> None:
    """Keep one signature line per result line: drop the signatures of results no longer in
    the file and the spare earlier copies for one result (a kill between the two appends, or
    a redone report, leaves them); the last line for a result wins, as in copy detection."""
    last: dict[tuple[str, str], int] = {}
    count = 0
    for count, obj in enumerate(read_objects(sidecar), 1):
        last[(str(obj.get("path", "")), str(obj.get(KEY_FIELD, "")))] = count - 1
    keep = {n for key, n in last.items() if key in results}
    if len(keep) == count:
        return
    numbers = itertools.count()
    rewrite(sidecar, lambda obj: obj if next(numbers) in keep else None)


def warm_up(
    client: Any = None, settings: LLMSettings | None = None, rubrics: Iterable[Rubric] | None = None
) -> None:
    """Import now what the workers would otherwise import on first use: an import inside a
    worker blocks the event loop, and every call in flight waits behind it (seconds, for
    datasketch's scipy, instructor, and the SDK's lazily loaded resources)."""
    import contextlib
    import importlib

    for module in (
        "datasketch",
        "fzcheck.llm.call",
        "instructor.processing.response",
        "openai.types.chat",
    ):
        importlib.import_module(module)
    if client is not None:
        _ = client.chat.completions  # the SDK imports its resource modules on first access
    if settings is not None:
        from fzcheck.llm import call

        with contextlib.suppress(Exception):  # only a warm-up: the real call reports errors
            for rubric in rubrics or ():
                call.prepare([{"role": "user", "content": "JSON"}], settings, rubric)


def llm_failure(settings: LLMSettings, message: str) -> Any:
    """An LLMInfo that records a failure, for errors the LLM layer did not catch itself."""
    from fzcheck.redact import redact
    from fzcheck.result import LLMInfo

    return LLMInfo(
        model=settings.model,
        endpoint_host=settings.endpoint_host,
        mode=settings.mode,
        prompt_hash="",
        schema_hash="",
        error=redact(message, [settings.api_key])[:300],
    )
