"""What a batch has to do: each input's identity (skip key), and which are already done.

A result line is "done" for an input when it is the input's line and has the same ``batch_key``
(the line of an input: its ``path`` is the input's path as typed this run, or the absolute path
it was graded from is this input's, however either was typed: see ``Batch.plan``):
sha256 of the file's bytes + the rubrics that may grade it (ids, versions, contents) + the settings that change the answer (the LLM
model, endpoint, mode and sampling with ``--llm``). Identical files at two paths are two
inputs (each gets its line); a file whose bytes or settings changed is redone and its stale
line dropped. The key written is that of the bytes actually graded (the result's sha256), not
of the bytes hashed at planning: a file rewritten in between gets a line that matches it.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzcheck.errors import UsageError
from fzcheck.result import SCHEMA_VERSION

if TYPE_CHECKING:
    from fzcheck.llm.config import LLMSettings
    from fzcheck.rubric import Catalog

KEY_FIELD = "batch_key"
# LLM settings that change the answer; timeouts, retries and the key itself do not.
_ANSWER_SETTINGS = ("model", "base_url", "mode", "temperature", "seed", "max_tokens", "extra_body")


@dataclass(frozen=True)
class Item:
    path: str
    content: str  # sha256 of the bytes, or "unreadable:<why>" when they could not be read
    key: str

    @property
    def custom_id(self) -> str:
        """Stable id for OpenAI-Batch lines: unique per (path, key), ASCII, short."""
        digest = hashlib.sha256(
            f"{self.path}\0{self.key}".encode("utf-8", "surrogateescape")
        ).hexdigest()
        return f"fz-{digest[:32]}"


def settings_fingerprint(rubrics: Catalog, llm: LLMSettings | None) -> str:
    """A short hash of everything besides the file that decides a result line's content."""
    data: dict[str, Any] = {"schema": SCHEMA_VERSION, "rubrics": [rubrics.digest, rubrics.forced]}
    if llm is not None:
        data["llm"] = _answer_settings(llm)
    return _short_hash(data, 16)


def _answer_settings(llm: LLMSettings) -> dict[str, Any]:
    names = {f.name for f in fields(llm)}
    return {n: getattr(llm, n) for n in _ANSWER_SETTINGS if n in names}


def _short_hash(data: Any, length: int) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:length]


# The settings a line was graded under, part by part (kept in the signature sidecar beside its
# key): the key only says that something changed, this says what.
BASIS_FIELD = "basis"
# The absolute path a line's file was graded from (also in the sidecar): the line's own "path"
# is the input as typed, relative to a working folder a later run need not share, so whether
# its file is gone is decided on this one.
WHERE_FIELD = "graded_from"


def settings_basis(rubrics: Catalog, llm: LLMSettings | None) -> dict[str, Any]:
    """What the fingerprint is made of, each part on its own: every rubric that may grade
    (id -> version and content hash), whether --rubric chose one, and the LLM settings."""
    return {
        "rubrics": {r.id: f"{r.version}:{r.digest}" for r in rubrics.values()},
        "forced": rubrics.forced,
        "llm": None if llm is None else _short_hash(_answer_settings(llm), 12),
    }


def settings_changes(
    line: dict[str, Any],
    basis: dict[str, Any] | None,
    item: Item,
    rubrics: Catalog,
    llm: LLMSettings | None,
) -> list[tuple[str, str]]:
    """Why ``line``, an earlier line of ``item`` whose key no longer matches, is graded again
    because the settings changed: ("rubric", id) for a rubric edited (version or content),
    ("rubric_choice", "") when --rubric or the rubrics to choose from differ, ("llm", ""), or
    ("settings", "") when the line cannot tell which; [] when the settings are the same (the
    file changed) or, for a line without its ``basis`` (written by an older version), when its
    bytes changed too."""
    now = settings_basis(rubrics, llm)
    if isinstance(basis, dict):
        given = basis.get("rubrics")
        before: dict[str, Any] = given if isinstance(given, dict) else {}
        after: dict[str, Any] = now["rubrics"]
        ids = sorted(i for i in set(before) & set(after) if before[i] != after[i])
        changes = [("rubric", str(i)) for i in ids]
        if basis.get("forced") != now["forced"] or set(before) != set(after):
            changes.append(("rubric_choice", ""))  # --rubric, or the rubrics to choose from
        if basis.get("llm") != now["llm"]:
            changes.append(("llm", ""))
        return changes
    if not line.get("sha256") or line.get("sha256") != item.content:
        return []  # the file changed: no settings to blame (or none we can tell)
    why: list[tuple[str, str]] = []
    named = line.get("rubric")
    ref: dict[str, Any] = named if isinstance(named, dict) else {}
    rid = str(ref.get("id") or "")
    if rid and (rid not in rubrics or ref.get("version") != rubrics[rid].version):
        why.append(("rubric", rid))
    by = ref.get("selected_by")
    if by in ("flag", "auto") and (by == "flag") != rubrics.forced:
        why.append(("rubric_choice", ""))
    info = line.get("llm")
    used: dict[str, Any] | None = info if isinstance(info, dict) else None
    if (used is None) != (llm is None) or (
        used is not None
        and llm is not None
        and (used.get("model"), used.get("mode")) != (llm.model, llm.mode)
    ):
        why.append(("llm", ""))
    return why or [("settings", "")]


def file_digest(path: str, max_bytes: int) -> str:
    """sha256 of a file, streamed; an unreadable or oversized file gets a descriptive marker so
    that it still has a stable key (its error line is then "done" like any other)."""
    p = Path(path)
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO blocks, /dev/zero never ends
            return "unreadable:special_file"
        size = info.st_size
        if size > max_bytes:
            return f"unreadable:too_large:{size}"
        h = hashlib.sha256()
        with p.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except FileNotFoundError:
        return "unreadable:not_found"
    except IsADirectoryError:
        return "unreadable:directory"
    except OSError as err:
        return f"unreadable:{err.errno}"


def content_key(content: str, fingerprint: str) -> str:
    """The skip key of one content (a sha256, or an unreadable marker) under these settings."""
    return hashlib.sha256(f"{content}\0{fingerprint}".encode()).hexdigest()[:32]


def plan_items(inputs: Iterable[str], fingerprint: str, max_mb: float) -> Iterator[Item]:
    max_bytes = int(max_mb * 1024 * 1024)
    for path in inputs:
        if path == "-":
            from fzcheck.render.i18n import t

            raise UsageError(t("batch.stdin"))
        content = file_digest(path, max_bytes)
        yield Item(path=path, content=content, key=content_key(content, fingerprint))


def failure_message(line: dict[str, Any]) -> str | None:
    """Why this line's report failed (unreadable, a bug, an LLM call that ended in error),
    without repeating its path; None if it did not. Failed lines are what --retry-errors redoes."""
    if line.get("verdict") == "error":
        from fzcheck.render.i18n import error_kind

        error = line.get("error") or {}
        message = str(error.get("message", "error"))
        path = str(line.get("path", ""))
        if path and message.startswith(path + ": "):
            message = message[len(path) + 2 :]
        return error_kind(str(error.get("kind", "error")), message)  # as the reviewer reads it
    llm = line.get("llm")
    if isinstance(llm, dict) and llm.get("error"):
        from fzcheck.render.i18n import llm_error

        return llm_error(str(llm["error"]))
    return None
