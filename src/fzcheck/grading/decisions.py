"""Review decisions on disk: a plain JSON Lines file beside what was reviewed.

``results.jsonl`` → ``results.jsonl.decisions.jsonl``; ``report.docx`` →
``report.docx.decisions.jsonl``. A results file's reports are judged by both: the decisions
beside it and those beside each input it names (:func:`for_results`), so ``review FILE`` and
``review RESULTS`` reach every view alike.
Each line is one :class:`~fzcheck.result.Decision`, keyed by the input's sha256 and the rubric id
and version; a later line on the same target replaces an earlier one. Machine runs only read
this file, so no re-run overwrites a decision. The file is appended to and diff-able.

Which report a decision is about is one rule, :meth:`Reports.applies`: the report at the path
it was made on, when the results hold that path (its bytes changed since: it no longer applies,
see :meth:`Reports.stale`); else, the file renamed or moved, the one report with its bytes —
never several byte-identical copies other units sent (:meth:`Reports.ambiguous`). A decision
an older version wrote without a path is about its bytes, wherever they are. A decision that
names no part or check of the report's rubric, or a value its target cannot take (one written
by hand), is never applied nor shown (:func:`validated`).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from fzcheck.batch.plan import KEY_FIELD
from fzcheck.reading.inputs import DECISIONS_SUFFIX
from fzcheck.reading.limits import regular_within
from fzcheck.result import Decision, Result, field_names, result_from_json

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog, Rubric

SUFFIX = DECISIONS_SUFFIX


_NAME_MAX = 255  # bytes in one file name on the file systems reviewers use


def decisions_path(reviewed: str | Path) -> Path:
    """Where the decisions on ``reviewed`` are kept: beside the file it names — a symlink
    followed, so that the file and every link to it find the same ones (the results a batch
    wrote through a link are the file's, its signatures beside the file too)."""
    return _beside(_followed(Path(reviewed)))


def stores(reviewed: str | Path) -> list[Path]:
    """The decisions files about ``reviewed``: for a symlink, the one beside the link's name,
    where they were kept before — read still, so that none is lost — then its own
    (:func:`decisions_path`), the older first (made in one second, the later one wins)."""
    own = decisions_path(reviewed)
    path = Path(reviewed)
    if not path.is_symlink():
        return [own]
    by_link = _beside(path)
    return [own] if by_link == own else [by_link, own]


def _followed(path: Path) -> Path:
    """The file a symlink names (links to links followed); any other path as it is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _beside(path: Path) -> Path:
    """The decisions file beside ``path``, by its name."""
    if not path.name:  # "." or "/": name it by the folder it stands for
        path = path.resolve()
    if path.name.endswith(SUFFIX):
        return path
    name = path.name + SUFFIX
    if len(os.fsencode(name)) > _NAME_MAX:
        # a long name and the suffix past the limit: its start, and a hash of the whole
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:12]
        head = os.fsencode(path.name)[:120].decode("utf-8", "ignore")
        name = f"{head}-{digest}{SUFFIX}"
    return path.with_name(name)


MAX_BYTES = 256 * 1024 * 1024  # a decisions file: a line a decision, a few hundred bytes each


def load(path: Path, fix: str | Path | None = None) -> list[Decision]:
    """The decisions in ``path`` this desk sealed (:mod:`fzcheck.grading.seal`; none when it
    does not exist): the file may stand where a unit can put one (beside its report, beside a
    results file written into the submissions' folder). The others are left out and said once
    a run, with the fix: ``review FIX --adopt`` (``fix``: what the file is beside). A line that
    is no decision is skipped with a warning (:func:`read_all`)."""
    out = read_all(path)
    if not out:
        return out
    from fzcheck.grading.seal import desk_key, is_sealed

    key, why = desk_key()
    kept = [d for d in out if is_sealed(d, key)]
    if len(kept) < len(out):
        try:
            real = str(path.resolve())
        except (OSError, RuntimeError):
            real = str(path)
        _said_unsealed(real, len(out) - len(kept), str(fix or path), why)
    return kept


@lru_cache(maxsize=1024)
def _said_unsealed(path: str, n: int, fix: str, why: str) -> None:
    """Say once a run (a file by its real path) that decisions carry no seal of this desk —
    or, with no key to seal with, why (``review --adopt`` needs one)."""
    from fzcheck.output import warn
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    if why:
        warn(t("review.unsealed_no_key", path=visible(path), n=n, why=why))
        return
    shown = visible(fix)
    if any(c.isspace() for c in shown):  # the command as it is typed
        shown = f'"{shown}"'
    warn(t("review.unsealed", path=visible(path), n=n, report=shown))


def read_all(path: Path) -> list[Decision]:
    """Every decision in ``path``, sealed or not (none when it does not exist); a line that is
    no decision (not JSON, not UTF-8: an editor's GBK save of one note) is skipped with a
    warning, the others kept — never fatal. A file that is no regular file (a FIFO would be
    waited on for ever) or larger than any review's is read as none, with a warning."""
    from fzcheck.output import warn

    try:
        if not path.exists():
            return []
        if not regular_within(path, MAX_BYTES):
            warn(f"{path}: 不是普通文件，或大于256 MB，不像复核记录，已跳过")
            return []
        out: list[Decision] = []
        not_utf8: list[int] = []
        with path.open("rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                try:  # json.loads: a GBK file name's surrogates come back as written (append)
                    # utf-8-sig: Notepad and WPS put a byte-order mark before the first line
                    out.append(Decision.model_validate(json.loads(raw.decode("utf-8-sig"))))
                except UnicodeDecodeError:  # a note typed in, saved by an editor in GBK
                    not_utf8.append(n)
                except (ValidationError, ValueError, RecursionError):  # [[[… past the stack
                    warn(f"{path}:{n}: 不是有效的复核记录，已跳过")
        if not_utf8:  # one line for the file: saved whole in GBK, every line is
            lines = "、".join(map(str, not_utf8[:5])) + ("等" if len(not_utf8) > 5 else "")
            warn(
                f"{path}: 第{lines}行不是UTF-8编码（可能用记事本或WPS另存成了GBK），已跳过"
                f"{len(not_utf8)}条：请将该文件另存为UTF-8编码"
            )
    except OSError as err:
        warn(f"{path}: 无法读取复核记录（{err.strerror or err}），已跳过")
        return []
    return out


def load_beside(*reviewed: str | Path | None) -> list[Decision]:
    """The decisions stored beside any of ``reviewed`` (results files, a report) that this
    desk sealed (:func:`load`)."""
    out: list[Decision] = []
    seen: set[Path] = set()
    for item in reviewed:
        try:
            if item is None or str(item) == "-" or Path(item).is_dir():
                continue  # stdin, or a folder: decisions sit beside files
            paths = [store.resolve() for store in stores(item)]
        except (OSError, RuntimeError):  # a name too long for one more suffix, a symlink loop:
            continue  # no decisions file can stand beside it
        # beside the file and, kept there before, beside the link: merged as made (each
        # file's order kept: a later line on a target wins)
        found = [load(path, fix=item) for path in paths if path not in seen]
        seen.update(paths)
        out += heapq.merge(*found, key=_when)
    return out


def beside_report(report: str | Path, named: str | None = None) -> list[Decision]:
    """The decisions stored beside the report file ``report`` (``review FILE``) that this desk
    sealed and made on a file of its name — each as about ``named`` (the report as the results
    name it; else as given), however its path was typed (./a.txt, its absolute path, a bare
    name relative to the folder ``review`` ran in). A decisions file copied beside another
    report with the bytes it was made on (甲.txt's beside 丙.txt, a byte-identical copy) is
    not about it: those are left out and said."""
    named = str(report) if named is None else named
    out: list[Decision] = []
    other: set[str] = set()
    for d in load_beside(report):
        if d.path is not None and not _made_on(d.path, report):
            other.add(_file_name(d.path))
            continue
        out.append(d if d.path == named else d.model_copy(update={"path": named}))
    if other:  # (a store was read: its name can be made)
        _said_made_on_another(str(decisions_path(report)), "、".join(sorted(other)[:3]))
    return out


def _made_on(made_on: str, report: str | Path) -> bool:
    """Whether a decision made on the file named ``made_on``, stored beside ``report``'s file,
    is about ``report``: its name is the report's (or, ``report`` a symlink, its file's), or it
    names that same file — the report reviewed through a link of another name."""
    name = _file_name(made_on)
    if name in (_file_name(report), _file_name(_followed(Path(report)))):
        return True
    try:
        return os.path.samefile(made_on, report)
    except (OSError, ValueError):  # not there from here: another file's, as far as is known
        return False


def _file_name(path: str | Path) -> str:
    """A path's last name as every side spells it (\\ and / alike, a GBK name by its bytes)."""
    return path_key(str(path).replace("\\", "/").rsplit("/", 1)[-1])


@lru_cache(maxsize=1024)
def _said_made_on_another(path: str, names: str) -> None:
    from fzcheck.output import warn
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    warn(t("review.made_on_another", path=visible(path), names=visible(names)))


def beside_inputs(
    lines: Iterable[Mapping[str, Any]],
    loaded: Iterable[str | Path] = (),
    where: Mapping[tuple[str, str], str] | None = None,
) -> list[Decision]:
    """The decisions stored beside each input a results file names — where ``review FILE``
    keeps them (``FILE.decisions.jsonl``) — each as about the report at that path, as the
    results name it (:func:`beside_report`), as ``check FILE`` applies it. Its bytes still
    decide (:meth:`Reports.applies`): the input changed since, the decision is stale. One
    ``stat`` per input that was read: a missing decisions file costs nothing more. ``loaded``:
    the decisions files read already (beside the results), not read twice. ``where``: (path,
    batch key) -> the absolute path a batch graded the line from (its sidecar's record): a
    relative path is the batch's working folder's, not this command's, and the decisions
    beside it are found from any folder."""
    out: list[Decision] = []
    for path, at in inputs_with_decisions(lines, loaded, where):
        out += beside_report(at, named=path)
    return out


def inputs_with_decisions(
    lines: Iterable[Mapping[str, Any]],
    loaded: Iterable[str | Path] = (),
    where: Mapping[tuple[str, str], str] | None = None,
) -> Iterable[tuple[str, str]]:
    """Each input a results file names that has a decisions file beside it, once: its path as
    the results name it, and where it is from here (:func:`beside_inputs`)."""
    seen: set[str] = set()
    read: set[Path] = set()
    for item in loaded:
        try:
            read.update(store.resolve() for store in stores(item))
        except (OSError, RuntimeError, ValueError):
            continue
    for line in lines:
        path = line.get("path")
        if not path or not line.get("sha256") or str(path) == "-":
            continue  # nothing read (no decision is about it), or stdin
        at = (where or {}).get((str(path), str(line.get(KEY_FIELD, ""))), str(path))
        if at in seen:
            continue
        seen.add(at)
        try:
            # the one stat most inputs cost (a link: one more, for the file it names)
            found = {store.resolve() for store in stores(at) if store.is_file()}
        except (OSError, RuntimeError, ValueError):
            continue
        if not found or found <= read:  # none, or read already: the results' own, or the
            continue  # same report under two spellings
        read.update(found)
        yield str(path), at


Slot = tuple[str, str, str, str, str, str | None]


def slot(d: Decision) -> Slot:
    """The target a decision is on, as the grading applies it (the last one on it wins): on
    the report at its path (a copy another unit sent is another report)."""
    return (
        d.sha256,
        d.rubric,
        d.rubric_version,
        d.target,
        d.id,
        path_key(d.path) if d.path else None,
    )


def unsealed(store: Path) -> tuple[list[Decision], str]:
    """The decisions in ``store`` that ``review --adopt`` would seal — on each target, the one
    in force (the file's last on it) when it carries no seal of this desk — and, with no key
    to seal with, why."""
    from fzcheck.grading.seal import desk_key, is_sealed

    key, why = desk_key(make=True)
    if key is None:
        return [], why
    last: dict[Slot, Decision] = {}
    for d in read_all(store):
        last.pop(slot(d), None)  # re-inserted: the dict keeps the file's order of the last ones
        last[slot(d)] = d
    return [d for d in last.values() if not is_sealed(d, key)], ""


def _when(d: Decision) -> float:
    """A decision's time, to order decisions from two files (unreadable: the earliest)."""
    import datetime as dt

    try:
        at = dt.datetime.fromisoformat(str(d.at))
    except ValueError:
        return float("-inf")
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).timestamp()


def _graded_from(results_file: str | Path) -> Mapping[tuple[str, str], str]:
    """Where a batch graded each line of ``results_file`` from (its signature sidecar), none
    when it has no sidecar (a ``check`` file, stdin) or one that is no regular file."""
    from fzcheck.batch.store import graded_from, sidecar_path

    if str(results_file) == "-":
        return {}
    sidecar = sidecar_path(_followed(Path(results_file)))  # a batch writes it beside the file
    try:
        return graded_from(sidecar) if sidecar.is_file() else {}
    except OSError:
        return {}


def for_results(
    lines: Sequence[Mapping[str, Any]], results_file: str | Path, *, is_results: bool = True
) -> list[Decision]:
    """Every decision about a results file's reports: those stored beside it (``review
    RESULTS``) and those stored beside each input it names (``review FILE``), so that every
    view of the results — report, batch, letter, review — and ``check FILE`` judge a report
    alike. Each file's decisions keep their order (a later line on a target wins); between
    the two files, the later decision by its time wins, as the reviewer made them.
    ``is_results`` False: ``results_file`` is the report itself (``review FILE``)."""
    beside = load_beside(results_file) if is_results else beside_report(results_file)
    inputs = beside_inputs(lines, loaded=[results_file], where=_graded_from(results_file))
    if not inputs:
        return beside
    return list(heapq.merge(beside, inputs, key=_when))


def append(path: Path, decisions: Iterable[Decision]) -> int:
    """Add ``decisions`` to ``path``, a JSON line each; a file name that is not UTF-8 (GBK)
    written as JSON escapes, as the results file writes it (pydantic's JSON refused it)."""
    from fzcheck.grading.seal import desk_key, sealed
    from fzcheck.render.jsonfmt import dumps_line

    decisions = list(decisions)
    key, why = desk_key(make=True) if decisions else (None, "")
    if key is None and decisions:  # kept all the same: sealed by --adopt once there is a key
        from fzcheck.output import warn
        from fzcheck.render.i18n import t

        warn(t("review.recorded_unsealed", why=why))
    lines = [
        dumps_line(sealed(d, key).model_dump(mode="json", exclude_none=True)) for d in decisions
    ]
    if lines:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+b") as f:
            # a last line without its newline (an editor's save, a write cut short): this one
            # on a line of its own, not glued to it (both would be unreadable, and lost)
            torn = False
            if f.seek(0, os.SEEK_END) > 0:
                f.seek(-1, os.SEEK_END)
                torn = f.read(1) != b"\n"
            f.write(("\n" if torn else "").encode() + "".join(x + "\n" for x in lines).encode())
    return len(lines)


PART_VALUES = ("present", "embedded", "missing")
CHECK_VALUES = ("pass", "fail")
# the values in Chinese, as the pages and the letters say them (review --set takes them too)
WORDS = {
    "独立成节": "present",
    "嵌于他节": "embedded",
    "缺失": "missing",
    "通过": "pass",
    "未通过": "fail",
}


def value_for(target: str, value: object) -> str | None:
    """``value`` as stored for a decision on a ``target`` (part or check): present, pass…, from
    the word or its Chinese (嵌于他节, 未通过); None when that target cannot take it."""
    if not isinstance(value, str):
        return None
    chosen = WORDS.get(value.strip(), value.strip().lower())
    return chosen if chosen in (PART_VALUES if target == "part" else CHECK_VALUES) else None


def path_key(path: object) -> str:
    """A report's path as every side names it: a GBK file name as the results hold it (its
    bytes) and as a page's export names it (read, or its odd bytes as \\xff) alike."""
    from fzcheck.redact import decodable

    return decodable(str(path))


class Reports:
    """The reports a set of decisions is applied among — a results file's lines, the inputs of
    one ``check`` — by path and sha256, for the one rule of which report a decision is about."""

    def __init__(self, lines: Iterable[Mapping[str, Any]]) -> None:
        self._by_path: dict[str, set[str]] = {}  # path -> the sha256s of its lines
        self._by_sha: dict[str, set[str]] = {}  # sha256 -> the paths that hold those bytes
        self._paths: dict[str, str] = {}  # path key -> the path as the results name it
        for line in lines:
            sha = line.get("sha256")
            if not sha:  # nothing read: no decision is about it
                continue
            key = path_key(line.get("path"))
            self._by_path.setdefault(key, set()).add(str(sha))
            self._by_sha.setdefault(str(sha), set()).add(key)
            self._paths.setdefault(key, str(line.get("path")))

    @classmethod
    def of_files(cls, sources: Iterable[str]) -> Reports:
        """The files ``sources`` name, by the sha256 of their bytes (those that are regular
        files and can be read; stdin is none)."""
        lines = []
        for source in sources:
            if source == "-":
                continue
            try:
                if not regular_within(source):
                    continue  # a folder, a pipe: nothing a decision was made on
                with open(source, "rb") as f:
                    sha = hashlib.file_digest(f, "sha256").hexdigest()
            except (OSError, ValueError):
                continue
            lines.append({"path": source, "sha256": sha})
        return cls(lines)

    def applies(self, d: Decision, result: Mapping[str, Any]) -> bool:
        """Whether ``d`` is about ``result``: made on its path (and its bytes), or — no report
        here at that path, the file renamed or moved — on its bytes, held by this one report
        only. A decision without a path (an older version's) is about its bytes."""
        sha = result.get("sha256")
        if not sha or d.sha256 != sha:
            return False
        if not d.path:
            return True
        key = path_key(d.path)
        if key in self._by_path:
            return path_key(result.get("path")) == key
        return len(self._by_sha.get(d.sha256, ())) == 1

    def stale(self, d: Decision) -> str | None:
        """The path of the report ``d`` was made on when that file has changed since (the unit
        resubmitted it: same path, other bytes), else None."""
        key = path_key(d.path) if d.path else None
        if key is None or key not in self._by_path or d.sha256 in self._by_path[key]:
            return None
        return self._paths[key]

    def current(self, d: Decision) -> bool:
        """Whether ``d`` was made on the bytes its report's path holds now."""
        key = path_key(d.path) if d.path else None
        return key is not None and d.sha256 in self._by_path.get(key, ())

    def ambiguous(self, d: Decision) -> bool:
        """Whether ``d``'s report is not here by its path and several are by its bytes: copies
        of one file sent by several units, none of which it can be said to be about."""
        return (
            bool(d.path)
            and path_key(d.path) not in self._by_path
            and (len(self._by_sha.get(d.sha256, ())) > 1)
        )


def targets(result: Mapping[str, Any], rubric: Rubric | None) -> tuple[list[str], list[str]]:
    """The part ids and check ids (part.check, document.check) a decision on ``result`` can
    name: its rubric's, and the result's own (document.is_report, which every report has)."""
    from fzcheck.render import all_checks

    parts: list[str] = [p.id for p in rubric.parts] if rubric is not None else []
    checks: list[str] = []
    if rubric is not None:
        checks += [f"{p.id}.{c.id}" for p in rubric.parts for c in p.checks]
        checks += [f"document.{c.id}" for c in rubric.document_checks]
    parts += [str(p["id"]) for p in result.get("parts", []) if p["id"] not in parts]
    checks += [k for p, c in all_checks(result) if (k := f"{p}.{c['id']}") not in checks]
    return parts, checks


def validated(d: Decision, parts: Sequence[str], checks: Sequence[str]) -> Decision | str:
    """``d`` with its values as stored (通过 → pass; a machine status no target takes dropped),
    or why it cannot apply — an id not among ``parts`` / ``checks`` (its report's, see
    :func:`targets`), a value its target cannot take — as one line a reviewer reads."""
    from fzcheck.render.i18n import t

    ids = parts if d.target == "part" else checks
    what = t(f"review.{d.target}")
    if d.id not in ids:
        return t("review.bad_id", target=what, id=d.id, value=d.set, allowed="、".join(ids))
    value = value_for(d.target, d.set)
    if value is None:
        allowed = PART_VALUES if d.target == "part" else CHECK_VALUES
        words = [k for k, v in WORDS.items() if v in allowed]
        return t(
            "review.bad_set",
            target=what,
            id=d.id,
            value=d.set,
            allowed=f"{'|'.join(allowed)}（{'|'.join(words)}）",
        )
    machine = value_for(d.target, d.machine) if d.machine is not None else None
    if value == d.set and machine == d.machine:
        return d
    return d.model_copy(update={"set": value, "machine": machine})


def with_review(
    result: Mapping[str, Any],
    decisions: list[Decision],
    rubrics: Catalog,
    reports: Reports | None = None,
) -> dict[str, Any]:
    """The result line with an added ``review`` block when a decision is about it (its other
    keys, such as a batch line's ``copies``, kept as they are). Which decisions are about it is
    :meth:`Reports.applies` among ``reports`` — the results it is one of (by default itself
    alone); one that names no part or check of its rubric, or a value it cannot take, is left
    out (:func:`validated`)."""
    out = dict(result)
    sha = result.get("sha256")
    mine = [d for d in decisions if d.sha256 == sha] if sha else []
    if not mine:
        return out
    among = reports if reports is not None else Reports([result])
    mine = [d for d in mine if among.applies(d, result)]
    rubric = rubrics.for_result(result) if mine else None
    if rubric is None:
        # said, not silently dropped: a custom rubric not given, or since upgraded (one graded
        # with other content under a rubric's id and version: said by the catalog already)
        if mine and not rubrics.other_content(result):
            ref = result.get("rubric") or {}
            _rubric_unknown(str(ref.get("id")), str(ref.get("version")))
        return out
    parts, checks = targets(result, rubric)
    mine = [v for d in mine if isinstance(v := validated(d, parts, checks), Decision)]
    if not mine:
        return out
    from fzcheck.grading.grade import apply_review

    names = field_names(Result)
    known = {k: v for k, v in result.items() if k in names and k != "review"}
    try:
        graded = apply_review(result_from_json(known), mine, rubric)
    except ValidationError:
        return out
    if graded.review is not None:
        # (a seal is the decisions file's business: the views show what was decided)
        out["review"] = graded.review.model_dump(
            mode="json", exclude_none=True, exclude={"decisions": {"__all__": {"seal"}}}
        )
    return out


@lru_cache(maxsize=64)
def _rubric_unknown(rubric_id: str, version: str) -> None:
    """Say once a run that decisions on results of a rubric not at hand were not applied."""
    from fzcheck.output import warn
    from fzcheck.render.i18n import t

    warn(t("review.rubric_unknown", rubric=rubric_id, version=version))


def parse_export(text: str) -> list[dict[str, Any]]:
    """Decisions exported from the HTML page: ``{"fzcheck_decisions": 1, "decisions": [...]}``
    or a JSON Lines file of decisions."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = data.get("decisions") or [data]
    items = [i for i in data if isinstance(i, dict)] if isinstance(data, list) else []
    if not items:  # an empty file, a bare "x", [] or {}: no export of any page
        raise ValueError("no decisions in it")
    return items


def reviewed_lines(
    lines: Iterable[dict[str, Any]],
    results_file: str | Path,
    rubrics: Catalog,
    decisions: list[Decision] | None = None,
) -> Iterable[dict[str, Any]]:
    """A results file's lines with the decisions about them applied (:func:`for_results`:
    stored beside it and beside each input; or ``decisions``, loaded already), each to the
    report it is about among these lines (:meth:`Reports.applies`)."""
    lines = lines if isinstance(lines, Sequence) else list(lines)
    if decisions is None:
        decisions = for_results(lines, results_file)
    if not decisions:
        yield from lines
        return
    reports = Reports(lines)
    for line in lines:
        yield with_review(line, decisions, rubrics, reports)
