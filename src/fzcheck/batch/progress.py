"""Progress on stderr: a rich bar on a terminal, plain lines (a log's friend) otherwise. File
names and messages are shown with their control characters visible (fzcheck.redact)."""

from __future__ import annotations

import io
import sys
import time
from types import TracebackType
from typing import IO, Protocol, Self

from fzcheck.redact import visible
from fzcheck.render.i18n import t


class Progress(Protocol):
    def __enter__(self) -> Self: ...

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def advance(self, path: str, failed: str | None = None) -> None: ...


def make_progress(
    total: int, skipped: int, stream: IO[str] | None = None, threads: bool = True
) -> Progress:
    """``threads=False`` when worker processes will be forked: the bar is then redrawn on
    each advance instead of by rich's refresh thread, which could hold the stderr lock at the
    moment of a fork and leave a worker that writes a warning deadlocked."""
    from fzcheck.output import quiet

    stream = stream or (io.StringIO() if quiet() else sys.stderr)  # --quiet: no progress
    if stream.isatty():
        return BarProgress(total, skipped, auto_refresh=threads)
    return LineProgress(total, skipped, stream)


def _eta(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


class LineProgress:
    """One line per failure, a status line every ``every`` seconds, and one at the end."""

    def __init__(self, total: int, skipped: int, stream: IO[str], every: float = 10.0) -> None:
        self.total, self.skipped, self.stream, self.every = total, skipped, stream, every
        self.done = self.failed = 0
        self.start = self.last = time.monotonic()

    def __enter__(self) -> Self:
        self._line(
            t("batch.todo", total=self.total)
            + (t("batch.skipped", skipped=self.skipped) if self.skipped else "")
        )
        return self

    def advance(self, path: str, failed: str | None = None) -> None:
        self.done += 1
        if failed:
            self.failed += 1
            self._line(t("batch.failed", path=visible(path), why=visible(failed)))
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(self._status(now))

    def _status(self, now: float) -> str:
        rate = self.done / max(now - self.start, 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        return t(
            "batch.status",
            done=self.done,
            total=self.total,
            failed=self.failed,
            rate=f"{rate:.1f}",
            eta=_eta(left),
        )

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.total:
            self._line(self._status(time.monotonic()))


class BarProgress:
    def __init__(self, total: int, skipped: int, auto_refresh: bool = True) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        from fzcheck.output import stderr

        self.failed = 0
        self.auto_refresh = auto_refresh
        self.bar = RichProgress(
            TextColumn(f"[bold]{t('batch.bar')}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn(t("batch.bar_eta")),  # the reviewer's words, not ETA and 0.5/s
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]}"),
            TimeElapsedColumn(),
            console=stderr(),
            transient=False,
            auto_refresh=auto_refresh,
        )
        note = t("batch.skipped", skipped=skipped).lstrip("，, ") if skipped else ""
        self.task = self.bar.add_task(note, total=total, failed="", rate="")
        self.start = time.monotonic()
        self.done = 0

    def __enter__(self) -> Self:
        self.bar.__enter__()
        return self

    def advance(self, path: str, failed: str | None = None) -> None:
        from rich.markup import escape

        self.done += 1
        if failed:
            self.failed += 1
            line = t("batch.failed", path=visible(path), why=visible(failed))
            self.bar.console.print(f"[red]{escape(line)}[/]", highlight=False)
        rate = self.done / max(time.monotonic() - self.start, 1e-9)
        self.bar.update(
            self.task,
            advance=1,
            rate=t("batch.bar_rate", rate=f"{rate:.1f}"),
            failed=t("batch.bar_failed", failed=self.failed) if self.failed else "",
            refresh=not self.auto_refresh,
        )

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.bar.__exit__(t, e, tb)
