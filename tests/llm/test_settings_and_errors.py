"""Settings precedence, config file errors, failure handling, and the one-line CLI errors."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest

from fzcheck.cli import main
from fzcheck.errors import ConfigError
from fzcheck.llm import call
from fzcheck.llm.config import resolve_settings
from fzcheck.llm.errors import LLMError
from tests.llm.fakes import AsyncScriptedClient, ScriptedClient, review
from tests.llm.helpers import aenrich, enrich, offline, statuses

REQUEST = httpx2.Request("POST", "http://127.0.0.1:8765/v1/chat/completions")


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FZCHECK_CONFIG", str(path))


def test_precedence_flag_env_file_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_settings().model == "gpt-4o-mini"
    write_config(tmp_path, monkeypatch, '[llm]\nmodel = "from-file"\nmax_tokens = 700\n')
    assert resolve_settings().model == "from-file"
    monkeypatch.setenv("FZCHECK_MODEL", "from-env")
    assert resolve_settings().model == "from-env"  # read at call time, not at import
    assert resolve_settings(model="from-flag").model == "from-flag"
    assert resolve_settings().max_tokens == 700


def test_key_comes_from_the_env_var_the_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, '[llm]\napi_key_env = "DEEPSEEK_API_KEY"\n')
    monkeypatch.setenv("DEEPSEEK_API_KEY", "k-test")
    assert resolve_settings().api_key == "k-test"
    assert "k-test" not in repr(resolve_settings())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[llm\n", "not valid TOML"),
        ('[llm]\napi_key = "sk-x"\n', "api_key_env"),
        ('[llm]\nmodle = "x"\n', "unknown keys: modle"),
        ('[llm]\nmode = "xml"\n', "unknown LLM mode"),
        ('[llm]\ntimeout = "soon"\n', "must be a number"),
    ],
)
def test_bad_config_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    write_config(tmp_path, monkeypatch, text)
    with pytest.raises(ConfigError, match=message):
        resolve_settings()


def test_server_error_after_sdk_retries_keeps_offline_verdict(
    reports: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tenacity

    monkeypatch.setattr(call, "backoff", lambda: tenacity.wait_none())
    graded = offline(reports / "short.txt")
    result = graded.result
    before = (statuses(result), result.verdict, result.score)
    outage = openai.InternalServerError(
        "busy", response=httpx2.Response(503, request=REQUEST), body=None
    )
    client = ScriptedClient(outage, outage, outage)
    result = enrich(graded, replace(settings, outer_attempts=3), client=client)
    assert len(client.requests) == 3  # the outer policy tried again
    assert result.llm.error.startswith("HTTP 503") and result.llm.summary is None
    assert result.llm.usage.calls == 3  # failed requests are counted, not 0
    assert (statuses(result), result.verdict, result.score) == before


def test_outer_retry_recovers_from_a_passing_outage(
    reports: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tenacity

    monkeypatch.setattr(call, "backoff", lambda: tenacity.wait_none())
    graded = offline(reports / "short.txt")
    client = ScriptedClient(openai.APITimeoutError(request=REQUEST), review(summary="恢复"))
    result = enrich(graded, settings, client=client)
    # calls counts every request made, the one that timed out too
    assert result.llm.summary == "恢复" and result.llm.usage.calls == 2


def test_deadline_stops_the_attempts(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    result = enrich(graded, replace(settings, deadline=0.0), client=ScriptedClient())
    assert result.llm.error == "deadline of 0s passed"


def test_unreachable_endpoint_is_a_setup_error(reports: Path, settings: Any) -> None:
    graded = offline(reports / "short.txt")
    client = ScriptedClient(openai.APIConnectionError(request=REQUEST))
    with pytest.raises(
        LLMError, match=r"cannot reach the LLM endpoint http://127\.0\.0\.1:8765/v1"
    ):
        enrich(graded, settings, client=client)


async def _aenrich(reports: Path, settings: Any) -> Any:
    graded = offline(reports / "short.txt")
    return await aenrich(graded, settings, client=AsyncScriptedClient(review(summary="异步")))


def test_aenrich_uses_the_same_loop(reports: Path, settings: Any) -> None:
    import asyncio

    assert asyncio.run(_aenrich(reports, settings)).llm.summary == "异步"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fzcheck", *args], capture_output=True, text=True, timeout=120
    )


def test_missing_key_is_one_line_without_traceback(reports: Path) -> None:
    proc = run_cli("check", "--llm", str(reports / "short.txt"))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert "no API key for api.openai.com" in proc.stderr


def test_unreachable_endpoint_is_one_line_without_traceback(reports: Path) -> None:
    # Port 9 (discard) on localhost: nothing listens; the SDK's own retries are turned off.
    proc = run_cli(
        "check",
        "--llm",
        "--base-url",
        "http://127.0.0.1:9/v1",
        str(reports / "short.txt"),
        "--model",
        "m",
    )
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach the LLM endpoint http://127.0.0.1:9/v1" in lines[0]


OFFLINE_PROBE = """
import sys
from fzcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:  # --help
    pass
heavy = sorted(m for m in ("openai", "instructor", "jinja2", "tenacity", "httpx2")
               if m in sys.modules)
print("HEAVY", heavy)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", "--help"], ["check", "{report}"], ["check", "-f", "json", "{report}"]],
)
def test_offline_path_imports_no_llm_library(reports: Path, args: list[str]) -> None:
    argv = [a.format(report=reports / "short.txt") for a in args]
    proc = subprocess.run(
        [sys.executable, "-c", OFFLINE_PROBE, *argv], capture_output=True, text=True, timeout=120
    )
    assert "HEAVY []" in proc.stdout, proc.stdout[-500:] + proc.stderr[-500:]


def test_offline_json_has_llm_null(reports: Path, tmp_path: Path) -> None:
    import json

    out = tmp_path / "o.json"
    main(["check", "-f", "json", "-o", str(out), str(reports / "short.txt")])
    data = json.loads(out.read_text(encoding="utf-8"))
    record = data[0] if isinstance(data, list) else data
    assert "llm" in record and record["llm"] is None


def test_missing_extra_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from fzcheck.llm.client import require_extra

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "instructor" else real(name, *a),
    )
    with pytest.raises(LLMError, match=r"instructor not installed\): pip install 'fzcheck\[llm\]'"):
        require_extra()
