"""Render the chat messages from prompts/*.j2 in a sandboxed Jinja environment.

The sandbox and StrictUndefined matter because a template is data anyone can edit: it may not
reach Python attributes, and a misspelt variable is an error instead of an empty string. The
report goes in verbatim between delimiters it cannot contain (an occurrence inside the report is
defused), with blank lines and indentation dropped to save tokens; quotes are matched against
the original document, not this copy, so nothing is lost by compacting.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from fzcheck.analysis.analyse import Analysis
from fzcheck.document import Document

BEGIN = "<<<报告原文开始>>>"
END = "<<<报告原文结束>>>"
TEMPLATES = ("system.j2", "review.j2", "repair.j2")


def prompts_dir() -> Path:
    """prompts/ in a checkout; fzcheck/_data/prompts inside an installed wheel."""
    packaged = resources.files("fzcheck") / "_data" / "prompts"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "prompts"


@lru_cache(maxsize=4)
def _environment(directory: Path) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=FileSystemLoader(str(directory)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def prompt_hash(directory: Path | None = None) -> str:
    """Hash of the template sources: names the prompt version a result was produced with."""
    return _prompt_hash(directory or prompts_dir())


@lru_cache(maxsize=4)
def _prompt_hash(directory: Path) -> str:
    # once per process: the templates do not change while it runs, and every report asks
    digest = hashlib.sha256()
    for name in TEMPLATES:
        digest.update(name.encode() + b"\0" + (directory / name).read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()[:16]


def report_text(doc: Document, lines_range: tuple[int, int] | None = None) -> str:
    """The report as sent: non-blank lines (0-based ``lines_range``, inclusive, when given),
    stripped, with the delimiters defused."""
    first, last = lines_range or (0, len(doc.lines) - 1)
    lines = (line.strip() for line in doc.lines[first : last + 1])
    text = "\n".join(line for line in lines if line)
    for marker in (BEGIN, END):
        text = text.replace(marker, marker.replace("<<<", "《").replace(">>>", "》"))
    return text


_ORDINALS = "一二三四五六七八九十"


def render_messages(
    analysis: Analysis, mode: str, lines_range: tuple[int, int] | None = None
) -> list[dict[str, str]]:
    """The system and user messages for one report (or, for a long one, the lines of one
    section group, with the whole outline telling the model where it is); the rubric fills in
    what the report type must contain, so the legal wording is only in the rubric. The offline
    verdict goes in as facts the summary must not contradict."""
    env = _environment(prompts_dir())
    doc, rubric = analysis.doc, analysis.rubric
    sections = [
        {"level": h.level, "text": doc.quote(h.line, h.start, h.end)}
        for h in analysis.outline.headings
        if h.level <= 2
    ]
    parts = [
        {
            "id": p.id,
            "name": p.name,
            "legal_text": p.legal_text,
            "ordinal": _ORDINALS[n] if n < len(_ORDINALS) else str(n + 1),
        }
        for n, p in enumerate(rubric.parts)
    ]
    common = {"begin": BEGIN, "end": END, "mode": mode, "rubric": rubric, "parts": parts}
    system = env.get_template("system.j2").render(**common)
    labels = {p.id: p.label for p in rubric.parts}
    found = [labels[p.id] for p in analysis.parts if p.status != "missing"]
    missing = [labels[p.id] for p in analysis.parts if p.status == "missing"]
    part_of = None
    if lines_range is not None:
        part_of = [
            h["text"]
            for h, line in zip(sections, _heading_lines(analysis), strict=True)
            if lines_range[0] <= line <= lines_range[1]
        ]
    user = env.get_template("review.j2").render(
        **common,
        title=analysis.info.title or "（无标题）",
        sections=sections,
        found=found,
        missing=missing,
        excerpt=part_of,
        report=report_text(doc, lines_range),
    )
    return [
        {"role": "system", "content": system.strip()},
        {"role": "user", "content": user.strip()},
    ]


def _heading_lines(analysis: Analysis) -> list[int]:
    return [h.line for h in analysis.outline.headings if h.level <= 2]


def render_repair(report: str, failed: list[Any]) -> str:
    """The re-ask's user message: the report once and the items that failed, with why."""
    env = _environment(prompts_dir())
    return str(
        env.get_template("repair.j2").render(begin=BEGIN, end=END, report=report, failed=failed)
    ).strip()
