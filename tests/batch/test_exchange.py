"""Batch files: request-file limits and reading engine output lines of every shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzcheck.batch.exchange import OutputIndex, RequestFiles, answer_body

BODY = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}}]}


def test_request_files_split_at_line_and_byte_limits(tmp_path: Path) -> None:
    files = RequestFiles(tmp_path, max_lines=3, max_bytes=10_000)
    for n in range(7):
        files.write(
            {
                "custom_id": f"fz-{n}",
                "method": "POST",
                "url": "/v1/chat/completions",
                "body": {"model": "m", "pad": "x" * 50},
            }
        )
    files.close()
    sizes = [len(p.read_text().splitlines()) for p in files.files]
    assert sizes == [3, 3, 1]
    files = RequestFiles(tmp_path / "b", max_lines=100, max_bytes=300)
    (tmp_path / "b").mkdir()
    for n in range(5):
        files.write({"custom_id": f"fz-{n}", "body": {"pad": "y" * 100}})
    files.close()
    assert all(p.stat().st_size <= 300 for p in files.files) and len(files.files) == 3


def test_answer_body_reads_every_engine_shape() -> None:
    ok = {"custom_id": "a", "response": {"status_code": 200, "body": BODY}, "error": None}
    assert answer_body(ok) == (BODY, None)
    as_string = {"custom_id": "a", "response": {"status_code": 200, "body": json.dumps(BODY)}}
    assert answer_body(as_string) == (BODY, None)
    openai_error = {
        "custom_id": "a",
        "response": None,
        "error": {"code": "batch_expired", "message": "expired"},
    }
    assert answer_body(openai_error)[1] == "batch engine error: batch_expired: expired"
    http_error = {
        "custom_id": "a",
        "error": None,
        "response": {
            "status_code": 400,
            "body": {"error": {"message": "bad", "type": "invalid_request"}},
        },
    }
    assert "HTTP 400" in (answer_body(http_error)[1] or "")
    assert answer_body({"custom_id": "a"})[1] == "batch engine returned no response"


def test_output_index_prefers_a_success_over_an_earlier_error(tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(
        json.dumps({"custom_id": "x", "response": None, "error": {"message": "e"}})
        + "\nnot json\n",
        encoding="utf-8",
    )
    second.write_text(
        json.dumps({"custom_id": "x", "response": {"status_code": 200, "body": BODY}}) + "\n",
        encoding="utf-8",
    )
    index = OutputIndex.build([first, second])
    assert index.unparsable == 1 and index.duplicates == 1
    line = index.get("x")
    assert line is not None and answer_body(line) == (BODY, None)
    assert index.get("nope") is None


def test_similar_pairs_handles_big_buckets_and_misses_unrelated() -> None:
    import numpy as np

    from fzcheck.batch.copies import NUM_PERM, similar_pairs

    rng = np.random.default_rng(1)
    same = np.tile(rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32), (200, 1))
    near = same[0].copy()
    near[:30] = rng.integers(0, 2**32, 30, dtype=np.uint32)  # ~77% equal values
    other = rng.integers(0, 2**32, (50, NUM_PERM), dtype=np.uint32)
    matrix = np.vstack([same, near, other])
    pairs = similar_pairs(matrix, 0.6)
    # a bucket of 200 identical rows: links that join them all, growing with the rows (not the
    # 19,900 pairs), so the cohort's group is the same
    exact = [p for p, s in pairs.items() if s == 1.0]
    assert len(exact) < 2 * 200
    group = {0}
    for _ in range(200):
        group |= {j for i, j in exact if i in group} | {i for i, j in exact if j in group}
    assert group == set(range(200))
    assert pairs[(0, 200)] == round((NUM_PERM - 30) / NUM_PERM, 2)
    assert not any(i >= 201 or j >= 201 for i, j in pairs)


def test_output_index_reads_a_line_of_any_length_a_piece_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged output file's one huge line is skipped as unparsable without being held
    whole, and the lines after it keep their places."""
    from fzcheck.batch import exchange

    monkeypatch.setattr(exchange, "MAX_LINE", 200)
    good = json.dumps({"custom_id": "fz-1", "response": {"status_code": 200, "body": {}}})
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"\0" * 1000 + b"\n" + good.encode() + b"\n")
    index = OutputIndex.build([path])
    assert index.unparsable == 1
    assert index.get("fz-1") == json.loads(good)


def test_output_index_refuses_a_pipe(tmp_path: Path) -> None:
    import os

    from fzcheck.errors import UsageError

    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="不是普通文件"):
        OutputIndex.build([fifo])
