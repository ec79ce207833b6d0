"""The real 政府信息公开工作年度报告 in ../shared/corpus/gip against their labels (skipped when the
corpus is absent): recognised as such, sections found, tables read where they can be and their
sums holding, the flattened one reported as unreadable; and no 法治 report taken for one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from fzcheck.pipeline import check_source
from fzcheck.rubric import Catalog
from tests.helpers import CORPUS

GIP = CORPUS / "gip"
REQUIRED = ["overview", "proactive", "requests", "appeals", "improvements"]


@pytest.fixture(scope="module")
def labelled() -> dict[str, Any]:
    if not (GIP / "labels.yaml").is_file():
        pytest.skip("../shared/corpus is not present")
    return dict(yaml.safe_load((GIP / "labels.yaml").read_text(encoding="utf-8")))


def check(path: Path) -> dict[str, Any]:
    return check_source(str(path), Catalog.load()).result.to_json()


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    [
        "huaian-city-2024-gip.txt",
        "hongze-district-2024-gip.txt",
        "pingtan-2023-gip-flattened-tables.txt",
    ],
)
def test_gip_reports_match_their_labels(labelled: dict[str, Any], name: str) -> None:
    label = labelled[name]
    r = check(GIP / name)
    assert r["rubric"]["id"] == "gip-annual" and r["document"]["is_report"]
    assert r["document"]["report_year"] == label["report_year"]
    status = {p["id"]: p["status"] for p in r["parts"]}
    assert all(status[p] == "present" for p in REQUIRED), status
    tables = {t["id"]: t for t in r["tables"]}
    failed = [c for t in r["tables"] for c in t["checks"] if c["passed"] is False]
    assert failed == []  # every label says the tables add up (or cannot be read)
    text = next((c for c in r["checks"] if c["id"] == "text_matches_tables"), None)
    if "FLATTENED" in label["note"]:
        assert {t["status"] for t in tables.values()} <= {"unreadable", "absent"}
        assert tables["requests"]["status"] == "unreadable"
        assert "连在一起" in tables["requests"]["reason"]
        sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")  # kept, saying so
        assert sums["passed"] and sums["message"].startswith("没有可核对的勾稽关系（表")
        return
    for table in ("proactive_documents", "proactive_decisions", "requests", "appeals"):
        assert tables[table]["status"] == "read", (table, tables[table]["reason"])
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and sums["message"].endswith("全部成立"), sums
    assert text is not None
    expected_ok = label["table_checks"]["text_vs_table"] == "ok"
    assert text["passed"] is expected_ok, text["message"]
    checked = sum(c["passed"] is True for c in tables["requests"]["checks"])
    assert checked >= 30  # rows and columns of table 三, not a handful


@pytest.mark.corpus
def test_large_numbers_are_read_whole(labelled: dict[str, Any]) -> None:
    r = check(GIP / "huaian-city-2024-gip.txt")
    decisions = next(t for t in r["tables"] if t["id"] == "proactive_decisions")
    values = {c["row"]: c["value"] for c in decisions["cells"]}
    assert values["punishment"] == 3985758 and values["licensing"] == 447228


@pytest.mark.corpus
def test_no_rule_of_law_report_is_taken_for_a_gip_report(labelled: dict[str, Any]) -> None:
    for path in sorted((CORPUS / "seeds").glob("*.txt")) + sorted(
        (CORPUS / "full").glob("*/*.txt")
    ):
        assert check(path)["rubric"]["id"] == "fazhi-annual", path
