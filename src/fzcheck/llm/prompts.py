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

from fzcheck.document import Document
from fzcheck.analysis.outline import Outline

BEGIN = "<<<报告原文开始>>>"
END = "<<<报告原文结束>>>"
TEMPLATES = ("system.j2", "review.j2")


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

    return SandboxedEnvironment(loader=FileSystemLoader(str(directory)), undefined=StrictUndefined,
                                autoescape=False, keep_trailing_newline=False)


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


def report_text(doc: Document) -> str:
    """The report as sent: non-blank lines, stripped, with the delimiters defused."""
    lines = (line.strip() for line in doc.lines)
    text = "\n".join(line for line in lines if line)
    for marker in (BEGIN, END):
        text = text.replace(marker, marker.replace("<<<", "《").replace(">>>", "》"))
    return text


def render_messages(doc: Document, outline: Outline, title: str | None,
                    mode: str) -> list[dict[str, str]]:
    env = _environment(prompts_dir())
    sections = [{"level": h.level, "text": doc.quote(h.line, h.start, h.end)}
                for h in outline.headings if h.level <= 2]
    common = {"begin": BEGIN, "end": END, "mode": mode}
    system = env.get_template("system.j2").render(**common)
    user = env.get_template("review.j2").render(
        **common, title=title or "（无标题）", sections=sections, report=report_text(doc))
    return [{"role": "system", "content": system.strip()},
            {"role": "user", "content": user.strip()}]
