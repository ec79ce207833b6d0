"""The LLM section of the terminal and Markdown views, from ``result["llm"]`` (plain dicts).

Unverified quotes are shown struck through with a mark, so a reader never mistakes the model's
invention for the report's words; disagreements with the offline checker say what was kept.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text

# findings kind (the rubric's llm.findings) -> (main field, secondary field)
FINDING_TEXT = {"measures": ("measure", "result"), "shortcomings": ("problem", "cause"),
                "actions": ("action", None), "plans": ("measure", None)}
UNVERIFIED = "✗ quote not in report"


def finding_kind(part: dict[str, Any]) -> str:
    """The kind of a part's findings; results written before kinds were recorded are told by
    their fields."""
    if part.get("kind"):
        return str(part["kind"])
    sample: dict[str, Any] = next(iter(part.get("findings") or []), {})
    for kind, field in (("shortcomings", "problem"), ("actions", "action"), ("plans", "concrete")):
        if field in sample:
            return kind
    return "measures"


def finding_line(kind: str, f: dict[str, Any]) -> str:
    """One finding as plain text: its main field, the secondary one, and the kind's booleans."""
    main, extra = FINDING_TEXT.get(kind, ("measure", None))
    text = str(f.get(main) or "")
    if extra:
        value = f.get(extra)
        label = "原因" if extra == "cause" else "成效"
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
    cached = ", cached" if u.get("cached") else ""
    return (f"{llm['model']} @ {llm['endpoint_host']} ({llm['mode']}) · {u['prompt_tokens']:,} + "
            f"{u['completion_tokens']:,} tokens · {u['calls']} call(s), {u['reasks']} re-ask(s)"
            f"{cached}")


def terminal_section(llm: dict[str, Any]) -> list[Any]:
    out: list[Any] = [Text(), Text.assemble(("LLM  ", "bold"), (usage_line(llm), "dim"))]
    for why in llm.get("rejections", []):
        out.append(Text(f"  ↻ {why}", style="dim"))
    if llm.get("error"):
        out.append(Text(f"  ✗ no LLM result: {llm['error']} (offline verdict kept)", style="red"))
        return out
    if llm.get("summary"):
        out.append(Text(f"  摘要：{llm['summary']}"))
    if llm.get("summary_rejected"):
        out.append(Text(f"  （摘要由程序生成：{llm['summary_rejected']}）", style="dim"))
    for part in llm["parts"]:
        for f in part["findings"]:
            mark = ("green", "✓") if f["verified"] else ("red", "✗")
            quote = (f"“{escape(f['quote'])}” [dim]line {f['line']}[/]" if f["verified"]
                     else f"[strike]“{escape(f['quote'])}”[/] [red]{UNVERIFIED}[/]")
            out.append(Text.from_markup(f"  [{mark[0]}]{mark[1]}[/] [bold]{part['id']}[/] "
                                        f"{escape(finding_line(finding_kind(part), f))}\n      {quote}"))
    for part in llm["parts"]:
        for title in part.get("sections_not_in_report", []):
            out.append(Text.from_markup(f"  [red]✗ {part['id']}[/] section “{escape(title)}” "
                                        f"[red]is not a heading in the report[/] (ignored)"))
    for flag in llm["flags"]:
        where = flag.get("part") or "document"
        quote = ""
        if flag.get("quote"):
            quote = (f" “{escape(flag['quote'])}”" if flag["verified"]
                     else f" [strike]“{escape(flag['quote'])}”[/] [red]{UNVERIFIED}[/]")
        elif flag.get("line"):
            quote = f" [dim]line {flag['line']}[/]"
        by = " [dim](found by fzcheck)[/]" if flag.get("by") == "code" else ""
        if flag.get("accepted") is False:
            by += f" [dim](未采纳：{escape(str(flag.get('refusal')))})[/]"
        out.append(Text.from_markup(f"  [yellow]⚑ {where}.{flag['kind']}[/]{by} "
                                    f"{escape(str(flag['reason']))}{quote}"))
    for d in llm.get("disagreements", []):
        style = "green" if d["outcome"] == "upgraded" else "magenta"
        out.append(Text.from_markup(
            f"  [{style}]≠ {d['part']}[/]: offline {d['offline']}, LLM {d['llm']} → "
            f"{'upgraded to embedded' if d['outcome'] == 'upgraded' else 'offline kept'} "
            f"[dim]({escape(d['reason'])})[/]"))
    if llm.get("unverified"):
        out.append(Text(f"  {llm['unverified']} quote(s) from the LLM are not in the report; "
                        "they changed nothing", style="red"))
    return out


def markdown_section(llm: dict[str, Any]) -> list[str]:
    lines = ["", f"**LLM** ({usage_line(llm)})", ""]
    if llm.get("error"):
        return lines + [f"- no LLM result: {llm['error']} (offline verdict kept)"]
    if llm.get("summary"):
        lines += [f"> {llm['summary']}", ""]
    for part in llm["parts"]:
        for f in part["findings"]:
            quote = (f"“{f['quote']}” (line {f['line']})" if f["verified"]
                     else f"~~“{f['quote']}”~~ **{UNVERIFIED}**")
            lines.append(f"- {part['id']}: {finding_line(finding_kind(part), f)} — {quote}")
    for flag in llm["flags"]:
        tail = f" — “{flag['quote']}”" if flag.get("quote") else ""
        if flag.get("quote") and not flag["verified"]:
            tail = f" — ~~“{flag['quote']}”~~ **{UNVERIFIED}**"
        by = " (found by fzcheck)" if flag.get("by") == "code" else ""
        if flag.get("accepted") is False:
            by += f" (未采纳：{flag.get('refusal')})"
        lines.append(f"- ⚑ {flag.get('part') or 'document'}.{flag['kind']}{by}: {flag['reason']}{tail}")
    for d in llm.get("disagreements", []):
        lines.append(f"- ≠ {d['part']}: offline {d['offline']}, LLM {d['llm']} → {d['outcome']} "
                     f"({d['reason']})")
    return lines
