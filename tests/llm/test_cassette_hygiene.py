"""Every cassette is scrubbed, readable and replay-only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.llm.conftest import CASSETTES, SECRET_HEADERS

KEY_LIKE = re.compile(
    r"sk-[A-Za-z0-9_\-]{12,}"  # OpenAI / DeepSeek style keys
    r"|Bearer\s+[A-Za-z0-9._\-]{8,}"  # any bearer token that survived scrubbing
    r"|(?:api[_-]?key|access[_-]?token|secret)[\"']?\s*[:=]\s*[\"']?[A-Za-z0-9._\-]{16,}",
    re.IGNORECASE,
)
FILES = sorted(CASSETTES.glob("*.yaml"))


def test_there_are_cassettes() -> None:
    assert len(FILES) >= 3, "record them: see docs/llm.md"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_cassette_holds_no_key_like_string(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = KEY_LIKE.findall(text)
    assert not found, f"{path.name} holds key-like strings: {found[:3]}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_cassette_is_scrubbed_and_readable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "法治" in text and "\\u6cd5" not in text  # Chinese stored as Chinese
    for interaction in yaml.safe_load(text)["interactions"]:
        for side in ("request", "response"):
            for name, values in interaction[side]["headers"].items():
                if name.lower() in SECRET_HEADERS:
                    assert values == ["<scrubbed>"], (path.name, side, name)


def test_key_scan_catches_a_leak(tmp_path: Path) -> None:
    leaked = "headers:\n  authorization:\n  - Bearer sk-proj-abcdefghijklmnop1234\n"
    assert KEY_LIKE.search(leaked)
    assert not KEY_LIKE.search("authorization:\n  - <scrubbed>\n")
