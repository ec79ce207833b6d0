"""fzcheck report results.jsonl : the cohort view of a batch's results file."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

FORMATS = ("terminal", "markdown", "json", "csv", "html", "xlsx")
EXAMPLES = """examples:
  fzcheck report results.jsonl                     # 批量评查汇总（终端）
  fzcheck report results.jsonl -o 评分表.xlsx       # Excel：评分表、要素明细、说明
  fzcheck report results.jsonl -o units.csv        # 每份报告一行（带BOM，Excel可直接打开）
  fzcheck report results.jsonl -o batch.html       # 批量页面"""


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". csv gives one row per "
        "report (what is missing, failed or copied); xlsx a workbook; html the "
        "batch page. Review decisions beside RESULTS are applied.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("results", metavar="RESULTS", help="a results file written by fzcheck batch")
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from -o's extension, else terminal)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="the rubric the results were graded with, when it is not bundled",
    )
    p.set_defaults(func=run)


def torn_tail(path: Path) -> bool:
    """Whether the results file ends in a torn line (a run killed mid-write: text after the
    last newline), which reading passes over and the next ``batch`` cuts off."""
    with path.open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 65536))
        tail = f.read()
    return bool(tail) and not tail.endswith(b"\n") and bool(tail.rpartition(b"\n")[2].strip())


def run(args: argparse.Namespace) -> int:
    from fzcheck.batch.store import read_results, without_moved
    from fzcheck.cohort.stats import gather, price_table
    from fzcheck.cohort.views import UnitsCsv, render_json, render_markdown, render_terminal
    from fzcheck.commands.check import refuse_a_batchs_results, refuse_overwriting
    from fzcheck.commands.review import reviewed_and_said
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import stores
    from fzcheck.output import replacing, written
    from fzcheck.render import format_for
    from fzcheck.render.i18n import t
    from fzcheck.rubric import Catalog

    path = Path(args.results)
    # first: writing over what it reads is the mistake to name, whatever the format
    refuse_overwriting(args.output, [path, *stores(path)])
    refuse_a_batchs_results(args.output)  # a summary over another batch's results
    args.format = format_for(args.format, args.output)
    if args.format not in FORMATS:
        raise UsageError(t("report.bad_format", fmt=args.format, choices=", ".join(FORMATS)))
    rubrics = Catalog.load(args.rubric)
    if path.is_dir():  # a folder of reports given for the results file batch wrote
        raise UsageError(t("report.results_is_folder", path=path))
    if path.exists() and not path.is_file():  # a FIFO, a device: there, but no file
        raise UsageError(t("report.not_a_file", path=path))
    if not path.is_file():
        raise UsageError(t("report.no_results_file", path=path))
    if args.format == "html" and not args.output:
        raise UsageError(t("output.html_needs_file"))
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise UsageError(t("output.xlsx_needs_file", fmt="xlsx"))
    # Read whole before -o is opened: a results file that turns out bad leaves -o as it was.
    lines = reviewed_and_said(without_moved(read_results(path)), path, rubrics)
    if torn_tail(path):  # read_results passed it over: said, not silently left out
        from fzcheck.output import warn

        warn(t("report.torn_tail", path=path))
    if args.format == "xlsx":
        from fzcheck.render.xlsx import write_workbook

        with ExitStack() as stack:
            bout = (
                stack.enter_context(replacing(args.output, binary=True))
                if args.output
                else sys.stdout.buffer
            )
            write_workbook(lines, bout, rubrics)
        written(args.output, len(lines))
        return 0
    with ExitStack() as stack:
        out = (
            # Every view shows a GBK name's bytes escaped itself; should a string slip through
            # with one, it is written escaped too rather than cutting the file off mid-way; and
            # whole, or the earlier file is left as it was
            stack.enter_context(replacing(args.output)) if args.output else sys.stdout
        )
        if args.format == "csv":
            from fzcheck.render.csvfmt import copy_names

            units = UnitsCsv(out, copy_names(lines), rubrics)
            for line in lines:
                units.add(line)
        elif args.format == "html":
            from fzcheck.redact import decodable, visible_tree
            from fzcheck.render.html import render_batch_page

            # a page is UTF-8: a file name's undecodable bytes are shown as \xff
            shown = [visible_tree(line, decodable) for line in lines]
            out.write(render_batch_page(shown, {}, rubrics))
        else:
            stats = gather(lines).to_json(price_table())
            if args.format == "json":
                render_json(stats, out)
            elif args.format == "markdown":
                render_markdown(stats, out)
            else:
                render_terminal(stats, out if args.output else None)
    written(args.output, len(lines))
    return 0
