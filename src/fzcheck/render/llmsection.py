"""The LLM section of the terminal and Markdown views, from ``result["llm"]`` (plain dicts).

Unverified quotes are shown struck through with a mark, so a reader never mistakes the model's
invention for the report's words; disagreements with the offline checker say what was kept.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text

from fzcheck.render.i18n import lang, llm_error, status, t

# findings kind (the rubric's llm.findings) -> (main field, secondary field)
FINDING_TEXT = {
    "measures": ("measure", "result"),
    "shortcomings": ("problem", "cause"),
    "remedies": ("problem", "improvement"),
    "actions": ("action", None),
    "plans": ("measure", None),
}
UNVERIFIED = "✗ quote not in report"  # the English view's words; t("llm.unverified")


def finding_kind(part: dict[str, Any]) -> str:
    """The kind of a part's findings; results written before kinds were recorded are told by
    their fields."""
    if part.get("kind"):
        return str(part["kind"])
    sample: dict[str, Any] = next(iter(part.get("findings") or []), {})
    for kind, field in (
        ("remedies", "improvement"),
        ("shortcomings", "problem"),
        ("actions", "action"),
        ("plans", "concrete"),
    ):
        if field in sample:
            return kind
    return "measures"


def finding_line(kind: str, f: dict[str, Any]) -> str:
    """One finding as plain text: its main field, the secondary one, and the kind's booleans."""
    main, extra = FINDING_TEXT.get(kind, ("measure", None))
    text = str(f.get(main) or "")
    if extra:
        value = f.get(extra)
        label = {"cause": "原因", "improvement": "改进措施"}.get(extra, "成效")
        text += f"（{label}：{value}）" if value else f"（{label}：未写）"
    if f.get("figures"):
        text += " [" + "; ".join(map(str, f["figures"])) + "]"
    if kind == "actions":
        text += "" if f.get("by_principal_leader") else "（非本人所为）"
    if kind == "plans" and not f.get("concrete"):
        text += "（不具体）"
    return text


def usage_line(llm: dict[str, Any]) -> str:
    u = llm["usage"]
    return t(
        "llm.usage",
        model=llm["model"],
        host=llm["endpoint_host"],
        mode=llm["mode"],
        prompt=u["prompt_tokens"],
        completion=u["completion_tokens"],
        calls=u["calls"],
        reasks=u["reasks"],
        cached=t("llm.cached") if u.get("cached") else "",
    )


def _name(part_id: str | None, labels: dict[str, str]) -> str:
    if not part_id:
        return t("llm.document")
    return labels.get(part_id, part_id) if lang() == "zh" else part_id


def _flag_name(flag: dict[str, Any], labels: dict[str, str]) -> str:
    where = _name(flag.get("part"), labels)
    return where if lang() == "zh" else f"{where}.{flag['kind']}"


def _disagreement(d: dict[str, Any], labels: dict[str, str]) -> str:
    outcome = t("llm.upgraded") if d["outcome"] == "upgraded" else t("llm.kept")
    return t(
        "llm.disagree",
        part=_name(d["part"], labels),
        offline=status(d["offline"]),
        llm=status(d["llm"]),
        outcome=outcome,
    )


def terminal_section(llm: dict[str, Any], labels: dict[str, str] | None = None) -> list[Any]:
    labels = labels or {}
    unverified = t("llm.unverified")
    out: list[Any] = [
        Text(),
        Text.assemble((t("llm.title") + "  ", "bold"), (usage_line(llm), "dim")),
    ]
    for why in llm.get("rejections", []):
        out.append(Text(f"  ↻ {why}", style="dim"))
    if llm.get("error"):
        out.append(Text("  ✗ " + t("llm.no_result", error=llm_error(llm["error"])), style="red"))
        return out
    if llm.get("summary"):
        out.append(Text(f"  摘要：{llm['summary']}"))
    if llm.get("summary_rejected"):
        out.append(Text(f"  （摘要由程序生成：{llm['summary_rejected']}）", style="dim"))
    for part in llm["parts"]:
        for f in part["findings"]:
            mark = ("green", "✓") if f["verified"] else ("red", "✗")
            quote = (
                f"“{escape(f['quote'])}” [dim]{t('llm.line', line=f['line'])}[/]"
                if f["verified"]
                else f"[strike]“{escape(f['quote'])}”[/] [red]{unverified}[/]"
            )
            out.append(
                Text.from_markup(
                    f"  [{mark[0]}]{mark[1]}[/] [bold]{escape(_name(part['id'], labels))}[/] "
                    f"{escape(finding_line(finding_kind(part), f))}\n      {quote}"
                )
            )
    for part in llm["parts"]:
        for title in part.get("sections_not_in_report", []):
            out.append(
                Text(
                    "  ✗ " + t("llm.not_heading", part=_name(part["id"], labels), title=title),
                    style="red",
                )
            )
    for flag in llm["flags"]:
        quote = ""
        if flag.get("quote"):
            quote = (
                f" “{escape(flag['quote'])}”"
                if flag["verified"]
                else f" [strike]“{escape(flag['quote'])}”[/] [red]{unverified}[/]"
            )
        elif flag.get("line"):
            quote = f" [dim]{t('llm.line', line=flag['line'])}[/]"
        by = f" [dim]{t('llm.by_code')}[/]" if flag.get("by") == "code" else ""
        if flag.get("accepted") is False:
            by += f" [dim](未采纳：{escape(str(flag.get('refusal')))})[/]"
        out.append(
            Text.from_markup(
                f"  [yellow]⚑ {escape(_flag_name(flag, labels))}[/]{by} "
                f"{escape(str(flag['reason']))}{quote}"
            )
        )
    for d in llm.get("disagreements", []):
        style = "green" if d["outcome"] == "upgraded" else "magenta"
        out.append(
            Text.from_markup(
                f"  [{style}]≠[/] {escape(_disagreement(d, labels))} "
                f"[dim]({escape(d['reason'])})[/]"
            )
        )
    if llm.get("unverified"):
        out.append(Text("  " + t("llm.unverified_count", n=llm["unverified"]), style="red"))
    return out


def markdown_section(llm: dict[str, Any], labels: dict[str, str] | None = None) -> list[str]:
    labels = labels or {}
    unverified = t("llm.unverified")
    lines = ["", f"**{t('llm.title')}** ({usage_line(llm)})", ""]
    if llm.get("error"):
        return [*lines, "- " + t("llm.no_result", error=llm_error(llm["error"]))]
    if llm.get("summary"):
        lines += [f"> {llm['summary']}", ""]
    for part in llm["parts"]:
        for f in part["findings"]:
            quote = (
                f"“{f['quote']}” ({t('llm.line', line=f['line'])})"
                if f["verified"]
                else f"~~“{f['quote']}”~~ **{unverified}**"
            )
            lines.append(
                f"- {_name(part['id'], labels)}: {finding_line(finding_kind(part), f)} — {quote}"
            )
    for flag in llm["flags"]:
        tail = f" — “{flag['quote']}”" if flag.get("quote") else ""
        if flag.get("quote") and not flag["verified"]:
            tail = f" — ~~“{flag['quote']}”~~ **{unverified}**"
        by = f" {t('llm.by_code')}" if flag.get("by") == "code" else ""
        if flag.get("accepted") is False:
            by += f" (未采纳：{flag.get('refusal')})"
        lines.append(f"- ⚑ {_flag_name(flag, labels)}{by}: {flag['reason']}{tail}")
    for d in llm.get("disagreements", []):
        lines.append(f"- ≠ {_disagreement(d, labels)} ({d['reason']})")
    return lines
