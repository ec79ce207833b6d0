"""CSV: one row per report, one column per part, for spreadsheets."""

from __future__ import annotations

import csv
from typing import IO, TYPE_CHECKING, Any

from fzcheck.document import Document
from fzcheck.render import failed_checks

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog

FACTS = ["title", "issuer", "report_year", "signed_on", "published_on", "format", "encoding",
         "script"]


def columns(part_ids: list[str]) -> list[str]:
    """path, verdict, score, the document facts, one column per part, failed checks, error."""
    return ["path", "rubric", "verdict", "score", *FACTS, *part_ids, "failed_checks", "error"]


def rubric_part_ids(rubrics: Catalog | None) -> list[str]:
    """Every part of every rubric the run may use, each once, in rubric order."""
    return list(dict.fromkeys(p.id for r in (rubrics or {}).values() for p in r.parts))


def csv_row(result: dict[str, Any], part_ids: list[str]) -> list[str]:
    d = result.get("document") or {}
    status = {p["id"]: p["status"] for p in result.get("parts", [])}
    err = result.get("error")
    values: dict[str, Any] = {
        "path": result["path"], "rubric": (result.get("rubric") or {}).get("id"),
        "verdict": result["verdict"], "score": result["score"],
        **{k: d.get(k) for k in FACTS}, **{k: status.get(k, "") for k in part_ids},
        "failed_checks": "; ".join(f"{part}.{c['id']}" for part, c in failed_checks(result)),
        "error": f"{err['kind']}: {err['message']}" if err else "",
    }
    return ["" if values[c] is None else str(values[c]) for c in columns(part_ids)]


class CsvRenderer:
    def __init__(self, out: IO[str], rubrics: Catalog | None = None) -> None:
        self.out = out
        self.part_ids = rubric_part_ids(rubrics)
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(columns(self.part_ids))

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.writer.writerow(csv_row(result, self.part_ids))
        self.out.flush()

    def close(self) -> None:
        pass
