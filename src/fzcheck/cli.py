"""The command line: a thin dispatcher over commands/*. The one error boundary lives here.

Each command module has ``register(subparsers)`` (adds its parser, sets ``func``) and does its
work in ``run(args) -> int``. Modules are imported lazily so ``fzcheck --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from fzcheck import __version__

# name -> (module, one-line help). Adding a command is one line here plus its module.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("fzcheck.commands.check", "check report files for the parts the law requires"),
    "rubric": ("fzcheck.commands.rubric", "list, show or validate rubrics"),
    "summarize": (
        "fzcheck.commands.summarize",
        "summarize reports with an LLM (needs the llm extra)",
    ),
    "batch": ("fzcheck.commands.batch", "grade many reports into a resumable results file"),
    "report": ("fzcheck.commands.report", "cohort view of a batch results file"),
    "cache": ("fzcheck.commands.cache", "show or clear the LLM response cache"),
    "review": (
        "fzcheck.commands.review",
        "record a reviewer's decisions on part statuses and checks",
    ),
    "letter": (
        "fzcheck.commands.letter",
        "write feedback letters (.docx) for reports to send back",
    ),
}

EPILOG = """check's exit codes: 0 every input complete; 1 some input incomplete or not a report;
2 usage error or an unreadable input (batch's: fzcheck batch --help).
Quick start: fzcheck check examples/sample-report.txt
  fzcheck check reports/ -o 评分表.xlsx         # format from the extension
  fzcheck batch reports/ -o results.jsonl && fzcheck report results.jsonl
  fzcheck review results.jsonl --report a.docx --part problems --set embedded --note 见第3页
  fzcheck letter results.jsonl -o 反馈意见/
Global options (anywhere on the line): --lang zh|en, --quiet, --verbose"""

# Global options, taken out of the command line wherever they stand (before or after the
# subcommand): name -> takes a value
GLOBAL_OPTIONS = {"--lang": True, "--quiet": False, "-q": False, "--verbose": False, "-v": False}


class Parser(argparse.ArgumentParser):
    """argparse with Chinese, close-match suggestions for mistyped options, commands and
    choices, said by the subcommand's own parser (its usage, not the top level's); its help in
    the reviewer's language (commands.help_zh)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["formatter_class"] = _localized(
            kwargs.get("formatter_class", argparse.HelpFormatter)
        )
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        from fzcheck.render.i18n import lang

        if lang() == "zh":
            _in_chinese(self)
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        from fzcheck.render.i18n import lang, t

        hint = ""
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        choice = re.match(
            r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message
        )
        if unknown:
            extras = unknown.group(1).split()
            option = next((x for x in extras if x.startswith("-")), extras[0])
            words = [o for a in self._actions for o in a.option_strings] + [
                o for o in GLOBAL_OPTIONS if o.startswith("--")
            ]  # global, taken out earlier
            match = difflib.get_close_matches(option.split("=")[0], words, n=1, cutoff=0.6)
            message = t("usage.unknown_option", option=option)
            hint = t("usage.did_you_mean", match=match[0]) if match else ""
        elif choice:
            choices = [c.strip(" '") for c in choice.group(3).split(",")]
            match = difflib.get_close_matches(choice.group(2), choices, n=1, cutoff=0.5)
            message = t(
                "usage.invalid_choice",
                option=choice.group(1),
                value=choice.group(2),
                choices="、".join(choices),
            )
            hint = t("usage.did_you_mean", match=match[0]) if match else ""
        else:
            message = _said(message)
        # one line, the way to the usage in it (the usage block above it made five more)
        colon = "：" if lang() == "zh" else ": "
        usage = t("usage.see_help", prog=self.prog)
        self.exit(2, f"{self.prog}: {t('error.prefix')}{colon}{message}{hint}{usage}\n")


_FORMATTERS: dict[type, type] = {}
_ZH_USAGE = "用法："


def _localized(base: type) -> type:
    """``base`` (a HelpFormatter class) whose usage line starts 用法： in Chinese."""
    if base not in _FORMATTERS:

        class Localized(base):  # type: ignore[misc]
            def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
                from fzcheck.render.i18n import lang

                if prefix is None and lang() == "zh":
                    prefix = _ZH_USAGE
                super().add_usage(usage, actions, groups, prefix)

            def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
                # argparse fits the usage to the width by characters: 用法：'s 3 take 6 columns,
                # and the lines after the first are moved 3 columns right (below)
                narrower = len(_ZH_USAGE) if prefix == _ZH_USAGE else 0
                self._width -= narrower
                try:
                    text: str = super()._format_usage(usage, actions, groups, prefix)
                finally:
                    self._width += narrower
                if not text.startswith(_ZH_USAGE):
                    return text
                # argparse indents the lines after the first by 用法：'s 3 characters; they take
                # 6 columns
                pad = " " * len(_ZH_USAGE)
                return "\n".join(
                    pad + line if n and line[:1] == " " else line
                    for n, line in enumerate(text.split("\n"))
                )

            def start_section(self, heading: Any) -> None:
                self._titles = [*getattr(self, "_titles", []), heading]
                super().start_section(heading)

            def format_help(self) -> str:
                text: str = super().format_help()
                # argparse ends a group's title with an ASCII colon: a Chinese one takes ：
                for title in getattr(self, "_titles", []):
                    if title and not title.isascii():
                        text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
                return text

            def _split_lines(self, text: str, width: int) -> list[str]:
                # argparse counts characters; a Chinese one takes two columns of the terminal
                return _wrap_columns(" ".join(text.split()), width)

            def _fill_text(self, text: str, width: int, indent: str) -> str:
                # a description's or epilog's long prose lines wrapped; the indented lines
                # (examples: a command to copy) kept whole
                return "\n".join(
                    indent + part
                    for line in text.splitlines()
                    for part in (
                        [line] if line[:1].isspace() else _wrap_columns(line, width) or [""]
                    )
                )

        _FORMATTERS[base] = Localized
    return _FORMATTERS[base]


_NO_LINE_START = frozenset("，。；：、）》」』！？")
_NO_LINE_END = frozenset("（《「『")


def _wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (a wide character counts two),
    broken between Chinese characters or at spaces, never inside a run of ASCII (an option,
    a path, gpt-4o-mini) nor before a stop, nor after an opening bracket."""
    import re
    import unicodedata

    lines, line, cols = [], "", 0
    for token in re.findall(r"[!-~]+| |.", text):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in token)
        # a Chinese stop or closing bracket never starts a line (it may pass the width by one)
        if cols + size > width and line.strip() and token not in _NO_LINE_START:
            # an opening bracket goes down with what it opens
            carried = line[-1] if line[-1] in _NO_LINE_END and line[:-1].strip() else ""
            lines.append(line[: len(line) - len(carried)].rstrip())
            line, cols = carried, 2 * len(carried)
            if token == " ":
                continue
        line, cols = line + token, cols + size
    return [*lines, line.rstrip()] if line.strip() else lines


def _in_chinese(parser: argparse.ArgumentParser) -> None:
    """``parser``'s help texts, group titles, description and epilog in Chinese, where
    commands.help_zh has them (it has them all: a test says so)."""
    from fzcheck.commands.help_zh import ZH

    parser.description = ZH.get(parser.description or "", parser.description)
    parser.epilog = ZH.get(parser.epilog or "", parser.epilog)
    for group in parser._action_groups:
        group.title = ZH.get(group.title or "", group.title)
    for action in parser._actions:
        action.help = ZH.get(action.help or "", action.help)
        for choice in getattr(action, "_choices_actions", ()):
            choice.help = ZH.get(choice.help or "", choice.help)


# argparse's own errors (Python's wording, not translated by it), as the CLI's language says
# them: message key, and the names its groups fill in. Lists (a, b) are said with 、.
_ARGPARSE_ERRORS = (
    (r"argument (.+?): not allowed with argument (.+)", "usage.not_allowed_with", "option other"),
    (r"the following arguments are required: (.+)", "usage.required", "names"),
    (r"one of the arguments (.+) is required", "usage.one_of_required", "names"),
    (r"argument (.+?): expected one argument", "usage.expected_one", "option"),
    (r"argument (.+?): expected at least one argument", "usage.expected_some", "option"),
    (r"ambiguous option: (\S+) could match (.+)", "usage.ambiguous_option", "option matches"),
    (r"argument (.+?): invalid \S+ value: '(.*)'", "usage.invalid_value", "option value"),
    # fzcheck's own types' words (commands.check.positive_float)
    (r"argument (.+?): must be a number above 0, not '(.*)'", "usage.positive", "option value"),
)


def _said(message: str) -> str:
    """An argparse error message in the CLI's language (``--lang``, ``FZCHECK_LANG``): mutually
    exclusive options, a required argument missing, an option without its value…; one it does
    not know is left as argparse wrote it."""
    import re

    from fzcheck.render.i18n import lang, t

    for pattern, key, names in _ARGPARSE_ERRORS:
        found = re.fullmatch(pattern, message)
        if found:
            values = dict(zip(names.split(), found.groups(), strict=True))
            for name in ("names", "matches"):
                if name in values and lang() == "zh":
                    values[name] = "、".join(values[name].split(", "))
            return t(key, **values)
    return message


def take_globals(args: list[str]) -> tuple[list[str], dict[str, str | bool]]:
    """The command line without the global options, and their values."""
    rest: list[str] = []
    found: dict[str, str | bool] = {}
    it = iter(args)
    for arg in it:
        if arg == "--":
            rest += [arg, *it]
            break
        name, eq, value = arg.partition("=")
        if name in GLOBAL_OPTIONS:
            if GLOBAL_OPTIONS[name]:
                found[name] = value if eq else next(it, "")
            else:
                found[name] = True
        else:
            rest.append(arg)
    return rest, found


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = Parser(
        prog="fzcheck",
        description="Check Chinese government annual reports (法治政府建设年度报告 "
        "and the other report types in `fzcheck rubric list`) for the parts the law requires.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"fzcheck {__version__}")
    parser.add_argument(
        "--lang",
        choices=["zh", "en"],
        default="zh",
        help="language of what a reviewer reads (default: zh; FZCHECK_LANG)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="say each input as it is checked"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module).register(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _subparser(parser: argparse.ArgumentParser, args: list[str]) -> argparse.ArgumentParser:
    """The innermost parser the command line reached (``rubric show`` → show's parser)."""
    found = parser
    for token in args:
        subs = [a for a in found._actions if isinstance(a, argparse._SubParsersAction)]
        if subs and token in subs[0].choices:
            found = subs[0].choices[token]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from fzcheck.errors import FzcheckError

    args_list, options = take_globals(list(sys.argv[1:] if argv is None else argv))
    from fzcheck import output
    from fzcheck.render import i18n

    if "--lang" in options and options["--lang"] not in i18n.LANGS:
        build_parser(only="").error(
            f"argument --lang: invalid choice: '{options['--lang']}' (choose from 'zh', 'en')"
        )
    i18n.set_lang(str(options.get("--lang") or i18n.default_lang()))  # each call starts afresh
    output.set_verbosity(
        -1
        if ("--quiet" in options or "-q" in options)
        else 1
        if ("--verbose" in options or "-v" in options)
        else 0
    )
    env_lang = os.environ.get("FZCHECK_LANG", "")
    if env_lang and env_lang not in i18n.LANGS and "--lang" not in options:
        # a typo in a setting made once (FZCHECK_LANG=cn) is said, not silently Chinese
        output.warn(i18n.t("usage.bad_env_lang", value=env_lang, choices="、".join(i18n.LANGS)))
    command = next((a for a in args_list if not a.startswith("-")), None)
    # Only the chosen command's module is imported (and so only its dependencies).
    parser = build_parser(only=command if command in COMMANDS else None)
    args, extra = parser.parse_known_args(args_list)
    if extra:  # said by the subcommand's parser: its usage and its options' close matches
        sub = _subparser(parser, args_list)
        sub.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if command in ("check", "report") and getattr(args, "output", None) == "-":
        args.output = None  # "-" is the standard output, as for input (a file named "-" was made)
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
        from fzcheck.render.i18n import os_error

        error(os_error(err))
        return 2
    except KeyboardInterrupt:
        from fzcheck.output import error
        from fzcheck.render.i18n import t

        # a batch keeps every report done: say how to go on
        error(t("interrupted.batch" if command == "batch" else "interrupted"))
        return 130
