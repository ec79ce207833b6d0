"""fzcheck summarize prints each report's summary, through the same enrichment as check --llm."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.llm.fakes import ScriptedClient, review


def test_summarize_prints_the_summary(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = ScriptedClient(review(summary="青山县司法局：四个法定部分齐全，不足写了原因。"))
    monkeypatch.setattr("fzcheck.llm.client.make_client", lambda settings, **kw: client)
    code = main(
        [
            "summarize",
            "--base-url",
            "http://127.0.0.1:8765/v1",
            "--model",
            "m",
            str(reports / "short.txt"),
        ]
    )
    out = capsys.readouterr()
    assert code == 0 and "青山县司法局：四个法定部分齐全，不足写了原因。" in out.out
    assert client.requests[0]["model"] == "m" and "输入100+输出50 token" in out.err


def test_summarize_without_an_answer_fails_the_report(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = ScriptedClient("not json", "still not json")
    monkeypatch.setattr("fzcheck.llm.client.make_client", lambda settings, **kw: client)
    code = main(["summarize", "--base-url", "http://127.0.0.1:8765/v1", str(reports / "short.txt")])
    assert code == 1 and "没有摘要" in capsys.readouterr().err


def test_summarize_reuses_a_cached_review(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = ScriptedClient(review(summary="青山县司法局：四个法定部分齐全。"))
    monkeypatch.setattr("fzcheck.llm.client.make_client", lambda settings, **kw: client)
    args = [
        "summarize",
        "--base-url",
        "http://127.0.0.1:8765/v1",
        "--model",
        "m",
        str(reports / "short.txt"),
    ]
    assert main(args) == 0 and main(args) == 0
    out = capsys.readouterr()
    assert len(client.requests) == 1  # the second run answered from the cache
    assert out.out.count("青山县司法局：四个法定部分齐全。") == 2 and "来自缓存，未调用" in out.err


def test_summarize_shows_a_file_name_as_it_is_and_speaks_chinese(
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file name holding markup (报告[/b].txt) is printed as written, not interpreted (it
    stopped the run); an unreadable input is said in Chinese, as check says it."""
    client = ScriptedClient(review(summary="摘要一句。"))
    monkeypatch.setattr("fzcheck.llm.client.make_client", lambda settings, **kw: client)
    odd = tmp_path / "d[" / "b]c.txt"
    odd.parent.mkdir()
    odd.write_bytes((reports / "short.txt").read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main(["summarize", "--base-url", "http://127.0.0.1:8765/v1", str(odd), str(empty)])
    out = capsys.readouterr()
    assert code == 2 and f"{odd}" in out.out and "摘要一句。" in out.out
    assert "文件是空的" in out.err and "the file" not in out.err
