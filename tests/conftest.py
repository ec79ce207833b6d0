"""Shared test set-up: a hermetic environment and fixtures over tests/helpers.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import CORPUS, MAKERS


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
