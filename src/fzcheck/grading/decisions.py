"""Review decisions on disk: a plain JSON Lines file beside what was reviewed.

``results.jsonl`` → ``results.jsonl.decisions.jsonl``; ``report.docx`` →
``report.docx.decisions.jsonl``.
Each line is one :class:`~fzcheck.result.Decision`, keyed by the input's sha256 and the rubric id
and version; a later line on the same target replaces an earlier one. Machine runs only read
this file, so no re-run overwrites a decision. The file is appended to and diff-able.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from fzcheck.result import Decision, Result, field_names, result_from_json

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog

SUFFIX = ".decisions.jsonl"


_NAME_MAX = 255  # bytes in one file name on the file systems reviewers use


def decisions_path(reviewed: str | Path) -> Path:
    path = Path(reviewed)
    if not path.name:  # "." or "/": name it by the folder it stands for
        path = path.resolve()
    if path.name.endswith(SUFFIX):
        return path
    name = path.name + SUFFIX
    if len(os.fsencode(name)) > _NAME_MAX:
        # a long name and the suffix past the limit: its start, and a hash of the whole
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:12]
        head = os.fsencode(path.name)[:120].decode("utf-8", "ignore")
        name = f"{head}-{digest}{SUFFIX}"
    return path.with_name(name)


def load(path: Path) -> list[Decision]:
    """Every decision in ``path`` (none when it does not exist); unparsable lines are skipped
    with a warning, never fatal."""
    try:
        if not path.is_file():
            return []
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        from fzcheck.output import warn

        warn(f"{path}: 无法读取复核记录（{getattr(err, 'strerror', None) or err}），已跳过")
        return []
    out: list[Decision] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:  # json.loads: a GBK file name's surrogates come back as written (see append)
            out.append(Decision.model_validate(json.loads(line)))
        except (ValidationError, ValueError, RecursionError):  # [[[[… nested past the stack
            from fzcheck.output import warn

            warn(f"{path}:{n}: 不是有效的复核记录，已跳过")
    return out


def load_beside(*reviewed: str | Path | None) -> list[Decision]:
    """The decisions stored beside any of ``reviewed`` (inputs, results files)."""
    out: list[Decision] = []
    seen: set[Path] = set()
    for item in reviewed:
        try:
            if item is None or str(item) == "-" or Path(item).is_dir():
                continue  # stdin, or a folder: decisions sit beside files
            path = decisions_path(item).resolve()
        except (OSError, RuntimeError):  # a name too long for one more suffix, a symlink loop:
            continue  # no decisions file can stand beside it
        if path not in seen:
            seen.add(path)
            out += load(path)
    return out


def append(path: Path, decisions: Iterable[Decision]) -> int:
    """Add ``decisions`` to ``path``, a JSON line each; a file name that is not UTF-8 (GBK)
    written as JSON escapes, as the results file writes it (pydantic's JSON refused it)."""
    from fzcheck.render.jsonfmt import dumps_line

    lines = [dumps_line(d.model_dump(mode="json", exclude_none=True)) for d in decisions]
    if lines:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))
    return len(lines)


def with_review(
    result: Mapping[str, Any], decisions: list[Decision], rubrics: Catalog
) -> dict[str, Any]:
    """The result line with an added ``review`` block when a decision is about it (its other
    keys, such as a batch line's ``copies``, kept as they are)."""
    out = dict(result)
    sha = result.get("sha256")
    if not decisions or not sha or not any(d.sha256 == sha for d in decisions):
        return out
    rubric = rubrics.for_result(result)
    if rubric is None:
        return out
    from fzcheck.grading.grade import apply_review

    names = field_names(Result)
    known = {k: v for k, v in result.items() if k in names and k != "review"}
    try:
        graded = apply_review(result_from_json(known), decisions, rubric)
    except ValidationError:
        return out
    if graded.review is not None:
        out["review"] = graded.review.model_dump(mode="json", exclude_none=True)
    return out


def parse_export(text: str) -> list[dict[str, Any]]:
    """Decisions exported from the HTML page: ``{"fzcheck_decisions": 1, "decisions": [...]}``
    or a JSON Lines file of decisions."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = data.get("decisions") or [data]
    return [i for i in data if isinstance(i, dict)] if isinstance(data, list) else []


def reviewed_lines(
    lines: Iterable[dict[str, Any]], results_file: str | Path, rubrics: Catalog
) -> Iterable[dict[str, Any]]:
    """A results file's lines with the decisions stored beside it applied (streamed)."""
    decisions = load_beside(results_file)
    for line in lines:
        yield with_review(line, decisions, rubrics) if decisions else line
