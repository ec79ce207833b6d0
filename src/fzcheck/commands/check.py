"""fzcheck check FILE... : check each input and render the results."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from fzcheck.render import RENDERERS

EXIT_FOR_VERDICT = {"complete": 0, "incomplete": 1, "not_a_report": 1, "error": 2}
# --llm was asked for and the call failed (llm.error set): the check asked for was not done,
# as with an unreadable input, although the offline verdict is still in the output.
EXIT_LLM_FAILED = 2


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Options every command that checks reports shares (check, batch)."""
    p.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="bundled rubric id or a YAML file (default: each input is checked with "
        "the bundled rubric whose report type it matches best)",
    )
    p.add_argument(
        "--max-mb",
        type=positive_float,
        default=None,
        metavar="MB",
        help="refuse inputs larger than this (default: 16)",
    )


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):  # nan, 0, below, and inf (no limit a file can meet)
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text!r}")
    return min(value, _MB_MAX)  # 1e308 MB is no limit either: a terabyte is, and counts in bytes


_MB_MAX = 1024.0 * 1024.0


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="""examples:
  fzcheck check report.docx                      # 终端视图
  fzcheck check reports/ -o 评分表.xlsx           # Excel（格式按扩展名推断）
  fzcheck check reports/*.pdf -o results.csv     # CSV（带BOM，Excel可直接打开）
  fzcheck check report.docx -o page.html         # 网页（可记录人工复核意见）
  fzcheck check -f jsonl reports/ > results.jsonl
  fzcheck --lang en check report.docx            # English view
exit codes: 0 every input complete; 1 some input incomplete or not a report; 2 a usage error,
an unreadable input, or (with --llm) an LLM call that failed (its llm.error says why; the
offline verdict stands)""",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=(
            "report files (.txt .md .html .docx .doc .wps .rtf .ofd .pdf, scans OCR'd), "
            "directories, globs, or - for stdin"
        ),
    )
    p.add_argument(
        "-f",
        "--format",
        choices=sorted(RENDERERS),
        default=None,
        help="output format (default: from -o's extension, else terminal; json is "
        "the canonical model; xlsx needs -o)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (-f html with several inputs: a directory)",
    )
    p.add_argument(
        "--outline", action="store_true", help="include the heading outline in JSON output"
    )
    add_common_options(p)
    from fzcheck.llm.options import add_llm_options

    add_llm_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.grading.decisions import Reports, beside_report, load_beside, with_review
    from fzcheck.output import tolerant_streams, verbose
    from fzcheck.pipeline import check_source
    from fzcheck.reading import DEFAULT_MAX_MB
    from fzcheck.reading.inputs import expand_inputs
    from fzcheck.render import Renderer, format_for, make_renderer, names_a_folder
    from fzcheck.rubric import Catalog

    tolerant_streams()
    # a folder for -o (there, or named with a / at its end) is where pages go: one per report
    # (it was said to be a folder, and given a file name to use, which -f html then refused)
    folder = names_a_folder(args.output)
    args.format = (args.format or "html") if folder else format_for(args.format, args.output)
    rubrics = Catalog.load(args.rubric)
    decisions = load_beside(args.output)  # those beside each input are loaded with it
    max_mb = args.max_mb or DEFAULT_MAX_MB
    enrich = _llm_step(args) if getattr(args, "llm", False) else None
    code = 0
    sources = list(expand_inputs(args.inputs))
    refuse_overwriting(args.output, read_by_check(sources, args.output))
    refuse_a_batchs_results(args.output, writes_results=args.format == "jsonl")
    # which report a decision beside -o is about: the one rule, among these inputs
    reports = Reports.of_files(sources) if decisions else Reports([])
    with ExitStack() as stack:
        html_dir = None
        if args.format == "html":  # several reports: a page each plus index.html in -o DIR
            from fzcheck.render.html import output_directory

            html_dir = output_directory(args.output, len(sources))
        if html_dir is not None:
            from fzcheck.render.html import HtmlDirRenderer

            renderer: Renderer = HtmlDirRenderer(html_dir, rubrics, inputs=sources)
        else:
            out = _open_output(stack, args.output, args.format)
            renderer = make_renderer(args.format, out, rubrics)
        for source in sources:
            graded = check_source(source, rubrics, max_mb)
            if graded.result.error is not None:
                _report_error(
                    source, graded.result.error.kind, graded.result.error.message, args.format
                )
            elif graded.analysis is not None:
                if enrich is not None:
                    enrich(graded)
                if args.outline:
                    graded.result.outline = graded.analysis.outline.to_json(graded.analysis.doc)
            data = graded.result.to_json()
            # beside -o, those about this report among the inputs; beside this file, all
            mine = [d for d in decisions if reports.applies(d, data)] + beside_report(source)
            if mine:  # the reviewer's verdict beside the machine's
                data = with_review(data, mine, rubrics)
            if verbose():
                from fzcheck.output import stderr
                from fzcheck.redact import visible
                from fzcheck.render.i18n import verdict

                stderr().print(
                    f"{visible(source)}：{verdict(data['verdict'])} {data['score']:g}",
                    markup=False,
                    highlight=False,
                )
            renderer.add(data, graded.doc)
            # as reviewed: the reviewer's verdict is the last word, the exit code's too
            final = (data.get("review") or {}).get("verdict") or data["verdict"]
            code = max(code, EXIT_FOR_VERDICT[final])
            if graded.result.llm is not None and graded.result.llm.error:
                code = max(code, EXIT_LLM_FAILED)
        renderer.close()
    from fzcheck.output import pages_written, written

    if html_dir is None:
        written(args.output, len(sources))
    else:
        pages_written(html_dir, len(sources))
    return code


def _llm_step(args: argparse.Namespace) -> Any:
    """The --llm enrichment, imported only when asked for (the offline path never loads it)."""
    from fzcheck.llm.options import settings_from_args
    from fzcheck.llm.runner import make_enricher

    return make_enricher(settings_from_args(args))


def refuse_overwriting(output: str | None, read: Iterable[str | Path]) -> None:
    """UsageError when ``output`` is a file this run reads (an input, a decisions file), under
    any name (./a.txt, a link): opening it for writing would empty it before it is read."""
    import stat

    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    try:
        target = os.stat(output) if output and output != "-" else None
    except (OSError, ValueError):
        return  # not there yet: nothing to lose
    if target is None or not stat.S_ISREG(target.st_mode):
        return  # stdout, or a folder for pages
    for path in read:
        try:
            if os.path.samestat(os.stat(path), target):
                raise UsageError(t("output.is_input", path=output))
        except (OSError, ValueError):
            continue  # a missing input: its error line says so


def refuse_a_batchs_results(output: str | None, writes_results: bool = False) -> None:
    """UsageError when -o is a batch's results file (its signatures beside it, or its lines
    results when what is written is not: a file copied without its sidecar): the file is
    written anew, and a season's results, the reviews tied to them, would be lost."""
    from fzcheck.batch.store import begins_as_result, sidecar_path
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    if not output or output == "-":
        return
    path = Path(output)
    if sidecar_path(path).exists() or (
        not writes_results and path.is_file() and path.stat().st_size and begins_as_result(path)
    ):
        raise UsageError(t("output.is_results", path=output))


def read_by_check(sources: list[str], output: str | None) -> list[str | Path]:
    """What ``check`` reads: the inputs, and the decisions files beside them and beside -o."""
    from fzcheck.grading.decisions import stores

    files = [s for s in sources if s != "-"]  # stdin is no file -o can name
    beside = files + ([output] if output else [])
    return [*files, *(store for p in beside for store in stores(p))]


def _open_output(stack: ExitStack, output: str | None, fmt: str) -> Any:
    """-o FILE (binary for xlsx), else stdout; xlsx is never written to a terminal."""
    from fzcheck.errors import UsageError
    from fzcheck.output import replacing
    from fzcheck.render import BINARY_FORMATS
    from fzcheck.render.i18n import t

    if fmt in BINARY_FORMATS:
        if output:
            return stack.enter_context(replacing(output, binary=True))
        if sys.stdout.isatty():
            raise UsageError(t("output.xlsx_needs_file", fmt=fmt))
        return sys.stdout.buffer
    if output:  # written whole or not at all: a stopped run leaves the earlier file
        return stack.enter_context(replacing(output))
    return sys.stdout


def _report_error(source: str, kind: str, err: str, fmt: str) -> None:
    # The terminal view shows the error in place; machine formats also say it on stderr.
    if fmt != "terminal" or not sys.stdout.isatty():
        from fzcheck.output import error
        from fzcheck.render.i18n import error_kind

        error(f"{source}: {error_kind(kind, err)}")
