"""Shared test set-up: a hermetic environment and fixtures over tests/helpers.py."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import CORPUS, MAKERS


@pytest.fixture(scope="session", autouse=True)
def _hermetic_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The run's own home and desk, before any fixture of a module's runs (those run before a
    test's own environment is set: a module's batch and review wrote into the real home). One
    desk key for the run, named by FZCHECK_DESK_KEY as reviewers sharing a key name theirs, so
    decisions a module's fixture records apply in each of its tests."""
    home = tmp_path_factory.mktemp("run-home")
    key = tmp_path_factory.mktemp("desk") / "desk.key"
    key.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        mp.setenv("XDG_CACHE_HOME", str(home / ".cache"))
        mp.setenv("FZCHECK_DESK_KEY", str(key))
        yield


@pytest.fixture(autouse=True)
def _hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's config, cache, keys or language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "FZCHECK_MODEL",
        "FZCHECK_CONFIG",
        "FZCHECK_CACHE_DIR",
        "FZCHECK_LANG",
    ):
        monkeypatch.delenv(var, raising=False)
    from fzcheck.render import i18n

    # Chinese, the default, whatever an earlier test's `--lang en` left set in this process
    monkeypatch.setattr(i18n, "_lang", "zh")


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "seeds").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def make_input(tmp_path: Path) -> Callable[[str], Path]:
    def make(name: str) -> Path:
        path = tmp_path / name
        path.write_bytes(MAKERS[name]())
        return path

    return make
