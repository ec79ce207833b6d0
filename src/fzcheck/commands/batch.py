"""fzcheck batch INPUT... -o results.jsonl : grade many reports, resumably, then the cohort view."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fzcheck.commands.check import add_common_options, refuse_overwriting
from fzcheck.llm.options import add_llm_options

SUMMARY_FORMATS = ("terminal", "markdown", "json", "none")


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". Results are appended to OUTPUT one JSON line per report as "
        "each finishes; rerunning skips what is done.",
        epilog="exit codes: 0 every input graded; 1 some inputs' lines record a failure "
        "(unreadable, or an LLM error: rerun with --retry-errors); 2 usage or set-up error.\n"
        "examples:\n"
        "  fzcheck batch reports/ -o results.jsonl             # rerun to resume\n"
        "  fzcheck batch reports/ -o results.jsonl --html pages/\n"
        "  fzcheck report results.jsonl -o 评分表.xlsx\n"
        "  fzcheck review results.jsonl --report a.docx --part problems --set embedded\n"
        "  fzcheck letter results.jsonl -o 反馈意见/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="report files, directories (recursed by known suffix) or globs",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="results file (JSON Lines, appended; created if missing)",
    )
    add_common_options(p)
    p.add_argument(
        "--retry-errors",
        action="store_true",
        help="redo inputs whose line records a failure (unreadable, LLM error)",
    )
    p.add_argument(
        "--summary",
        choices=SUMMARY_FORMATS,
        default=None,
        help="cohort view printed at the end (default: terminal; none with --quiet)",
    )
    p.add_argument(
        "--copy-threshold",
        type=float,
        default=None,
        metavar="J",
        help="similarity (0-1) at which sections of the rubric's copy-checked parts count as copies "
        "(default: 0.6)",
    )
    p.add_argument(
        "--html",
        metavar="DIR",
        help="also write one HTML page per report and index.html (the batch page) into DIR",
    )
    p.add_argument(
        "--sync", action="store_true", help="fsync every line (survives power cuts; slower)"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes grading offline inputs (default: every core; lines are "
        "still written in input order; --llm batches use --jobs instead)",
    )
    add_llm_options(p)
    run_opts = p.add_argument_group("LLM calls in a batch")
    run_opts.add_argument(
        "--jobs", type=int, default=4, metavar="N", help="concurrent LLM calls (default: 4)"
    )
    run_opts.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the response cache"
    )
    run_opts.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="response cache (default: FZCHECK_CACHE_DIR, config [cache] dir, ~/.cache/fzcheck)",
    )
    scale = p.add_argument_group("batch engines (OpenAI Batch, DashScope Batch, vllm run-batch)")
    mode = scale.add_mutually_exclusive_group()
    mode.add_argument(
        "--export-requests",
        metavar="DIR",
        help="write OpenAI-Batch request files for the inputs not yet done, "
        "instead of calling the model",
    )
    mode.add_argument(
        "--import-results",
        nargs="+",
        metavar="FILE",
        help="grade the inputs from batch output files (matched by custom_id)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.batch.copies import DEFAULT_THRESHOLD
    from fzcheck.batch.runner import Batch, BatchOptions
    from fzcheck.batch.store import exclusive, resolve
    from fzcheck.errors import UsageError
    from fzcheck.llm.options import settings_from_args
    from fzcheck.output import error, quiet, stderr, tolerant_streams
    from fzcheck.reading import DEFAULT_MAX_MB
    from fzcheck.reading.inputs import expand_inputs
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.rubric import Catalog

    tolerant_streams()
    if args.jobs < 1:
        raise UsageError(t("batch.jobs"))
    if args.workers is not None and args.workers < 1:
        raise UsageError(t("batch.workers"))
    threshold = DEFAULT_THRESHOLD if args.copy_threshold is None else args.copy_threshold
    if not 0 < threshold <= 1:
        raise UsageError(t("batch.copy_threshold"))
    if (args.export_requests or args.import_results) and not args.llm:
        raise UsageError(t("batch.exchange_needs_llm"))
    settings = settings_from_args(args) if args.llm else None
    cache = None
    if settings is not None and not args.no_cache:
        from fzcheck.llm.cache import ResponseCache, resolve_cache_dir

        # The LLM layer's request has no endpoint in it: the namespace keeps two servers
        # that share a model name from sharing answers.
        cache = ResponseCache(resolve_cache_dir(args.cache_dir), namespace=settings.base_url)
    options = BatchOptions(
        rubrics=Catalog.load(args.rubric),
        max_mb=args.max_mb or DEFAULT_MAX_MB,
        retry_errors=args.retry_errors,
        llm=settings,
        jobs=args.jobs,
        cache=cache,
        copy_threshold=threshold,
        sync=args.sync,
        workers=args.workers,
        notice=lambda message: stderr().print(message, markup=False, highlight=False),
    )
    if args.output.endswith(("/", os.sep)) or Path(args.output).is_dir():
        # pages/: a folder, where check -o pages/ writes pages; batch's -o is one file
        raise UsageError(t("batch.output_is_folder", output=visible(args.output)))
    suffix = Path(args.output).suffix.lower()
    if suffix in _EXPORTS:  # 结果.xlsx: JSON Lines under a workbook's name opens nowhere
        raise UsageError(t("batch.output_not_results", suffix=suffix))
    # The file a symlink names: it is what gets locked, appended to and rewritten in place.
    output = resolve(Path(args.output))
    if output.exists() and not output.is_file():
        # a device read for the lines done already never ends (/dev/zero), a FIFO waits
        raise UsageError(t("batch.output_not_a_file", output=visible(args.output)))
    if args.html:
        _writable_directory(Path(args.html))  # before grading, not after the whole batch
    batch = Batch(output, options)
    inputs = list(expand_inputs(args.inputs))
    # a name that names nothing (a typo, a glob that matched nothing) is no submission: said,
    # and no line written for it (a line would count a report no one sent, for good)
    absent = {i for i in inputs if i != "-" and not os.path.lexists(i)}
    for path in sorted(absent):
        error(t("batch.not_found", path=visible(path)))
    inputs = [i for i in inputs if i not in absent]
    if absent and not inputs:
        return 2
    if args.html:
        # Pages from an earlier --html run into the same folder are output, not reports.
        pages = Path(args.html).resolve()
        inputs = [i for i in inputs if not _inside(i, pages)]
    refuse_overwriting(args.output, inputs)
    with exclusive(output):
        if args.export_requests:
            return _export(batch, inputs, Path(args.export_requests))
        if args.import_results:
            from fzcheck.batch.exchange import import_results

            index = import_results(batch, inputs, [Path(f) for f in args.import_results])
            if index.unparsable:
                stderr().print(t("batch.import_unparsable", n=index.unparsable), markup=False)
        else:
            try:
                with stops_as_interrupt():
                    batch.run(inputs)
            except KeyboardInterrupt as stop:
                # how many are saved, not a promise about them: none is said as none
                stats = batch.stats
                key = "interrupted.batch_saved" if stats.written else "interrupted.batch_none"
                error(t(key, n=stats.written, before=stats.skipped, output=visible(args.output)))
                return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)
    stats = batch.stats
    earlier = t("batch.failed_earlier", n=stats.failed_before) if stats.failed_before else ""
    done = t(
        "batch.done",
        planned=stats.planned,
        skipped=stats.skipped,
        written=stats.written,
        failed=stats.failed,
        earlier=earlier,
        pairs=stats.copy_pairs,
        output=visible(args.output),
    )
    stderr().print(done, markup=False, highlight=False)
    if quiet():  # errors still reach stderr: one line per failed input, this run's or earlier
        for path, message in stats.failures + stats.failures_before:
            error(f"{path}: {message}")
    elif stats.failures:
        stderr().print(t("batch.failed_header"), markup=False)
        for path, message in stats.failures:
            stderr().print(f"  {visible(path)}: {visible(message)}", markup=False, highlight=False)
    # read by its name as given: a link's decisions kept beside its name are read too (the
    # file's, beside the file, and its signatures, are found through the link)
    named = Path(args.output)
    if args.html:
        _write_html(named, Path(args.html), options.max_mb, options.rubrics)
    # --quiet asks for errors alone: the summary only when asked for by name
    _summary(named, args.summary or ("none" if quiet() else "terminal"), options.rubrics)
    if absent:
        return 2
    return 1 if stats.failed or stats.failed_before else 0


class Stopped(KeyboardInterrupt):
    """A signal stopping the batch, handled as Ctrl-C is; the exit status says which
    (128 + its number, as the shell's)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stops_as_interrupt() -> Iterator[None]:
    """A kill (SIGTERM: kill, systemd, docker stop) or a hang-up (SIGHUP: a dropped ssh session)
    stops the batch as Ctrl-C does: the lines graded are written, the count said (the process
    had died at once, every line graded but not yet written lost)."""

    def interrupt(signum: int, frame: object) -> None:
        raise Stopped(signum)

    stops = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, interrupt) for s in stops}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _export(batch: Any, inputs: list[str], directory: Path) -> int:
    from fzcheck.batch.exchange import export_requests
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.render.i18n import error_kind, t

    stats = export_requests(batch, inputs, directory)
    files = ", ".join(f.name for f in stats.files) or t("batch.no_files")
    said = t(
        "batch.exported",
        n=stats.requests,
        files=files,
        path=visible(str(directory)),
        done=batch.stats.skipped,
    )
    stderr().print(said, markup=False)
    for path, kind, message in stats.unreadable:
        why = visible(error_kind(kind, message))
        stderr().print(t("batch.not_exported", path=visible(path), why=why), markup=False)
    return 0


# what a reviewer names a table or a page (report exports them from the results file), never
# the results file batch appends to
_EXPORTS = frozenset({".xlsx", ".xls", ".et", ".csv", ".html", ".htm", ".md", ".docx", ".doc"})


def _summary(output: Path, fmt: str, rubrics: Any) -> None:
    if fmt == "none":
        return
    from fzcheck.batch.store import read_objects, without_moved
    from fzcheck.cohort.stats import gather, price_table
    from fzcheck.cohort.views import render_json, render_markdown, render_terminal
    from fzcheck.commands.review import reviewed_and_said

    lines = without_moved(read_objects(output))  # counted as fzcheck report counts them
    stats = gather(reviewed_and_said(lines, output, rubrics)).to_json(price_table())
    if fmt == "json":
        render_json(stats, sys.stdout)
    elif fmt == "markdown":
        render_markdown(stats, sys.stdout)
    else:
        render_terminal(stats)


def _writable_directory(directory: Path) -> None:
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".fzcheck-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        from fzcheck.render.i18n import os_reason

        raise UsageError(
            t("batch.cannot_write_pages", path=directory, why=os_reason(err))
        ) from None


def _write_html(output: Path, directory: Path, max_mb: float, rubrics: Any) -> None:
    """Report pages and index.html from the finished results file (after copy detection, so
    the pages show the copy flags); the text view needs each input read again."""
    from fzcheck.batch.store import read_objects
    from fzcheck.grading.decisions import Reports, for_results, with_review
    from fzcheck.output import pages_written
    from fzcheck.reading import load
    from fzcheck.redact import decodable, visible_tree
    from fzcheck.render.html import HtmlDirRenderer

    renderer = HtmlDirRenderer(directory, rubrics)
    # the lines are streamed (read twice, never all held): which report a decision is about
    # needs only each line's path and sha256
    keys: list[dict[str, Any]] = []
    for line in read_objects(output):
        keys.append({"path": line.get("path"), "sha256": line.get("sha256")})
    renderer.reserve_all(decodable(str(k["path"] or "")) for k in keys)
    decisions = for_results(keys, output)  # beside the results and beside each input
    reports = Reports(keys)
    pages = 0
    for line in read_objects(output):
        pages += 1
        if decisions:
            line = with_review(line, decisions, rubrics, reports)
        shown = visible_tree(line, decodable)  # a page is UTF-8: a name's bad bytes as \xff
        try:
            doc = load(line["path"], max_mb=max_mb) if line.get("ok") else None
        except Exception:  # noqa: BLE001 - unreadable now: its page has no text view
            doc = None
        if doc is not None and doc.sha256 != line.get("sha256"):
            doc = None  # the file changed since it was graded: its quotes would not line up
        renderer.add(shown, doc)
    renderer.close()
    pages_written(directory, pages)


def _inside(path: str, folder: Path) -> bool:
    """Whether ``path`` is in ``folder``; a path that cannot be resolved (a symlink loop) is not:
    it is graded, and its error is its own line."""
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, RuntimeError):
        return False
