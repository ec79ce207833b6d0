"""fzcheck review FILE|results.jsonl : record, import or list a reviewer's decisions."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

EXAMPLES = """examples:
  fzcheck review report.docx --part problems --set embedded --note "见第3页"
  fzcheck review results.jsonl --report 县司法局.docx --check problems.gives_causes --set pass
  fzcheck review results.jsonl --report 县司法局.docx --part problems --accept
  fzcheck review results.jsonl --import fzcheck-decisions.json   # exported from the HTML page
  fzcheck review results.jsonl                                  # list the decisions"""


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". Decisions are kept in "
        "TARGET.decisions.jsonl, keyed by the report's sha256 and rubric; machine "
        "re-runs never change them.",
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
        help="which report in RESULTS (its path, file name or sha256 prefix)",
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
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="the rubric the report is graded with, when it is not bundled",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import append, decisions_path, load
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.rubric import Catalog

    target = Path(args.target)
    if not target.is_file():
        raise UsageError(t("no_such_file", path=target))
    rubrics = Catalog.load(args.rubric)
    results = _results(target, rubrics)
    store = decisions_path(target)
    if args.import_file:
        return _import(Path(args.import_file), results, store)
    if not (args.part or args.check):
        if args.value or args.accept or args.note:
            raise UsageError(t("review.which"))
        _list(results, load(store), rubrics)
        return 0
    if not (args.value or args.accept):
        raise UsageError(t("review.what"))
    result = _pick(results, args.report, target)
    decision = _decision(result, args)
    n = append(store, [decision])
    stderr().print(
        t("review.recorded", n=n, path=visible(str(store))), markup=False, highlight=False
    )
    _list([result], load(store), rubrics)
    return 0


def _results(target: Path, rubrics: Any) -> list[dict[str, Any]]:
    """The machine results the decisions are about: a results file's lines, or the report
    checked now."""
    import json

    if target.suffix in (".jsonl", ".json"):
        from fzcheck.errors import UsageError
        from fzcheck.render.i18n import t

        try:
            text = target.read_text(encoding="utf-8")
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
            return lines
    from fzcheck.pipeline import check_source

    return [check_source(str(target), rubrics).result.to_json()]


def _pick(results: list[dict[str, Any]], which: str | None, target: Path) -> dict[str, Any]:
    from fzcheck.errors import UsageError
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    if which is None:
        if len(results) == 1:
            return results[0]
        raise UsageError(t("review.which_report", path=target, n=len(results)))
    hits = [
        r
        for r in results
        if which in (r.get("path"), Path(str(r.get("path"))).name)
        or (len(which) >= 8 and str(r.get("sha256") or "").startswith(which))
    ]
    if not hits:  # 县教育局: the unit that wrote it, as a reviewer names a report
        hits = [r for r in results if which in _unit(r)]
    if len(hits) != 1:
        shown = hits or results
        names = "、".join(visible(Path(str(r.get("path"))).name) for r in shown[:10])
        more = "…" if len(shown) > 10 else ""
        raise UsageError(
            t("review.no_match", which=which, path=target, n=len(hits), names=names + more)
        )
    return hits[0]


def _unit(result: dict[str, Any]) -> str:
    d = result.get("document") or {}
    return f"{d.get('issuer') or ''} {d.get('title') or ''}"


def _decision(result: dict[str, Any], args: argparse.Namespace) -> Any:
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t
    from fzcheck.result import Decision

    if not result.get("ok") or not result.get("sha256"):
        raise UsageError(t("review.unreadable_report", path=result.get("path")))
    parts = {p["id"]: p for p in result.get("parts", [])}
    if args.part:
        # by its id, its label (存在不足) or its name (存在的不足和原因)
        named = [k for k, p in parts.items() if args.part in (k, p.get("label"), p.get("name"))]
        if len(named) != 1:
            listed = "、".join(
                f"{k}（{p.get('label') or p.get('name')}）" for k, p in parts.items()
            )
            raise UsageError(t("review.no_part", part=args.part, listed=listed))
        key = named[0]
        machine = parts[key]["status"]
        allowed: tuple[str, ...] = ("present", "embedded", "missing")
        target = "part"
    else:
        from fzcheck.render import all_checks

        checks = {f"{p}.{c['id']}": c for p, c in all_checks(result)}
        matches = [
            k
            for k, c in checks.items()
            if k == args.check or k.endswith("." + args.check) or c.get("name") == args.check
        ]
        if len(matches) != 1:
            listed = "、".join(f"{k}（{c.get('name') or ''}）" for k, c in checks.items())
            raise UsageError(t("review.no_check", check=args.check, listed=listed))
        key = matches[0]
        machine = "pass" if checks[key]["passed"] else "fail"
        allowed, target = ("pass", "fail"), "check"
    value = machine if args.accept else args.value
    if value not in allowed:
        raise UsageError(t("review.bad_value", value=value, allowed="|".join(allowed)))
    rubric = result.get("rubric") or {}
    return Decision(
        sha256=result["sha256"],
        rubric=str(rubric.get("id")),
        rubric_version=str(rubric.get("version")),
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


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _import(file: Path, results: list[dict[str, Any]], store: Path) -> int:
    import json

    from pydantic import ValidationError

    from fzcheck.errors import UsageError
    from fzcheck.grading.decisions import append, parse_export
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t
    from fzcheck.result import Decision

    try:
        items = parse_export(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise UsageError(t("review.not_export", path=file, why=type(err).__name__)) from None
    known = {
        (r.get("sha256"), (r.get("rubric") or {}).get("id"), (r.get("rubric") or {}).get("version"))
        for r in results
    }
    good: list[Decision] = []
    for item in items:
        try:
            d = Decision.model_validate(
                {**item, "by": item.get("by") or "html", "at": item.get("at") or _now()}
            )
        except ValidationError:
            continue
        if (d.sha256, d.rubric, d.rubric_version) in known:
            good.append(d)
    n = append(store, good)
    stderr().print(
        t("review.imported", n=n, skipped=len(items) - n, path=visible(str(store))),
        markup=False,
        highlight=False,
    )
    return 0


def _list(results: list[dict[str, Any]], decisions: list[Any], rubrics: Any) -> None:
    """Each reviewed report: its decisions, and the machine's and reviewer's verdicts."""
    from fzcheck.grading.decisions import with_review
    from fzcheck.output import stdout
    from fzcheck.redact import visible
    from fzcheck.render.i18n import decision_text, t, verdict

    con = stdout()
    for r in results:
        reviewed = with_review(r, decisions, rubrics)
        review = reviewed.get("review")
        if not review:
            continue
        # paths, notes and part names come from submissions and reviewers: an escape sequence
        # in one is shown, not run by the terminal
        con.print(visible(str(r["path"])), markup=False, highlight=False)
        for d in review["decisions"]:
            con.print("  " + visible(decision_text(d, r)), markup=False, highlight=False)
        con.print(
            f"  {t('machine')}：{verdict(r['verdict'])} {r['score']:g}  →  "
            f"{t('human')}：{verdict(review['verdict'])} {review['score']:g}",
            markup=False,
            highlight=False,
        )
