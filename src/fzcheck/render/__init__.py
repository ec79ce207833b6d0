"""Output formats. Each renders from the canonical JSON dict (``Result.to_json()``).

A renderer is created once per run, given each result as it is ready (with its Document when
the format shows the text), and closed at the end, so long runs stream.
"""

from __future__ import annotations

import importlib
from typing import IO, Any, Protocol

from fzcheck.document import Document

# format name -> "module:Class"
RENDERERS: dict[str, str] = {
    "terminal": "fzcheck.render.terminal:TerminalRenderer",
    "json": "fzcheck.render.jsonfmt:JsonRenderer",
    "jsonl": "fzcheck.render.jsonfmt:JsonlRenderer",
    "markdown": "fzcheck.render.markdown:MarkdownRenderer",
    "csv": "fzcheck.render.csvfmt:CsvRenderer",
    "html": "fzcheck.render.html:HtmlRenderer",
}


class Renderer(Protocol):
    def add(self, result: dict[str, Any], doc: Document | None) -> None: ...

    def close(self) -> None: ...


def make_renderer(fmt: str, out: IO[str]) -> Renderer:
    module, _, cls = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module), cls)(out)  # type: ignore[no-any-return]


STATUS_MARK = {"present": "✓", "embedded": "△", "missing": "✗"}


def failed_checks(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every failed check, in document order."""
    out = [(p["id"], c) for p in result.get("parts", []) for c in p.get("checks", [])
           if not c["passed"]]
    out += [("document", c) for c in result.get("checks", []) if not c["passed"]]
    return out
