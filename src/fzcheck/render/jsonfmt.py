"""JSON (an array of results) and JSON Lines (one result per line, streamed)."""

from __future__ import annotations

import json
import re
from typing import IO, Any

from fzcheck.document import Document

# A file name that is not UTF-8 (b"a\xff.txt" from a GBK disk) reaches us as a str with lone
# surrogates (os.fsdecode's surrogateescape); UTF-8 cannot encode them, so they are written as
# JSON escapes ("a\udcff.txt"), which json.loads turns back into the same str: os.fsencode of
# it is the original bytes.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps_line(result: dict[str, Any]) -> str:
    return escape_surrogates(json.dumps(result, ensure_ascii=False, separators=(",", ":")))


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
        self.out.write(escape_surrogates(json.dumps(self.results, ensure_ascii=False, indent=2)))
        self.out.write("\n")
