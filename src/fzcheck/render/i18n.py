"""The words a reviewer reads, in Chinese (default) or English (``--lang en``).

A plain message catalogue: ``t(key)`` looks the key up in the current language, falling back
to Chinese. Report-type wording (part names, check names, citations) is rubric data and never
here. The language is set once per process by the CLI (``--lang`` or ``FZCHECK_LANG``).
"""

from __future__ import annotations

import os
import re
from typing import Any

LANGS = ("zh", "en")


def default_lang() -> str:
    """``FZCHECK_LANG`` when it names a language, else Chinese."""
    env = os.environ.get("FZCHECK_LANG", "")
    return env if env in LANGS else "zh"


_lang = default_lang()


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "zh"


def lang() -> str:
    return _lang


def t(key: str, **values: Any) -> str:
    """The message for ``key`` in the current language, formatted with ``values``."""
    text = MESSAGES.get(_lang, {}).get(key) or MESSAGES["zh"].get(key, key)
    return text.format(**values) if values else text


def verdict(v: str) -> str:
    return t(f"verdict.{v}")


def status(s: str) -> str:
    return t(f"status.{s}")


def error_kind(kind: str, message: str) -> str:
    """An input error as the reviewer reads it. In Chinese the kind's own sentence (the English
    detail stays in the JSON ``error.message``); an unknown kind keeps the message."""
    if _lang == "zh":
        if kind == "too_large" and "--max-mb" not in message:
            kind = "too_large_inside"  # text, pages or inflated parts: --max-mb does not help
        if kind == "unreadable" and "permission" not in message:
            kind = "unreadable_path" if "resolved" in message else "unreadable_io"
        text = MESSAGES["zh"].get(f"error.{kind}")
        if text:
            sizes = re.findall(r"\d[\d,.]* ?MB", message) if kind == "too_large" else []
            return text + (f"（{' / '.join(sizes)}）" if sizes else "")
        return f"无法读取（{kind}）：{message}"
    return f"{kind}: {message}"


def check_name(check: dict[str, Any], part: str | None = None) -> str:
    """A check as a reviewer reads it: its rubric description (``name``) in Chinese, the stable
    id (prefixed with its part) in English or when the result has no name."""
    if _lang == "zh" and check.get("name"):
        return str(check["name"])
    return f"{part}.{check['id']}" if part else str(check["id"])


def decision_text(d: dict[str, Any], result: dict[str, Any] | None = None) -> str:
    """One decision as a reviewer reads it: 要素“存在不足”改为“嵌于他节”（见第3页）. With the
    result at hand, the part's label or the check's name stands for its id."""

    def word(v: str) -> str:
        return status(v) if d["target"] == "part" else t(f"review.{v}")

    shown = str(d["id"])
    if result is not None and _lang == "zh":
        from fzcheck.render import all_checks

        names = {p["id"]: p.get("label") or p["id"] for p in result.get("parts", [])}
        names.update({f"{p}.{c['id']}": c.get("name") or c["id"] for p, c in all_checks(result)})
        shown = f"“{names.get(shown, shown)}”"
    what = (
        f"{t('review.' + d['target'])}{shown}"
        if _lang == "zh"
        else f"{t('review.' + d['target'])} {shown}"
    )
    text = (
        t("review.accept", value=word(d["set"]))
        if d.get("accept")
        else t("review.set", target="", value=word(d["set"])).strip()
    )
    note = f"（{d['note']}）" if d.get("note") else ""
    return f"{what} {text}{note}"


MESSAGES: dict[str, dict[str, str]] = {
    "zh": {
        "verdict.complete": "要素齐全",
        "verdict.incomplete": "要素缺失",
        "verdict.not_a_report": "非年度报告",
        "verdict.error": "无法读取",
        "status.present": "独立成节",
        "status.embedded": "嵌于他节",
        "status.missing": "缺失",
        "optional": "选报",
        "optional_missing": "未写（选报）",
        # document facts
        "title": "标题",
        "issuer": "发布单位",
        "addressee": "报送对象",
        "report_year": "报告年度",
        "signed_on": "落款日期",
        "published_on": "公开日期",
        "format": "格式",
        "encoding": "编码",
        "script": "字形",
        "source": "来源",
        "rubric": "报告类型",
        "script.simplified": "简体",
        "script.traditional": "繁体",
        "chars": "{n:,} 字",
        "unreadable": "{n}处无法解码（显示为�）",
        "path": "文件",
        "unit": "单位",
        "year": "年度",
        "verdict": "结论",
        "score": "得分",
        "part": "要素",
        "status": "状态",
        "heading": "所在标题 / 依据",
        "line": "行",
        "failed_checks": "未通过的检查",
        "error": "错误",
        "notes": "说明",
        "not_found_here": "未找到",
        "evidence": "依据原文",
        "copies": "雷同",
        "decisions": "人工复核",
        "machine": "机器结论",
        "human": "人工结论",
        "score_breakdown": "得分构成",
        "points": "分值",
        "reason": "原因",
        "total": "合计",
        "clamped": "（得分限定在0–100之间）",
        "breakdown.part": "{label}：{status}，权重{weight:g}×{credit:g}",
        "breakdown.check": "扣分：{name}（{message}）",
        "breakdown.not_a_report": "不是年度报告，得0分",
        "inputs_total": "共{total}份：{counts}",
        # review
        "review.set": "{target}改为“{value}”",
        "review.accept": "确认机器结论“{value}”",
        "review.part": "要素",
        "review.check": "检查",
        "review.pass": "通过",
        "review.fail": "未通过",
        "review.recorded": "已记录{n}条人工复核 → {path}",
        "review.imported": "已导入{n}条人工复核（跳过{skipped}条不属于这些结果的）→ {path}",
        # cohort
        "cohort.reports": "共{n}份报告",
        "cohort.graded": "要素统计（已评{n}份）",
        "cohort.missing": "缺失",
        "cohort.embedded": "仅嵌于他节",
        "cohort.scores": "得分：最低 {min:g}  中位 {median:g}  平均 {mean:g}  最高 {max:g}",
        "cohort.no_scores": "没有已评分的报告",
        "cohort.failed": "未通过的检查",
        "cohort.count": "份数",
        "cohort.share": "占比",
        "cohort.example": "示例",
        "cohort.send_back": "需退回修改的单位",
        "cohort.copies": "疑似照搬照抄（按雷同组）",
        "cohort.similarity": "相似度",
        "cohort.cluster": (
            "{n}份报告的“{label}”相互雷同（{pairs}对，相似度{lo:.2f}–{hi:.2f}）：{members}"
        ),
        "cohort.failures": "处理失败",
        "cohort.stage": "环节",
        "cohort.reviewed": "人工复核{n}份",
        "cohort.title": "批量评查：{n}份报告",
        "cohort.verdicts": "结论",
        "cohort.llm_unused": "大模型：未使用",
        "cohort.llm": (
            "大模型：{reports}份，{calls}次调用，{tokens:,}个token"
            "（输入{prompt:,}+输出{completion:,}），{cost}"
        ),
        "cohort.cost": "估计费用 {cost:.4f}",
        "cohort.unpriced": "配置中没有价格：{models}",
        "stage.read": "读取",
        "stage.llm": "大模型",
        # xlsx
        "sheet.scores": "评分表",
        "sheet.parts": "要素明细",
        "sheet.about": "说明",
        "col.type": "报告类型",
        "col.copies": "雷同对象",
        "col.review": "人工复核",
        "col.human_verdict": "人工结论",
        "col.human_score": "人工得分",
        "col.quote": "依据原文",
        "col.note": "备注",
        "col.penalty": "扣分",
        "about.rubric": "评查依据",
        "about.citation": "出处",
        "about.generated": "生成工具",
        # errors on stderr
        "error.not_found": "找不到该文件",
        "error.empty": "文件是空的，没有文字",
        "error.binary": "不是文本文件（二进制数据），无法作为报告读取",
        "error.encoding": "文字编码无法识别（不是UTF-8、GB18030、Big5或UTF-16中文）",
        "error.image": "这是图片，不是文字：请先做文字识别（OCR）",
        "error.scanned_pdf": "这是扫描版PDF，没有文字层：请先做文字识别（OCR）",
        "error.unmapped_font": "PDF字体无法映射为文字（显示为乱码）：请先做文字识别（OCR）",
        "error.unsupported_format": "不支持的文件格式：请另存为.docx、PDF或.txt后再检查",
        "error.corrupt": "文件已损坏：请从Word/WPS重新保存或重新导出",
        "error.encrypted": "文件有密码保护：请另存一份不加密的副本",
        "error.too_large": "文件超过大小上限（可用 --max-mb 调高）",
        "error.too_large_inside": (
            "文件内容远超一份报告（字数、页数或解压后的大小超过上限，或是压缩炸弹）：请拆分或重新保存"
        ),
        "error.too_complex": "文件结构远比一份报告复杂（元素数量超过上限）：请拆分或重新保存",
        "error.timeout": "读取超时已停止：文件损坏或远大于一份报告",
        "error.no_reports": "该目录中没有可检查的报告文件",
        "error.unreadable": "无法读取该文件（没有权限）",
        "error.unreadable_path": "无法读取该文件：路径无法解析（符号链接循环或路径有误）",
        "error.unreadable_io": "无法读取该文件：读取出错（磁盘或网络存储故障）",
        "error.internal": (
            "处理该文件时程序出错：请连同文件一起反馈（设 FZCHECK_RAISE_ERRORS=1 可看详情）"
        ),
        "error.prefix": "错误",
        "usage.unknown_option": "未知选项 {option}",
        "usage.did_you_mean": "，是否想输入 {match}？",
        "usage.invalid_choice": "{option} 不接受“{value}”，可选：{choices}",
        "interrupted": "已中断",
        "interrupted.batch": "已中断：已评的报告都已保存，再次运行同一命令即从中断处接着评查",
        # a batch's progress on stderr
        "batch.todo": "批量评查：待评{total}份",
        "batch.skipped": "，此前已完成{skipped}份",
        "batch.failed": "批量评查：失败 {path}：{why}",
        "batch.status": "批量评查：已评{done}/{total}份，失败{failed}份，每秒{rate}份，预计还需{eta}",
        "batch.bar": "批量评查",
        "batch.bar_failed": "失败{failed}份",
        "batch.not_results": (
            "{path} 第{line}行不是评查结果（不是批量评查结果文件，或被改动过），为免覆盖原有内容"
            "未作改动：请用 -o 指定新的结果文件（如 results.jsonl）"
        ),
        "output.is_input": "-o {path} 也是本次读取的文件，写入会覆盖它：请另选输出文件",
        "letter.failed": "{path}：这份反馈意见没有写成（{why}），其余照常写出",
        # set-up errors on stderr (the one line of a FzcheckError: config, rubric, LLM, usage)
        "config.missing": "FZCHECK_CONFIG 指向的 {path} 不存在",
        "config.not_toml": "{path}：不是有效的TOML配置文件（{why}）",
        "config.unreadable": "{path}：无法读取（{why}）",
        "config.not_table": "{path}：[{name}] 必须是一个表（table）",
        "config.unknown_keys": "配置文件的 [{name}] 中有未知的键：{keys}",
        "config.api_key": (
            "配置文件中的 [llm] api_key 不会被读取：请改用 api_key_env 写明存放密钥的环境变量名"
        ),
        "config.mode": "未知的大模型模式 {mode!r}：可选 {modes}",
        "config.number": "大模型设置 {name} 必须是数字，而不是 {value!r}",
        "config.extra_body": "[llm] extra_body 必须是一个表（table）",
        "config.cache_dir": "[cache] dir 必须是字符串（一个目录路径）",
        "config.prices": "[batch.prices] 必须是“模型 = {input, output}”形式的表",
        "config.price": '[batch.prices."{model}"] 需要数字 input 和 output（每百万token的价格）',
        "llm.error.no_extra": "--llm 需要安装 llm 扩展（未安装 {missing}）：pip install 'fzcheck[llm]'",
        "llm.error.no_key": (
            "没有 {host} 的API密钥：请设置 OPENAI_API_KEY"
            "（或配置文件 [llm] 中 api_key_env 所指的环境变量）"
        ),
        "llm.error.rejected_key": "{host} 拒绝了API密钥（{status}）：请检查 OPENAI_API_KEY",
        "llm.error.not_found": (
            "{url}：找不到模型 {model!r} 或接口（404）：请检查 --model 和 --base-url"
        ),
        "llm.error.unreachable": (
            "无法连接大模型接口 {url}（{cause}）：请启动该服务，或改正 --base-url"
        ),
        "llm.error.connection_failed": "连接失败",
        "rubric.no_file": "{spec}：找不到该报告类型文件",
        "rubric.unknown": "未知的报告类型 {spec!r}；内置：{known}（或给出 .yaml 文件的路径）",
        "rubric.none": "无",
        "rubric.same_id": "有两个报告类型的 id 都是 {id!r}",
        "rubric.none_found": "{folder} 中没有找到报告类型文件",
        "rubric.line": "（第{line}行）",
        "rubric.not_yaml": "{name}{where}：不是有效的YAML：{problem}",
        "rubric.empty": "{name}：文件是空的",
        "rubric.invalid": "{name}：{field}（第{line}行）：{message}{more}",
        "rubric.more": "（另有{n}处）",
        "rubric.top_level": "（顶层）",
        "html.needs_dir": "-f html 检查{n}份输入时每份报告写一个页面：请用 -o DIR 指定一个目录",
        "html.not_a_dir": (
            "-f html 检查{n}份输入时每份报告写一个页面，另加 index.html：-o 必须是目录，"
            "不能是 {output}"
        ),
        "output.xlsx_needs_file": "-f {fmt} 需要 -o 文件名（例如 -o 评分表.xlsx）",
        "output.html_needs_file": "-f html 需要 -o 文件名（例如 -o batch.html）",
        "report.bad_format": "fzcheck report 不能输出 {fmt}（可选：{choices}）",
        "report.no_results_file": "{path}：找不到结果文件（用 fzcheck batch -o 生成）",
        "no_such_file": "{path}：找不到该文件",
        "review.which": "请用 --part ID 或 --check ID 指明复核的要素或检查",
        "review.what": "请用 --set 值 或 --accept 给出复核结论",
        "review.not_readable": "{path}：无法作为结果文件读取（{why}）",
        "review.too_deep": "{path}：不是 fzcheck 的结果文件（嵌套过深）",
        "review.which_report": "{path} 有{n}份报告：请用 --report 指明是哪一份",
        "review.no_match": (
            "--report {which}：在 {path} 中找到{n}份匹配的报告；请用文件名指明，例如：{names}"
        ),
        "review.unreadable_report": "{path}：无法读取的报告不能复核",
        "review.no_part": "没有要素 {part}；可选：{listed}",
        "review.no_check": "没有检查 {check}；可选：{listed}",
        "review.bad_value": "--set {value}：可选 {allowed}",
        "review.not_export": "{path}：不是复核导出文件（{why}）",
        "batch.stdin": "batch 只读文件，不读标准输入：请给出文件、目录或通配符",
        "batch.jobs": "--jobs 至少为1",
        "batch.workers": "--workers 至少为1",
        "batch.copy_threshold": "--copy-threshold 必须大于0且不超过1",
        "batch.exchange_needs_llm": "--export-requests 和 --import-results 需要 --llm",
        "batch.export_needs_llm": "--export-requests 需要 --llm（它写出的是给大模型的请求）",
        "batch.import_needs_llm": "--import-results 需要 --llm，且设置须与导出时相同",
        "batch.request_too_big": "有一条请求长{size:,}字节，超过单个文件的上限",
        "batch.cannot_create": "无法创建 {path}（{why}）",
        "batch.export_not_empty": "{path} 中已有请求文件（{name}…）：请导出到一个空目录",
        "batch.cannot_read": "无法读取 {path}（{why}）",
        "batch.not_a_results_file": (
            "{path} 不是批量评查结果文件（第{line}行不是评查结果）：请用 fzcheck batch -o 生成"
        ),
        "batch.no_results": "{path} 中没有评查结果：请用 fzcheck batch -o 生成",
        "batch.cannot_write": "无法写入 {path}（{why}）",
        "batch.no_folder": "无法写入 {path}：文件夹 {folder} 不存在",
        "batch.locked": "另一个 fzcheck batch 正在写入 {path}：请等它结束，或用 -o 另选结果文件",
        "batch.cannot_write_pages": "无法把页面写入 {path}（{why}）",
        # the LLM section
        "llm.title": "大模型",
        "llm.document": "全文",
        "llm.line": "第{line}行",
        "llm.usage": (
            "{model} @ {host}（{mode}）· 输入{prompt:,}+输出{completion:,} token · "
            "调用{calls}次，重问{reasks}次{cached}"
        ),
        "llm.cached": "，来自缓存",
        "llm.no_result": "大模型没有结果：{error}（保留离线结论）",
        "llm.unverified": "✗ 原文中没有这句引文",
        "llm.not_heading": "{part}：所称章节“{title}”不是报告中的标题（已忽略）",
        "llm.by_code": "（fzcheck发现）",
        "llm.disagree": "{part}：离线检查为{offline}，大模型认为{llm} → {outcome}",
        "llm.upgraded": "改为嵌于他节",
        "llm.kept": "保留离线结论",
        "llm.unverified_count": "大模型的{n}条引文不在报告中，未改变任何结论",
    },
    "en": {
        "verdict.complete": "complete",
        "verdict.incomplete": "incomplete",
        "verdict.not_a_report": "not a report",
        "verdict.error": "unreadable",
        "status.present": "present",
        "status.embedded": "embedded",
        "status.missing": "missing",
        "optional": "optional",
        "optional_missing": "not written (optional)",
        "title": "title",
        "issuer": "issuer",
        "addressee": "addressee",
        "report_year": "report year",
        "signed_on": "signed",
        "published_on": "published",
        "format": "format",
        "encoding": "encoding",
        "script": "script",
        "source": "source",
        "rubric": "report type",
        "script.simplified": "simplified",
        "script.traditional": "traditional",
        "chars": "{n:,} chars",
        "unreadable": "{n} undecodable (shown as �)",
        "path": "file",
        "unit": "unit",
        "year": "year",
        "verdict": "verdict",
        "score": "score",
        "part": "part",
        "status": "status",
        "heading": "heading / evidence",
        "line": "line",
        "failed_checks": "failed checks",
        "error": "error",
        "notes": "notes",
        "not_found_here": "not found",
        "evidence": "evidence",
        "copies": "copies",
        "decisions": "review decisions",
        "machine": "machine",
        "human": "reviewer",
        "score_breakdown": "score breakdown",
        "points": "points",
        "reason": "reason",
        "total": "total",
        "clamped": " (score kept within 0–100)",
        "breakdown.part": "{label}: {status}, weight {weight:g} × {credit:g}",
        "breakdown.check": "deduction: {name} ({message})",
        "breakdown.not_a_report": "not a report: scores 0",
        "inputs_total": "{total} inputs: {counts}",
        "review.set": "{target} set to {value}",
        "review.accept": "accepted {value}",
        "review.part": "part",
        "review.check": "check",
        "review.pass": "pass",
        "review.fail": "fail",
        "review.recorded": "recorded {n} decision(s) → {path}",
        "review.imported": (
            "imported {n} decision(s) ({skipped} skipped: not for these results) → {path}"
        ),
        "cohort.reports": "{n} reports",
        "cohort.graded": "parts ({n} graded)",
        "cohort.missing": "missing",
        "cohort.embedded": "embedded only",
        "cohort.scores": "scores: min {min:g}  median {median:g}  mean {mean:g}  max {max:g}",
        "cohort.no_scores": "no graded reports",
        "cohort.failed": "failed sub-checks",
        "cohort.count": "reports",
        "cohort.share": "share",
        "cohort.example": "e.g.",
        "cohort.send_back": "units to send back",
        "cohort.copies": "possible copies (clusters)",
        "cohort.similarity": "similarity",
        "cohort.cluster": (
            "{n} reports share their {label} ({pairs} pai"
            "rs, similarity {lo:.2f}–{hi:.2f}): {members}"
        ),
        "cohort.failures": "failures",
        "cohort.stage": "stage",
        "cohort.reviewed": "{n} reviewed",
        "cohort.title": "Batch: {n} reports",
        "cohort.verdicts": "verdicts",
        "cohort.llm_unused": "LLM: not used",
        "cohort.llm": (
            "LLM: {reports} reports, {calls} calls, {tokens:,} tokens"
            " ({prompt:,} prompt + {completion:,} completion), {cost}"
        ),
        "cohort.cost": "estimated cost {cost:.4f}",
        "cohort.unpriced": "no price in config for {models}",
        "stage.read": "read",
        "stage.llm": "llm",
        "sheet.scores": "scores",
        "sheet.parts": "parts",
        "sheet.about": "about",
        "col.type": "report type",
        "col.copies": "copied with",
        "col.review": "review decisions",
        "col.human_verdict": "reviewer verdict",
        "col.human_score": "reviewer score",
        "col.quote": "evidence",
        "col.note": "note",
        "col.penalty": "penalty",
        "about.rubric": "rubric",
        "about.citation": "citation",
        "about.generated": "generated by",
        "error.prefix": "error",
        "usage.unknown_option": "unrecognized option {option}",
        "usage.did_you_mean": "; did you mean {match}?",
        "usage.invalid_choice": "{option}: invalid choice {value!r} (choose from {choices})",
        "interrupted": "interrupted",
        "interrupted.batch": "interrupted: every report done is saved; run the same command again to go on",
        "batch.todo": "batch: {total} to do",
        "batch.skipped": ", {skipped} already done",
        "batch.failed": "batch: failed {path}: {why}",
        "batch.status": "batch: {done}/{total} done, {failed} failed, {rate}/s, ETA {eta}",
        "batch.bar": "batch",
        "batch.bar_failed": "{failed} failed",
        "batch.not_results": (
            "{path}: line {line} is not a result (not a batch results file, or edited); "
            "it was left as it is: give -o a new results file (e.g. results.jsonl)"
        ),
        "output.is_input": (
            "-o {path} is a file this run reads and writing it would destroy it: "
            "choose another output file"
        ),
        "letter.failed": "{path}: this letter was not written ({why}); the others were",
        "config.missing": "FZCHECK_CONFIG points to {path}, which does not exist",
        "config.not_toml": "{path}: not valid TOML ({why})",
        "config.unreadable": "{path}: cannot read ({why})",
        "config.not_table": "{path}: [{name}] must be a table",
        "config.unknown_keys": "[{name}] in the config file has unknown keys: {keys}",
        "config.api_key": (
            "[llm] api_key is not read from the config file; set api_key_env to the "
            "name of an environment variable instead"
        ),
        "config.mode": "unknown LLM mode {mode!r}; use one of {modes}",
        "config.number": "LLM setting {name} must be a number, got {value!r}",
        "config.extra_body": "[llm] extra_body must be a table",
        "config.cache_dir": "[cache] dir must be a string (a directory path)",
        "config.prices": "[batch.prices] must be a table of model = {input, output}",
        "config.price": (
            '[batch.prices."{model}"] needs numbers input and output (price per million tokens)'
        ),
        "llm.error.no_extra": (
            "--llm needs the llm extra ({missing} not installed): pip install 'fzcheck[llm]'"
        ),
        "llm.error.no_key": (
            "no API key for {host}: set OPENAI_API_KEY (or the variable "
            "named by api_key_env in the [llm] config section)"
        ),
        "llm.error.rejected_key": "{host} rejected the API key ({status}); check OPENAI_API_KEY",
        "llm.error.not_found": (
            "{url}: model {model!r} or endpoint not found (404); check --model and --base-url"
        ),
        "llm.error.unreachable": (
            "cannot reach the LLM endpoint {url} ({cause}); start the server or fix --base-url"
        ),
        "llm.error.connection_failed": "connection failed",
        "rubric.no_file": "{spec}: no such rubric file",
        "rubric.unknown": "unknown rubric {spec!r}; bundled: {known} (or pass a path to a .yaml)",
        "rubric.none": "none",
        "rubric.same_id": "two rubrics have the id {id!r}",
        "rubric.none_found": "no rubrics found in {folder}",
        "rubric.line": " (line {line})",
        "rubric.not_yaml": "{name}{where}: not valid YAML: {problem}",
        "rubric.empty": "{name}: the file is empty",
        "rubric.invalid": "{name}: {field} (line {line}): {message}{more}",
        "rubric.more": " (+{n} more)",
        "rubric.top_level": "(top level)",
        "html.needs_dir": (
            "-f html with {n} inputs writes a page per report: give a directory with -o DIR"
        ),
        "html.not_a_dir": (
            "-f html with {n} inputs writes a page per report plus "
            "index.html: -o must be a directory, not {output}"
        ),
        "output.xlsx_needs_file": "-f {fmt} needs -o FILE (e.g. -o scores.xlsx)",
        "output.html_needs_file": "-f html needs -o FILE (e.g. -o batch.html)",
        "report.bad_format": "fzcheck report cannot write {fmt} (choose from {choices})",
        "report.no_results_file": "{path}: no such results file (write one with fzcheck batch -o)",
        "no_such_file": "{path}: no such file",
        "review.which": "say which part or check with --part ID or --check ID",
        "review.what": "give the decision with --set VALUE or --accept",
        "review.not_readable": "{path}: cannot be read as a results file ({why})",
        "review.too_deep": "{path}: not an fzcheck results file (nested too deep)",
        "review.which_report": "{path} holds {n} reports: say which one with --report",
        "review.no_match": (
            "--report {which}: {n} reports in {path} match; name one by its file name, e.g. {names}"
        ),
        "review.unreadable_report": "{path}: a report that could not be read cannot be reviewed",
        "review.no_part": "no part {part}; choose from {listed}",
        "review.no_check": "no check {check}; choose from {listed}",
        "review.bad_value": "--set {value}: choose from {allowed}",
        "review.not_export": "{path}: not a review export file ({why})",
        "batch.stdin": "batch reads files, not stdin: pass files, directories or globs",
        "batch.jobs": "--jobs must be at least 1",
        "batch.workers": "--workers must be at least 1",
        "batch.copy_threshold": "--copy-threshold must be between 0 and 1",
        "batch.exchange_needs_llm": "--export-requests and --import-results need --llm",
        "batch.export_needs_llm": "--export-requests needs --llm (it writes the LLM requests)",
        "batch.import_needs_llm": (
            "--import-results needs --llm with the settings used for the export"
        ),
        "batch.request_too_big": "one request is {size:,} bytes, over the per-file limit",
        "batch.cannot_create": "cannot create {path}: {why}",
        "batch.export_not_empty": (
            "{path} already holds request files ({name}…); export into an empty directory"
        ),
        "batch.cannot_read": "cannot read {path}: {why}",
        "batch.not_a_results_file": (
            "{path} is not a batch results file (line {line} is not a result); "
            "write one with fzcheck batch -o"
        ),
        "batch.no_results": "{path} holds no results; write them with fzcheck batch -o",
        "batch.cannot_write": "cannot write {path}: {why}",
        "batch.no_folder": "cannot write {path}: the folder {folder} does not exist",
        "batch.locked": (
            "another fzcheck batch is writing {path}; wait for it to finish or choose another -o"
        ),
        "batch.cannot_write_pages": "cannot write pages to {path}: {why}",
        "llm.title": "LLM",
        "llm.document": "document",
        "llm.line": "line {line}",
        "llm.usage": (
            "{model} @ {host} ({mode}) · {prompt:,} + {completion:,} tokens · "
            "{calls} call(s), {reasks} re-ask(s){cached}"
        ),
        "llm.cached": ", cached",
        "llm.no_result": "no LLM result: {error} (offline verdict kept)",
        "llm.unverified": "✗ quote not in report",
        "llm.not_heading": "{part} section “{title}” is not a heading in the report (ignored)",
        "llm.by_code": "(found by fzcheck)",
        "llm.disagree": "{part}: offline {offline}, LLM {llm} → {outcome}",
        "llm.upgraded": "upgraded to embedded",
        "llm.kept": "offline kept",
        "llm.unverified_count": (
            "{n} quote(s) from the LLM are not in the report; they changed nothing"
        ),
    },
}
