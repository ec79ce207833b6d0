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


def test_a_config_notepad_saved_with_a_byte_order_mark_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, '\ufeff# 模型\n[llm]\nmodel = "from-file"\n')
    assert resolve_settings().model == "from-file"


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
        ("[llm\n", "不是有效的TOML配置文件"),
        ('[llm]\napi_key = "sk-x"\n', "api_key_env"),
        ('[llm]\nmodle = "x"\n', "未知的键：modle"),
        ('[llm]\nmode = "xml"\n', "未知的大模型模式 'xml'"),
        ('[llm]\ntimeout = "soon"\n', "timeout 必须是数字"),
        # a number out of bounds: nan or -1 had every request fail as "server not started",
        # 1e308 waited out the deadline
        ("[llm]\ntimeout = nan\n", "timeout 须在 1 到 3600 之间"),
        ("[llm]\ntimeout = -1\n", "timeout 须在 1 到 3600 之间"),
        ("[llm]\ntimeout = 1e308\n", "timeout 须在 1 到 3600 之间"),
        ("[llm]\nmax_tokens = 0\n", "max_tokens 须在 1 到 1000000 之间"),
        ('[llm]\nbase_url = "http://[::1"\n', "大模型接口地址 'http://\\[::1' 无效"),
        ('[llm]\nbase_url = "localhost:8000/v1"\n', "应形如 http://127.0.0.1:8000/v1"),
    ],
)
def test_bad_config_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    write_config(tmp_path, monkeypatch, text)
    with pytest.raises(ConfigError, match=message):
        resolve_settings()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("gbk", "不是UTF-8编码的TOML文件"),  # a Chinese comment saved by Notepad in GBK
        ("binary", "不是UTF-8编码的TOML文件"),
        ("fifo", "不是普通文件"),  # would be waited on for ever
        ("folder", "不是普通文件"),
    ],
)
def test_a_config_that_is_no_utf8_text_file_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, message: str
) -> None:
    import os

    path = tmp_path / "config.toml"
    if kind == "gbk":
        path.write_bytes('# 大模型设置\n[llm]\nmodel = "x"\n'.encode("gbk"))
    elif kind == "binary":
        path.write_bytes(bytes(range(256)))
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    monkeypatch.setenv("FZCHECK_CONFIG", str(path))
    with pytest.raises(ConfigError, match=message):
        resolve_settings()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        # a name not UTF-8 (a shell's $'qwen\xff'): every report had failed, exit 2, the
        # endpoint never tried (helper-198's)
        ({"model": "qwen\udcff"}, "大模型名称"),
        ({"model": " "}, "大模型名称"),
        ({"api_key": "sk-abc def"}, "API 密钥"),
        ({"api_key": "sk-密钥"}, "API 密钥"),
    ],
)
def test_a_model_name_or_key_that_cannot_be_sent_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: dict[str, str], message: str
) -> None:
    write_config(tmp_path, monkeypatch, "")
    with pytest.raises(ConfigError, match=message):
        resolve_settings(**flags)


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
    with pytest.raises(LLMError, match=r"无法连接大模型接口 http://127\.0\.0\.1:8765/v1"):
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
    assert "没有 api.openai.com 的API密钥：请设置 OPENAI_API_KEY" in proc.stderr


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
    assert len(lines) == 1 and "无法连接大模型接口 http://127.0.0.1:9/v1" in lines[0]


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
    with pytest.raises(LLMError, match=r"未安装 instructor）：pip install 'fzcheck\[llm\]'"):
        require_extra()


DEAD = "http://127.0.0.1:9/v1"  # port 9 (discard) on localhost: nothing listens


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_unreachable_endpoint_says_the_fix_in_chinese_unless_lang_en(
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A reviewer reads what is wrong and what to do in Chinese; --lang en (or FZCHECK_LANG=en)
    gives the English line. One process, both languages: the message is made when the error
    is raised, in the language of that run, not when its module was imported."""
    write_config(tmp_path, monkeypatch, "[llm]\nmax_retries = 0\nouter_attempts = 1\n")
    args = ["check", "--llm", "--model", "m", "--base-url", DEAD, str(reports / "short.txt")]
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"fzcheck: 无法连接大模型接口 {DEAD}（"), line
    assert line.endswith("）：请启动该服务，或改正 --base-url"), line
    assert main(["--lang", "en", *args]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"fzcheck: cannot reach the LLM endpoint {DEAD} ("), line
    assert line.endswith("); start the server or fix --base-url"), line
    monkeypatch.setenv("FZCHECK_LANG", "en")
    assert main(args) == 2
    assert one_error_line(capsys).startswith("fzcheck: cannot reach the LLM endpoint")
    assert main(["--lang", "zh", *args]) == 2
    assert one_error_line(capsys).startswith("fzcheck: 无法连接大模型接口")


def test_a_config_file_error_says_the_fix_in_chinese_unless_lang_en(
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["check", "--llm", str(reports / "short.txt")]
    write_config(tmp_path, monkeypatch, '[llm]\nmodle = "x"\n')
    assert main(args) == 2
    assert (
        one_error_line(capsys)
        == "fzcheck: 配置文件的 [llm] 中有未知的键：modle：请删除或改正这些键"
    )
    assert main(["--lang", "en", *args]) == 2
    assert one_error_line(capsys) == "fzcheck: [llm] in the config file has unknown keys: modle"

    write_config(tmp_path, monkeypatch, '[llm]\napi_key = "sk-x"\n')
    assert main(args) == 2
    assert one_error_line(capsys) == (
        "fzcheck: 配置文件中的 [llm] api_key 不会被读取：请改用 api_key_env 写明存放密钥的环境变量名"
    )
    assert main([*args, "--lang", "en"]) == 2
    assert one_error_line(capsys) == (
        "fzcheck: [llm] api_key is not read from the config file; set api_key_env to the "
        "name of an environment variable instead"
    )

    path = tmp_path / "config.toml"
    write_config(tmp_path, monkeypatch, "[llm\n")
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"fzcheck: {path}：不是有效的TOML配置文件（") and line.endswith(
        "改正该文件"
    )
    assert main(["--lang", "en", *args]) == 2
    assert one_error_line(capsys).startswith(f"fzcheck: {path}: not valid TOML (")

    monkeypatch.setenv("FZCHECK_CONFIG", str(tmp_path / "gone.toml"))
    assert main(args) == 2
    assert one_error_line(capsys) == (
        f"fzcheck: FZCHECK_CONFIG 指向的 {tmp_path / 'gone.toml'} 不存在：请改正该路径，或取消这个环境变量"
    )
    assert main(["--lang", "en", *args]) == 2
    assert one_error_line(capsys) == (
        f"fzcheck: FZCHECK_CONFIG points to {tmp_path / 'gone.toml'}, which does not exist"
    )


def test_a_missing_key_says_the_fix_in_chinese_unless_lang_en(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "--llm", str(reports / "short.txt")]
    assert main(args) == 2
    assert one_error_line(capsys) == (
        "fzcheck: 没有 api.openai.com 的API密钥：请设置 OPENAI_API_KEY"
        "（或配置文件 [llm] 中 api_key_env 所指的环境变量）"
    )
    assert main(["--lang", "en", *args]) == 2
    assert one_error_line(capsys) == (
        "fzcheck: no API key for api.openai.com: set OPENAI_API_KEY (or the variable "
        "named by api_key_env in the [llm] config section)"
    )


def test_rejected_key_and_unknown_model_say_the_fix_in_either_language(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fzcheck.llm.client import classify
    from fzcheck.render import i18n

    rejected = openai.AuthenticationError(
        "no", response=httpx2.Response(401, request=REQUEST), body=None
    )
    missing = openai.NotFoundError("no", response=httpx2.Response(404, request=REQUEST), body=None)
    model = settings.model
    assert (
        str(classify(rejected, settings)) == "127.0.0.1 拒绝了API密钥（401）：请检查 OPENAI_API_KEY"
    )
    assert str(classify(missing, settings)) == (
        f"{settings.base_url}：找不到模型 {model!r} 或接口（404）：请检查 --model 和 --base-url"
    )
    monkeypatch.setattr(i18n, "_lang", "en")
    assert str(classify(rejected, settings)) == (
        "127.0.0.1 rejected the API key (401); check OPENAI_API_KEY"
    )
    assert str(classify(missing, settings)) == (
        f"{settings.base_url}: model {model!r} or endpoint not found (404); "
        "check --model and --base-url"
    )


@pytest.mark.parametrize(
    ("where", "fix"),
    [
        ("flag", "或改正 --base-url"),
        ("env", "或改正环境变量 OPENAI_BASE_URL"),
        ("file", "中的 [llm] base_url"),
    ],
)
def test_an_unreachable_endpoint_is_put_right_where_it_was_set(
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    fix: str,
) -> None:
    # told to fix --base-url, a reviewer who set it in the config file has nothing to fix
    config = "[llm]\nmax_retries = 0\nouter_attempts = 1\n"
    args = ["check", "--llm", "--model", "m", str(reports / "short.txt")]
    if where == "flag":
        args[2:2] = ["--base-url", DEAD]
    elif where == "env":
        monkeypatch.setenv("OPENAI_BASE_URL", DEAD)
    else:
        config += f'base_url = "{DEAD}"\n'
    write_config(tmp_path, monkeypatch, config)
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"fzcheck: 无法连接大模型接口 {DEAD}（") and line.endswith(fix), line
    if where == "file":
        assert "配置文件" in line and "config.toml" in line
