"""fzcheck summarize FILE... : the LLM's summary of each report (at most 200 characters)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, name: str, help_text: str) -> None:
    from fzcheck.commands.check import add_common_options
    from fzcheck.llm.options import add_llm_options

    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + " (one LLM call per report)",
        epilog="examples:\n  fzcheck summarize report.docx\n"
        "  fzcheck summarize --base-url http://127.0.0.1:8765/v1 --mode tools a.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="report files, directories or globs")
    add_common_options(p)
    add_llm_options(p, with_switch=False)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from fzcheck.llm.options import settings_from_args
    from fzcheck.llm.runner import make_enricher
    from fzcheck.output import error, stdout
    from fzcheck.pipeline import check_source
    from fzcheck.reading import DEFAULT_MAX_MB
    from fzcheck.reading.inputs import expand_inputs
    from fzcheck.redact import visible
    from fzcheck.render.i18n import error_kind, t
    from fzcheck.rubric import Catalog

    rubrics = Catalog.load(args.rubric)
    enrich = make_enricher(settings_from_args(args), cached=True)  # reuse a cached review
    code = 0
    for source in expand_inputs(args.inputs):
        graded = check_source(source, rubrics, max_mb=args.max_mb or DEFAULT_MAX_MB)
        if (problem := graded.result.error) is not None:
            error(f"{source}: {error_kind(problem.kind, problem.message)}")
            code = 2
            continue
        enrich(graded)
        llm = graded.result.llm
        if llm is None or llm.error or not llm.summary:
            why = llm.error if llm and llm.error else t("summarize.not_called")
            error(t("summarize.none", source=source, why=why))
            code = max(code, 1)
            continue
        # a file name is no markup (报告[/b].txt stopped the run with rich's MarkupError)
        stdout().print(f"[bold]{escape(visible(source))}[/]", highlight=False)
        stdout().print(llm.summary, markup=False, highlight=False)
    return code
