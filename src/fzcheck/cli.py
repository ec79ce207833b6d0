"""The command line: a thin dispatcher over commands/*. The one error boundary lives here.

Each command module has ``register(subparsers)`` (adds its parser, sets ``func``) and does its
work in ``run(args) -> int``. Modules are imported lazily so ``fzcheck --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from fzcheck import __version__

# name -> (module, one-line help). Adding a command is one line here plus its module.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("fzcheck.commands.check", "check report files for the parts the law requires"),
    "rubric": ("fzcheck.commands.rubric", "list, show or validate rubrics"),
    "summarize": ("fzcheck.commands.summarize", "summarize reports with an LLM (needs the llm extra)"),
    "batch": ("fzcheck.commands.batch", "grade many reports into a resumable results file"),
    "report": ("fzcheck.commands.report", "cohort view of a batch results file"),
    "cache": ("fzcheck.commands.cache", "show or clear the LLM response cache"),
}

EPILOG = """exit codes: 0 every input complete; 1 some input incomplete or not a report;
2 usage error or an unreadable input.
Quick start: fzcheck check examples/sample-report.txt"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fzcheck", description="Check Chinese government annual reports (法治政府建设年度报告 "
        "and the other report types in `fzcheck rubric list`) for the parts the law requires.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"fzcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module).register(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from fzcheck.errors import FzcheckError

    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    # Only the chosen command's module is imported (and so only its dependencies).
    parser = build_parser(only=command if command in COMMANDS else None)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except FzcheckError as err:
        from fzcheck.output import error

        error(str(err))
        return err.exit_code
    except BrokenPipeError:  # `fzcheck check … | head`: the reader left, nothing to say
        return 0
    except OSError as err:  # an output file or directory that cannot be written
        from fzcheck.output import error

        where = f"{err.filename}: " if err.filename else ""
        error(f"{where}{err.strerror or err}")
        return 2
    except KeyboardInterrupt:
        from fzcheck.output import error

        error("interrupted")
        return 130
