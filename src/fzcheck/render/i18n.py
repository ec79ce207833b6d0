"""The words a reviewer reads, in Chinese (default) or English (``--lang en``).

A plain message catalogue: ``t(key)`` looks the key up in the current language, falling back
to Chinese. Report-type wording (part names, check names, citations) is rubric data and never
here. The language is set once per process by the CLI (``--lang`` or ``FZCHECK_LANG``).
"""

from __future__ import annotations

import errno
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


# An errno's sentence with its fix (os.<first>) and its few words of why (os.why.<second>)
_OS_ERRORS = {
    errno.ENOENT: ("no_folder", "not_there"),
    errno.ENOSPC: ("disk_full", "disk_full"),
    errno.EISDIR: ("is_folder", "is_folder"),
    errno.EEXIST: ("exists", "exists"),
    errno.EACCES: ("no_permission", "no_permission"),
    errno.EPERM: ("no_permission", "no_permission"),
    errno.ENOTDIR: ("not_folder", "not_folder"),
    errno.EROFS: ("read_only", "read_only"),
    errno.ELOOP: ("link_loop", "link_loop"),
}


def os_reason(err: OSError) -> str:
    """Why a file could not be written, in a few words of the reviewer's language (the
    system's own strerror is English: No such file or directory)."""
    keys = _OS_ERRORS.get(err.errno or 0)
    return t(f"os.why.{keys[1]}") if keys else str(err.strerror or err)


def os_error(err: OSError) -> str:
    """An output file or folder that could not be written, said with its fix (a bare
    "No such file or directory" named no fix, and under a full disk no file)."""
    path = err.filename if err.filename is not None else t("os.the_output")
    keys = _OS_ERRORS.get(err.errno or 0)
    if keys is None:
        return f"{path}: {err.strerror or err}"
    # (newdir/ names a folder whether or not it exists: the example joins the name once)
    return t(f"os.{keys[0]}", path=path, folder=str(path).rstrip("/\\") or path)


# The LLM layer's failures (llm.error in the JSON, English as every message there) as the
# reviewer reads them: (the message's start, the key of its sentence; {detail}: the rest)
_LLM_ERRORS = (
    ("timed out after ", "llm.fail.timeout"),
    ("deadline of ", "llm.fail.deadline"),
    ("request rejected (400): ", "llm.fail.rejected"),
    ("HTTP ", "llm.fail.http"),
    ("the answer was cut off", "llm.fail.cut_off"),
    ("the answer did not fit the schema", "llm.fail.schema"),
    ("the answer could not be parsed", "llm.fail.unparsed"),
    ("the file changed while the batch ran", "llm.fail.changed"),
    ("no answer for this report in the imported files", "llm.fail.no_answer"),
    ("batch engine", "llm.fail.engine"),
)


def llm_error(message: str) -> str:
    """An llm.error as the reviewer reads it: in Chinese, the sentence for its kind with the
    English detail after it (the JSON keeps the English, as error.message does)."""
    for start, key in _LLM_ERRORS:
        if message.startswith(start):
            return t(key, detail=message)
    return t("llm.fail.other", detail=message)


def error_kind(kind: str, message: str) -> str:
    """An input error as the reviewer reads it. In Chinese the sentence :func:`error_key` picks
    (the English detail stays in the JSON ``error.message``); an unknown kind keeps the
    message."""
    if _lang == "zh":
        key, values = error_key(kind, message)
        if key in MESSAGES["zh"]:
            return MESSAGES["zh"][key].format(**values)
        return f"无法读取（{kind}）：{message}"
    return f"{kind}: {message}"


_ATTACHED_FILE = re.compile(r"in an attached file \((.+)\)$")
_PAGES = re.compile(r"one of the (\d+) pages the site splits")
_FILE_SIZE = re.compile(r"file is ([\d.,]+) MB, over the ([\d.,]+) MB limit")
# The format a damaged file's message names first, in its first clause (advice follows ";")
_ERROR_FORMATS = (
    ("ofd", re.compile(r"\.ofd\b|\bOFD\b|\bas ofd\b")),
    ("pdf", re.compile(r"\.pdf\b|\bPDF\b|\bas pdf\b")),
    ("word", re.compile(r"\.(?:docx|doc|wps|rtf)\b|\bWord\b|\bas (?:docx|doc|rtf)\b")),
)
_SPECIAL_FILES = (("named pipe", "fifo"), ("device", "device"), ("socket", "socket"))
_ERROR_WORDS = {  # kind: (words in the message's first clause, the closer sentence's key)
    "empty": (("web page", "error.empty_page"), ("web archive", "error.empty_mht")),
    "image": (("web page", "error.image_page"), ("document holds", "error.image_doc")),
    "unsupported_format": (
        ("zip archive", "error.unsupported_zip"),
        ("spreadsheet", "error.unsupported_spreadsheet"),
        ("presentation", "error.unsupported_presentation"),
    ),
    "scanned_pdf": ((".ofd", "error.scanned_ofd"),),
    "missing_dependency": (("OCR", "error.missing_ocr"),),
    "internal": (("process died", "error.internal_died"),),
    "timeout": (("standard input", "error.timeout_stdin"),),
}


def error_key(kind: str, message: str) -> tuple[str, dict[str, str]]:
    """The catalogue key (and its values) of an input error's sentence: ``error.<kind>``, or a
    closer one the reader's English message calls for — the format a damaged file is in, the
    sizes of a file over ``--max-mb``, a scan that OCR failed on."""
    first = message.split(";", 1)[0]
    ocr = "OCR it yourself" in message
    pictures = "OCR them yourself" in message or "OCR the pictures yourself" in message
    if pictures and kind in ("too_large", "timeout"):  # a document's pictures of its pages
        return f"error.ocr_pictures_{'too_many' if 'pictures of pages' in first else kind}", {}
    if kind == "too_large":
        sizes = _FILE_SIZE.search(message)
        if sizes:
            return "error.too_large_sizes", {"size": sizes[1], "limit": sizes[2]}
        if "--max-mb" in message:
            return "error.too_large", {}
        if ocr:
            return "error.ocr_too_many_pages" if "pages" in first else "error.ocr_out_of_memory", {}
        if "characters of text" in first:
            return "error.too_long_text", {}
        if "inflates" in first:
            return "error.too_large_inflated", {}
        if "memory" in first or "library stopped" in first:
            return "error.too_large_memory", {}
        return "error.too_large_inside", {}  # --max-mb does not help
    if kind == "corrupt":
        if ocr:
            return "error.ocr_failed", {}
        named = [(m.start(), fmt) for fmt, words in _ERROR_FORMATS if (m := words.search(first))]
        return (f"error.corrupt_{min(named)[1]}" if named else "error.corrupt"), {}
    if kind == "timeout" and ocr:
        return "error.ocr_timeout", {}
    if kind == "paginated" and (pages := _PAGES.search(first)):
        return "error.paginated", {"pages": pages.group(1)}
    if kind == "attached" and (named_file := _ATTACHED_FILE.search(first)):
        return "error.attached_named", {"file": named_file.group(1)}
    if kind == "special_file":
        name = next((n for words, n in _SPECIAL_FILES if words in first), None)
        return (f"error.special_file_{name}" if name else "error.special_file"), {}
    if kind == "unreadable" and "permission" not in message.lower():
        return ("error.unreadable_path" if "resolved" in message else "error.unreadable_io"), {}
    for words, key in _ERROR_WORDS.get(kind, ()):
        if words in first:
            return key, {}
    return f"error.{kind}", {}


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
        from fzcheck.render.typeset import quoted

        names = {p["id"]: p.get("label") or p["id"] for p in result.get("parts", [])}
        names.update({f"{p}.{c['id']}": c.get("name") or c["id"] for p, c in all_checks(result)})
        review = result.get("review") or {}  # a check the machine never ran: named on review
        names.update(review.get("unchecked") or {})
        names.update(
            {f"{c['part']}.{c['id']}": c.get("name") or c["id"] for c in review.get("added") or []}
        )
        shown = quoted(names.get(shown, shown))  # 检查“标题写明‘法治政府建设’和年度”
    what = (
        f"{t('review.' + d['target'])}{shown}"
        if _lang == "zh"
        else f"{t('review.' + d['target'])} {shown}"
    )
    machine = d.get("machine")
    text = (
        t("review.accept", value=word(d["set"]))
        if d.get("accept")
        else t("review.set_from", machine=word(machine), value=word(d["set"]))
        if machine and machine != d["set"]  # what the machine said, as every other view shows
        # set to what the machine said already: confirmed, not changed
        else t("review.same", value=word(d["set"]))
        if machine
        else t("review.set", target="", value=word(d["set"])).strip()
    )
    note = f"（{d['note']}）" if d.get("note") else ""
    # a check of a part the review leaves missing: scored nothing, the decision counts not
    part = str(d["id"]).split(".", 1)[0]
    gone = (
        d["target"] == "check"
        and result is not None
        and ((result.get("review") or {}).get("parts") or {}).get(part) == "missing"
    )
    return f"{what} {text}{note}" + (t("review.part_missing") if gone else "")


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
        "part_checks_failed": "{n}项未通过",
        "optional_part": "{label}（选报）",
        "genre.not_a_report": "{verdict}（依据：{why}）",
        # document facts
        "title": "标题",
        "issuer": "发布单位",
        "addressee": "报送对象",
        "report_year": "报告年度",
        # the year a document that is not a report speaks of (a news story's): no report's year
        "report_year.not_a_report": "所涉年度",
        "signed_on": "落款日期",
        "signed_month": "{month}（未写日）",
        "signed_unread_scan": "未识别（扫描件：日期可能被印章遮住，请核对原件）",
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
        "within": "（在“{part}”一节中）",
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
        "breakdown.check_only": "扣分：{name}",
        "breakdown.after_review": "得分构成（复核后）",
        "breakdown.by_machine": "得分构成（机器）",
        "breakdown.after_review_cell": "复核后（{score:g}分）：",
        "breakdown.by_machine_cell": "机器（{score:g}分）：",
        "inputs_total": "共{total}份：{counts}",
        # review
        "review.set": "{target}改为“{value}”",
        "review.set_from": "由“{machine}”改为“{value}”",
        "review.same": "确认为“{value}”（机器结论本已如此）",
        "batch.done": (
            "批量评查：共{planned}份，此前已完成{skipped}份，本次评出{written}份，失败{failed}份"
            "{earlier}，雷同{pairs}对 → {output}"
        ),
        "batch.failed_earlier": "（另有此前失败{n}份：用 --retry-errors 重做）",
        "batch.failed_header": "失败（文件改好后再运行即重评；超时或大模型出错的用 --retry-errors 重做）：",
        "review.accept": "确认机器结论“{value}”",
        "review.part": "要素",
        "review.check": "检查",
        "review.pass": "通过",
        "review.fail": "未通过",
        "review.overruled": "（人工复核改为通过：{names}）",
        "review.failed_by_reviewer": "（人工复核改为未通过）",
        "review.passed_by_reviewer": "（人工复核改为通过）",
        "review.failed_plain": "复核认定未通过",
        "review.failed_note": "复核认定未通过：{note}",
        "review.decided_pass": "经审核认定通过",
        "review.part_missing": "（所属要素经复核为缺失，此项不计）",
        "review.decided_fail": "经审核认定未通过",
        "review.fail_without_note": (
            "{check} 改为未通过但没有写理由：反馈意见只会写“经审核认定未通过”；"
            "可再用 --note 写明理由（重新记录一次即可替换）"
        ),
        "review.unchecked": "未核对（机器未找到本要素，未做此项检查）",
        "review.unchecked_hint": (
            "要素“{part}”经复核存在，以下检查项机器未核对，不扣分也不算通过："
            "{checks}；核对后用 fzcheck review … --check 检查项 --set pass|fail 记录"
            "（结果文件另加 --report 报告）"
        ),
        "review.unchecked_no_accept": "检查项 {check} 机器未核对，无结论可确认；请用 --set pass|fail 记录",
        "review.recorded": "已记录{n}条人工复核 → {path}",
        "output.written": "已写{n}份报告的结果 → {path}",
        "output.pages_written": "已写{n}份报告的网页 → {path}（用浏览器打开）",
        "review.recorded_beside_report": (
            "（存于报告文件旁：列有这份报告的评查结果，report、batch、letter、review 也都采用）"
        ),
        # cohort
        "cohort.reports": "共{n}份报告",
        "cohort.graded": "要素统计（已评{n}份）",
        "cohort.part_base": "，共{n}份",
        "cohort.missing": "缺失",
        "cohort.embedded": "仅嵌于他节",
        "cohort.scores": "得分：最低 {min:g}  中位 {median:g}  平均 {mean:g}  最高 {max:g}",
        "cohort.no_scores": "没有已评分的报告",
        "cohort.failed": "未通过的检查",
        "cohort.count": "份数",
        "cohort.share": "占比",
        "cohort.share_of": "{pct}（共{n}份）",
        "cohort.example": "示例",
        "cohort.send_back": "需退回修改的单位",
        "cohort.duplicates": "重复报送（内容完全相同的文件）",
        "cohort.same_files": "另有{n}个文件与其中某份报告内容完全相同，按一份报告统计（见“重复报送”）",
        "page.same_files": "其中{n}份与另一份内容完全相同，按一份统计",
        "page.same_files_why": "重复报送：内容完全相同的文件是同一份报告，概览的图表只计一次",
        "cohort.twice": "{n}个文件内容完全相同：{names}（按一份报告处理，只写一份反馈意见）",
        "cohort.why_back": "退回原因",
        "cohort.send_back_checks": "未通过：{checks}",
        "cohort.send_back_missing": "缺少：{parts}",
        "cohort.copies": "疑似照搬照抄（按雷同组）",
        "cohort.similarity": "相似度",
        "cohort.cluster": (
            "{n}份报告的“{label}”相互雷同（{pairs}对，相似度{lo:.2f}–{hi:.2f}）：{members}"
        ),
        "cohort.failures": "处理失败",
        "cohort.stage": "环节",
        "cohort.reviewed": "人工复核{n}份",
        "cohort.reviewed_units": "人工复核的报告",
        "cohort.by_hand": "需人工核对的报告",
        "cohort.title": "批量评查：{n}份报告",
        "cohort.file_head": "fzcheck 批量评查汇总",
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
        "col.action": "处理建议",
        "action.revise": "退回修改",
        "action.revise_unchecked": "退回修改（复核未完，{checks}未核对，反馈意见可能不全）",
        "action.resubmit": "退回重报",
        "action.not_a_report": "退回重报（所交的不是年度报告，请报送报告本身）",
        "action.desk": "人工处理（非报送单位原因无法读取）",
        "action.tables": "人工核对：{tables}无法读取，勾稽关系未核对",
        "action.sums_unchecked": "人工核对：勾稽关系未核对（有空白单元格等）：{tables}",
        "action.unchecked": "人工核对：复核未完，{checks}未核对",
        "action.hints": "人工核对（提示项未通过）：{checks}",
        "col.quote": "依据原文",
        "col.note": "备注",
        "col.penalty": "扣分",
        "about.rubric": "评查依据",
        "about.citation": "出处",
        "about.generated": "生成工具",
        # errors on stderr
        # an input error's kind (error.<kind>), or a closer sentence its message calls for
        # (error_key): what the file is, then what to do
        "error.not_found": "找不到该文件：请检查路径和文件名",
        "error.empty": "文件是空的，没有文字：请确认提交的是报告文件本身",
        "error.empty_page": "网页中没有正文（只有导航、栏目等）：请另存报告正文后再检查",
        "error.empty_mht": "网页存档（.mht）中没有网页内容：请将报告另存为.docx或PDF后再检查",
        "error.binary": "不是文本文件（二进制数据），无法作为报告读取：请另存为.txt、.docx或PDF后再检查",
        "error.encoding": (
            "文字编码无法识别（不是UTF-8、GB18030、Big5或UTF-16中文）：请另存为UTF-8编码的文本后再检查"
        ),
        "error.image": "这是图片，不是文字：请先做文字识别（OCR）",
        "error.image_doc": (
            "文档中只有图片，几乎没有文字，自动文字识别也未从图片中识别出文字：请核对图片，"
            "或自行做文字识别（OCR）后再检查"
        ),
        "error.image_page": (
            "网页的正文是图片，几乎没有文字（报告以图片形式发布）：请下载报告原件（PDF或Word）后再检查"
        ),
        "error.attached": (
            "网页正文只是发布说明，报告全文在所附文件中（附件）：请下载附件后再检查"
        ),
        "error.paginated": (
            "网页只是报告分页中的一页（正文共分{pages}页）：请把各页正文合在一起另存后再检查"
        ),
        "error.attached_named": (
            "网页正文只是发布说明，报告全文在所附文件“{file}”中：请下载该附件后再检查"
        ),
        "error.scanned_pdf": (
            "这是扫描版PDF，没有文字层，自动文字识别也未识别出文字（空白或不清晰的扫描件）："
            "请核对扫描件，或自行做文字识别（OCR）后再检查"
        ),
        "error.scanned_ofd": (
            "OFD文件中没有文字（可能是扫描件）：请将其导出为PDF后再检查（扫描版PDF会自动做文字识别）"
        ),
        "error.unmapped_font": "PDF字体无法映射为文字（显示为乱码）：请先做文字识别（OCR）",
        "error.unsupported_format": "不支持的文件格式：请另存为.docx、PDF或.txt后再检查",
        "error.unsupported_zip": "这是压缩包，不是报告：请解压后检查其中的文件",
        "error.unsupported_spreadsheet": (
            "这是Excel/WPS表格，不是报告：请提交报告本身（.docx、PDF或.txt）"
        ),
        "error.unsupported_presentation": (
            "这是PowerPoint/WPS演示文稿，不是报告：请提交报告本身（.docx、PDF或.txt）"
        ),
        "error.lock_file": (
            "这是Word/WPS打开文档时生成的临时锁定文件（文件名以~$开头），不是报告："
            "请检查原文档（文件名不带~$的那个）"
        ),
        "error.own_output": (
            "这是fzcheck自己写出的结果（结果文件、网页或汇总），不是报告：查看结果请用 "
            "fzcheck report，或检查报告原件"
        ),
        "error.corrupt": "文件已损坏，无法解析：请用原软件重新保存或重新导出后再检查",
        "error.corrupt_word": "Word/WPS文档已损坏：请用Word或WPS打开后重新保存（另存为.docx）再检查",
        "error.corrupt_pdf": "PDF文件已损坏：请从原文档重新导出PDF后再检查",
        "error.corrupt_ofd": "OFD文件已损坏：请用原软件重新生成OFD文件后再检查",
        "error.encrypted": "文件有密码保护：请另存一份不加密的副本",
        "error.too_large": "文件超过大小上限：如确是一份报告，请用 --max-mb 调高上限",
        "error.too_large_sizes": (
            "文件超过大小上限（文件{size} MB，上限{limit} MB）：如确是一份报告，请用 --max-mb 调高上限"
        ),
        "error.too_large_inside": (
            "文件内容远超一份报告（字数、页数或解压后的大小超过上限）：请拆分或重新保存"
        ),
        "error.too_long_text": (
            "文字量远超一份报告（超过字数上限）：一个文件应只含一份报告，请拆分后分别检查"
        ),
        "error.too_large_inflated": (
            "文件解压后远大于其本身（疑似压缩炸弹或文件已损坏），未读取：请用原软件重新保存或导出后再检查"
        ),
        "error.too_large_memory": (
            "读取此文件所需内存超过上限（文件内部远比一份报告复杂，或已损坏），未读取："
            "请重新保存或另存为PDF后再检查"
        ),
        "error.ocr_too_many_pages": (
            "扫描版PDF页数超过自动文字识别的上限：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.ocr_out_of_memory": (
            "扫描版PDF做文字识别时内存不足，已停止：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.ocr_failed": "扫描版PDF文字识别出错：请先自行做文字识别（OCR），再检查识别出的文字",
        "error.ocr_timeout": (
            "扫描版PDF文字识别超时，已停止：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.ocr_pictures_too_many": (
            "文档中的页面图片超过自动文字识别的上限（30张）：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.ocr_pictures_timeout": (
            "文档中图片的文字识别超时，已停止：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.ocr_pictures_too_large": (
            "文档中图片的文字识别所需内存超过上限：请先自行做文字识别（OCR），再检查识别出的文字"
        ),
        "error.too_complex": "文件结构远比一份报告复杂（元素数量超过上限）：请拆分或重新保存",
        "error.timeout": (
            "处理超时已停止（文件损坏或远大于一份报告）：请重新保存为.docx或PDF后再检查"
        ),
        "error.timeout_stdin": (
            "标准输入在限定时间内没有结束（向它写入的程序停住了或没有关闭输出）：请改为直接给出报告文件"
        ),
        "error.no_reports": (
            "该目录中没有可检查的报告文件：请确认目录和报告格式"
            "（.txt、.docx、.doc、.wps、.pdf、.ofd、.rtf、.html等）"
        ),
        "error.special_file": "这不是普通文件（而是设备、管道等特殊文件），未读取：请指定报告文件本身",
        "error.special_file_fifo": "这是命名管道（FIFO），不是普通文件，未读取：请指定报告文件本身",
        "error.special_file_device": "这是设备文件，不是普通文件，未读取：请指定报告文件本身",
        "error.special_file_socket": "这是套接字（socket），不是普通文件，未读取：请指定报告文件本身",
        "error.missing_dependency": (
            "读取此类文件所需的程序库未安装（其他文件照常检查）：请重新安装fzcheck及其全部依赖"
        ),
        "error.missing_ocr": (
            "这是扫描版PDF，需要文字识别（OCR），但本机未安装OCR组件："
            "请重新安装fzcheck及其全部依赖，或自行做文字识别后再检查"
        ),
        "error.unreadable": "无法读取该文件（没有权限）：请检查文件权限，或复制到有权限的位置再检查",
        "error.unreadable_path": "无法读取该文件，路径无法解析（符号链接循环或路径有误）：请检查路径",
        "error.unreadable_io": (
            "无法读取该文件，读取出错（磁盘或网络存储故障）：请检查存储后重试，或复制到本机再检查"
        ),
        "error.internal": (
            "处理该文件时程序出错：请连同文件一起反馈（设 FZCHECK_RAISE_ERRORS=1 可看详情）"
        ),
        "error.internal_died": (
            "检查进程处理此文件时意外退出（内存耗尽或读取库崩溃），其余文件不受影响：请连同文件一起反馈"
        ),
        "error.prefix": "错误",
        "usage.see_help": "（用法见 {prog} --help）",
        "usage.unknown_option": "未知选项 {option}",
        "usage.did_you_mean": "，是否想输入 {match}？",
        "usage.invalid_choice": "{option} 不接受“{value}”，可选：{choices}",
        "usage.bad_env_lang": "环境变量 FZCHECK_LANG 的值“{value}”不是可选的语言（{choices}），按中文显示",
        "usage.not_allowed_with": "{option} 不能与 {other} 同时使用",
        "usage.required": "缺少必需的参数：{names}",
        "usage.one_of_required": "须给出以下参数之一：{names}",
        "usage.expected_one": "{option} 后面须跟一个值",
        "usage.expected_some": "{option} 后面须跟至少一个值",
        "usage.ambiguous_option": "选项 {option} 不明确，可能是：{matches}",
        "usage.invalid_value": "{option} 不接受“{value}”",
        "usage.positive": "{option} 须是大于0的数字，不能是“{value}”",
        "interrupted": "已中断",
        "parts.not_a_report": "不是年度报告：下表只是正文中像各要素的内容，仅供参考，不计分",
        "interrupted.batch": "已中断：结果文件中已有的结果都保留着，再次运行同一命令即从中断处接着评查",
        "interrupted.batch_saved": (
            "已中断：本次评完的{n}份已保存到 {output}（此前已完成{before}份），"
            "再次运行同一命令即从中断处接着评查"
        ),
        "interrupted.batch_none": (
            "已中断：本次尚未评完任何报告（{output} 中此前已完成{before}份），"
            "再次运行同一命令即开始评查"
        ),
        # a batch's progress on stderr
        "batch.todo": "批量评查：待评{total}份",
        "batch.skipped": "，此前已完成{skipped}份",
        "batch.failed": "批量评查：失败 {path}：{why}",
        "batch.status": "批量评查：已评{done}/{total}份，失败{failed}份，每秒{rate}份，预计还需{eta}",
        "batch.bar": "批量评查",
        "batch.bar_failed": "失败{failed}份",
        "batch.bar_rate": "每秒{rate}份",
        "batch.bar_eta": "预计还需",
        "batch.not_results": (
            "{path} 第{line}行不是评查结果（不是批量评查结果文件，或被改动过），为免覆盖原有内容"
            "未作改动：请用 -o 指定新的结果文件（如 results.jsonl）"
        ),
        "output.is_input": "-o {path} 也是本次读取的文件，写入会覆盖它：请另选输出文件",
        "output.is_results": (
            "-o {path} 是 fzcheck batch 的评查结果文件，写入会覆盖它：请另选输出文件"
            "（要把新报告加进去，用 fzcheck batch … -o {path}）"
        ),
        "letter.failed": "{path}：这份反馈意见没有写成（{why}），其余照常写出",
        "letter.written": "已写{n}份反馈意见及汇总 → {path}（共{total}份报告）",
        "letter.stale_removed": "删除了上次写的{n}份已不需要的反馈意见：{names}",
        "letter.undue_kept": "以下{n}份反馈意见已不需要（报告已通过或已复核），但写好后被修改过，保留原样，请自行删除：{names}",
        "letter.summary_beside": "{whole}汇总的是上次更多的报告，保留原样；本次的汇总写为{name}",
        "letter.edited_kept": "以下{n}份反馈意见写好后已被修改过，保留原样、未重写（要重写请先删除或改名）：{names}",
        "letter.submitted_twice": "以下文件内容完全相同（重复报送），只写一份反馈意见：{names}",
        "letter.written_no_summary": "已写{n}份反馈意见，汇总没有写成 → {path}（共{total}份报告）",
        "letter.none": "{total}份报告都无需退回，没有写反馈意见（--all 为每份报告都写）",
        "letter.not_the_units": (
            "{n}份无法读取，原因不在报送单位（{names}），没有写反馈意见：请处理后重新检查"
        ),
        "letter.review_unfinished": (
            "{n}份复核未完（{names}）：复核认定存在的要素有检查项未核对，反馈意见可能不全；"
            "fzcheck review 列出各项"
        ),
        "letter.workbook": (
            "{path}：是表格，不是评查结果或报告，没有写反馈意见：请给出 fzcheck batch -o "
            "写出的 results.jsonl，或报送的报告文件"
        ),
        "review.workbook": (
            "{path}：是表格，不是评查结果或报告，不能复核：请给出 fzcheck batch -o "
            "写出的 results.jsonl，或报送的报告文件"
        ),
        # set-up errors on stderr (the one line of a FzcheckError: config, rubric, LLM, usage)
        "config.missing": "FZCHECK_CONFIG 指向的 {path} 不存在：请改正该路径，或取消这个环境变量",
        "config.not_toml": "{path}：不是有效的TOML配置文件（{why}）：请按所示位置改正该文件",
        "config.unreadable": "{path}：无法读取（{why}）",
        "config.not_utf8": "{path}：不是UTF-8编码的TOML文件：请用记事本“另存为”UTF-8编码后再试",
        "config.not_a_file": "不是普通文件，或大于1 MB",
        "config.not_table": "{path}：[{name}] 必须是一个表（table）：请写成 [{name}] 段落下的“键 = 值”",
        "config.unknown_keys": "配置文件的 [{name}] 中有未知的键：{keys}：请删除或改正这些键",
        "config.api_key": (
            "配置文件中的 [llm] api_key 不会被读取：请改用 api_key_env 写明存放密钥的环境变量名"
        ),
        "config.mode": "未知的大模型模式 {mode!r}：可选 {modes}",
        "config.model": (
            "大模型名称 {model} 不可用（为空或含有无法编码的字符）：请用 --model 或 "
            "FZCHECK_MODEL 给出服务端的模型名"
        ),
        "config.api_key_chars": (
            "API 密钥含有空白或非 ASCII 字符，无法发送：请检查 OPENAI_API_KEY（或配置的环境变量）"
        ),
        "os.the_output": "输出",
        "os.no_folder": "{path}：所在的文件夹不存在：请先建好它，或写到已有的文件夹",
        "os.disk_full": "{path}：磁盘已满，没有写完：请腾出空间后重试",
        "os.is_folder": "{path} 指的是文件夹：请给出文件名（如 {folder}/结果.xlsx）",
        "output.unknown_suffix": (
            "-o 的扩展名 {suffix} 不是fzcheck能写的格式：请用 {choices} 之一，或用 -f 指定格式"
        ),
        "output.suffix_mismatch": (
            "-o 的扩展名 {suffix} 是 {named} 格式，与 -f {fmt} 不符（写出的文件将打不开）："
            "请去掉 -f（按扩展名写 {named}），或把 -o 的文件名改为 {fmt} 格式的扩展名"
        ),
        "batch.output_is_folder": (
            "batch 的 -o 是评查结果文件（.jsonl），不能是文件夹 {output}：请写成 结果.jsonl；"
            "要每份报告一个网页，另加 --html {output}"
        ),
        "batch.output_not_results": (
            "batch 的 -o 是评查结果文件（.jsonl），不能是 {suffix}：请写成 结果.jsonl，"
            "再用 fzcheck report 结果.jsonl -o 评分表{suffix} 导出"
        ),
        "inputs.empty": (
            '输入路径为空（""）：请写出要检查的文件或文件夹（脚本中的变量可能未赋值）'
        ),
        "inputs.stdin_terminal": (
            "正在从标准输入读取报告：粘贴或输入全文后，在新的一行按 Ctrl-D 结束（Windows 按 Ctrl-Z 再回车）；"
            "也可以改为直接给出报告文件的路径"
        ),
        "inputs.orphaned_decisions": (
            "{path}：复核记录所对应的文件 {name} 已不在（改名、移动或删除？），其中的复核意见不再适用："
            "请对改名后的报告重新复核"
        ),
        "os.exists": "{path} 已存在且不是文件夹：请换一个文件夹名",
        "os.why.not_there": "没有这个文件或文件夹，或不能在此建文件",
        "os.why.exists": "已有同名的文件",
        "os.why.no_permission": "没有权限",
        "os.why.disk_full": "磁盘已满",
        "os.why.is_folder": "这是文件夹",
        "os.why.not_folder": "路径中有一段不是文件夹",
        "os.why.read_only": "只读的文件系统",
        "os.no_permission": "{path}：没有写入权限：请写到自己有权限的位置",
        "os.not_folder": "{path}：路径中有一段是文件而不是文件夹：请改正路径",
        "os.read_only": "{path}：所在的磁盘是只读的：请写到别处",
        "os.link_loop": "{path}：是互相指向的符号链接，指不到文件：请换一个文件名",
        "os.why.link_loop": "符号链接互相指向",
        "summarize.none": "{source}：没有摘要（{why}）",
        "summarize.not_called": "未调用大模型",
        "config.base_url": (
            "大模型接口地址 {url!r} 无效：应形如 http://127.0.0.1:8000/v1"
            "（--base-url / OPENAI_BASE_URL / 配置文件 [llm] base_url）"
        ),
        "config.number": "大模型设置 {name} 必须是数字，而不是 {value!r}",
        "review.rubric_unknown": (
            "有人工复核记录未应用：其报告按评查规则 {rubric}（版本 {version}）评查，本次没有这一规则"
            "：请用 --rubric 给出当时所用的规则文件"
        ),
        "config.number_range": "大模型设置 {name} 须在 {low} 到 {high} 之间，而不是 {value!r}",
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
            "{url}：找不到模型 {model!r} 或接口（404）：请检查 --model 和{set_in}"
        ),
        "llm.error.unreachable": (
            "无法连接大模型接口 {url}（{cause}）：请启动该服务，或改正{set_in}"
        ),
        "llm.base_url_from.flag": " --base-url",
        "llm.base_url_from.env": "环境变量 OPENAI_BASE_URL",
        "llm.base_url_from.file": "配置文件 {path} 中的 [llm] base_url",
        "llm.base_url_from.default": "接口地址（--base-url，默认为 OpenAI）",
        "llm.error.connection_failed": "连接失败",
        "rubric.no_file": "{spec}：找不到该报告类型文件",
        "rubric.unknown": "未知的报告类型 {spec!r}；内置：{known}（或给出 .yaml 文件的路径）",
        "rubric.other_content": (
            "有报告是按内容不同的另一份评查规则 {id}（版本 {version}）评查的，手头的同名规则不是那一份，"
            "不用它显示、计分或应用人工复核意见：请用 --rubric 给出评查时所用的规则文件"
            "（或用手头的规则重新评查）"
        ),
        "rubric.none": "无",
        "rubric.same_id": "有两个报告类型的 id 都是 {id!r}",
        "rubric.none_found": "{folder} 中没有找到报告类型文件",
        "rubric.line": "（第{line}行）",
        "rubric.not_yaml": "{name}{where}：不是有效的YAML：{problem}",
        "rubric.too_deep": "嵌套过深（数百层括号），不是有效的结构",
        "rubric.empty": "{name}：文件是空的",
        "rubric.not_utf8": "{name}：不是UTF-8编码的YAML文件：请另存为UTF-8编码后再试",
        "rubric.too_big": "{name}：文件过大或展开后过大（超过{limit}），不像报告类型文件：请检查其中的锚点和别名（&、*）",
        "rubric.invalid": "{name}：{field}（第{line}行）：{message}{more}",
        "rubric.more": "（另有{n}处：{fields}）",
        "rubric.error.missing": "缺少这一项",
        "rubric.error.extra_forbidden": "没有这一项（拼写错误？）",
        "rubric.error.string_type": "应为文本",
        "rubric.error.int_type": "应为整数",
        "rubric.error.int_parsing": "应为整数",
        "rubric.error.float_type": "应为数字",
        "rubric.error.float_parsing": "应为数字",
        "rubric.error.bool_type": "应为 true 或 false",
        "rubric.error.bool_parsing": "应为 true 或 false",
        "rubric.error.list_type": "应为列表（每项以“- ”开头）",
        "rubric.error.dict_type": "应为“键: 值”的映射",
        "rubric.error.model_type": "应为“键: 值”的映射",
        "rubric.error.literal_error": "取值应为 {expected} 之一",
        "rubric.top_level": "（顶层）",
        "rubric.error.greater_than_equal": "应不小于 {ge}",
        "rubric.error.string_pattern_mismatch": "不符合规定的格式（{pattern}）",
        "rubric.error.greater_than": "应大于 {gt}",
        "rubric.error.less_than_equal": "应不大于 {le}",
        "rubric.error.less_than": "应小于 {lt}",
        "rubric.error.too_short": "至少应有 {min_length} 项",
        "rubric.error.string_too_short": "至少应有 {min_length} 个字符",
        "rubric.error.union_tag_invalid": "kind 为 {tag!r}，不是已知的检查种类：应为 {expected_tags} 之一",
        "rubric.error.union_tag_not_found": "缺少 kind（检查的种类）",
        "rubric.check.total_of": "表 {table} 的行 {row}：total_of 列出了没有的行 {unknown}",
        "rubric.check.pieces": "表 {table}：有 pieces 时只能有一行",
        "rubric.check.none_required": "至少要有一个部分是必备的（required: true）",
        "rubric.check.two_plans": "只能有一个部分写 plan: true",
        "rubric.check.embeds_in": "部分 {part}：embeds_in 中的 {unknown} 不是本报告类型的另一个部分",
        "rubric.check.document_check": "文件检查 {check}：{problem}",
        "rubric.check.repeated": "{what}不能重复；重复的：{dupes}",
        "rubric.check.placeholder": "未知的占位符 {{{name}}}：只会填入 {{report_year}} 和 {{next_year}}",
        "rubric.check.regex": "不是有效的正则表达式：{problem}",
        "rubric.check.nested_repeat": (
            "重复里套着重复，两者都不限次数（(a+)+、(.*x)*）：遇到某些文本会一直搜索下去；"
            "请给内层加上限（{0,30}）或去掉外层"
        ),
        "rubric.check.deadline": "publishes_for.deadline {deadline!r} 不是 deadlines 中的任何一项",
        "rubric.check.no_table": "本报告类型中没有表 {unknown}",
        "rubric.what.columns": "表 {table} 的列 id ",
        "rubric.what.rows": "表 {table} 的行 id ",
        "rubric.what.parts": "部分的 id ",
        "rubric.what.document_checks": "文件检查的 id ",
        "rubric.what.tables": "表的 id ",
        "html.needs_dir": "-f html 检查{n}份输入时每份报告写一个页面：请用 -o DIR 指定一个目录",
        "html.not_a_dir": (
            "HTML 检查{n}份输入时每份报告写一个页面，另加 index.html：-o 必须是目录"
            "（如 -o 页面/），不能是 {output}；要一个汇总文件，请用 -o 评分表.xlsx"
        ),
        "output.xlsx_needs_file": "-f {fmt} 需要 -o 文件名（例如 -o 评分表.xlsx）",
        "output.html_needs_file": "-f html 需要 -o 文件名（例如 -o batch.html）",
        "report.bad_format": "fzcheck report 不能输出 {fmt}（可选：{choices}）",
        "report.no_results_file": "{path}：找不到结果文件（用 fzcheck batch -o 生成）",
        "report.not_a_file": "{path} 不是普通文件（管道或设备）：请给出 fzcheck batch -o 写的结果文件",
        "report.results_is_folder": (
            "{path} 是一个文件夹，不是结果文件：请给出 fzcheck batch -o 写出的 .jsonl 文件"
        ),
        "report.torn_tail": (
            "{path} 的最后一行不完整（评查中途被中断时只写了一半），未计入；"
            "再次运行 fzcheck batch 会删去这一行并重新评查那份报告"
        ),
        "no_such_file": "{path}：找不到该文件",
        "review.is_folder": (
            "{path} 是一个文件夹：请给出一份报告，或 fzcheck batch -o 写出的结果文件（.jsonl）"
        ),
        "review.decisions_file": (
            "{path} 是复核记录文件本身：请对它所属的报告或结果文件运行 review（fzcheck review {of}）"
        ),
        "review.which": "请用 --part ID 或 --check ID 指明复核的要素或检查",
        "review.what": "请用 --set 值 或 --accept 给出复核结论",
        "review.not_readable": "{path}：无法作为结果文件读取（{why}）",
        "review.too_deep": "{path}：不是 fzcheck 的结果文件（嵌套过深）",
        "review.which_report": "{path} 有{n}份报告：请用 --report 指明是哪一份",
        "review.no_match": (
            "--report {which}：在 {path} 中找到{n}份匹配的报告；请用文件名指明，例如：{names}"
        ),
        "review.no_match_apart": (
            "--report {which}：在 {path} 中找到{n}份匹配的报告；请写明是哪一份"
            "（同名的文件连同所在文件夹写），例如：{names}"
        ),
        "review.none_match": ("--report {which}：{path} 中没有这份报告；其中的报告有：{names}"),
        "review.unreadable_report": "{path}：无法读取的报告不能复核",
        "review.no_part": "没有要素 {part}；可选：{listed}",
        "review.no_check": "没有检查 {check}；可选：{listed}",
        "review.bad_value": "--set {value}：可选 {allowed}",
        "review.not_export": "{path}：不是复核导出文件（{why}）",
        "review.not_a_file": "不是普通文件，或大于64 MB",
        "review.not_utf8": "不是UTF-8编码的文本",
        "review.not_json": "不是有效的JSON：请用页面上的“导出”按钮重新导出",
        "review.no_decisions": "其中没有复核意见：请在页面上记录后用“导出”按钮导出",
        "review.none_recorded": "{path}：还没有复核意见（用 --part/--check 记录，或 --import 导入页面导出的文件）",
        "review.imported_new": (
            "已导入{n}条新的人工复核（{same}条已有，未重复导入；跳过{skipped}条不属于这些结果的）"
            "→ {path}"
        ),
        "review.stale": "{n}条复核意见所针对的文件已改动，不再适用：{names}（重新复核改动后的报告即不再提示）",
        "review.old_rubric": "{n}条复核意见是按评分规则的旧版本作出的，已不适用：请按新版本的结果重新复核",
        "review.ambiguous": (
            "{n}条复核意见所针对的报告已不在原处，而内容与它相同的报告有多份，"
            "无法确定是哪一份，未采用：{names}"
        ),
        "review.bad_id": "{target}“{id}”（改为“{value}”）不是该报告评分规则中的{target}；可选：{allowed}",
        "review.bad_set": "{target}“{id}”不能改为“{value}”；可选：{allowed}",
        "review.refused": "{report}：复核意见未导入：{why}",
        "review.bad_decision": "{report}：第{n}条不是有效的复核意见（{fields}），未导入",
        "review.refused_count": "{n}条无效的复核意见未导入",
        "review.invalid": "{report}：复核记录中有一条无效，未采用：{why}",
        "review.unsealed": (
            "{path}：{n}条复核记录没有本复核台的签记（可能随报送材料一并送来，或是旧版本、"
            "其他电脑记录的），未采用。运行 fzcheck review {report} --adopt 列出核对，"
            "确是复核意见的加 --yes 采用"
        ),
        "review.unsealed_no_key": "{path}：{n}条复核记录无法核对签记，未采用：{why}",
        "review.made_on_another": (
            "{path}：其中的复核记录是对另一文件（{names}）作出的，未采用（复制来的复核记录不适用于本报告）"
        ),
        "review.key_missing_named": (
            "FZCHECK_DESK_KEY 指定的复核密钥文件 {keyfile} 不存在：请改正路径，或把同事的密钥文件"
            "复制到此（指定的文件不会自动建立，以免路径打错另起一把密钥）"
        ),
        "review.key_not_a_file": "复核密钥 {keyfile} 不是普通文件：请改正或删除它",
        "review.key_broken": (
            "复核密钥文件 {keyfile} 为空或不完整：删除它，记录下一条复核意见时会新建"
            "（此前的签记随之失效，需再用 review … --adopt 采用）"
        ),
        "review.key_unreadable": "无法读取复核密钥文件 {keyfile}（{why}）：请检查其权限",
        "review.key_cannot_make": (
            "无法建立复核密钥文件 {keyfile}（{why}）：请确认该目录可写，或设 FZCHECK_DESK_KEY "
            "指向可用的密钥文件"
        ),
        "review.recorded_unsealed": "{why}。本次记录未签记，修好后运行 review … --adopt 采用",
        "review.adopt_confirm": (
            "以上{n}条复核记录没有本复核台的签记，尚未采用。核对确是复核意见后运行：fzcheck "
            "review {target} --adopt --yes"
        ),
        "review.adopted": "已采用{n}条复核记录（加上本复核台的签记）",
        "review.adopt_none": "{path}：没有需要采用的复核记录",
        "review.adopt_alone": "--adopt 单独使用，不与 --part/--check/--set/--accept/--import 同用",
        "review.yes_alone": "--yes 只与 --adopt 同用",
        "batch.stdin": "batch 只读文件，不读标准输入：请给出文件、目录或通配符",
        "batch.not_found": "找不到 {path}：没有这个文件或文件夹（未评查，未写入结果）",
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
        "batch.import_unparsable": "导入：输出文件中有{n}行不是带 custom_id 的JSON，已跳过",
        "batch.no_files": "没有文件",
        "batch.exported": "导出：{n}个请求，写入 {path} 下的 {files}（{done}份此前已完成）",
        "batch.not_exported": "  未导出（无法读取）：{path}：{why}",
        "batch.not_a_file": "{path} 不是普通文件（管道或设备）：请给出批处理引擎输出的 .jsonl 文件",
        "batch.output_not_a_file": "-o {output} 不是普通文件（管道或设备）：请给出结果文件（.jsonl）的路径",
        "batch.not_a_results_file": (
            "{path} 不是批量评查结果文件（第{line}行不是评查结果）：请用 fzcheck batch -o 生成"
        ),
        "batch.not_a_results_array": (
            "{path} 不是评查结果文件（第{item}项不是评查结果）：请用 fzcheck batch -o 或 "
            "fzcheck check -f json 生成"
        ),
        "batch.no_results": "{path} 中没有评查结果：请用 fzcheck batch -o 生成",
        "batch.cannot_write": "无法写入 {path}（{why}）",
        "batch.no_folder": "无法写入 {path}：文件夹 {folder} 不存在",
        "batch.locked": "另一个 fzcheck batch 正在写入 {path}：请等它结束，或用 -o 另选结果文件",
        "batch.cannot_write_pages": "无法把页面写入 {path}（{why}）",
        "batch.stale_moved": (
            "批量评查：{count}份此前的结果对应的文件已不在（已删除或改名），已移到 {path}"
        ),
        "batch.regrade": "批量评查：{why}，此前的{count}份结果将重新评分",
        "batch.same_name": (
            "批量评查：{count}个文件与结果文件中另一文件夹的文件同名（内容不同），"
            "其结果按完整路径记录，两份结果都保留"
        ),
        "batch.same_name_alike": (
            "批量评查：{count}个文件与结果文件中另一文件夹的同名文件内容完全相同（复制的文件夹？），"
            "其结果按完整路径另记，两份结果都保留；汇总按一份报告统计，列为重复报送"
        ),
        "batch.why_rubric": "评分规则 {rubrics} 已改动（版本或内容不同）",
        "batch.why_rubric_choice": "可选用的评分规则已改动（--rubric 指定与否，或可选的规则不同）",
        "batch.why_llm": "--llm 的设置已改动（模型、地址、模式或采样参数）",
        "batch.why_settings": "评分规则或评分设置已改动",
        # the LLM section
        "llm.title": "大模型",
        "llm.document": "全文",
        "llm.line": "第{line}行",
        "llm.usage": (
            "{model} @ {host}（{mode}）· 输入{prompt:,}+输出{completion:,} token · "
            "调用{calls}次，重问{reasks}次{cached}"
        ),
        "llm.cached": "，来自缓存",
        "llm.progress": "大模型 {source}：输入{prompt:,}+输出{completion:,} token，调用{calls}次，重问{reasks}次",
        "llm.per_call": "；每次调用的输入 {tokens}",
        "llm.asking": "正在请 {model} 审阅 {source} …",
        "llm.from_cache": "（来自缓存，未调用）",
        "llm.running_total": "；{reports}份合计 {prompt:,}+{completion:,} token",
        "llm.failed": "；失败：{why}",
        # fzcheck cache info|clear
        "cache.info": "缓存目录：{path}\n缓存条数：{entries}\n占用空间：{size}",
        "cache.cleared": "已删除 {removed} 条缓存的大模型回答（{path}）",
        "cache.not_a_folder": "{path} 是一个文件，不是缓存文件夹：请改正 --cache-dir / FZCHECK_CACHE_DIR",
        "cache.unwritable": (
            "fzcheck：无法写入大模型回答缓存 {path}（{why}），本次的回答不缓存、结果照常写出："
            "请检查缓存目录（--cache-dir / FZCHECK_CACHE_DIR）"
        ),
        "llm.no_result": "大模型没有结果：{error}（保留离线结论）",
        "llm.fail.timeout": "请求超时（{detail}）：可稍后用 --retry-errors 重试，或调大 timeout",
        "llm.fail.deadline": "超过本份报告的时限（{detail}）：可用 --retry-errors 重试",
        "llm.fail.rejected": "接口拒绝了请求（{detail}）：请检查模型名和参数",
        "llm.fail.http": "接口出错（{detail}）：可稍后用 --retry-errors 重试",
        "llm.fail.cut_off": "回答被截断（{detail}）",
        "llm.fail.schema": "回答不符合要求的格式（{detail}）：可用 --retry-errors 重试，或换用更强的模型",
        "llm.fail.unparsed": "回答无法解析（{detail}）：可用 --retry-errors 重试",
        "llm.fail.changed": "批处理期间文件被改动（{detail}）",
        "llm.fail.no_answer": "导入的文件中没有这份报告的回答（{detail}）",
        "llm.fail.engine": "批处理引擎没有给出可用的回答（{detail}）",
        "llm.fail.other": "大模型调用失败（{detail}）",
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
        "part_checks_failed": "{n} check(s) failed",
        "optional_part": "{label} (optional)",
        "genre.not_a_report": "{verdict} (signs: {why})",
        "title": "title",
        "issuer": "issuer",
        "addressee": "addressee",
        "report_year": "report year",
        "report_year.not_a_report": "year referred to",
        "signed_on": "signed",
        "signed_month": "{month} (no day)",
        "signed_unread_scan": "not read (a scan: a seal may cover the date; check the original)",
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
        "within": " (within “{part}”)",
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
        "breakdown.check_only": "deduction: {name}",
        "breakdown.after_review": "score breakdown (after review)",
        "breakdown.by_machine": "score breakdown (machine)",
        "breakdown.after_review_cell": "after review ({score:g}):",
        "breakdown.by_machine_cell": "machine ({score:g}):",
        "inputs_total": "{total} inputs: {counts}",
        "review.set": "{target} set to {value}",
        "review.set_from": "set from {machine} to {value}",
        "review.same": "confirmed as {value} (as the machine said)",
        "batch.done": (
            "batch: {planned} inputs, {skipped} done before, {written} graded now, {failed} "
            "failed{earlier}, {pairs} copy pairs → {output}"
        ),
        "batch.failed_earlier": " (and {n} earlier: --retry-errors)",
        "batch.failed_header": (
            "failed (a file fixed is graded again on the next run; --retry-errors redoes "
            "timeouts and LLM errors):"
        ),
        "review.accept": "accepted {value}",
        "review.part": "part",
        "review.check": "check",
        "review.pass": "pass",
        "review.fail": "fail",
        "review.overruled": "(overruled to pass by the reviewer: {names})",
        "review.failed_by_reviewer": " (failed by the reviewer)",
        "review.passed_by_reviewer": " (passed by the reviewer)",
        "review.failed_plain": "failed on review",
        "review.failed_note": "failed on review: {note}",
        "review.decided_pass": "passed on review",
        "review.part_missing": " (its part is missing as reviewed: not counted)",
        "review.decided_fail": "failed on review",
        "review.fail_without_note": (
            "{check} set to fail with no reason: the letter will only say it failed on review; "
            "record it again with --note to say why"
        ),
        "review.unchecked": "not checked (the machine did not find this part)",
        "review.unchecked_hint": (
            "part {part} found on review; these checks were never run, neither "
            "deducted nor passed: {checks}; record them with --check ID --set pass|fail"
        ),
        "review.unchecked_no_accept": "check {check} was never run: nothing to accept; use --set pass|fail",
        "review.recorded": "recorded {n} decision(s) → {path}",
        "output.written": "wrote {n} report(s)' results → {path}",
        "output.pages_written": "wrote {n} report(s)' pages → {path} (open it in a browser)",
        "review.recorded_beside_report": (
            " (kept beside the report file: report, batch, letter and review apply it to "
            "every results file that lists this report)"
        ),
        "cohort.reports": "{n} reports",
        "cohort.graded": "parts ({n} graded)",
        "cohort.part_base": " of {n}",
        "cohort.missing": "missing",
        "cohort.embedded": "embedded only",
        "cohort.scores": "scores: min {min:g}  median {median:g}  mean {mean:g}  max {max:g}",
        "cohort.no_scores": "no graded reports",
        "cohort.failed": "failed sub-checks",
        "cohort.count": "reports",
        "cohort.share": "share",
        "cohort.share_of": "{pct} of {n}",
        "cohort.example": "e.g.",
        "cohort.send_back": "units to send back",
        "cohort.duplicates": "submitted twice (files alike byte for byte)",
        "cohort.same_files": (
            "{n} more file(s) alike byte for byte with one of these reports, counted as that one "
            "report (see submitted twice)"
        ),
        "page.same_files": "{n} of them alike byte for byte with another: counted once",
        "page.same_files_why": (
            "submitted twice: files alike byte for byte are one report, counted once in the "
            "overview's charts"
        ),
        "cohort.twice": "{n} files alike: {names} (one report; one letter written)",
        "cohort.why_back": "why",
        "cohort.send_back_checks": "failed: {checks}",
        "cohort.send_back_missing": "missing: {parts}",
        "cohort.copies": "possible copies (clusters)",
        "cohort.similarity": "similarity",
        "cohort.cluster": (
            "{n} reports share their {label} ({pairs} pai"
            "rs, similarity {lo:.2f}–{hi:.2f}): {members}"
        ),
        "cohort.failures": "failures",
        "cohort.stage": "stage",
        "cohort.reviewed": "{n} reviewed",
        "cohort.reviewed_units": "reviewed reports",
        "cohort.by_hand": "reports to check by hand",
        "cohort.title": "Batch: {n} reports",
        "cohort.file_head": "fzcheck batch summary",
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
        "col.action": "action",
        "action.revise": "send back to revise",
        "action.revise_unchecked": (
            "send back to revise (review unfinished: {checks} not checked; the letter may be "
            "incomplete)"
        ),
        "action.resubmit": "send back to resubmit",
        "action.not_a_report": "send back to resubmit (not the annual report: send the report)",
        "action.desk": "for the desk (unreadable, not the unit's doing)",
        "action.tables": "check by hand: {tables} unreadable, sums not checked",
        "action.sums_unchecked": "check by hand: sums not checked (blank cells or the like): {tables}",
        "action.unchecked": "check by hand: review unfinished, {checks} not checked",
        "action.hints": "check by hand (hints failed): {checks}",
        "col.quote": "evidence",
        "col.note": "note",
        "col.penalty": "penalty",
        "about.rubric": "rubric",
        "about.citation": "citation",
        "about.generated": "generated by",
        # the Chinese view's input error sentences, in English (the English view shows the
        # reader's own message, which says the same with the detail)
        "error.not_found": "no such file: check the path and the name",
        "error.empty": "the file is empty, with no text: check that it is the report itself",
        "error.empty_page": (
            "the web page holds no article text (only navigation): save the report's text "
            "and check that"
        ),
        "error.empty_mht": (
            "the web archive (.mht) holds no page: save the report as .docx or PDF and check that"
        ),
        "error.binary": "binary data, not text: save it as .txt, .docx or PDF and check that",
        "error.encoding": (
            "the text's encoding is not recognised (not UTF-8, GB18030, Big5 or UTF-16 "
            "Chinese): re-save it as UTF-8"
        ),
        "error.image": "an image, not text: OCR it first",
        "error.image_doc": (
            "the document holds only pictures, and OCR found no text in them: check the "
            "pictures, or OCR them yourself and check the text"
        ),
        "error.image_page": (
            "the web page's article is pictures, with almost no text (the report published "
            "as images): download the report's own file (PDF or Word) and check that"
        ),
        "error.paginated": (
            "the web page is one of the report's {pages} pages: save every page's text together "
            "and check that"
        ),
        "error.attached": (
            "the web page only announces the report, which is in an attached file: download "
            "the attachment and check that"
        ),
        "error.attached_named": (
            "the web page only announces the report, which is in the attached file {file}: "
            "download it and check that"
        ),
        "error.scanned_pdf": (
            "a scanned PDF with no text layer, and OCR found no text (a blank or unclear "
            "scan): check the scan, or OCR it yourself"
        ),
        "error.scanned_ofd": (
            "the OFD holds no text (a scan?): export it to PDF and check the PDF (scanned "
            "PDFs are OCRed)"
        ),
        "error.unmapped_font": "the PDF's fonts do not map to text (gibberish): OCR it first",
        "error.unsupported_format": (
            "a format this tool cannot read: save it as .docx, PDF or .txt and check that"
        ),
        "error.unsupported_zip": "a zip archive, not a report: unpack it and check the files inside",
        "error.unsupported_spreadsheet": (
            "an Excel/WPS spreadsheet, not a report: submit the report itself (.docx, PDF or .txt)"
        ),
        "error.unsupported_presentation": (
            "a PowerPoint/WPS presentation, not a report: submit the report itself (.docx, PDF "
            "or .txt)"
        ),
        "error.own_output": (
            "fzcheck's own output (a results file, page or summary), not a report: view it "
            "with fzcheck report, or check the report itself"
        ),
        "error.lock_file": (
            "a Word/WPS lock file (its name starts with ~$, made while a document is open), "
            "not the report: check the document itself (the name without ~$)"
        ),
        "error.corrupt": (
            "the file is damaged and cannot be parsed: re-save or re-export it from its program"
        ),
        "error.corrupt_word": (
            "a damaged Word/WPS document: open it in Word or WPS and save it again (as .docx)"
        ),
        "error.corrupt_pdf": "a damaged PDF: export the PDF again from the original document",
        "error.corrupt_ofd": "a damaged OFD file: generate the OFD file again with its program",
        "error.encrypted": "the file is password-protected: save an unprotected copy",
        "error.too_large": (
            "the file is over the size limit: if it is one report, raise the limit with --max-mb"
        ),
        "error.too_large_sizes": (
            "the file is over the size limit (file {size} MB, limit {limit} MB): if it is one "
            "report, raise the limit with --max-mb"
        ),
        "error.too_large_inside": (
            "far more inside than one report (text, pages or inflated size over the limit): "
            "split or re-save it"
        ),
        "error.too_long_text": (
            "far more text than one report (over the character limit): a file should hold one "
            "report; split it"
        ),
        "error.too_large_inflated": (
            "the file inflates far beyond its size (a decompression bomb or a damaged file), "
            "not read: re-save or re-export it from its program"
        ),
        "error.too_large_memory": (
            "reading it needs more memory than allowed (far more complex inside than a report, "
            "or damaged), not read: re-save it, or save it as PDF"
        ),
        "error.ocr_too_many_pages": (
            "a scanned PDF with more pages than OCR here reads: OCR it yourself and check the text"
        ),
        "error.ocr_out_of_memory": (
            "OCR ran out of memory on this scanned PDF: OCR it yourself and check the text"
        ),
        "error.ocr_failed": "OCR failed on this scanned PDF: OCR it yourself and check the text",
        "error.ocr_timeout": (
            "OCR of this scanned PDF took too long and was stopped: OCR it yourself and check "
            "the text"
        ),
        "error.ocr_pictures_too_many": (
            "more pictures of pages than OCR reads (30): OCR them yourself and check the text"
        ),
        "error.ocr_pictures_timeout": (
            "OCR of the document's pictures took too long and was stopped: OCR them yourself "
            "and check the text"
        ),
        "error.ocr_pictures_too_large": (
            "OCR of the document's pictures needed more memory than allowed: OCR them yourself "
            "and check the text"
        ),
        "error.too_complex": (
            "far more complex than a report (over the element limit): split or re-save it"
        ),
        "error.timeout": (
            "reading or checking it took too long and was stopped (a damaged file, or far "
            "larger than a report): re-save it as .docx or PDF"
        ),
        "error.timeout_stdin": (
            "standard input did not end in time (the program writing to it stalled or never "
            "closed it): give the report's file instead"
        ),
        "error.no_reports": (
            "no report files to check in this folder: check the folder and the reports' "
            "formats (.txt .docx .doc .wps .pdf .ofd .rtf .html …)"
        ),
        "error.special_file": (
            "not a regular file (a device, pipe or the like), not read: give the report file itself"
        ),
        "error.special_file_fifo": (
            "a named pipe (FIFO), not a regular file, not read: give the report file itself"
        ),
        "error.special_file_device": (
            "a device, not a regular file, not read: give the report file itself"
        ),
        "error.special_file_socket": (
            "a socket, not a regular file, not read: give the report file itself"
        ),
        "error.missing_dependency": (
            "a library this kind of file needs is not installed (other files are still "
            "checked): reinstall fzcheck with all its dependencies"
        ),
        "error.missing_ocr": (
            "a scanned PDF needs OCR, which is not installed here: reinstall fzcheck with all "
            "its dependencies, or OCR it yourself"
        ),
        "error.unreadable": (
            "the file cannot be read (permission denied): check its permissions, or copy it "
            "somewhere readable"
        ),
        "error.unreadable_path": (
            "the file cannot be read: its path cannot be resolved (a symlink loop or a broken "
            "path): check the path"
        ),
        "error.unreadable_io": (
            "the file cannot be read: a read error (a disk or network storage fault): check "
            "the storage and retry, or copy it locally"
        ),
        "error.internal": (
            "a bug met on this file: please report it with the file (set "
            "FZCHECK_RAISE_ERRORS=1 for details)"
        ),
        "error.internal_died": (
            "the checking process died on this file (out of memory, or a reading library "
            "crashed); the other files are not affected: please report it with the file"
        ),
        "error.prefix": "error",
        "usage.see_help": " (usage: {prog} --help)",
        "usage.unknown_option": "unrecognized option {option}",
        "usage.did_you_mean": "; did you mean {match}?",
        "usage.invalid_choice": "{option}: invalid choice {value!r} (choose from {choices})",
        "usage.bad_env_lang": (
            "FZCHECK_LANG={value} is not a language fzcheck has ({choices}); using Chinese"
        ),
        "usage.not_allowed_with": "argument {option}: not allowed with argument {other}",
        "usage.required": "the following arguments are required: {names}",
        "usage.one_of_required": "one of the arguments {names} is required",
        "usage.expected_one": "argument {option}: expected one argument",
        "usage.expected_some": "argument {option}: expected at least one argument",
        "usage.ambiguous_option": "ambiguous option: {option} could match {matches}",
        "usage.invalid_value": "argument {option}: invalid value {value!r}",
        "usage.positive": "argument {option}: must be a number above 0, not {value!r}",
        "interrupted": "interrupted",
        "parts.not_a_report": "not an annual report: the parts below are only what its text has that reads like them, for reference, not scored",
        "interrupted.batch": "interrupted: the results file keeps every result it holds; run the same command again to go on",
        "interrupted.batch_saved": (
            "interrupted: the {n} reports done in this run are saved in {output} ({before} done "
            "before); run the same command again to go on"
        ),
        "interrupted.batch_none": (
            "interrupted: no report was finished in this run ({output} holds {before} done "
            "before); run the same command again to start"
        ),
        "batch.todo": "batch: {total} to do",
        "batch.skipped": ", {skipped} already done",
        "batch.failed": "batch: failed {path}: {why}",
        "batch.status": "batch: {done}/{total} done, {failed} failed, {rate}/s, ETA {eta}",
        "batch.bar": "batch",
        "batch.bar_failed": "{failed} failed",
        "batch.bar_rate": "{rate}/s",
        "batch.bar_eta": "ETA",
        "batch.not_results": (
            "{path}: line {line} is not a result (not a batch results file, or edited); "
            "it was left as it is: give -o a new results file (e.g. results.jsonl)"
        ),
        "output.is_results": (
            "-o {path} is a results file of fzcheck batch, and writing would overwrite it: "
            "choose another output (to add reports to it: fzcheck batch … -o {path})"
        ),
        "output.is_input": (
            "-o {path} is a file this run reads and writing it would destroy it: "
            "choose another output file"
        ),
        "letter.failed": "{path}: this letter was not written ({why}); the others were",
        "letter.written": "wrote {n} letter(s) and the summary → {path} ({total} reports)",
        "letter.stale_removed": "removed {n} letter(s) an earlier run wrote that are no longer due: {names}",
        "letter.undue_kept": "{n} letter(s) are no longer due (the report since passed or reviewed) but were edited after fzcheck wrote them: kept as they are, delete them yourself: {names}",
        "letter.summary_beside": "{whole} sums up more reports (an earlier run) and is kept; this run's summary is {name}",
        "letter.edited_kept": "{n} letter(s) were edited after fzcheck wrote them and are kept as they are, not rewritten (delete or rename one to have it written anew): {names}",
        "letter.submitted_twice": "the same file under several names (submitted twice): one letter written for it: {names}",
        "letter.written_no_summary": (
            "wrote {n} letter(s); the summary was not written → {path} ({total} reports)"
        ),
        "letter.none": "none of the {total} reports goes back; no letter written (--all for all)",
        "letter.not_the_units": (
            "{n} could not be read for a reason that is not the unit's ({names}); no letter "
            "written: resolve it and check them again"
        ),
        "letter.review_unfinished": (
            "{n} reviews unfinished ({names}): a part found on review has checks not yet "
            "checked, so the letters may leave things out; fzcheck review lists them"
        ),
        "letter.workbook": (
            "{path}: a spreadsheet, not results or a report; no letter written: pass the "
            "results.jsonl fzcheck batch -o wrote, or the submitted report files"
        ),
        "review.workbook": (
            "{path} is a spreadsheet, not batch results nor a report: nothing to review; give "
            "the results.jsonl fzcheck batch -o wrote, or a submitted report"
        ),
        "config.missing": "FZCHECK_CONFIG points to {path}, which does not exist",
        "config.not_toml": "{path}: not valid TOML ({why})",
        "config.unreadable": "{path}: cannot read ({why})",
        "config.not_utf8": "{path}: not a UTF-8 TOML file: save it as UTF-8 and try again",
        "config.not_a_file": "not a regular file, or over 1 MB",
        "config.not_table": "{path}: [{name}] must be a table",
        "config.unknown_keys": "[{name}] in the config file has unknown keys: {keys}",
        "config.api_key": (
            "[llm] api_key is not read from the config file; set api_key_env to the "
            "name of an environment variable instead"
        ),
        "config.mode": "unknown LLM mode {mode!r}; use one of {modes}",
        "config.model": (
            "the model name {model} cannot be used (empty, or characters that cannot be "
            "encoded): give the server's model name with --model or FZCHECK_MODEL"
        ),
        "config.api_key_chars": (
            "the API key holds white space or non-ASCII characters and cannot be sent: check "
            "OPENAI_API_KEY (or the variable configured)"
        ),
        "os.the_output": "the output",
        "os.no_folder": "{path}: its folder does not exist: create it first, or write elsewhere",
        "os.disk_full": "{path}: the disk is full, not all was written: free space and retry",
        "os.is_folder": "{path} names a folder: give a file name (e.g. {folder}/results.xlsx)",
        "output.unknown_suffix": (
            "-o's extension {suffix} is no format fzcheck writes: use one of {choices}, or "
            "name the format with -f"
        ),
        "output.suffix_mismatch": (
            "-o's extension {suffix} names {named}, not the -f {fmt} asked for (the file "
            "would not open): drop -f to write {named}, or give -o a {fmt} extension"
        ),
        "batch.output_is_folder": (
            "batch's -o is its results file (.jsonl), not the folder {output}: write "
            "results.jsonl; for a page per report add --html {output}"
        ),
        "batch.output_not_results": (
            "batch's -o is its results file (.jsonl), not {suffix}: write results.jsonl, then "
            "export it with fzcheck report results.jsonl -o table{suffix}"
        ),
        "inputs.empty": (
            'an input path is empty (""): name the file or folder to check (a script\'s '
            "variable may be unset)"
        ),
        "inputs.stdin_terminal": (
            "reading the report from standard input: paste or type it, then press Ctrl-D on a "
            "new line (Windows: Ctrl-Z, Enter); or give the report's file path instead"
        ),
        "inputs.orphaned_decisions": (
            "{path}: the file these decisions were kept beside, {name}, is gone (renamed, moved "
            "or deleted?): they apply to nothing now; review the renamed report again"
        ),
        "os.exists": "{path} exists and is no folder: choose another folder name",
        "os.why.not_there": "no such file or folder, or no file can be made there",
        "os.why.exists": "a file of that name is there",
        "os.why.no_permission": "permission denied",
        "os.why.disk_full": "the disk is full",
        "os.why.is_folder": "it is a folder",
        "os.why.not_folder": "a part of the path is no folder",
        "os.why.read_only": "a read-only file system",
        "os.no_permission": "{path}: no permission to write: write where you may",
        "os.not_folder": "{path}: a part of the path is a file, not a folder: correct the path",
        "os.read_only": "{path}: the disk is read-only: write elsewhere",
        "os.link_loop": "{path}: symbolic links that point at each other, no file: use another name",
        "os.why.link_loop": "symbolic links pointing at each other",
        "summarize.none": "{source}: no summary ({why})",
        "summarize.not_called": "LLM not called",
        "config.base_url": (
            "the LLM endpoint {url!r} is not a usable URL: write it as http://127.0.0.1:8000/v1 "
            "(--base-url / OPENAI_BASE_URL / [llm] base_url in the config file)"
        ),
        "config.number": "LLM setting {name} must be a number, got {value!r}",
        "review.rubric_unknown": (
            "reviewer decisions not applied: their reports were graded with rubric {rubric} "
            "(version {version}), which this run does not have: give that rubric file with --rubric"
        ),
        "config.number_range": "LLM setting {name} must be from {low} to {high}, got {value!r}",
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
            "{url}: model {model!r} or endpoint not found (404); check --model and {set_in}"
        ),
        "llm.error.unreachable": (
            "cannot reach the LLM endpoint {url} ({cause}); start the server or fix {set_in}"
        ),
        "llm.base_url_from.flag": "--base-url",
        "llm.base_url_from.env": "OPENAI_BASE_URL",
        "llm.base_url_from.file": "[llm] base_url in the config file {path}",
        "llm.base_url_from.default": "the endpoint (--base-url; the default is OpenAI's)",
        "llm.error.connection_failed": "connection failed",
        "rubric.no_file": "{spec}: no such rubric file",
        "rubric.unknown": "unknown rubric {spec!r}; bundled: {known} (or pass a path to a .yaml)",
        "rubric.other_content": (
            "some reports were graded with other content of rubric {id} (version {version}) "
            "than the one at hand, which is not used to show or score them or to apply reviewer "
            "decisions: give the rubric file they were graded with by --rubric (or grade them "
            "again with this one)"
        ),
        "rubric.none": "none",
        "rubric.same_id": "two rubrics have the id {id!r}",
        "rubric.none_found": "no rubrics found in {folder}",
        "rubric.line": " (line {line})",
        "rubric.not_yaml": "{name}{where}: not valid YAML: {problem}",
        "rubric.too_deep": "nested too deep (hundreds of brackets): no valid structure",
        "rubric.empty": "{name}: the file is empty",
        "rubric.not_utf8": "{name}: not a UTF-8 YAML file: save it as UTF-8 and try again",
        "rubric.too_big": (
            "{name}: too large, or too large once its aliases are expanded (over {limit}): no "
            "rubric is; check its anchors and aliases (&, *)"
        ),
        "rubric.invalid": "{name}: {field} (line {line}): {message}{more}",
        "rubric.more": " (+{n} more: {fields})",
        "rubric.error.missing": "missing",
        "rubric.error.extra_forbidden": "no such key (a typo?)",
        "rubric.error.string_type": "must be text",
        "rubric.error.int_type": "must be a whole number",
        "rubric.error.int_parsing": "must be a whole number",
        "rubric.error.float_type": "must be a number",
        "rubric.error.float_parsing": "must be a number",
        "rubric.error.bool_type": "must be true or false",
        "rubric.error.bool_parsing": "must be true or false",
        "rubric.error.list_type": "must be a list (items starting with '- ')",
        "rubric.error.dict_type": "must be a mapping of key: value",
        "rubric.error.model_type": "must be a mapping of key: value",
        "rubric.error.literal_error": "must be one of {expected}",
        "rubric.top_level": "(top level)",
        "rubric.error.greater_than_equal": "must be at least {ge}",
        "rubric.error.string_pattern_mismatch": "does not match {pattern}",
        "rubric.error.greater_than": "must be greater than {gt}",
        "rubric.error.less_than_equal": "must be at most {le}",
        "rubric.error.less_than": "must be less than {lt}",
        "rubric.error.too_short": "must have at least {min_length} items",
        "rubric.error.string_too_short": "must have at least {min_length} characters",
        "rubric.error.union_tag_invalid": "kind {tag!r} is no known kind of check: one of {expected_tags}",
        "rubric.error.union_tag_not_found": "kind (the check's kind) is missing",
        "rubric.check.total_of": "table {table} row {row}: total_of names no row {unknown}",
        "rubric.check.pieces": "table {table}: pieces needs exactly one row",
        "rubric.check.none_required": "at least one part must be required",
        "rubric.check.two_plans": "at most one part can have plan: true",
        "rubric.check.embeds_in": (
            "part {part}: embeds_in names {unknown}, which is not another part of this rubric"
        ),
        "rubric.check.document_check": "document check {check}: {problem}",
        "rubric.check.repeated": "{what}must be unique; repeated: {dupes}",
        "rubric.check.placeholder": (
            "unknown placeholder {{{name}}}; only {{report_year}} and {{next_year}} are filled in"
        ),
        "rubric.check.regex": "not a valid regular expression: {problem}",
        "rubric.check.nested_repeat": (
            "a repeat inside a repeat, both unbounded ((a+)+, (.*x)*): on some texts the search "
            "takes for ever; bound the inner one ({0,30}) or drop the outer"
        ),
        "rubric.check.deadline": "publishes_for.deadline {deadline!r} names none of deadlines",
        "rubric.check.no_table": "no table {unknown} in the rubric",
        "rubric.what.columns": "table {table} column ids ",
        "rubric.what.rows": "table {table} row ids ",
        "rubric.what.parts": "part ids ",
        "rubric.what.document_checks": "document check ids ",
        "rubric.what.tables": "table ids ",
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
        "report.not_a_file": (
            "{path} is no regular file (a pipe or a device): give the results file fzcheck batch -o wrote"
        ),
        "report.results_is_folder": (
            "{path} is a folder, not a results file: give the .jsonl fzcheck batch -o wrote"
        ),
        "report.torn_tail": (
            "{path}: its last line is incomplete (a run stopped while writing it) and is not "
            "counted; running fzcheck batch again cuts it and grades that report again"
        ),
        "no_such_file": "{path}: no such file",
        "review.is_folder": (
            "{path} is a folder: give one report, or the results file fzcheck batch -o wrote "
            "(.jsonl)"
        ),
        "review.decisions_file": (
            "{path} is a decisions file itself: review the report or results file it is about "
            "(fzcheck review {of})"
        ),
        "review.which": "say which part or check with --part ID or --check ID",
        "review.what": "give the decision with --set VALUE or --accept",
        "review.not_readable": "{path}: cannot be read as a results file ({why})",
        "review.too_deep": "{path}: not an fzcheck results file (nested too deep)",
        "review.which_report": "{path} holds {n} reports: say which one with --report",
        "review.no_match": (
            "--report {which}: {n} reports in {path} match; name one by its file name, e.g. {names}"
        ),
        "review.no_match_apart": (
            "--report {which}: {n} reports in {path} match; name one by its file name (with "
            "its folder when names repeat), e.g. {names}"
        ),
        "review.none_match": "--report {which}: no such report in {path}; it holds: {names}",
        "review.unreadable_report": "{path}: a report that could not be read cannot be reviewed",
        "review.no_part": "no part {part}; choose from {listed}",
        "review.no_check": "no check {check}; choose from {listed}",
        "review.bad_value": "--set {value}: choose from {allowed}",
        "review.not_export": "{path}: not a review export file ({why})",
        "review.not_a_file": "not a regular file, or over 64 MB",
        "review.not_utf8": "not UTF-8 text",
        "review.not_json": "not valid JSON: export it again with the page's export button",
        "review.no_decisions": "it holds no decisions: record them on the page, then export",
        "review.none_recorded": "{path}: no decisions yet (record them with --part/--check, or --import a page's export)",
        "review.imported_new": (
            "imported {n} new decision(s) ({same} already there, not added again; {skipped} "
            "skipped: not for these results) → {path}"
        ),
        "review.stale": (
            "{n} decision(s) no longer apply, their file has changed: {names} (review the "
            "changed report again and this is no longer said)"
        ),
        "review.old_rubric": "{n} decision(s) were made under an older version of the rubric and no longer apply: review the new results again",
        "review.ambiguous": (
            "{n} decision(s) not applied: their report is no longer where it was and several "
            "reports have the same content, so which one is unknown: {names}"
        ),
        "review.bad_id": "no {target} {id} (set to {value}) in this report's rubric; choose from {allowed}",
        "review.bad_set": "{target} {id} cannot be set to {value}; choose from {allowed}",
        "review.refused": "{report}: decision not imported: {why}",
        "review.bad_decision": "{report}: item {n} is not a valid decision ({fields}), not imported",
        "review.refused_count": "{n} invalid decision(s) not imported",
        "review.invalid": "{report}: an invalid stored decision is not applied: {why}",
        "review.unsealed": (
            "{path}: {n} decisions carry no seal of this desk (they may have come with the "
            "submission, or were recorded by an older version or on another machine) and are "
            "not applied; fzcheck review {report} --adopt lists them, --yes applies them"
        ),
        "review.unsealed_no_key": "{path}: {n} decisions cannot be checked and are not applied: {why}",
        "review.made_on_another": (
            "{path}: its decisions were made on another file ({names}) and are not applied "
            "(copied decisions are not about this report)"
        ),
        "review.key_missing_named": (
            "the desk key FZCHECK_DESK_KEY names, {keyfile}, does not exist: correct the path or "
            "copy your colleague's key file there (a key it names is never made up)"
        ),
        "review.key_not_a_file": "the desk key {keyfile} is not a regular file: correct or remove it",
        "review.key_broken": (
            "the desk key file {keyfile} is empty or cut short: remove it and the next decision "
            "recorded makes a new one (seals made so far then need review … --adopt)"
        ),
        "review.key_unreadable": "cannot read the desk key {keyfile} ({why}): check its permissions",
        "review.key_cannot_make": (
            "cannot make the desk key {keyfile} ({why}): make that folder writable, or point "
            "FZCHECK_DESK_KEY at a key file"
        ),
        "review.recorded_unsealed": "{why}. This decision is not sealed; once fixed, review … --adopt applies it",
        "review.adopt_confirm": (
            "these {n} decisions carry no seal of this desk and are not applied; once checked, "
            "run: fzcheck review {target} --adopt --yes"
        ),
        "review.adopted": "{n} decisions adopted (sealed by this desk)",
        "review.adopt_none": "{path}: no decisions to adopt",
        "review.adopt_alone": "--adopt goes alone, without --part/--check/--set/--accept/--import",
        "review.yes_alone": "--yes goes with --adopt only",
        "batch.stdin": "batch reads files, not stdin: pass files, directories or globs",
        "batch.not_found": "{path}: no such file or folder (not graded, no line written)",
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
        "batch.import_unparsable": (
            "import: {n} line(s) in the output files were not JSON with a custom_id; skipped"
        ),
        "batch.no_files": "no files",
        "batch.exported": (
            "export: {n} request(s) in {files} under {path} ({done} input(s) already done)"
        ),
        "batch.not_exported": "  not exported, unreadable: {path}: {why}",
        "batch.not_a_file": (
            "{path} is no regular file (a pipe or a device): give the batch engine's .jsonl output"
        ),
        "batch.output_not_a_file": (
            "-o {output} is no regular file (a pipe or a device): give a results file (.jsonl)"
        ),
        "batch.not_a_results_file": (
            "{path} is not a batch results file (line {line} is not a result); "
            "write one with fzcheck batch -o"
        ),
        "batch.not_a_results_array": (
            "{path} is not a results file (item {item} is not a result); write one with "
            "fzcheck batch -o or fzcheck check -f json"
        ),
        "batch.no_results": "{path} holds no results; write them with fzcheck batch -o",
        "batch.cannot_write": "cannot write {path}: {why}",
        "batch.no_folder": "cannot write {path}: the folder {folder} does not exist",
        "batch.locked": (
            "another fzcheck batch is writing {path}; wait for it to finish or choose another -o"
        ),
        "batch.cannot_write_pages": "cannot write pages to {path}: {why}",
        "batch.stale_moved": (
            "batch: {count} earlier result(s) whose files are gone (deleted or renamed) "
            "moved to {path}"
        ),
        "batch.regrade": "batch: {why}: {count} earlier result(s) will be graded again",
        "batch.same_name": (
            "batch: {count} file(s) share their name as typed with another folder's file in "
            "the results (other content): recorded by full path, both results kept"
        ),
        "batch.same_name_alike": (
            "batch: {count} file(s) share their name as typed with another folder's file in "
            "the results, alike byte for byte (a folder copied?): recorded by full path, both "
            "results kept; the summary counts them as one report, submitted twice"
        ),
        "batch.why_rubric": "rubric {rubrics} changed (version or content)",
        "batch.why_rubric_choice": (
            "the rubrics to choose from changed (--rubric given or not, or other rubrics)"
        ),
        "batch.why_llm": "the --llm settings changed (model, endpoint, mode or sampling)",
        "batch.why_settings": "the rubrics or grading settings changed",
        "llm.title": "LLM",
        "llm.document": "document",
        "llm.line": "line {line}",
        "llm.usage": (
            "{model} @ {host} ({mode}) · {prompt:,} + {completion:,} tokens · "
            "{calls} call(s), {reasks} re-ask(s){cached}"
        ),
        "llm.cached": ", cached",
        "llm.progress": (
            "llm {source}: {prompt:,} prompt + {completion:,} completion tokens, "
            "{calls} call(s), {reasks} re-ask(s)"
        ),
        "llm.per_call": "; prompt tokens per call {tokens}",
        "llm.asking": "asking {model} about {source} ...",
        "llm.from_cache": " (from the cache: no call made)",
        "llm.running_total": "; total {prompt:,} + {completion:,} tokens over {reports} reports",
        "llm.failed": "; failed: {why}",
        "cache.info": "cache: {path}\nentries: {entries}\nsize: {size}",
        "cache.cleared": "removed {removed} cached response(s) from {path}",
        "cache.not_a_folder": "{path} is a file, not a cache folder: correct --cache-dir / FZCHECK_CACHE_DIR",
        "cache.unwritable": (
            "fzcheck: cannot write the LLM response cache {path} ({why}); answers are not "
            "cached this run, results are written as usual: check the cache directory "
            "(--cache-dir / FZCHECK_CACHE_DIR)"
        ),
        "llm.no_result": "no LLM result: {error} (offline verdict kept)",
        # an llm.error is shown as it is written in English; the keys match the Chinese ones
        "llm.fail.timeout": "{detail}",
        "llm.fail.deadline": "{detail}",
        "llm.fail.rejected": "{detail}",
        "llm.fail.http": "{detail}",
        "llm.fail.cut_off": "{detail}",
        "llm.fail.schema": "{detail}",
        "llm.fail.unparsed": "{detail}",
        "llm.fail.changed": "{detail}",
        "llm.fail.no_answer": "{detail}",
        "llm.fail.engine": "{detail}",
        "llm.fail.other": "{detail}",
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
