"""LLM test set-up: hermetic config/cache/home, readable scrubbed cassettes, a scripted fake client.

Cassettes live in the top-level cassettes/ and are replayed only (record mode ``none`` by
default, network blocked). To re-record against a live endpoint see docs/llm.md: the endpoint,
model and mode used are written to cassettes/endpoint.json so replays send identical requests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.llm import fakes

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = ROOT / "cassettes"
ENDPOINT_FILE = CASSETTES / "endpoint.json"
REPORTS = Path(__file__).resolve().parent / "reports"
LOCAL = {
    "base_url": "http://127.0.0.1:8765/v1",
    "model": "qwen2.5-coder-1.5b-instruct",
    "mode": "tools",
}
SECRET_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "cookie",
    "set-cookie",
    "openai-organization",
    "openai-project",
)


@pytest.fixture(autouse=True)
def _llm_hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config, cache and home point into tmp_path; no key or endpoint leaks in from the shell."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "FZCHECK_MODEL",
        "FZCHECK_LLM_MODE",
        "FZCHECK_CONFIG",
        "FZCHECK_CACHE_DIR",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def reports() -> Path:
    return REPORTS


# --- cassettes --------------------------------------------------------------------------------


def recording(config: pytest.Config) -> bool:
    return config.getoption("--record-mode") not in (None, "none")


def endpoint(config: pytest.Config) -> dict[str, str]:
    """The endpoint cassettes were recorded from; when recording, FZCHECK_RECORD_* override."""
    if recording(config):
        chosen = {k: os.environ.get(f"FZCHECK_RECORD_{k.upper()}", v) for k, v in LOCAL.items()}
        CASSETTES.mkdir(exist_ok=True)
        ENDPOINT_FILE.write_text(json.dumps(chosen, indent=2) + "\n", encoding="utf-8")
        return chosen
    if ENDPOINT_FILE.exists():
        return dict(json.loads(ENDPOINT_FILE.read_text(encoding="utf-8")))
    return dict(LOCAL)


@pytest.fixture(scope="session")
def llm_endpoint(pytestconfig: pytest.Config) -> dict[str, str]:
    return endpoint(pytestconfig)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": [(h, "<scrubbed>") for h in SECRET_HEADERS],
        "before_record_request": _readable_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
        "match_on": ["method", "path", "body"],
        "serializer": "yaml",
    }


def _readable_json(body: bytes | str | None) -> bytes | str | None:
    """Re-dump a JSON body without \\u escapes (same data, so body matching is unaffected)."""
    if not body:
        return body
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return body
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _readable_request(request: Any) -> Any:
    request.body = _readable_json(request.body)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    # filter_headers covers requests only; org/project ids and cookies come back in responses.
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            headers[name] = ["<scrubbed>"]
    body = response.get("body", {})
    if isinstance(body, dict) and body.get("string"):
        body["string"] = _readable_json(body["string"])
    return response


class _ReadableYaml:
    """vcrpy's YAML serializer, but Chinese is stored as Chinese instead of \\uXXXX escapes."""

    @staticmethod
    def deserialize(text: str) -> Any:
        from vcr.serializers.yamlserializer import deserialize

        return deserialize(text)

    @staticmethod
    def serialize(data: Any) -> str:
        from vcr.serializers.yamlserializer import _CassetteDumper

        return yaml.dump(
            data, Dumper=_CassetteDumper, allow_unicode=True, width=100, sort_keys=False
        )


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_serializer("yaml", _ReadableYaml)


# --- the scripted fake at the client boundary -------------------------------------------------


@pytest.fixture
def fake_client() -> Callable[..., fakes.ScriptedClient]:
    return fakes.ScriptedClient


@pytest.fixture
def settings() -> Iterator[Any]:
    from fzcheck.llm.config import resolve_settings

    yield resolve_settings(
        base_url=LOCAL["base_url"], model=LOCAL["model"], mode="tools", max_retries=0, deadline=60.0
    )
