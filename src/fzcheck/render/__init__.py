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
# The words reviewers read, shared by every human-facing format.
STATUS_ZH = {"present": "独立成节", "embedded": "嵌于他节", "missing": "缺失"}
VERDICT_ZH = {"complete": "要素齐全", "incomplete": "要素缺失", "not_a_report": "非年度报告",
              "error": "无法读取"}
PART_ZH = {"achievements": "主要举措和成效", "problems": "存在的不足和原因",
           "leader_duties": "主要负责人履职", "next_year_plan": "下一年度安排", "other": "其他事项"}


def failed_checks(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for every failed check, in document order."""
    out = [(p["id"], c) for p in result.get("parts", []) for c in p.get("checks", [])
           if not c["passed"]]
    out += [("document", c) for c in result.get("checks", []) if not c["passed"]]
    return out
