"""Markdown: one section per report, ready to paste into a review."""

from __future__ import annotations

from typing import IO, Any

from fzcheck.document import Document
from fzcheck.render import STATUS_MARK, VERDICT_ZH, failed_checks



def md_cell(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: dict[str, Any]) -> str:
    lines = [f"## {md_cell(result['path'])}", ""]
    if result.get("error"):
        lines += [f"**error** ({result['error']['kind']}): {result['error']['message']}", ""]
        return "\n".join(lines)
    d = result["document"]
    lines += [
        f"**{result['verdict']}** ({VERDICT_ZH[result['verdict']]}) · score **{result['score']:g}**"
        f" · rubric {result['rubric']['id']} {result['rubric']['version']}", "",
        "| title | issuer | year | signed | published | format | script |",
        "|---|---|---|---|---|---|---|",
        "| " + " | ".join(md_cell(d[k]) for k in ("title", "issuer", "report_year", "signed_on",
                                                "published_on", "format", "script")) + " |",
        "",
        "| part | status | heading | line |",
        "|---|---|---|---|",
    ]
    for p in result["parts"]:
        req = "" if p["required"] else " (optional)"
        lines.append(f"| {p['id']}{req} | {STATUS_MARK[p['status']]} {p['status']} | "
                     f"{md_cell(p['heading'])} | {md_cell(p['line'])} |")
    failed = failed_checks(result)
    if failed:
        lines += ["", "Failed checks:", ""]
        lines += [f"- `{part}.{c['id']}`: {c['message']}" for part, c in failed]
    if result.get("tables"):
        from fzcheck.render.tables import markdown_tables

        lines += markdown_tables(result)
    notes = [p for p in result["parts"] if p.get("note")]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {p['id']}: {p['note']}" for p in notes]
    if result.get("llm"):
        from fzcheck.render.llmsection import markdown_section

        lines += markdown_section(result["llm"])
    lines.append("")
    return "\n".join(lines)


class MarkdownRenderer:
    def __init__(self, out: IO[str], rubrics: object = None) -> None:
        self.out = out

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        from fzcheck.redact import visible_tree

        # names and quotes come from submissions: control characters shown, not executed
        self.out.write(render_markdown(visible_tree(result)) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass
