"""The LLM response cache: keys, storage, location precedence, info and clear."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.errors import ConfigError
from fzcheck.llm.cache import ResponseCache, default_cache_dir, resolve_cache_dir

REQUEST = {
    "model": "m",
    "messages": [{"role": "user", "content": "报告"}],
    "temperature": 0,
    "tools": [{"type": "function", "function": {"name": "ReportReview"}}],
}


def test_key_is_canonical_and_covers_what_is_asked(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    reordered = dict(reversed(list(REQUEST.items())))
    assert cache.key(REQUEST) == cache.key(reordered)
    assert cache.key(REQUEST) == cache.key({**REQUEST, "timeout": 5})  # transport only
    for change in (
        {"model": "n"},
        {"temperature": 0.7},
        {"messages": []},
        {"tools": []},
        {"response_format": {"type": "json_object"}},
    ):
        assert cache.key({**REQUEST, **change}) != cache.key(REQUEST), change
    assert ResponseCache(tmp_path, namespace="http://a/v1").key(REQUEST) != ResponseCache(
        tmp_path, namespace="http://b/v1"
    ).key(REQUEST)


def test_put_get_info_clear(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "c")
    key = cache.key(REQUEST)
    assert cache.get(key) is None
    cache.put(key, {"body": {"x": "答"}, "usage": {"total_tokens": 3}})
    assert ResponseCache(tmp_path / "c").get(key) == {
        "body": {"x": "答"},
        "usage": {"total_tokens": 3},
    }
    info = cache.info()
    assert info.entries == 1 and info.bytes > 0
    # a damaged entry reads as a miss, not an error
    next((tmp_path / "c").rglob("*.json")).write_text("{not json", encoding="utf-8")
    assert cache.get(key) is None
    assert cache.clear() == 1 and cache.info().entries == 0
    assert (tmp_path / "c").is_dir()  # the user's directory itself is left in place
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")


def test_location_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_env: Path
) -> None:
    monkeypatch.delenv("FZCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert resolve_cache_dir() == default_cache_dir() == tmp_path / "xdg" / "fzcheck"
    batch_env.write_text(f'[cache]\ndir = "{tmp_path / "conf"}"\n', encoding="utf-8")
    assert resolve_cache_dir() == tmp_path / "conf"
    monkeypatch.setenv("FZCHECK_CACHE_DIR", str(tmp_path / "env"))
    assert resolve_cache_dir() == tmp_path / "env"
    assert resolve_cache_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    monkeypatch.delenv("FZCHECK_CACHE_DIR")
    batch_env.write_text("[cache]\nsize = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[cache\] 中有未知的键：size"):
        resolve_cache_dir()


def test_cache_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = ResponseCache(tmp_path / "cache")
    cache.put(cache.key(REQUEST), {"body": {}, "usage": {}})
    assert main(["--lang", "en", "cache", "info"]) == 0  # Chinese by default: test_cache_words
    out = capsys.readouterr().out
    assert str(tmp_path / "cache") in out and "entries: 1" in out
    assert main(["--lang", "en", "cache", "clear"]) == 0
    assert "removed 1" in capsys.readouterr().out
    assert main(["--lang", "en", "cache", "info", "--cache-dir", str(tmp_path / "other")]) == 0
    assert "entries: 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    "damage",
    ["not json", "{}", '{"body": "x", "usage": {}}', "[" * 100_000, "folder", "fifo"],
)
def test_a_damaged_entry_is_absent(tmp_path: Path, damage: str) -> None:
    """An entry that is no answer (not JSON, the wrong shape, nested past reading, a folder, a
    FIFO that would be waited on for ever) reads as absent: the report is asked again."""
    import os

    cache = ResponseCache(tmp_path / "c")
    key = cache.key({"messages": [{"role": "user", "content": "x"}]})
    cache.put(key, {"body": {"id": "a"}, "usage": {"prompt_tokens": 1}})
    path = cache._path(key)
    assert cache.get(key) is not None
    path.unlink()
    if damage == "folder":
        path.mkdir()
    elif damage == "fifo":
        os.mkfifo(path)
    else:
        path.write_text(damage, encoding="utf-8")
    assert cache.get(key) is None


def test_a_cache_that_cannot_be_written_is_said_once_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the cache's folder should be
    cache = ResponseCache(blocked)
    for n in range(3):
        cache.put(cache.key({"n": n}), {"body": {}, "usage": {}})
    err = capsys.readouterr().err
    assert err.count("无法写入大模型回答缓存") == 1 and "--cache-dir" in err
    assert (cache.unwritable, cache.puts) == (3, 0)


def test_cache_info_on_a_file_says_it_is_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")
    assert main(["cache", "info", "--cache-dir", str(afile)]) == 2
    assert "是一个文件，不是缓存文件夹" in capsys.readouterr().err
