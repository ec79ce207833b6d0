"""Load a report and run the offline checker, as the CLI does before --llm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fzcheck.pipeline import analyse
from fzcheck.reading import load
from fzcheck.rubric import load_rubric


def offline(path: Path) -> tuple[Any, Any, Any]:
    doc = load(str(path))
    result, outline = analyse(doc, load_rubric(None))
    return doc, result, outline


def statuses(result: Any) -> dict[str, str]:
    return {p.id: p.status for p in result.parts}
