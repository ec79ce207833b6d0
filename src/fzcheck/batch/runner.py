"""Run a batch: plan, skip what is done, grade the rest, append one line per report, then flag
copies. Offline reports are graded one after another (the checker is CPU-bound and fast); with
``--llm``, ``jobs`` workers each take the next report, grade it offline and await its LLM call,
so at most ``jobs`` calls are in flight and at most ``jobs`` reports are lost to a kill.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fzcheck.batch import copies
from fzcheck.batch.plan import KEY_FIELD, Item, failure_message, plan_items, settings_fingerprint
from fzcheck.batch.progress import make_progress
from fzcheck.batch.store import Appender, read_objects, repair, rewrite
from fzcheck.errors import FzcheckError
from fzcheck.pipeline import Graded, check_source

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


@dataclass
class BatchStats:
    planned: int = 0
    skipped: int = 0
    written: int = 0
    failed: int = 0
    dropped: int = 0  # stale or retried lines removed before the run
    failed_before: int = 0  # inputs whose line from an earlier run records a failure
    copy_pairs: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def grade_offline(path: str, rubrics: Catalog, max_mb: float) -> Graded:
    """The offline checker on one input; unreadable input and a bug met on this input come
    back as its error result (pipeline.check_source), so the batch goes on."""
    return check_source(path, rubrics, max_mb)


class Batch:
    """One results file and everything a run does to it."""

    def __init__(self, output: Path, options: BatchOptions) -> None:
        self.output = output
        self.options = options
        self.fingerprint = settings_fingerprint(options.rubrics, options.llm)
        self.stats = BatchStats()

    # --- planning ------------------------------------------------------------------------

    def plan(self, inputs: Iterable[str], compact: bool = True) -> list[Item]:
        """The inputs still to grade, in one pass over the results file. Lines this run will
        write again (retried failures, files or settings changed since, duplicates) are not
        done; with ``compact`` (a run that writes lines) they are dropped from the file first,
        so it keeps exactly one line per input. An export leaves the file alone."""
        items = list(plan_items(inputs, self.fingerprint, self.options.max_mb))
        self.stats.planned = len(items)
        repair(self.output)
        repair(copies.sidecar_path(self.output))
        key_of = {it.path: it.key for it in items}
        retry = self.options.retry_errors
        done: set[tuple[str, str]] = set()
        drops: list[bool] = []
        for obj in read_objects(self.output):
            path, key = obj.get("path", ""), obj.get(KEY_FIELD, "")
            failed = failure_message(obj) is not None
            drop = path in key_of and (key != key_of[path] or (path, key) in done
                                       or (retry and failed))
            drops.append(drop)
            if not drop:
                done.add((path, key))
                self.stats.failed_before += int(failed and path in key_of)
        if compact and any(drops):
            flags = iter(drops)
            rewrite(self.output, lambda obj: None if next(flags) else obj)
            self.stats.dropped = sum(drops)
        todo = [it for it in items if (it.path, it.key) not in done]
        self.stats.skipped = len(items) - len(todo)
        return todo

    # --- running -------------------------------------------------------------------------

    def run(self, inputs: Iterable[str],
            grader: Callable[[Item], Graded] | None = None) -> BatchStats:
        """Grade what is not done yet. ``grader`` replaces the offline / live-LLM grading (batch
        import uses it to grade from answer files)."""
        todo = self.plan(inputs)
        progress = make_progress(len(todo), self.stats.skipped, self.options.progress_stream)
        with Appender(self.output, self.options.sync) as results, \
                Appender(copies.sidecar_path(self.output), self.options.sync) as sigs, progress:
            def write(item: Item, graded: Graded) -> None:
                line = self.line(item, graded)
                # Signature first: a kill between the two writes leaves a spare signature,
                # never a result without one.
                sigs.append(copies.sidecar_line(line, copies.signatures(graded, line)))
                results.append(line)
                self._count(line)
                progress.advance(item.path, failure_message(line))

            if grader is not None:
                for item in todo:
                    write(item, grader(item))
            elif self.options.llm is None:
                for item in todo:
                    write(item, grade_offline(item.path, self.options.rubrics, self.options.max_mb))
            else:
                asyncio.run(self._run_llm(todo, write))
        self.stats.copy_pairs = len(copies.apply_copies(self.output, self.options.copy_threshold))
        return self.stats

    def line(self, item: Item, graded: Graded) -> dict[str, Any]:
        data = graded.result.to_json()
        data[KEY_FIELD] = item.key
        return data

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
                        answer = await areview(graded.analysis, settings, client=client,
                                               cache=self.options.cache)
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


def warm_up(client: Any = None, settings: LLMSettings | None = None,
            rubrics: Iterable[Rubric] | None = None) -> None:
    """Import now what the workers would otherwise import on first use: an import inside a
    worker blocks the event loop, and every call in flight waits behind it (seconds, for
    datasketch's scipy, instructor, and the SDK's lazily loaded resources)."""
    import contextlib
    import importlib

    for module in ("datasketch", "fzcheck.llm.call", "instructor.processing.response",
                   "openai.types.chat"):
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
    from fzcheck.result import LLMInfo

    return LLMInfo(model=settings.model, endpoint_host=settings.endpoint_host,
                   mode=settings.mode, prompt_hash="", schema_hash="", error=message[:300])
