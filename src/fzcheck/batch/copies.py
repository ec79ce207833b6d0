"""Copy detection (照搬照抄): near-duplicate sections between reports.

The sections of each part a rubric marks ``copy_check`` (for annual reports: the shortcomings
and the next year's plan, where copying hides best) become sets of character 4-grams (after
dropping whitespace and punctuation, on the Simplified, width-folded analysis text, so a
Traditional copy of a Simplified report still matches) and a 128-permutation MinHash from
datasketch. LSH banding (bands and rows as datasketch's MinHashLSH chooses them for the
threshold), vectorised over one signature matrix per part, finds candidate pairs in about
linear time and memory; the MinHash estimate of their Jaccard similarity is what is reported. Pairs at or above the
threshold are flagged on both reports as ``copies: [{"part", "other", "similarity"}]``.

Signatures are kept in a sidecar (``results.jsonl.minhash``, one line per result) so that a
resumed or repeated batch can compare new reports with old ones without rereading files.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from fzcheck.batch.plan import KEY_FIELD
from fzcheck.batch.store import read_objects, rewrite, sidecar_path

if TYPE_CHECKING:
    from datasketch import MinHash

    from fzcheck.document import Document
    from fzcheck.pipeline import Graded

NUM_PERM = 128
SHINGLE = 4
MIN_CHARS = 60  # shorter sections are boilerplate-sized: too little text to call a copy
DEFAULT_THRESHOLD = 0.6
COPIES_FIELD = "copies"
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def section_text(doc: Document, part: dict[str, Any]) -> str:
    """The part's body on the analysis view: each covering section without its heading line."""
    if part.get("status") == "missing":
        return ""
    ranges = part.get("sections") or ([part["span"]] if part.get("span") else [])
    own_headings = part.get("status") == "present"
    lines = [
        doc.analysis[i]
        for r in ranges
        for i in range(r["start_line"] - 1, min(r["end_line"], len(doc.analysis)))
        if not (own_headings and i == r["start_line"] - 1)
    ]
    return "".join(lines)


def shingles(text: str) -> set[bytes]:
    compact = _DROP.sub("", text)
    if len(compact) < MIN_CHARS:
        return set()
    return {compact[i : i + SHINGLE].encode("utf-8") for i in range(len(compact) - SHINGLE + 1)}


def _minhash(values: Iterable[bytes]) -> MinHash:
    """datasketch's MinHash of ``values`` as ``MinHash(num_perm=NUM_PERM, scheme="affine32")``
    makes it: its hash (sha1_hash32: the first four bytes of SHA-1, little-endian) is taken
    here in one pass, where a call per value to datasketch's own took twice as long."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, scheme="affine32", permutations=_permutations(), hashfunc=_as_is)
    sha1, first_u32 = hashlib.sha1, _U32.unpack_from
    m.update_batch([first_u32(sha1(v).digest())[0] for v in values])
    return m


_U32 = struct.Struct("<I")


def _as_is(value: int) -> int:
    return value


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutations a MinHash draws from its seed, drawn once: drawing them took longer
    than hashing a section (the same seed, so the same signatures)."""
    from datasketch import MinHash

    permutations: np.ndarray = MinHash(num_perm=NUM_PERM, scheme="affine32").permutations
    return permutations


def signatures(graded: Graded, result: dict[str, Any]) -> dict[str, str]:
    """part id -> base64 of the MinHash's uint32 values, for the rubric's copy-checked parts
    long enough to compare."""
    out: dict[str, str] = {}
    if graded.analysis is None:
        return out
    checked = {p.id for p in graded.analysis.rubric.parts if p.copy_check}
    for part in result.get("parts", []):
        if part["id"] not in checked:
            continue
        grams = shingles(section_text(graded.analysis.doc, part))
        if grams:
            values = _minhash(grams).hashvalues.astype("<u4")
            out[part["id"]] = base64.b64encode(values.tobytes()).decode("ascii")
    return out


def sidecar_line(result: dict[str, Any], sigs: dict[str, str]) -> dict[str, Any]:
    return {"path": result["path"], KEY_FIELD: result.get(KEY_FIELD, ""), "sigs": sigs}


@dataclass(frozen=True)
class Copy:
    part: str
    a: str
    b: str
    similarity: float


def band_params(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold (set a
    little lower, so borderline pairs are not lost to LSH's false negatives; every candidate
    is then scored on its full signature)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.1, threshold - 0.1), num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _band_runs(matrix: np.ndarray, band: int, rows: int) -> Iterator[np.ndarray]:
    """Groups of row numbers whose signatures agree on every value of one band."""
    mix = np.uint64(0x9E3779B97F4A7C15)
    cols = matrix[:, band * rows : (band + 1) * rows].astype(np.uint64)
    h = np.zeros(len(matrix), dtype=np.uint64)
    for c in range(cols.shape[1]):
        h = h * mix + cols[:, c] + np.uint64(1)  # wraps mod 2^64, as intended
    order = np.argsort(h, kind="stable")
    ordered = h[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    ends = np.append(starts[1:], len(ordered))
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a > 1:
            yield np.sort(order[a:b])


_BIG_BUCKET = 128
MAX_FLAGS = 10  # others a report's flags name, per part: the most similar; its group has all


def similar_pairs(
    matrix: np.ndarray, threshold: float, chunk: int = 8_192
) -> dict[tuple[int, int], float]:
    """Row pairs of a (reports x NUM_PERM) uint32 signature matrix at or above ``threshold``.

    LSH banding, vectorised per band (hash each band, sort, equal runs), then every candidate
    pair is scored right away, in chunks, and only the similar ones are kept: shared
    boilerplate can make millions of candidates, so none are held."""
    bands, rows = band_params(threshold)
    found: dict[tuple[int, int], float] = {}
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    pending = 0

    def keep(i: np.ndarray, j: np.ndarray) -> None:
        sims = (matrix[i] == matrix[j]).mean(axis=1)
        hit = sims >= threshold
        for a, b, sim in zip(i[hit].tolist(), j[hit].tolist(), sims[hit].tolist(), strict=True):
            found[(a, b)] = round(sim, 2)

    def flush() -> None:
        nonlocal pending
        if pending:
            keep(np.concatenate(left), np.concatenate(right))
        left.clear()
        right.clear()
        pending = 0

    for band in range(bands):
        for members in _band_runs(matrix, band, rows):
            if len(members) > _BIG_BUCKET:
                # A big bucket (a template a thousand units filled in, boilerplate everyone
                # shares): each row against the bucket's first and the row before it, so the
                # work and the pairs stay linear in the bucket (every pair of 5,000 copies is
                # 12.5 million, and the group they form is the same); the groups are joined
                # from these links (cohort.copy_clusters)
                keep(np.full(len(members) - 1, members[0]), members[1:])
                keep(members[1:-1], members[2:])
                continue
            a, b = np.triu_indices(len(members), k=1)
            left.append(members[a])
            right.append(members[b])
            pending += len(a)
            if pending >= chunk:
                flush()
    flush()
    return found


def find_copies(
    paths: list[str],
    matrices: dict[str, tuple[np.ndarray, np.ndarray]],
    threshold: float = DEFAULT_THRESHOLD,
    sha256: dict[str, str] | None = None,
) -> list[Copy]:
    """Near-duplicate pairs, per part. ``matrices[part]`` is (row -> index into ``paths``,
    signature matrix). Similarity is the MinHash estimate: the share of equal values. Two
    paths of one file (``sha256`` alike: the same report submitted twice) are no copying:
    the batch's summary lists them as submitted twice."""
    same = sha256 or {}
    found: list[Copy] = []
    for part, (owners, matrix) in sorted(matrices.items()):
        for (i, j), sim in sorted(similar_pairs(matrix, threshold).items()):
            a, b = paths[owners[i]], paths[owners[j]]
            if a != b and (same.get(a) is None or same.get(a) != same.get(b)):
                found.append(Copy(part=part, a=min(a, b), b=max(a, b), similarity=sim))
    return found


def copies_by_path(pairs: list[Copy]) -> dict[str, list[dict[str, Any]]]:
    """Each report's flags (both sides of every pair), in a stable order."""
    flags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in pairs:
        flags[c.a].append({"part": c.part, "other": c.b, "similarity": c.similarity})
        flags[c.b].append({"part": c.part, "other": c.a, "similarity": c.similarity})
    for path, items in flags.items():
        items.sort(key=lambda f: (f["part"], -f["similarity"], f["other"]))
        per_part: dict[str, int] = defaultdict(int)
        kept = []
        for f in items:
            per_part[f["part"]] += 1
            if per_part[f["part"]] <= MAX_FLAGS:
                kept.append(f)
        flags[path] = kept
    return dict(flags)


def load_matrices(
    results: Path,
) -> tuple[list[str], dict[str, Any], dict[str, tuple[np.ndarray, np.ndarray]], dict[str, str]]:
    """One pass over the results (paths, current flags, each file's sha256) and one over the
    sidecar (signatures of those results only; a later line for the same result wins), into
    one uint32 matrix per part: 512 bytes per report and part, nothing per line kept beyond
    that."""
    paths: list[str] = []
    current: dict[str, Any] = {}
    sha256: dict[str, str] = {}
    row_of: dict[tuple[str, str], int] = {}
    for obj in read_objects(results):
        path = obj.get("path")
        if not path:
            continue
        row_of[(path, obj.get(KEY_FIELD, ""))] = len(paths)
        paths.append(path)
        if obj.get("sha256"):
            sha256[path] = obj["sha256"]
        if obj.get(COPIES_FIELD):
            current[path] = obj[COPIES_FIELD]
    slots: dict[str, dict[int, np.ndarray]] = defaultdict(dict)
    for obj in read_objects(sidecar_path(results)):
        n = row_of.get((obj.get("path", ""), obj.get(KEY_FIELD, "")))
        if n is None:
            continue
        for rows in slots.values():  # a later line for the same result replaces all its parts
            rows.pop(n, None)
        for part, blob in (obj.get("sigs") or {}).items():
            values = np.frombuffer(base64.b64decode(blob), dtype="<u4")
            if len(values) == NUM_PERM:
                slots[part][n] = values
    matrices: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for part, rows in slots.items():
        owners = np.fromiter(sorted(rows), dtype=np.int64, count=len(rows))
        matrix = np.empty((len(rows), NUM_PERM), dtype=np.uint32)
        for k, n in enumerate(owners.tolist()):
            matrix[k] = rows[n]
        matrices[part] = (owners, matrix)
    return paths, current, matrices, sha256


def apply_copies(results: Path, threshold: float = DEFAULT_THRESHOLD) -> list[Copy]:
    """Detect copies among every result in ``results`` and write the flags into the lines.

    The file is rewritten (atomically) only when some line's flags change, so repeating a
    finished batch leaves it byte-for-byte as it was."""
    paths, current, matrices, sha256 = load_matrices(results)
    pairs = find_copies(paths, matrices, threshold, sha256)
    flags = copies_by_path(pairs)
    if flags != current:

        def patch(obj: dict[str, Any]) -> dict[str, Any]:
            new = flags.get(obj.get("path", ""), [])
            if new:
                obj[COPIES_FIELD] = new
            else:
                obj.pop(COPIES_FIELD, None)
            return obj

        rewrite(results, patch)
    return pairs
