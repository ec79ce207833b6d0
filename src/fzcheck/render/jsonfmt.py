"""JSON (an array of results) and JSON Lines (one result per line, streamed)."""

from __future__ import annotations

import json
from typing import IO, Any

from fzcheck.document import Document


def dumps_line(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))


class JsonlRenderer:
    def __init__(self, out: IO[str], rubrics: object = None) -> None:
        self.out = out

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.out.write(dumps_line(result) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class JsonRenderer:
    def __init__(self, out: IO[str], rubrics: object = None) -> None:
        self.out = out
        self.results: list[dict[str, Any]] = []

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.results.append(result)

    def close(self) -> None:
        json.dump(self.results, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
