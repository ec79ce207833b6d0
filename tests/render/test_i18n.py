"""The message catalogue: every message the code asks for is there in both languages, with the
same placeholders (a missing one would be a traceback where a one-line error was meant)."""

from __future__ import annotations

import re
import string
from pathlib import Path

from fzcheck.render.i18n import MESSAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "fzcheck"
# Input error kinds: Chinese sentences; the English view shows the reader's own message.
CHINESE_ONLY = re.compile(r"error\.[a-z_]+")


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'\bt\(\s*"([a-z_.]+[a-z_])"', text))  # not t("script." + x)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_the_code_uses_is_in_both_languages() -> None:
    used = keys_in_code()
    assert len(used) > 100  # the scan found the calls
    assert sorted(k for k in used if k not in MESSAGES["zh"]) == []
    assert (
        sorted(k for k in used if k not in MESSAGES["en"] and not CHINESE_ONLY.fullmatch(k)) == []
    )


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    zh, en = MESSAGES["zh"], MESSAGES["en"]
    assert sorted(set(en) - set(zh)) == []
    assert sorted(k for k in set(zh) - set(en) if not CHINESE_ONLY.fullmatch(k)) == []
    assert {k: fields(zh[k]) for k in en if fields(zh[k]) != fields(en[k])} == {}
