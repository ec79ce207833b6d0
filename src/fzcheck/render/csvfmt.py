"""CSV: one row per report, one column per part, for spreadsheets."""

from __future__ import annotations

import csv
from typing import IO, Any

from fzcheck.document import Document
from fzcheck.render import failed_checks
from fzcheck.rubric import PART_IDS

COLUMNS = ["path", "verdict", "score", "title", "issuer", "report_year", "signed_on",
           "published_on", "format", "encoding", "script", *PART_IDS, "failed_checks", "error"]


def csv_row(result: dict[str, Any]) -> list[str]:
    d = result.get("document") or {}
    status = {p["id"]: p["status"] for p in result.get("parts", [])}
    err = result.get("error")
    values: dict[str, Any] = {
        "path": result["path"], "verdict": result["verdict"], "score": result["score"],
        **{k: d.get(k) for k in COLUMNS[3:11]}, **{k: status.get(k, "") for k in PART_IDS},
        "failed_checks": "; ".join(f"{part}.{c['id']}" for part, c in failed_checks(result)),
        "error": f"{err['kind']}: {err['message']}" if err else "",
    }
    return ["" if values[c] is None else str(values[c]) for c in COLUMNS]


class CsvRenderer:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.writer.writerow(csv_row(result))
        self.out.flush()

    def close(self) -> None:
        pass
