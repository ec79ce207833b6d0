"""The real reports in ../shared/corpus against what a careful reviewer found (seeds.labels.yaml)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT


def _to_simplified(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("t2s").convert(text))


@pytest.fixture(scope="module")
def checked(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    corpus = ROOT.parent / "shared" / "corpus"
    if not (corpus / "seeds").is_dir():
        pytest.skip("../shared/corpus is not present")
    labels = yaml.safe_load((corpus / "seeds.labels.yaml").read_text(encoding="utf-8"))
    files = sorted(str(p) for p in (corpus / "seeds").glob("*.txt"))
    proc = subprocess.run(
        [sys.executable, "-m", "fzcheck", "check", "--format", "jsonl", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    lines = proc.stdout.splitlines()
    assert len(lines) == len(files), proc.stderr
    results = {Path(r["path"]).name: r for r in map(json.loads, lines)}
    return labels, results


def test_every_labelled_report_is_checked(checked: tuple[dict[str, Any], dict[str, Any]]) -> None:
    labels, results = checked
    assert set(labels) == set(results)


@pytest.mark.parametrize("index", range(5))
def test_parts_years_and_causes_match_the_labels(
    checked: tuple[dict[str, Any], dict[str, Any]], index: int
) -> None:
    labels, results = checked
    name = sorted(labels)[index]
    want, got = labels[name], results[name]
    parts = {p["id"]: p for p in got["parts"]}
    assert {k: parts[k]["status"] for k in want["parts"]} == want["parts"]
    assert got["document"]["report_year"] == want["report_year"]
    assert got["document"]["plan_year"] == want["plan_year"]
    assert got["document"]["script"] == want["script"]
    assert got["document"]["signed_on"] == (str(want["signed"]) if want["signed"] else None)
    issuer = got["document"]["issuer"]
    assert (_to_simplified(issuer) if issuer else None) == want["issuer"]
    if parts["problems"]["status"] != "missing":
        causes = next(c for c in parts["problems"]["checks"] if c["id"] == "gives_causes")
        assert causes["passed"] is want["problems_give_causes"]
    # every status rests on evidence quoted from the original text
    text = (ROOT.parent / "shared" / "corpus" / "seeds" / name).read_text(encoding="utf-8")
    for part in got["parts"]:
        if part["status"] != "missing":
            assert part["evidence"], part["id"]
        for ev in part["evidence"]:
            assert ev["quote"] in text.splitlines()[ev["line"] - 1]
