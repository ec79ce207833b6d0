"""fzcheck review FILE|results.jsonl : record, import or list a reviewer's decisions."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzcheck.rubric.model import Rubric

_MAX_EXPORT = 64 * 1024 * 1024  # bytes: a page's export of decisions is kilobytes

EXAMPLES = """examples:
  fzcheck review report.docx --part problems --set embedded --note "见第3页"
  fzcheck review results.jsonl --report 县司法局.docx --check problems.gives_causes --set pass
  fzcheck review results.jsonl --report 县司法局.docx --part problems --accept
  fzcheck review results.jsonl --import fzcheck-decisions.json   # exported from the HTML page
  fzcheck review results.jsonl                                  # list the decisions
  fzcheck review results.jsonl --adopt    # list decisions this desk did not seal (--yes: apply)"""


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". Decisions are kept in "
        "TARGET.decisions.jsonl, each about the report it was made on (its path and "
        "sha256, and rubric); machine re-runs never change them. Results files are read "
        "with the decisions beside them and beside each report file they name.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "target",
        metavar="FILE|RESULTS",
        help="a report file, or a results file (.jsonl/.json) from batch or check",
    )
    p.add_argument(
        "--report",
        metavar="PATH|SHA",
        help="which report in RESULTS: its path, file name (with or without the suffix), "
        "the end of its path from a folder on (乡镇/报告.txt), sha256 prefix, or its issuer "
        "or title; exact matches win over words of them",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--part", metavar="ID", help="a part id (see fzcheck rubric show)")
    what.add_argument("--check", metavar="ID", help="a check id (part.check or document.check)")
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--set",
        dest="value",
        metavar="VALUE",
        help="present|embedded|missing for a part, pass|fail for a check",
    )
    how.add_argument("--accept", action="store_true", help="confirm the machine's status")
    p.add_argument("--note", help="why (for example 见第3页)")
    p.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        help="import decisions exported from the HTML page",
    )
    p.add_argument(
        "--adopt",
        action="store_true",
        help="list the decisions beside the report, the results file or each report it names "
        "that this desk did not seal (recorded by an older version, on another machine, by "
        "hand — or sent by a unit), to apply them with --yes",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="with --adopt: seal the decisions it listed (without it, --adopt only lists them)",
    )
    p.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="the rubric the report is graded with, when it is not bundled",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.commands.letter import WORKBOOKS
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import SUFFIX, Reports, append, decisions_path, for_results
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.rubric import Catalog

    target = Path(args.target)
    if target.is_dir():
        raise UsageError(t("review.is_folder", path=visible(str(target))))
    if not target.is_file():
        raise UsageError(t("no_such_file", path=target))
    if target.suffix.lower() in WORKBOOKS:  # a sheet fzcheck wrote is no report, nor results
        raise UsageError(t("review.workbook", path=visible(str(target))))
    if target.name.endswith(SUFFIX):  # the decisions themselves: reviewed through what they are on
        reviewed = str(target)[: -len(SUFFIX)]
        raise UsageError(
            t("review.decisions_file", path=visible(str(target)), of=visible(reviewed))
        )
    rubrics = Catalog.load(args.rubric)
    results, is_results = _results(target, rubrics)
    store = decisions_path(target)
    if args.yes and not args.adopt:
        raise UsageError(t("review.yes_alone"))
    if args.adopt:
        if args.import_file or args.part or args.check or args.value or args.accept:
            raise UsageError(t("review.adopt_alone"))
        return _adopt(target, results, is_results, args.yes)
    if args.import_file:
        return _import(Path(args.import_file), results, store, rubrics, is_results=is_results)
    if args.part is None and args.check is None:
        if args.value is not None or args.accept or args.note is not None:
            raise UsageError(t("review.which"))
        # beside RESULTS and beside each input (beside a report: sealed by this desk only)
        decisions = for_results(results, target, is_results=is_results)
        warn_stale(results, decisions)
        _warn_invalid(results, decisions, rubrics)
        # --report: that report's decisions only (one not found is an error, as when recording)
        shown = [_pick(results, args.report, target)] if args.report else results
        # (decisions that apply to none: the warnings above said why)
        if not _list(shown, decisions, rubrics, Reports(results)) and (
            args.report or not decisions
        ):
            named = shown[0]["path"] if args.report else target
            stderr().print(t("review.none_recorded", path=visible(str(named))), markup=False)
        return 0
    if not (args.value or args.accept):
        raise UsageError(t("review.what"))
    result = _pick(results, args.report, target)
    decision = _decision(result, args, rubrics.for_result(result))
    n = append(store, [decision])
    said = t("review.recorded", n=n, path=visible(str(store)))
    if not is_results:  # beside the report: where the results that name it find it too
        said += t("review.recorded_beside_report")
    stderr().print(said, markup=False, highlight=False)
    # shown as among all of them, with the decisions every view applies
    _list([result], for_results(results, target, is_results=is_results), rubrics, Reports(results))
    return 0


def _adopt(target: Path, results: list[dict[str, Any]], is_results: bool, yes: bool) -> int:
    """The decisions without this desk's seal beside ``target`` (and, for a results file,
    beside each report it names) — each shown, as it would change its report — sealed only
    with ``yes``: a unit can send such a file, a reviewer reads them before they apply."""
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import (
        _graded_from,
        append,
        inputs_with_decisions,
        stores,
        unsealed,
    )
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.render.i18n import decision_text, t

    # beside the file and beside a link's name (kept there before), for the report too
    files = stores(target)
    if is_results:
        beside = inputs_with_decisions(results, [target], _graded_from(target))
        files += [store for _, at in beside for store in stores(at)]
    found: list[tuple[Path, list[Any]]] = []
    for store in files:
        decisions, why = unsealed(store)
        if why:
            raise UsageError(why)
        if decisions:
            found.append((store, decisions))
    if not found:
        stderr().print(t("review.adopt_none", path=visible(str(target))), markup=False)
        return 0
    con = stderr()
    lines = {r.get("sha256"): r for r in results}  # a part's label, a check's name
    for store, decisions in found:
        con.print(visible(str(store)), markup=False, highlight=False)
        for d in decisions:
            when = f"  {d.at}" if d.at else ""
            text = decision_text(d.model_dump(mode="json"), lines.get(d.sha256))
            con.print(f"  {visible(d.path or d.sha256[:12])}：{visible(text)}{when}", markup=False)
    n = sum(len(d) for _, d in found)
    if not yes:
        con.print(t("review.adopt_confirm", n=n, target=visible(str(target))), markup=False)
        return 0
    for store, decisions in found:
        append(store, decisions)  # sealed copies after them: each the one in force on its target
    con.print(t("review.adopted", n=n), markup=False)
    return 0


def _results(target: Path, rubrics: Any) -> tuple[list[dict[str, Any]], bool]:
    """The machine results the decisions are about: a results file's lines (and True), or the
    report checked now (and False)."""
    import json

    if target.suffix in (".jsonl", ".json"):
        from fzcheck.errors import UsageError
        from fzcheck.render.i18n import t

        try:
            text = target.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(t("review.not_readable", path=target, why=err)) from None
        try:
            data = json.loads(text)
            lines = data if isinstance(data, list) else [data]
        except RecursionError:  # [[[[… nested past what any results file holds
            raise UsageError(t("review.too_deep", path=target)) from None
        except json.JSONDecodeError:
            from fzcheck.batch.store import read_objects

            lines = list(read_objects(target))
        if lines and all(isinstance(r, dict) and "verdict" in r for r in lines):
            from fzcheck.batch.store import is_result

            # results in name only (hand-made, or edited: "parts": "p", "sha256": [...]) are
            # the usage error `report` gives them, not a traceback further on
            bad = next((n for n, r in enumerate(lines, 1) if not is_result(r)), None)
            if bad is not None:
                raise UsageError(t("batch.not_a_results_array", path=target, item=bad))
            return lines, True
    from fzcheck.pipeline import check_source

    return [check_source(str(target), rubrics).result.to_json()], False


def _pick(results: list[dict[str, Any]], which: str | None, target: Path) -> dict[str, Any]:
    """The report ``which`` names. Exact before partial: its path as the results name it
    (report.txt is the report.txt there, not also 乡镇/report.txt), then its path or file name
    (or a sha256 prefix), then the end of its path from a folder on (乡镇/报告.txt for
    subs/乡镇/报告.txt), then its name without the suffix (县市场监管局 for 县市场监管局.docx), then its issuer or
    title as a whole, and only then words of its issuer, title or file name — so that 县司法局
    is 县司法局.txt, not also 寅县司法局's report. The first kind that matches decides; more
    than one report matched there is an error listing them, each by the shortest end of its
    path that tells it apart (:func:`names_apart`), which ``--report`` then takes."""
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    if which is None:
        if len(results) == 1:
            return results[0]
        raise UsageError(t("review.which_report", path=target, n=len(results)))
    hits: list[dict[str, Any]] = []
    for matches in (_is_path, _is_file, _is_suffix, _is_stem, _is_unit, _in_unit, _is_typed_so):
        hits = [r for r in results if matches(r, which)]
        if hits:
            break
    if len(hits) != 1:
        shown = [str(r.get("path")) for r in (hits or _nearest(results, which) or results)]
        apart = names_apart(shown[:10], (str(r.get("path")) for r in results))
        names = "、".join(apart[p] for p in shown[:10])
        more = "…" if len(shown) > 10 else ""
        raise UsageError(
            t(
                "review.no_match_apart" if hits else "review.none_match",
                which=which,
                path=target,
                n=len(hits),
                names=names + more,
            )
        )
    return hits[0]


def names_apart(paths: Iterable[str], among: Iterable[str] = ()) -> dict[str, str]:
    """Each of ``paths`` named as :func:`~fzcheck.render.short_names` names it, among ``among``
    too, with a GBK name read as such and shown safe for a terminal
    (:func:`~fzcheck.redact.visible`)."""
    from fzcheck.grading.decisions import path_key
    from fzcheck.redact import visible
    from fzcheck.render import short_names

    keys = {p: path_key(p) for p in dict.fromkeys(paths)}
    named = short_names(keys.values(), (path_key(p) for p in among))
    return {p: visible(named[k] if named[k] != k else p) for p, k in keys.items()}


def _names(r: dict[str, Any]) -> tuple[str, str]:
    """The report's file name as stored and as a reviewer reads it (a GBK name read as such)."""
    from fzcheck.redact import gbk_read

    name = Path(str(r.get("path"))).name
    return name, gbk_read(name)


def _is_path(r: dict[str, Any], which: str) -> bool:
    """``which`` is the report's path as the results name it (./report.txt for report.txt, a
    GBK name read as such too)."""
    from fzcheck.grading.decisions import path_key

    path = str(r.get("path"))
    if which in (path, path_key(path)):
        return True
    try:
        return os.path.normpath(which) in (os.path.normpath(path), os.path.normpath(path_key(path)))
    except ValueError:
        return False


def _is_file(r: dict[str, Any], which: str) -> bool:
    path = str(r.get("path"))
    if which in _names(r):
        return True
    if len(which) >= 8 and str(r.get("sha256") or "").startswith(which.lower()):
        return True
    try:  # reports/县司法局.txt for the /desk/reports/县司法局.txt in the results
        return os.sep in which and Path(which).resolve() == Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def _is_suffix(r: dict[str, Any], which: str) -> bool:
    """乡镇/报告.txt for subs/乡镇/报告.txt: the end of its path, from a folder on (a GBK name
    read as such too)."""
    from fzcheck.grading.decisions import path_key

    want = PurePath(which).parts
    if len(want) < 2 or PurePath(which).is_absolute():
        return False  # a bare name is matched as a file name; a whole path as itself
    have = str(r.get("path"))
    return any(
        len(parts) >= len(want) and parts[-len(want) :] == want
        for parts in {PurePath(have).parts, PurePath(path_key(have)).parts}
    )


def _is_stem(r: dict[str, Any], which: str) -> bool:
    return which in {Path(name).stem for name in _names(r)}


def _typed(name: str) -> str:
    """A name as typed whatever its widths, brackets and spaces: （2025年度） (2025年度) and
    【2025年度】 are one, 某 街道 and 某街道 too."""
    from fzcheck.document import fold_width

    return _BRACKETS.sub("(", _CLOSING.sub(")", "".join(fold_width(name).split()))).lower()


_BRACKETS = re.compile(r"[(\[【〔［{]")
_CLOSING = re.compile(r"[)\]】〕］}]")


def _is_typed_so(r: dict[str, Any], which: str) -> bool:
    """The file name, or it without its suffix, typed with other brackets, widths or spaces."""
    typed = _typed(which)
    return any(typed in (_typed(n), _typed(Path(n).stem)) for n in _names(r))


def _nearest(results: list[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    """The reports whose file names come closest to a name matching none (a typo): shown
    first, where the first ten by name were."""
    import difflib

    by_name = {_typed(Path(str(r.get("path"))).stem): r for r in results}
    close = difflib.get_close_matches(_typed(Path(which).stem), list(by_name), n=5, cutoff=0.5)
    return [by_name[c] for c in close]


def _is_unit(r: dict[str, Any], which: str) -> bool:
    """Its issuer or title as written, or the unit as the sheets, the CSV and the letters name
    it (a Traditional report's in Simplified: 湘潭县数据局 for 湘潭縣數據局)."""
    from fzcheck.render.csvfmt import unit_of

    d = r.get("document") or {}
    return which in (d.get("issuer"), d.get("title"), unit_of(r))


def _in_unit(r: dict[str, Any], which: str) -> bool:
    """县教育局: words of the unit that wrote it (as a reviewer names a report) or its name."""
    return which in _unit(r) or any(which in Path(name).stem for name in _names(r))


def _unit(result: dict[str, Any]) -> str:
    from fzcheck.render.csvfmt import unit_of

    d = result.get("document") or {}
    return f"{d.get('issuer') or ''} {d.get('title') or ''} {unit_of(result)}"


def _unrun_checks(result: dict[str, Any], rubric: Rubric | None) -> dict[str, dict[str, Any]]:
    """The checks of each part the machine found missing (it ran none of them): a reviewer who
    finds the part decides them. And the document's checks it did not run (the publication
    deadline, no publication date known): a reviewer who has seen the site's date decides it."""
    if rubric is None:
        return {}
    year = (result.get("document") or {}).get("report_year")
    ran = {c["id"] for c in result.get("checks", [])}
    return {
        **{
            f"{p['id']}.{cs.id}": {"id": cs.id, "name": cs.description}
            for p in result.get("parts", [])
            if p["status"] == "missing" and (spec := rubric.part(p["id"])) is not None
            for cs in spec.checks_for(year)
        },
        **{
            f"document.{ds.id}": {"id": ds.id, "name": ds.description}
            for ds in rubric.document_checks
            if ds.id not in ran
        },
    }


def _decision(result: dict[str, Any], args: argparse.Namespace, rubric: Rubric | None) -> Any:
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import CHECK_VALUES, PART_VALUES
    from fzcheck.render.i18n import t
    from fzcheck.result import Decision

    if not result.get("ok") or not result.get("sha256"):
        raise UsageError(t("review.unreadable_report", path=result.get("path")))
    parts = {p["id"]: p for p in result.get("parts", [])}
    if args.part is not None:  # (--part "": no part, said so — not a listing of decisions)
        # by its id, its label (存在不足) or its name (存在的不足和原因)
        named = [k for k, p in parts.items() if args.part in (k, p.get("label"), p.get("name"))]
        if len(named) != 1:
            listed = "、".join(
                f"{k}（{p.get('label') or p.get('name')}）" for k, p in parts.items()
            )
            words = [w for p in parts.values() for w in (p["id"], p.get("label"), p.get("name"))]
            raise UsageError(
                t("review.no_part", part=args.part, listed=listed) + _hint(args.part, words)
            )
        key = named[0]
        machine = parts[key]["status"]
        allowed: tuple[str, ...] = PART_VALUES
        target = "part"
    else:
        from fzcheck.render import all_checks

        checks = {f"{p}.{c['id']}": c for p, c in all_checks(result)}
        unrun = _unrun_checks(result, rubric)
        key = _check_key({**checks, **unrun}, args.check)
        if key in unrun and args.accept:
            raise UsageError(t("review.unchecked_no_accept", check=key))
        machine = None if key in unrun else "pass" if checks[key]["passed"] else "fail"
        allowed, target = CHECK_VALUES, "check"
    value = machine if args.accept else _value(args.value, allowed)
    if target == "check" and value == "fail" and machine != "fail" and not args.note:
        from fzcheck.output import warn

        # the unit's letter says why from the note alone: without one, only 经审核认定未通过
        warn(t("review.fail_without_note", check=key))
    graded_by = result.get("rubric") or {}
    return Decision(
        sha256=result["sha256"],
        rubric=str(graded_by.get("id")),
        rubric_version=str(graded_by.get("version")),
        target=target,
        id=key,
        set=value,
        machine=machine,
        accept=bool(args.accept),
        note=args.note,
        path=result.get("path"),
        at=_now(),
        by="cli",
    )


def shown_name(name: str) -> str:
    """A check's name as the views show it in short: its description without the bracketed
    note that ends it (开头所述年度与报告年度一致（开头只写上一年…） → 开头所述年度与报告年度一致)."""
    return re.sub(r"\s*[（(][^（）()]*[）)]\s*$", "", name).strip()


def _check_key(checks: dict[str, dict[str, Any]], check: str) -> str:
    """The part.check key ``check`` names: by the key, the check's own id, its name as written
    in the rubric or as shown (without its bracketed note)."""
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    wanted = check.strip()
    matches = [
        k
        for k, c in checks.items()
        if wanted in (k, c.get("name"))
        or k.endswith("." + wanted)
        or (c.get("name") and shown_name(str(c["name"])) == shown_name(wanted))
    ]
    if len(matches) != 1:
        listed = "、".join(f"{k}（{c.get('name') or ''}）" for k, c in checks.items())
        words = [w for k, c in checks.items() for w in (k, shown_name(str(c.get("name") or "")))]
        raise UsageError(t("review.no_check", check=check, listed=listed) + _hint(check, words))
    return matches[0]


def _value(value: str, allowed: tuple[str, ...]) -> str:
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import WORDS  # --set in Chinese, as pages and letters say it
    from fzcheck.render.i18n import t

    chosen = WORDS.get(value.strip(), value.strip().lower())
    if chosen not in allowed:
        words = [*allowed, *(k for k, v in WORDS.items() if v in allowed)]
        raise UsageError(
            t("review.bad_value", value=value, allowed="|".join(allowed)) + _hint(value, words)
        )
    return chosen


def _hint(typed: str, words: list[Any]) -> str:
    """，是否想输入 embedded？ when one of ``words`` is close to what was typed."""
    import difflib

    from fzcheck.render.i18n import t

    choices = [str(w) for w in words if w]
    match = difflib.get_close_matches(typed, choices, n=1, cutoff=0.6)
    return t("usage.did_you_mean", match=match[0]) if match and match[0] != typed else ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _import(
    file: Path, results: list[dict[str, Any]], store: Path, rubrics: Any, *, is_results: bool
) -> int:
    """Add the decisions in ``file`` (a page's export) that are about ``results`` to ``store``
    (beside a report, ``is_results`` False: its sealed decisions are those stored).
    One that names no part or check of its report's rubric, or a value its target cannot take,
    is refused with a line saying which and what it can be; the others are imported, and the
    exit code is 2 when any was refused (as ``letter`` does for a letter it cannot write)."""
    import json

    from pydantic import ValidationError

    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import (
        Reports,
        append,
        for_results,
        load,
        parse_export,
        slot,
        targets,
        validated,
    )
    from fzcheck.output import error, stderr
    from fzcheck.reading.limits import regular_within
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.result import Decision

    try:
        if not regular_within(file, _MAX_EXPORT):  # a page's export is kilobytes
            raise UsageError(t("review.not_export", path=file, why=t("review.not_a_file")))
        items = parse_export(file.read_text(encoding="utf-8-sig"))  # opened and saved in Notepad
    except FileNotFoundError:
        raise UsageError(t("no_such_file", path=file)) from None
    except OSError as err:
        raise UsageError(t("review.not_export", path=file, why=err.strerror or err)) from None
    except UnicodeDecodeError:
        raise UsageError(t("review.not_export", path=file, why=t("review.not_utf8"))) from None
    except (json.JSONDecodeError, RecursionError):
        raise UsageError(t("review.not_export", path=file, why=t("review.not_json"))) from None
    except ValueError:  # JSON, but no decision in it
        raise UsageError(t("review.not_export", path=file, why=t("review.no_decisions"))) from None
    graded: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for r in results:
        ref = r.get("rubric") or {}
        graded.setdefault((r.get("sha256"), ref.get("id"), ref.get("version")), []).append(r)
    reports = Reports(results)
    stored = load(store)
    good: list[Decision] = []
    same = refused = skipped = 0
    # the decision in force on each target: the last one, stored or imported before it
    latest = {slot(x): x for x in stored}
    for n, item in enumerate(items, 1):
        try:
            d = Decision.model_validate(
                {**item, "by": item.get("by") or "html", "at": item.get("at") or _now()}
            )
        except ValidationError as err:
            fields = "、".join(sorted({str(e["loc"][0]) for e in err.errors() if e["loc"]}))
            sha = item.get("sha256")
            line = next((r for r in results if sha and r.get("sha256") == sha), None)
            named = item.get("path") or (line or {}).get("path") or sha or file.name
            error(t("review.bad_decision", report=_shown(named, results), n=n, fields=fields))
            refused += 1
            continue
        lines = graded.get((d.sha256, d.rubric, d.rubric_version))
        if not lines:
            skipped += 1
            continue
        # its report, for the rubric's parts and checks: the one it is about (a copy's as well)
        line = next((r for r in lines if reports.applies(d, r)), lines[0])
        checked = validated(d, *targets(line, rubrics.for_result(line)))
        if isinstance(checked, str):
            named = line.get("path") if reports.applies(d, line) else d.path or line.get("path")
            error(t("review.refused", report=_shown(named, results), why=visible(checked)))
            refused += 1
            continue
        d = checked
        # importing the same export twice adds nothing. A decision with its time is one
        # event: stored already (the same verdict, note and time), it is not added again,
        # wherever it stands (an export holds the page's history, and adding an earlier
        # event again would undo the later one). One without a time is the same only as
        # the decision in force on its target: a reviewer going back to a verdict they had
        # changed (pass, then fail, then pass imported) is a new decision.
        if item.get("at"):
            duplicate = any(_same(d, x, timed=True) for x in [*stored, *good])
        else:
            current = latest.get(slot(d))
            duplicate = current is not None and _same(d, current, timed=False)
        if duplicate:
            same += 1
        else:
            good.append(d)
            latest[slot(d)] = d
    n = append(store, good)
    said = t("review.imported_new", n=n, same=same, skipped=skipped, path=visible(str(store)))
    if refused:
        said += "；" + t("review.refused_count", n=refused)
    stderr().print(said, markup=False, highlight=False)
    # stored, imported, beside each input
    warn_stale(results, for_results(results, store, is_results=is_results))
    return 2 if refused else 0


def _shown(path: object, results: list[dict[str, Any]]) -> str:
    """A report as a message names it: its file name, or the end of its path that tells it
    apart from the other reports in ``results`` (乡镇/报告.txt; :func:`names_apart`); a
    sha256 by its start."""
    text = str(path)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return text[:12]
    return names_apart([text], (str(r.get("path")) for r in results))[text] or text


_SAME = ("sha256", "rubric", "rubric_version", "target", "id", "set", "machine", "accept", "note")


def _same(a: Any, b: Any, timed: bool) -> bool:
    from fzcheck.grading.decisions import slot

    return (
        all(getattr(a, k) == getattr(b, k) for k in _SAME)
        and slot(a) == slot(b)
        and (not timed or a.at == b.at)
    )


def stale(results: list[dict[str, Any]], decisions: list[Any]) -> list[tuple[str, int]]:
    """(name, decisions) for each report in ``results`` that decisions were made on before
    its file changed (a unit resubmitted it: same path, other sha256). They no longer apply —
    a decision is keyed to the bytes it judged — and would otherwise vanish without a word.
    A report is named by its file name, or the end of its path that tells it apart from the
    others (乡镇/报告.txt; :func:`names_apart`)."""
    from fzcheck.grading.decisions import Reports, path_key

    reports = Reports(results)
    # a report reviewed again since it changed: its old decisions were dealt with, not lost
    again = {path_key(d.path) for d in decisions if reports.current(d)}
    gone: dict[str, set[tuple[str, str, str]]] = {}
    for d in decisions:
        path = reports.stale(d)
        if path is not None and path_key(path) not in again:
            # the same target decided twice (or imported twice) is one decision that went stale
            gone.setdefault(path, set()).add((d.sha256, d.target, d.id))
    apart = names_apart(list(gone), (str(r.get("path")) for r in results))
    return [(apart[p], len(ids)) for p, ids in gone.items()]


def reviewed_and_said(
    lines: list[dict[str, Any]], results_file: Path, rubrics: Any
) -> list[dict[str, Any]]:
    """A results file's lines with the decisions about them applied, and those that no longer
    apply said (:func:`warn_stale`): a file edited since lost its overrule silently in the
    summary and the workbook, said only by review and letter."""
    from fzcheck.grading.decisions import for_results, reviewed_lines

    decisions = for_results(lines, results_file)
    warn_stale(lines, decisions)
    return list(reviewed_lines(lines, results_file, rubrics, decisions))


def warn_stale(results: list[dict[str, Any]], decisions: list[Any]) -> None:
    """Say once that decisions on changed files no longer apply, and which files; that those
    on a report renamed or moved whose bytes several reports hold apply to none of them; and
    that those made under an older version of the rubric no longer apply."""
    from fzcheck.grading.decisions import Reports
    from fzcheck.output import warn
    from fzcheck.render.i18n import t

    changed = stale(results, decisions)
    if changed:
        names = "、".join(name for name, _ in changed[:10]) + ("…" if len(changed) > 10 else "")
        warn(t("review.stale", n=sum(n for _, n in changed), names=names))
    warn_ambiguous(results, decisions)
    # decisions on the same report under another version of the rubric (graded again since)
    reports = Reports(results)
    by_sha: dict[Any, list[dict[str, Any]]] = {}
    for r in results:
        by_sha.setdefault(r.get("sha256"), []).append(r)
    older = {
        (d.sha256, d.target, d.id, d.path)
        for d in decisions
        for r in by_sha.get(d.sha256, ())
        if (r.get("rubric") or {}).get("id") == d.rubric
        and (r.get("rubric") or {}).get("version") not in (None, d.rubric_version)
        and reports.applies(d, r)
    }
    if older:
        warn(t("review.old_rubric", n=len(older)))


def warn_ambiguous(results: list[dict[str, Any]], decisions: list[Any]) -> None:
    """Say once which decisions apply to no report: made on a report no longer at its path,
    whose bytes several reports hold (copies of one file that several units sent)."""
    from fzcheck.grading.decisions import Reports
    from fzcheck.output import warn
    from fzcheck.render.i18n import t

    reports = Reports(results)
    lost: dict[str, set[tuple[str, str, str]]] = {}
    for d in decisions:
        if reports.ambiguous(d):
            lost.setdefault(str(d.path), set()).add((d.sha256, d.target, d.id))
    if lost:
        # named apart from each other and from the reports here (it is none of them)
        apart = names_apart(list(lost)[:10], (str(r.get("path")) for r in results))
        names = "、".join(apart.values()) + ("…" if len(lost) > 10 else "")
        warn(t("review.ambiguous", n=sum(len(v) for v in lost.values()), names=names))


def _warn_invalid(results: list[dict[str, Any]], decisions: list[Any], rubrics: Any) -> None:
    """Say which stored decisions are never applied nor shown: one naming no part or check of
    its report's rubric, or a value its target cannot take (a file edited by hand)."""
    from fzcheck.grading.decisions import Reports, targets, validated
    from fzcheck.output import warn
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    reports = Reports(results)
    by_sha: dict[Any, list[dict[str, Any]]] = {}
    for r in results:
        by_sha.setdefault(r.get("sha256"), []).append(r)
    said: set[str] = set()
    for d in decisions:
        for r in by_sha.get(d.sha256, ()):
            rubric = rubrics.for_result(r)
            if (
                rubric is None
                or (rubric.id, rubric.version) != (d.rubric, d.rubric_version)
                or not reports.applies(d, r)
            ):
                continue  # not applied for another reason: another rubric, another report
            why = validated(d, *targets(r, rubric))
            if isinstance(why, str):
                line = t("review.invalid", report=_shown(r.get("path"), results), why=why)
                if line not in said:  # the same decision written twice: said once
                    said.add(line)
                    warn(visible(line))


def _list(
    results: list[dict[str, Any]], decisions: list[Any], rubrics: Any, reports: Any = None
) -> int:
    """Each reviewed report: its decisions, and the machine's and reviewer's verdicts; which
    decisions are about which report decided among ``reports`` (by default ``results``). How
    many reports it listed."""
    from fzcheck.grading.decisions import Reports, with_review
    from fzcheck.output import stdout
    from fzcheck.redact import visible
    from fzcheck.render.i18n import decision_text, t, verdict
    from fzcheck.render.typeset import quoted

    con = stdout()
    among = reports if reports is not None else Reports(results)
    listed = 0
    for r in results:
        reviewed = with_review(r, decisions, rubrics, among)
        review = reviewed.get("review")
        if not review:
            continue
        listed += 1
        # paths, notes and part names come from submissions and reviewers: an escape sequence
        # in one is shown, not run by the terminal
        con.print(visible(str(r["path"])), markup=False, highlight=False)
        for d in review["decisions"]:
            con.print("  " + visible(decision_text(d, reviewed)), markup=False, highlight=False)
        con.print(
            f"  {t('machine')}：{verdict(r['verdict'])} {r['score']:g}  →  "
            f"{t('human')}：{verdict(review['verdict'])} {review['score']:g}",
            markup=False,
            highlight=False,
        )
        for part, keys in _by_part(review.get("unchecked") or {}).items():
            shown: dict[str, Any] = next((p for p in r.get("parts", []) if p["id"] == part), {})
            label = shown.get("label") or shown.get("name") or part  # (an older line has neither)
            # by the names --check takes, not the ids (problems.gives_causes)
            names = "、".join(quoted(review["unchecked"][k]) for k in keys)
            said = "  " + t("review.unchecked_hint", part=label, checks=names)
            con.print(visible(said), markup=False, highlight=False)
    return listed


def _by_part(keys: Iterable[str]) -> dict[str, list[str]]:
    """part.check keys grouped by their part, in order."""
    out: dict[str, list[str]] = {}
    for key in keys:
        out.setdefault(key.split(".", 1)[0], []).append(key)
    return out
