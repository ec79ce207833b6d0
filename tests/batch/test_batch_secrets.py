"""No credential reaches results.jsonl or the screen: a server that echoes the Authorization
header, and a --base-url carrying user:KEY@. Failed requests are counted; check --llm says
by its exit code that the call failed."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.batch.fakeserver import fake_server
from tests.batch.reportgen import make_report

pytest.importorskip("instructor")
pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])

Lines = Callable[[Path], list[dict]]
KEY = "sk-test-EchoedSecret0123456789"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    d = tmp_path / "in"
    d.mkdir()
    for n in range(3):
        (d / f"unit{n}.txt").write_text(make_report(n), encoding="utf-8")
    echo = make_report(9).replace("扎实推进法治政府建设。", "扎实推进法治政府建设。FAULT-ECHO", 1)
    (d / "echo.txt").write_text(echo, encoding="utf-8")
    return d


def test_an_echoed_key_is_in_neither_results_nor_stderr(
    folder: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    with fake_server() as server:
        code = main(
            [
                "batch",
                "--summary",
                "terminal",
                "--model",
                "fake-model",
                str(folder),
                "-o",
                str(out),
                "--llm",
                "--base-url",
                server.base_url,
            ]
        )
        assert server.by_status[500] == 2  # the echo really happened (and was retried once)
    assert code == 1
    seen = capsys.readouterr()
    for where in (out.read_text(encoding="utf-8"), seen.out, seen.err):
        assert KEY not in where and "EchoedSecret" not in where
    echo = next(r for r in lines(out) if r["path"].endswith("echo.txt"))
    assert "Bearer ***" in echo["llm"]["error"] and "500" in echo["llm"]["error"]
    assert echo["llm"]["usage"]["calls"] == 2  # the failed requests are counted
    assert "Bearer ***" in seen.err  # listed among the failures, redacted


def test_check_llm_exits_non_zero_when_the_call_failed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_server() as server:
        args = ["check", "--llm", "--model", "fake-model", "--base-url", server.base_url]
        assert main([*args, str(folder / "unit0.txt")]) == 0
        assert main([*args, str(folder / "echo.txt")]) == 2
        assert main([*args, "-f", "jsonl", str(folder / "echo.txt")]) == 2
    seen = capsys.readouterr()
    assert KEY not in seen.out + seen.err and "EchoedSecret" not in seen.out + seen.err


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_url_credentials_are_not_printed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://reviewer:UrlSecret987654@127.0.0.1:{_closed_port()}/v1"
    out = tmp_path / "results.jsonl"
    assert (
        main(
            [
                "batch",
                "--summary",
                "none",
                "--model",
                "fake-model",
                str(folder),
                "-o",
                str(out),
                "--llm",
                "--base-url",
                url,
            ]
        )
        == 2
    )  # nothing listening: a set-up error
    assert (
        main(
            [
                "check",
                "--llm",
                "--model",
                "fake-model",
                "--base-url",
                url,
                str(folder / "unit0.txt"),
            ]
        )
        == 2
    )
    seen = capsys.readouterr()
    assert "UrlSecret987654" not in seen.out + seen.err
    assert "无法连接大模型接口" in seen.err and "http://***@127.0.0.1" in seen.err
    if out.exists():
        assert "UrlSecret987654" not in out.read_text(encoding="utf-8")
