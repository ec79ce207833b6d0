"""Cohort statistics over a batch's result lines, gathered in one streaming pass.

Memory grows only with what has to be listed (units to send back, failures, copy pairs, the
reviewed reports), one float per score and one path per report (to name each by as much of
its path as tells it from the others); the result lines themselves are never all held.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fzcheck.config import section
from fzcheck.errors import ConfigError
from fzcheck.render import (
    all_checks,
    check_passed,
    decision_on,
    failed_checks,
    failed_on_review,
    joined_label,
    part_label,
    reviewed_status,
    short_names,
)

VERDICTS = ("complete", "incomplete", "not_a_report", "error")
BINS = tuple(range(0, 100, 10))  # score bins [0,10) … [90,100]


@dataclass(frozen=True)
class Price:
    """US$ (or any currency) per million prompt / completion tokens."""

    input: float
    output: float


def price_table() -> dict[str, Price]:
    """``[batch.prices."model"] input = …, output = …`` (per million tokens) from the config."""
    from fzcheck.render.i18n import t

    prices = section("batch").get("prices", {})
    if not isinstance(prices, dict):
        raise ConfigError(t("config.prices"))
    table: dict[str, Price] = {}
    for model, entry in prices.items():
        try:
            table[model] = Price(input=float(entry["input"]), output=float(entry["output"]))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(t("config.price", model=model)) from None
    return table


@dataclass
class Cohort:
    total: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    graded: int = 0  # readable annual reports
    # A mixed batch (法治 and 政府信息公开 reports) grades each report with its own rubric, so
    # a part's or a check's share is over the reports whose rubric has it, not over them all.
    graded_by_rubric: Counter[str] = field(default_factory=Counter)
    part_rubrics: dict[str, set[str]] = field(default_factory=dict)  # part id -> rubric ids
    missing: Counter[str] = field(default_factory=Counter)
    embedded: Counter[str] = field(default_factory=Counter)
    required: dict[str, bool] = field(default_factory=dict)  # part id -> required, first seen
    # part id -> the labels its rubrics give it, each once (other: 其他, 其他事项 in a mixed batch)
    part_label_sets: dict[str, dict[str, None]] = field(default_factory=dict)
    failed_checks: Counter[tuple[str, str]] = field(default_factory=Counter)
    # reports each check was run on, passed or failed: the base of its share (a government's
    # 工作考核 check, a signing date's, a part's found only in some reports)
    checked: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_content: dict[str, list[str]] = field(default_factory=dict)  # sha256 -> its paths
    # files holding a counted report's bytes under another name: named, not counted (gather)
    same_files: int = 0
    # by (check key, rubric id): a check two report types share (their title checks) is each
    # type's own, counted over that type's reports, named as that type names it
    check_messages: dict[tuple[str, str], str] = field(default_factory=dict)
    check_names: dict[tuple[str, str], str] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)
    send_back: list[dict[str, Any]] = field(default_factory=list)  # see goes_back
    resubmit: list[dict[str, Any]] = field(default_factory=list)  # unreadable: submit again
    # kept, but for the desk to look at by hand (tables unread, a hint failed…): see action
    by_hand: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    # unordered pair (part, a, b) with a < b -> the pair: each report lists only its closest
    # matches, so a pair may be in either report's list, or both
    copies: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    tokens: Counter[str] = field(default_factory=Counter)
    tokens_by_model: dict[str, Counter[str]] = field(default_factory=dict)
    llm_reports: int = 0
    with_tables: int = 0  # reports of a type that has statistical tables
    tables_unreadable: Counter[str] = field(default_factory=Counter)  # table name -> reports
    sums_failing: Counter[str] = field(default_factory=Counter)  # identity name -> reports

    reviewed: int = 0  # reports whose figures below are the reviewer's, not the machine's
    # each reviewed report: its path, issuer, and the machine's and the reviewer's verdicts
    reviewed_units: list[dict[str, Any]] = field(default_factory=list)
    # every report's path: a view names a report by as much of it as tells it from the others
    paths: list[str] = field(default_factory=list)

    def add(self, r: dict[str, Any]) -> None:
        self.total += 1
        self._add_path(r)
        if todo := by_hand(r):
            self.by_hand.append({"path": r.get("path"), "issuer": _issuer(r), "action": todo})
        machine_verdict = str(r.get("verdict", "error"))
        reviewed = bool(r.get("review"))
        if reviewed:
            self.reviewed += 1
            self.reviewed_units.append(
                {
                    "path": r.get("path"),
                    "issuer": _issuer(r),
                    "machine_verdict": machine_verdict,
                    "machine_score": r.get("score"),
                    "verdict": r["review"].get("verdict"),
                    "score": r["review"].get("score"),
                }
            )
            r = reviewed_view(r)
        verdict = r.get("verdict", "error")
        # a reviewed report that goes back says both verdicts: 机器结论：… → 人工结论：…
        verdicts = {"verdict": verdict, "machine_verdict": machine_verdict, "reviewed": reviewed}
        self.verdicts[verdict] += 1
        self._add_llm(r)
        back = _why_back(r)
        if verdict == "error":
            err = r.get("error") or {}
            failure = {
                "path": r.get("path"),
                "stage": "read",
                "kind": err.get("kind", "error"),
                "message": err.get("message", ""),
            }
            self.failures.append(failure)
            if back:  # the unit's file cannot be read: it is sent back to be submitted again
                self.resubmit.append({k: v for k, v in failure.items() if k != "stage"})
            return
        self._add_copies(r)
        if verdict == "not_a_report":
            self.send_back.append(
                {
                    "path": r["path"],
                    "issuer": _issuer(r),
                    **verdicts,
                    "missing": [],
                    "failed": [],
                    "reason": _genre_message(r),
                }
            )
            return
        self.graded += 1
        self._add_rubric(r)
        self.scores.append(float(r.get("score", 0)))
        missing_required = []
        for p in r.get("parts", []):
            self.required.setdefault(p["id"], bool(p.get("required")))
            self.part_label_sets.setdefault(p["id"], {})[part_label(p)] = None
            if p["status"] == "missing":
                self.missing[p["id"]] += 1
                if p.get("required"):
                    missing_required.append(p["id"])
            elif p["status"] == "embedded":
                self.embedded[p["id"]] += 1
        for part, c in all_checks(r):
            if c["id"] != "is_report":
                check = (f"{part}.{c['id']}", rubric_of(r))
                self.checked[check] += 1
                if not c["passed"]:
                    self._failed(check, c.get("message", ""), c.get("name"))
        self._add_tables(r)
        if back:  # a required part missing, or a check the unit must put right
            failed = return_checks(r)
            self.send_back.append(
                {
                    "path": r["path"],
                    "issuer": _issuer(r),
                    **verdicts,
                    "missing": missing_required,
                    "failed": [f"{p}.{c['id']}" for p, c in failed],
                    # the checks' names, shown after the missing parts (缺少：…；未通过：…)
                    "reason": _checks_text(failed) if failed else "",
                }
            )

    def add_same_file(self, r: dict[str, Any]) -> None:
        """A file whose bytes a report counted already holds (:func:`gather`): named among the
        重复报送, its copy flags and its model's tokens (spent on it) kept, nothing counted."""
        self.same_files += 1
        self._add_path(r)
        self._add_copies(r)
        self._add_llm(r)

    def _add_path(self, r: dict[str, Any]) -> None:
        if r.get("path"):
            self.paths.append(str(r["path"]))
            if key := content_key(r):  # one file under several names
                self.by_content.setdefault(key, []).append(str(r["path"]))

    def _add_copies(self, r: dict[str, Any]) -> None:
        """Each copy pair once, whichever of its two reports lists it."""
        for c in r.get("copies") or []:
            a, b = sorted((str(r["path"]), str(c["other"])))
            key = (str(c["part"]), a, b)
            seen = self.copies.get(key)
            if seen is None or c["similarity"] > seen["similarity"]:
                self.copies[key] = {"part": key[0], "a": a, "b": b, "similarity": c["similarity"]}

    def _add_rubric(self, r: dict[str, Any]) -> None:
        """Count the report under its rubric, and note which parts and checks that rubric has
        (a check that passed counts too: it is part of the base of its share)."""
        rubric = rubric_of(r)
        self.graded_by_rubric[rubric] += 1
        for p in r.get("parts", []):
            self.part_rubrics.setdefault(p["id"], set()).add(rubric)

    def _base(self, rubrics: set[str] | None) -> int:
        """How many graded reports were graded with one of ``rubrics``."""
        return sum(self.graded_by_rubric[x] for x in rubrics or ())

    def _add_tables(self, r: dict[str, Any]) -> None:
        tables = r.get("tables") or []
        if not tables:
            return
        self.with_tables += 1
        for t in tables:
            if t.get("status") == "unreadable":
                self.tables_unreadable[str(t.get("name"))] += 1
        self.sums_failing.update(
            {
                str(c["name"])
                for t in tables
                for c in t.get("checks") or []
                if c.get("passed") is False
            }
        )

    def _failed(self, check: tuple[str, str], message: str, name: str | None = None) -> None:
        self.failed_checks[check] += 1
        self.check_messages.setdefault(check, message)
        if name:
            self.check_names.setdefault(check, name)

    def _add_llm(self, r: dict[str, Any]) -> None:
        llm = r.get("llm")
        if not isinstance(llm, dict):
            return
        self.llm_reports += 1
        usage = llm.get("usage") or {}
        counts = {
            k: int(usage.get(k) or 0)
            for k in ("prompt_tokens", "completion_tokens", "total_tokens", "calls")
        }
        self.tokens.update(counts)
        self.tokens_by_model.setdefault(str(llm.get("model", "?")), Counter()).update(counts)
        if llm.get("error"):
            self.failures.append(
                {"path": r.get("path"), "stage": "llm", "kind": "llm", "message": str(llm["error"])}
            )

    @property
    def labels(self) -> dict[str, str]:
        """part id -> its label, each rubric's where the batch's rubrics label it differently."""
        return {pid: joined_label(seen) for pid, seen in self.part_label_sets.items()}

    def to_json(self, prices: dict[str, Price] | None = None) -> dict[str, Any]:
        copies = list(self.copies.values())
        labels = self.labels
        parts = [self._part_json(pid, labels) for pid in self.required]
        out: dict[str, Any] = {
            "reports": self.total,
            "same_files": self.same_files,  # files set aside as a counted report's bytes
            "verdicts": {v: self.verdicts[v] for v in VERDICTS},
            "graded": self.graded,
            "parts": parts,
            "failed_checks": [
                self._check_json(c, n)
                for c, n in sorted(self.failed_checks.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "scores": _score_stats(self.scores),
            "send_back": sorted(self.send_back, key=lambda s: s["path"]),
            "resubmit": sorted(self.resubmit, key=lambda s: s["path"] or ""),
            "by_hand": sorted(self.by_hand, key=lambda s: s["path"] or ""),
            "failures": sorted(self.failures, key=lambda f: (f["path"] or "", f["stage"])),
            "copies": sorted(copies, key=lambda c: (-c["similarity"], c["a"], c["b"])),
            "copy_clusters": copy_clusters(copies, labels),
            # the same file submitted under several names: no copying, one report twice
            "duplicates": sorted(sorted(p) for p in self.by_content.values() if len(p) > 1),
            "reviewed": self.reviewed,
            "reviewed_units": sorted(self.reviewed_units, key=lambda u: str(u["path"] or "")),
            "llm": self._llm_json(prices if prices is not None else {}),
            "tables": self._tables_json(),
        }
        # how the views name each report listed: the shortest end of its path that tells it
        # from every other report of the batch (乡镇/报告.txt beside 部门/报告.txt)
        names = short_names([*self.paths, *(p for c in copies for p in (c["a"], c["b"]))])
        listed = {
            str(u["path"])
            for key in ("send_back", "resubmit", "by_hand", "failures", "reviewed_units")
            for u in out[key]
            if u.get("path")
        }
        listed.update(p for c in copies for p in (c["a"], c["b"]))
        listed.update(p for group in out["duplicates"] for p in group)
        out["names"] = {p: names[p] for p in sorted(listed) if p in names}
        return out

    def _part_json(self, pid: str, labels: dict[str, str]) -> dict[str, Any]:
        """A part's counts, shared over the reports whose rubric has the part (``reports``)."""
        base = self._base(self.part_rubrics.get(pid))
        return {
            "part": pid,
            "label": labels.get(pid, pid),
            "required": self.required[pid],
            "reports": base,
            "missing": self.missing[pid],
            "embedded": self.embedded[pid],
            "missing_share": _share(self.missing[pid], base),
            "embedded_share": _share(self.embedded[pid], base),
        }

    def _check_json(self, check: tuple[str, str], failed: int) -> dict[str, Any]:
        """A failed check's count, shared over the reports it was run on."""
        key, rubric = check
        base = self.checked[check]
        return {
            "check": key,
            "rubric": rubric,
            "name": self.check_names.get(check),
            "count": failed,
            "reports": base,
            "share": _share(failed, base),
            "message": self.check_messages[check],
        }

    def _tables_json(self) -> dict[str, Any]:
        """Among reports whose type has tables: how many could not be read, and the share whose
        tables break each sum."""
        n = self.with_tables or 1
        return {
            "reports": self.with_tables,
            "unreadable": [
                {"table": k, "reports": v, "share": round(v / n, 4)}
                for k, v in sorted(self.tables_unreadable.items())
            ],
            "failing": [
                {"identity": k, "reports": v, "share": round(v / n, 4)}
                for k, v in sorted(self.sums_failing.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        }

    def _llm_json(self, prices: dict[str, Price]) -> dict[str, Any]:
        cost: float | None = None
        unpriced = sorted(m for m in self.tokens_by_model if m not in prices)
        if self.tokens_by_model and not unpriced:
            cost = round(
                sum(
                    c["prompt_tokens"] / 1e6 * prices[m].input
                    + c["completion_tokens"] / 1e6 * prices[m].output
                    for m, c in self.tokens_by_model.items()
                ),
                4,
            )
        return {
            "reports": self.llm_reports,
            "calls": self.tokens["calls"],
            "prompt_tokens": self.tokens["prompt_tokens"],
            "completion_tokens": self.tokens["completion_tokens"],
            "total_tokens": self.tokens["total_tokens"],
            "estimated_cost": cost,
            "unpriced_models": unpriced,
        }


# Who goes back to the unit that submitted it — the one rule both the cohort's send-back list
# (``send_back`` and ``resubmit``) and ``fzcheck letter`` (a letter each) follow.

# Input errors that are the submitted file's own: the unit can send one that reads. The others
# (a file gone or not permitted, a size limit the reviewer can raise with --max-mb, a library not
# installed, a bug) are the desk's to resolve, not the unit's.
UNIT_ERRORS = frozenset(
    {
        "empty",
        "binary",
        "encoding",
        "image",
        "scanned_pdf",
        "unmapped_font",
        "unsupported_format",
        "corrupt",
        "encrypted",
        "too_complex",
        "timeout",
    }
)
# Failed checks that send nothing back: ``is_report`` is the verdict not_a_report already, and
# text addressed to AI models is for the reviewer to see, not for the unit to put right.
NOT_RETURNED_FOR = frozenset({"is_report", "no_instructions_to_models"})


def effective(r: dict[str, Any]) -> dict[str, Any]:
    """The result as reviewed (the decisions applied) when there is a review."""
    return reviewed_view(r) if r.get("review") else r


def goes_back(r: dict[str, Any]) -> str | None:
    """Why the report goes back to its unit, as reviewed, or None when it does not:

    - ``unreadable``: the submitted file cannot be read (encrypted, empty, corrupt…), so the
      unit is asked to submit it again (an error that is not the file's own is None);
    - ``not_a_report``: what was submitted is not the report;
    - ``incomplete``: a required part is missing;
    - ``failed_checks``: a check the unit must put right failed (last year's report copied,
      signed too late…; see :data:`NOT_RETURNED_FOR`)."""
    return _why_back(effective(r))


def content_key(r: dict[str, Any]) -> str | None:
    """What makes two results one report submitted twice — the file's sha256, when it was read
    — for the summary's 重复报送 and for one letter between them; None for an input not read."""
    return str(r["sha256"]) if r.get("sha256") and r.get("ok") else None


def by_hand(r: dict[str, Any]) -> str:
    """What the desk looks at itself in a report it keeps (tables unread, sums unchecked, a
    hint failed, a review unfinished; :func:`action`'s words), "" when the report goes back or
    nothing is to be done."""
    return "" if goes_back(r) is not None else action(r)


def action(r: dict[str, Any]) -> str:
    """What the desk does with the report, in a word for the sheets: sent back to be revised
    or submitted again (the rule of :func:`goes_back`), or looked at by hand (a file unreadable
    for a reason that is not the unit's, statistical tables that could not be read and whose
    sums were not checked); "" when nothing is to be done."""
    from fzcheck.render.i18n import t

    why = goes_back(r)
    if why == "unreadable":
        return t("action.resubmit")
    if why == "not_a_report":  # (a news story, a 工作要点: the unit sends the report itself)
        return t("action.not_a_report")
    pending = ((r.get("review") or {}).get("unchecked") or {}).values()
    checks = "、".join(f"“{name}”" for name in pending)
    if why is not None:  # back whatever the checks nobody ran find: each view says so alike
        return t("action.revise_unchecked", checks=checks) if checks else t("action.revise")
    if checks:  # the review is not done: a part found on review has checks nobody ran
        return t("action.unchecked", checks=checks)
    if r.get("ok") is False or r.get("verdict") == "error":
        return t("action.desk")
    tables = r.get("tables") or []
    unread = [x["name"] for x in tables if x.get("status") == "unreadable"]
    if unread:
        return t("action.tables", tables="、".join(unread))
    # sums left unchecked (blank cells are no zeros): the machine vouches for none of them
    open_sums = {
        x["name"]: n
        for x in tables
        if (n := sum(1 for c in x.get("checks") or [] if c.get("passed") is None))
    }
    if open_sums:
        said = "、".join(f"{name}{n}处" for name, n in open_sums.items())
        return t("action.sums_unchecked", tables=said)
    # a hint that failed (penalty 0: the text's counts against the tables', a government's
    # 工作考核…结果): the machine cannot tell whether the unit must put it right; the desk can
    hints = hint_failures(r)
    if hints:
        return t("action.hints", checks=_checks_named(hints))
    return ""


def hint_failures(r: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for each failed check that costs nothing (a hint), the
    genre's and the instructions' aside."""
    e = effective(r)
    costs = _costing(e)
    return [
        (p, c)
        for p, c in failed_checks(e)
        if c["id"] not in NOT_RETURNED_FOR and (p, c["id"]) not in costs and not c.get("reviewed")
    ]


def _costing(r: dict[str, Any]) -> set[tuple[Any, Any]]:
    """(part, check) of each check the score breakdown takes points for."""
    return {
        (i.get("part"), i.get("check")) for i in r.get("score_breakdown") or [] if i.get("check")
    }


def _checks_named(checks: list[tuple[str, dict[str, Any]]]) -> str:
    from fzcheck.render.i18n import check_name

    return "、".join(check_name(c, p) for p, c in checks)


def _why_back(e: dict[str, Any]) -> str | None:
    verdict = e.get("verdict", "error")
    if verdict == "error" or e.get("ok") is False:
        return "unreadable" if unit_error(e) else None
    if verdict in ("not_a_report", "incomplete"):
        return str(verdict)
    return "failed_checks" if return_checks(e) else None


def unit_error(r: dict[str, Any]) -> bool:
    """Whether an unreadable input is so because of the file the unit submitted."""
    err = r.get("error") or {}
    kind = str(err.get("kind") or "")
    if kind == "too_large":  # the text or its inflated parts, not the file over --max-mb
        return "--max-mb" not in str(err.get("message") or "")
    return kind in UNIT_ERRORS


def return_checks(r: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(part id or 'document', check) for each failed check the report goes back for: one that
    costs points, or that its reviewer failed. A hint (penalty 0: 正文所述数字与统计表一致，
    口径可能不同) is the reviewer's to weigh, not the unit's to put right."""
    costs = _costing(r)
    return [
        (p, c)
        for p, c in failed_checks(r)
        if c["id"] not in NOT_RETURNED_FOR and ((p, c["id"]) in costs or c.get("reviewed"))
    ]


def _checks_text(failed: list[tuple[str, dict[str, Any]]]) -> str:
    from fzcheck.render.i18n import t

    return t("cohort.send_back_checks", checks=_checks_named(failed))


def reviewed_view(r: dict[str, Any]) -> dict[str, Any]:
    """A result as its reviewer decided it: the ``review`` block's verdict, score, part
    statuses and check outcomes in place of the machine's (read as every renderer reads
    them: :func:`fzcheck.render.reviewed_status`, :func:`fzcheck.render.check_passed`)."""
    review = r["review"]
    # (all_checks: with those its reviewer decided on a part the machine found missing)
    parts = [
        {
            **p,
            "status": reviewed_status(r, p),
            "checks": [_as_reviewed(r, p["id"], c) for _, c in all_checks(r, p["id"])],
        }
        for p in r.get("parts", [])
    ]
    checks = [_as_reviewed(r, "document", c) for c in r.get("checks", [])]
    return {
        **r,
        "verdict": review["verdict"],
        "score": review["score"],
        "parts": parts,
        "checks": checks,
    }


def _as_reviewed(r: dict[str, Any], part: str, c: dict[str, Any]) -> dict[str, Any]:
    """A check as reviewed: passed or not as the reviewer decided; one the machine passed and
    the reviewer failed says so (复核认定未通过：their note), not why the machine passed it."""
    passed = check_passed(r, part, c)
    out = {**c, "passed": passed}
    # (the review's ``checks`` hold every check's outcome: those its reviewer decided are the
    # decisions' — a hint nobody looked at stays a hint)
    if decision_on(r, "check", f"{part}.{c['id']}") is not None:
        out["reviewed"] = True  # the reviewer's outcome: it sends the report back if failed
    if c["passed"] and not passed:
        out["message"] = failed_on_review(r, part, c)
    return out


def copy_clusters(pairs: list[dict[str, Any]], labels: dict[str, str]) -> list[dict[str, Any]]:
    """Copy pairs grouped per part into clusters of reports linked by copying (union-find):
    five reports copied sixty times are one cluster, not hundreds of pairs."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in pairs:
        a, b = find((c["part"], c["a"])), find((c["part"], c["b"]))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in pairs:
        groups.setdefault(find((c["part"], c["a"])), []).append(c)
    out = []
    for (part, _), members in groups.items():
        reports = sorted({m["a"] for m in members} | {m["b"] for m in members})
        sims = [m["similarity"] for m in members]
        out.append(
            {
                "part": part,
                "label": labels.get(part, part),
                "reports": reports,
                "pairs": len(members),
                "min_similarity": min(sims),
                "max_similarity": max(sims),
            }
        )
    return sorted(
        out, key=lambda c: (-len(c["reports"]), -c["max_similarity"], c["part"], c["reports"][0])
    )


def gather(results: Iterable[dict[str, Any]]) -> Cohort:
    """The statistics of ``results``, a file held under several names (a folder copied, one
    report saved twice) counted once, as reviewed on either (:func:`once_each`, as the letters
    take it): the others are listed as 重复报送, their paths named, and nothing counted."""
    cohort = Cohort()
    counted, copies = once_each(list(results))
    for r in counted:
        cohort.add(r)
    for _, copy in copies:
        cohort.add_same_file(copy)
    return cohort


def once_each(
    results: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], dict[str, Any]]]]:
    """``results`` with each file once (the first of those alike, by sha256, or the one the
    reviewer decided on: one report submitted under two names got two letters), and each
    other copy beside the one kept: (kept, copy)."""
    kept: dict[str, int] = {}  # content -> the place in out of the one kept
    out: list[dict[str, Any]] = []
    copies: list[tuple[int, dict[str, Any]]] = []
    for r in results:
        key = content_key(r)
        at = kept.get(key) if key else None
        if at is None:
            if key:
                kept[key] = len(out)
            out.append(r)
            continue
        if r.get("review") and not out[at].get("review"):  # the one the reviewer decided on
            out[at], r = r, out[at]
        copies.append((at, r))
    return out, [(out[at], r) for at, r in copies]


def rubric_of(r: dict[str, Any]) -> str:
    """The id of the rubric a result was graded with ("" for a line that names none)."""
    rubric = r.get("rubric")
    return str(rubric.get("id") or "") if isinstance(rubric, dict) else ""


def _share(n: int, base: int) -> float:
    return round(n / base, 4) if base else 0.0


def _issuer(r: dict[str, Any]) -> str | None:
    return (r.get("document") or {}).get("issuer")


def _genre_message(r: dict[str, Any]) -> str:
    return next((c["message"] for c in r.get("checks", []) if c["id"] == "is_report"), "")


def score_band(b: dict[str, Any]) -> str:
    """A score bin as a reviewer reads it: 60–69 (``to`` is the next bin's ``from``), the last
    90–100 (100 is in it)."""
    return f"{b['from']}–{100 if b['from'] == BINS[-1] else b['to'] - 1}"


def _score_stats(scores: list[float]) -> dict[str, Any]:
    hist = [0] * len(BINS)
    for s in scores:
        hist[min(int(s // 10), len(BINS) - 1)] += 1
    bins = [{"from": lo, "to": lo + 10, "count": n} for lo, n in zip(BINS, hist, strict=True)]
    if not scores:
        return {"count": 0, "min": None, "median": None, "mean": None, "max": None, "bins": bins}
    return {
        "count": len(scores),
        "min": min(scores),
        "median": statistics.median(scores),
        "mean": round(statistics.fmean(scores), 1),
        "max": max(scores),
        "bins": bins,
    }
