"""fzcheck report results.jsonl : the cohort view of a batch's results file."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

FORMATS = ("terminal", "markdown", "json", "csv", "html")


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text + ". csv gives one row per "
                       "report (what is missing, failed or copied); html the batch page.")
    p.add_argument("results", metavar="RESULTS", help="a results file written by fzcheck batch")
    p.add_argument("-f", "--format", choices=FORMATS, default="terminal",
                   help="output format (default: terminal)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.cohort.stats import gather, price_table
    from fzcheck.cohort.views import UnitsCsv, render_json, render_markdown, render_terminal
    from fzcheck.batch.store import read_results
    from fzcheck.errors import UsageError

    path = Path(args.results)
    if not path.is_file():
        raise UsageError(f"{path}: no such results file (write one with fzcheck batch -o)")
    if args.format == "html" and not args.output:
        raise UsageError("--format html needs -o FILE (for example -o batch.html)")
    with ExitStack() as stack:
        out = (stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
               if args.output else sys.stdout)
        if args.format == "csv":
            units = UnitsCsv(out)
            for line in read_results(path):
                units.add(line)
        elif args.format == "html":
            from fzcheck.render.html import render_batch_page
            from fzcheck.rubric import Catalog

            from fzcheck.redact import decodable, visible_tree

            # a page is UTF-8: a file name's undecodable bytes are shown as \xff
            lines = [visible_tree(line, decodable) for line in read_results(path)]
            out.write(render_batch_page(lines, {}, Catalog.load()))
        else:
            stats = gather(read_results(path)).to_json(price_table())
            if args.format == "json":
                render_json(stats, out)
            elif args.format == "markdown":
                render_markdown(stats, out)
            else:
                render_terminal(stats, out if args.output else None)
    return 0
