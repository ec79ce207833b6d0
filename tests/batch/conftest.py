"""Batch tests: hermetic config and cache under tmp_path, and a folder of our own reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.batch.reportgen import copied_pair, make_report

LLM_CONFIG = """[llm]
timeout = 1.0
max_retries = 1
outer_attempts = 1
deadline = 30.0
"""


@pytest.fixture(autouse=True)
def batch_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config file and response cache inside tmp_path, never the developer's."""
    config = tmp_path / "config.toml"
    config.write_text(LLM_CONFIG, encoding="utf-8")
    monkeypatch.setenv("FZCHECK_CONFIG", str(config))
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return config


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Six ordinary reports, a copied pair, one without a problems section, one work plan,
    and one unreadable file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(6):
        (folder / f"unit{n}.txt").write_text(make_report(n), encoding="utf-8")
    a, b = copied_pair()
    (folder / "copy_a.txt").write_text(a, encoding="utf-8")
    (folder / "copy_b.txt").write_text(b, encoding="utf-8")
    (folder / "no_problems.txt").write_text(make_report(50, with_problems=False), encoding="utf-8")
    (folder / "plan.txt").write_text(
        "示例县2026年法治政府建设工作要点\n\n一、总体要求\n做好法治政府建设工作。\n"
        "二、重点任务\n推进法治政府建设。\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    return folder


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def lines() -> Callable[[Path], list[dict]]:
    return read_lines
