"""The whole real documents in ../shared/corpus/full against their reviewer labels (labels.yaml):
a report whose title was cut off, one flattened to a single line, and two near misses."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
import yaml

from tests.helpers import CORPUS, ROOT

FULL = CORPUS / "full"


@pytest.fixture(scope="module")
def checked() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    if not (FULL / "labels.yaml").is_file():
        pytest.skip("../shared/corpus/full is not present")
    labels = yaml.safe_load((FULL / "labels.yaml").read_text(encoding="utf-8"))
    files = [str(FULL / name) for name in sorted(labels)]
    proc = subprocess.run(
        [sys.executable, "-m", "fzcheck", "check", "--format", "jsonl", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == len(files), proc.stderr
    return labels, dict(zip(sorted(labels), results, strict=True))


def _names() -> list[str]:
    path = FULL / "labels.yaml"
    if not path.is_file():
        return ["(absent)"]
    return sorted(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", _names())
def test_document_matches_its_labels(
    checked: tuple[dict[str, Any], dict[str, Any]], name: str
) -> None:
    labels, results = checked
    want, got = labels[name], results[name]
    d = got["document"]
    assert got["ok"], got["error"]
    assert d["is_report"] is want["is_report"]
    assert (got["verdict"] == "not_a_report") is (not want["is_report"])
    assert d["report_year"] == want["report_year"]
    if "plan_year" in want:
        assert d["plan_year"] == want["plan_year"]
    if "signed" in want:
        assert d["signed_on"] == str(want["signed"])
    if "published" in want:
        assert d["published_on"] == str(want["published"])
    parts = {p["id"]: p for p in got["parts"]}
    if "parts" in want:
        assert {k: parts[k]["status"] for k in want["parts"]} == want["parts"]
    if "problems_give_causes" in want and parts["problems"]["status"] != "missing":
        causes = next(c for c in parts["problems"]["checks"] if c["id"] == "gives_causes")
        assert causes["passed"] is want["problems_give_causes"]


@pytest.mark.parametrize("name", _names())
def test_evidence_is_verbatim_where_it_says(
    checked: tuple[dict[str, Any], dict[str, Any]], name: str
) -> None:
    _, results = checked
    got = results[name]
    original = (FULL / name).read_text(encoding="utf-8").splitlines()
    for part in got["parts"]:
        if part["status"] != "missing":
            assert part["evidence"], part["id"]
        for ev in part["evidence"]:
            if got["document"]["resegmented"]:
                line, col = ev["source_line"], ev["source_column"]
                assert original[line - 1][col : col + len(ev["quote"])] == ev["quote"]
            else:
                assert ev["quote"] in original[ev["line"] - 1]


def test_title_and_year_sources(checked: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, results = checked
    for got in results.values():
        d = got["document"]
        if d["title"] is not None:  # never the archive's 标题: cell or the breadcrumb as written
            assert not d["title"].startswith(("标题", "当前位置", "首页"))
        if d["report_year"] is not None:
            assert d["report_year_source"] in {"title", "body", "plan", "signed"}
    untitled = [r for r in results.values() if r["document"]["title"] is None]
    assert all(r["document"]["report_year_source"] != "title" for r in untitled)
