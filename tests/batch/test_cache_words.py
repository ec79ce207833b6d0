"""`fzcheck cache info|clear` speak the reviewer's language: Chinese by default, English with
--lang en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.llm.cache import ResponseCache

REQUEST = {"model": "m", "messages": [{"role": "user", "content": "报告"}], "temperature": 0}


def test_cache_info_and_clear_are_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    cache.put(cache.key(REQUEST), {"body": {}, "usage": {}})
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert f"缓存目录：{tmp_path / 'cache'}" in out
    assert "缓存条数：1" in out and re.search(r"占用空间：\d+\.\d KiB", out)
    assert not re.search(r"\b(cache|entries|size):", out)
    assert main(["cache", "clear"]) == 0
    out = capsys.readouterr().out
    assert "已删除 1 条缓存" in out and "removed" not in out


def test_cache_info_is_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cache", "info", "--lang", "en", "--cache-dir", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert f"cache: {tmp_path / 'c'}" in out and "entries: 0" in out and "size: 0.0 KiB" in out
    assert "缓存" not in out
