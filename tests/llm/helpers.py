"""Run the offline checker as the CLI does before --llm, and the LLM step after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fzcheck.llm.api import areview, review
from fzcheck.pipeline import Graded, check_source
from fzcheck.result import Result
from fzcheck.rubric import Catalog


def offline(path: Path) -> Graded:
    graded = check_source(str(path), Catalog.load())
    assert graded.analysis is not None, graded.result.error
    return graded


def enrich(graded: Graded, settings: Any, client: Any = None, cache: Any = None) -> Result:
    """Ask, check, grade again: what check --llm does for one report; returns the new result."""
    assert graded.analysis is not None
    answer = review(graded.analysis, settings, client=client, cache=cache)
    graded.apply_llm(answer.info, answer.upgrades)
    return graded.result


async def aenrich(graded: Graded, settings: Any, client: Any = None) -> Result:
    assert graded.analysis is not None
    answer = await areview(graded.analysis, settings, client=client)
    graded.apply_llm(answer.info, answer.upgrades)
    return graded.result


def statuses(result: Any) -> dict[str, str]:
    return {p.id: p.status for p in result.parts}
