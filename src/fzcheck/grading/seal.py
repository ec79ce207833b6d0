"""The desk's seal on the decisions it records: proof a decision was written here, not sent.

``review FILE`` keeps its decisions beside the report (``报告.txt.decisions.jsonl``) — in the
submissions' folder, where a unit can put a file of that name too, with decisions passing its
own report (its sha256 and the rubric's version are all a decision names; both are public).
So each decision fzcheck records carries an HMAC-SHA256 of its fields under a key only the
desk holds, and decisions beside an input are applied only with a seal that key makes. The
key is a file: ``$FZCHECK_DESK_KEY`` when set (two reviewers sharing one folder share one
key file), else ``desk.key`` in fzcheck's config folder, made on the first decision recorded.
Decisions beside a results file need no seal: the results file is the desk's own.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fzcheck.result import Decision

KEY_ENV = "FZCHECK_DESK_KEY"
_KEY_BYTES = 32
_MAX_KEY_FILE = 4096  # a key file is 64 hex digits and a newline


def key_path() -> Path:
    explicit = os.environ.get(KEY_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "fzcheck" / "desk.key"


def _read_key(path: Path) -> bytes | None:
    from fzcheck.reading.limits import regular_within

    try:
        if not regular_within(path, _MAX_KEY_FILE):
            return None
        text = path.read_bytes().strip()
    except OSError:
        return None
    return text if len(text) >= 2 * _KEY_BYTES else None  # shorter: not a key fzcheck made


def desk_key(*, make: bool = False) -> bytes | None:
    """The desk's key; ``make``: create it (readable by this user only) when there is none.
    None when there is none, or it cannot be read or made (then nothing is sealed, and
    decisions beside inputs are not applied: said where they are found)."""
    path = key_path()
    key = _read_key(path)
    if key is not None or not make or os.environ.get(KEY_ENV):
        return key  # a key named by the setting is never made up: a typo would split desks
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(_KEY_BYTES) + "\n")
    except FileExistsError:  # another process made it first: use that one
        pass
    except OSError:
        return None
    return _read_key(path)


def _mac(key: bytes, d: Decision) -> str:
    # every field but the seal, in one spelling (sorted keys, ASCII: a GBK name's surrogates
    # escaped), so the seal holds across a file's reading and writing
    fields = d.model_dump(mode="json", exclude_none=True, exclude={"seal"})
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).hexdigest()


def sealed(d: Decision, key: bytes | None) -> Decision:
    """``d`` with the desk's seal (unchanged when there is no key)."""
    return d if key is None else d.model_copy(update={"seal": _mac(key, d)})


def is_sealed(d: Decision, key: bytes | None) -> bool:
    """Whether ``d`` carries the seal ``key`` makes of it (a field changed since: it does not)."""
    return key is not None and d.seal is not None and hmac.compare_digest(d.seal, _mac(key, d))
