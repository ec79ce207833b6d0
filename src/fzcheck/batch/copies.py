"""Copy detection (照搬照抄): near-duplicate problems / plan sections between reports.

Each report's problems and next-year-plan sections become sets of character 4-grams (after
dropping whitespace and punctuation, on the Simplified, width-folded analysis text, so a
Traditional copy of a Simplified report still matches) and a 128-permutation MinHash from
datasketch. A MinHash LSH index per part finds candidate pairs in about linear time; the
MinHash estimate of their Jaccard similarity is what is reported. Pairs at or above the
threshold are flagged on both reports as ``copies: [{"part", "other", "similarity"}]``.

Signatures are kept in a sidecar (``results.jsonl.minhash``, one line per result) so that a
resumed or repeated batch can compare new reports with old ones without rereading files.
"""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from fzcheck.batch.plan import KEY_FIELD
from fzcheck.batch.store import read_objects, rewrite

if TYPE_CHECKING:
    from datasketch import MinHash

    from fzcheck.document import Document

COPY_PARTS = ("problems", "next_year_plan")
NUM_PERM = 128
SHINGLE = 4
MIN_CHARS = 60  # shorter sections are boilerplate-sized: too little text to call a copy
DEFAULT_THRESHOLD = 0.6
COPIES_FIELD = "copies"
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def section_text(doc: Document, part: dict[str, Any]) -> str:
    """The part's body on the analysis view, without its own heading line."""
    span = part.get("span")
    if not span or part.get("status") == "missing":
        return ""
    start, end = span["start_line"] - 1, span["end_line"]
    heading_line = (part.get("line") or 0) - 1
    lines = [doc.analysis[i] for i in range(start, min(end, len(doc.analysis)))
             if not (part.get("status") == "present" and i == heading_line)]
    return "".join(lines)


def shingles(text: str) -> set[bytes]:
    compact = _DROP.sub("", text)
    if len(compact) < MIN_CHARS:
        return set()
    return {compact[i:i + SHINGLE].encode("utf-8") for i in range(len(compact) - SHINGLE + 1)}


def _minhash(values: Iterable[bytes] | None = None, hashvalues: Any = None) -> MinHash:
    from datasketch import MinHash

    if hashvalues is not None:
        return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme="affine32")
    m = MinHash(num_perm=NUM_PERM, scheme="affine32")
    if values is not None:
        m.update_batch(list(values))
    return m


def signatures(doc: Document, result: dict[str, Any]) -> dict[str, str]:
    """part id -> base64 of the MinHash's uint32 values, for the parts long enough to compare."""
    out: dict[str, str] = {}
    for part in result.get("parts", []):
        if part["id"] not in COPY_PARTS:
            continue
        grams = shingles(section_text(doc, part))
        if grams:
            values = _minhash(grams).hashvalues.astype("<u4")
            out[part["id"]] = base64.b64encode(values.tobytes()).decode("ascii")
    return out


def sidecar_path(results: Path) -> Path:
    return results.with_name(results.name + ".minhash")


def sidecar_line(result: dict[str, Any], sigs: dict[str, str]) -> dict[str, Any]:
    return {"path": result["path"], KEY_FIELD: result.get(KEY_FIELD, ""), "sigs": sigs}


@dataclass(frozen=True)
class Copy:
    part: str
    a: str
    b: str
    similarity: float


def find_copies(entries: Iterable[tuple[str, dict[str, str]]],
                threshold: float = DEFAULT_THRESHOLD) -> list[Copy]:
    """Near-duplicate pairs among (path, signatures) entries, one index per part."""
    from datasketch import MinHashLSH

    by_part: dict[str, list[tuple[str, MinHash]]] = defaultdict(list)
    for path, sigs in entries:
        for part, blob in sigs.items():
            values = np.frombuffer(base64.b64decode(blob), dtype="<u4").astype(np.uint32)
            if len(values) == NUM_PERM:
                by_part[part].append((path, _minhash(hashvalues=values)))
    found: list[Copy] = []
    for part, items in by_part.items():
        lsh = MinHashLSH(threshold=max(0.1, threshold - 0.1), num_perm=NUM_PERM)
        for i, (_, m) in enumerate(items):
            lsh.insert(i, m, check_duplication=False)
        for i, (path, m) in enumerate(items):
            for j in lsh.query(m):
                if j <= i or items[j][0] == path:
                    continue
                sim = round(float(m.jaccard(items[j][1])), 2)
                if sim >= threshold:
                    found.append(Copy(part=part, a=path, b=items[j][0], similarity=sim))
    return found


def copies_by_path(pairs: list[Copy]) -> dict[str, list[dict[str, Any]]]:
    """Each report's flags (both sides of every pair), in a stable order."""
    flags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in pairs:
        flags[c.a].append({"part": c.part, "other": c.b, "similarity": c.similarity})
        flags[c.b].append({"part": c.part, "other": c.a, "similarity": c.similarity})
    for items in flags.values():
        items.sort(key=lambda f: (f["part"], -f["similarity"], f["other"]))
    return dict(flags)


def load_signatures(results: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(path, key) -> signatures from the sidecar; a later line for the same result wins."""
    return {(obj.get("path", ""), obj.get(KEY_FIELD, "")): obj.get("sigs") or {}
            for obj in read_objects(sidecar_path(results))}


def apply_copies(results: Path, threshold: float = DEFAULT_THRESHOLD) -> list[Copy]:
    """Detect copies among every result in ``results`` and write the flags into the lines.

    The file is rewritten (atomically) only when some line's flags change, so repeating a
    finished batch leaves it byte-for-byte as it was."""
    sigs = load_signatures(results)
    entries = [(obj["path"], sigs.get((obj["path"], obj.get(KEY_FIELD, "")), {}))
               for obj in read_objects(results) if obj.get("path")]
    pairs = find_copies(entries, threshold)
    flags = copies_by_path(pairs)
    changed = any(obj.get(COPIES_FIELD, []) != flags.get(obj.get("path", ""), [])
                  for obj in read_objects(results) if COPIES_FIELD in obj or obj.get("path") in flags)
    if changed:
        def patch(obj: dict[str, Any]) -> dict[str, Any]:
            new = flags.get(obj.get("path", ""), [])
            if new:
                obj[COPIES_FIELD] = new
            else:
                obj.pop(COPIES_FIELD, None)
            return obj

        rewrite(results, patch)
    return pairs
