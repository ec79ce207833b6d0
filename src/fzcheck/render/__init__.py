"""Output formats. Each renders from the canonical JSON dict (``Result.to_json()``).

A renderer is created once per run, given each result as it is ready (with its Document when
the format shows the text), and closed at the end, so long runs stream.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any, Protocol

from fzcheck.document import Document

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog

# format name -> "module:Class"
RENDERERS: dict[str, str] = {
    "terminal": "fzcheck.render.terminal:TerminalRenderer",
    "json": "fzcheck.render.jsonfmt:JsonRenderer",
    "jsonl": "fzcheck.render.jsonfmt:JsonlRenderer",
    "markdown": "fzcheck.render.markdown:MarkdownRenderer",
    "csv": "fzcheck.render.csvfmt:CsvRenderer",
    "html": "fzcheck.render.html:HtmlRenderer",
    "xlsx": "fzcheck.render.xlsx:XlsxRenderer",
}
BINARY_FORMATS = frozenset({"xlsx"})  # written to a file opened in binary mode
# -o's extension -> format, when -f is not given (never the terminal view into a file)
SUFFIX_FORMATS = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(fmt: str | None, output: str | None, default: str = "terminal") -> str:
    """The format asked for, else the one -o's extension names, else ``default``."""
    if fmt:
        return fmt
    if output:
        from pathlib import Path

        return SUFFIX_FORMATS.get(Path(output).suffix.lower(), default)
    return default


class Renderer(Protocol):
    def add(self, result: dict[str, Any], doc: Document | None) -> None: ...

    def close(self) -> None: ...


def make_renderer(fmt: str, out: IO[Any], rubrics: Catalog | None = None) -> Renderer:
    """The renderer for ``fmt``; ``rubrics`` are the ones the run may grade with (for column
    lists and the rubrics' own wording), never re-read from disk."""
    module, _, cls = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module), cls)(out, rubrics)  # type: ignore[no-any-return]


STATUS_MARK = {"present": "✓", "embedded": "△", "missing": "✗"}
# The words reviewers read, shared by every human-facing format.
STATUS_ZH = {"present": "独立成节", "embedded": "嵌于他节", "missing": "缺失"}
VERDICT_ZH = {
    "complete": "要素齐全",
    "incomplete": "要素缺失",
    "not_a_report": "非年度报告",
    "error": "无法读取",
}


def part_label(part: Mapping[str, Any]) -> str:
    """A part's short label as the rubric gives it (results carry it), else its id."""
    return str(part.get("label") or part.get("name") or part.get("id") or "")


def part_labels(results: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """part id -> label, in the order parts first appear in ``results``."""
    out: dict[str, str] = {}
    for r in results:
        for p in r.get("parts") or []:
            out.setdefault(str(p["id"]), part_label(p))
    return out


def all_checks(
    result: Mapping[str, Any], part: str | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every check, passed or not, in document order; only
    ``part``'s when it is given."""
    out = [(p["id"], c) for p in result.get("parts", []) for c in p.get("checks", [])]
    out += [("document", c) for c in result.get("checks", [])]
    return [(p, c) for p, c in out if part is None or p == part]


def failed_checks(result: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every failed check, in document order."""
    return [(p, c) for p, c in all_checks(result) if not c["passed"]]
