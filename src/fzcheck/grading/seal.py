"""The desk's seal on the decisions it records: proof a decision was written here, not sent.

``review FILE`` keeps its decisions beside the report (``报告.txt.decisions.jsonl``) — in the
submissions' folder, where a unit can put a file of that name too, with decisions passing its
own report (its sha256 and the rubric's version are all a decision names; both are public) —
and a results file may be written there as well. So each decision fzcheck records carries an
HMAC-SHA256 of its fields under a key only the desk holds, and only decisions with a seal that
key makes are applied. The key is a file: ``$FZCHECK_DESK_KEY`` when set (reviewers sharing one
folder share one key file), else ``desk.key`` in fzcheck's config folder, made on the first
decision recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fzcheck.result import Decision

KEY_ENV = "FZCHECK_DESK_KEY"
_KEY_BYTES = 32
_MAX_KEY_FILE = 4096  # a key file is 64 hex digits and a newline
_SEAL = re.compile(r"[0-9a-f]{64}")


def key_path() -> Path:
    from fzcheck.config import config_folder

    explicit = os.environ.get(KEY_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return config_folder() / "desk.key"


def _read_key(path: Path) -> tuple[bytes | None, str, str]:
    """The key at ``path``, or None and why not (a message key's last word, and the OS's
    words where it gave some)."""
    import stat

    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return None, "not_a_file", ""
        with open(path, "rb") as f:
            text = f.read(_MAX_KEY_FILE).strip()
    except FileNotFoundError:
        return None, "missing_named" if os.environ.get(KEY_ENV) else "missing", ""
    except OSError as err:
        return None, "unreadable", err.strerror or str(err)
    if len(text) < 2 * _KEY_BYTES:  # empty or cut short: no key fzcheck made
        return None, "broken", ""
    return text, "", ""


def _make_key(path: Path) -> str:
    """Make the key at ``path``, whole or not at all: written beside it, then linked into
    place (another process making it first wins, its key is used). The OS's words when it
    cannot be made, else ""."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, part = tempfile.mkstemp(dir=path.parent, prefix=".desk-", suffix=".part")
    except OSError as err:
        return err.strerror or str(err)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:  # mkstemp: readable by its owner only
            f.write(secrets.token_hex(_KEY_BYTES) + "\n")
        os.link(part, path)
    except FileExistsError:
        pass
    except OSError as err:
        return err.strerror or str(err)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(part)
    return ""


def desk_key(*, make: bool = False) -> tuple[bytes | None, str]:
    """The desk's key and, when it cannot be used, a reviewer's sentence saying why and what to
    do (none made yet is no fault: nothing was sealed here). ``make``: create it when there is
    none yet (never one ``FZCHECK_DESK_KEY`` names: a typo in it would split one desk in two)."""
    from fzcheck.render.i18n import t

    path = key_path()
    key, why, said = _read_key(path)
    if key is None and why == "missing" and make:
        said = _make_key(path)
        key, why, more = _read_key(path)
        said = said or more
        if key is None and why == "missing":
            why = "cannot_make"
    if key is not None or why == "missing":  # none made yet: no decision was sealed here
        return key, ""
    return None, t(f"review.key_{why}", keyfile=path, why=said)


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
    """Whether ``d`` carries the seal ``key`` makes of it (a field changed since: it does not;
    a seal that is no seal — not 64 hex digits — never)."""
    if key is None or not isinstance(d.seal, str) or not _SEAL.fullmatch(d.seal):
        return False
    return hmac.compare_digest(d.seal, _mac(key, d))
