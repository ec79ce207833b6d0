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
    assert client.requests[0]["model"] == "m" and "100 prompt + 50 completion tokens" in out.err


def test_summarize_without_an_answer_fails_the_report(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = ScriptedClient("not json", "still not json")
    monkeypatch.setattr("fzcheck.llm.client.make_client", lambda settings, **kw: client)
    code = main(["summarize", "--base-url", "http://127.0.0.1:8765/v1", str(reports / "short.txt")])
    assert code == 1 and "no summary" in capsys.readouterr().err


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
    assert out.out.count("青山县司法局：四个法定部分齐全。") == 2 and "from the cache" in out.err
