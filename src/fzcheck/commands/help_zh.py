"""The command line's help in Chinese, what ``fzcheck … --help`` shows a reviewer (``--lang en``
keeps the English the commands are written in): each English help text → its Chinese.

Keyed by the English itself, as gettext is, so a command's code reads as it always did; a test
walks every parser and fails on a help text missing here, so a changed English text cannot
fall back to English unseen. Imported only when help is shown.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # argparse's own words
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    # fzcheck
    "Check Chinese government annual reports (法治政府建设年度报告 and the other report types "
    "in `fzcheck rubric list`) for the parts the law requires.": (
        "检查政府年度报告（法治政府建设年度报告，以及 fzcheck rubric list 列出的其他报告类型）"
        "是否写全法定要素。"
    ),
    "check's exit codes: 0 every input complete; 1 some input incomplete or not a report;\n"
    "2 usage error or an unreadable input (batch's: fzcheck batch --help).\n"
    "Quick start: fzcheck check examples/sample-report.txt\n"
    "  fzcheck check reports/ -o 评分表.xlsx         # format from the extension\n"
    "  fzcheck batch reports/ -o results.jsonl && fzcheck report results.jsonl\n"
    "  fzcheck review results.jsonl --report a.docx --part problems --set embedded "
    "--note 见第3页\n"
    "  fzcheck letter results.jsonl -o 反馈意见/\n"
    "Global options (anywhere on the line): --lang zh|en, --quiet, --verbose": (
        "check 的退出码：0 全部要素齐全；1 有报告要素缺失或不是年度报告；2 用法错误或有文件无法读取"
        "（batch 的见 fzcheck batch --help）。\n"
        "快速上手：fzcheck check examples/sample-report.txt\n"
        "  fzcheck check reports/ -o 评分表.xlsx         # 输出格式按扩展名推断\n"
        "  fzcheck batch reports/ -o results.jsonl && fzcheck report results.jsonl\n"
        "  fzcheck review results.jsonl --report a.docx --part problems --set embedded "
        "--note 见第3页\n"
        "  fzcheck letter results.jsonl -o 反馈意见/\n"
        "全局选项（可写在命令行任意位置）：--lang zh|en、--quiet、--verbose"
    ),
    "language of what a reviewer reads (default: zh; FZCHECK_LANG)": (
        "显示语言（默认 zh 中文；也可用环境变量 FZCHECK_LANG）"
    ),
    "only errors on stderr": "只显示错误",
    "say each input as it is checked": "逐个显示正在检查的文件",
    "check report files for the parts the law requires": "检查报告文件是否写全法定要素",
    "list, show or validate rubrics": "列出、查看或校验评查规则",
    "summarize reports with an LLM (needs the llm extra)": ("用大模型概括报告（需安装 llm 扩展）"),
    "grade many reports into a resumable results file": ("批量评查，结果写入可续跑的结果文件"),
    "cohort view of a batch results file": "批量评查结果的汇总（终端、Excel、CSV、网页）",
    "show or clear the LLM response cache": "查看或清空大模型回答缓存",
    "record a reviewer's decisions on part statuses and checks": (
        "记录人工复核意见（要素状态、检查项）"
    ),
    "write feedback letters (.docx) for reports to send back": (
        "为需退回修改的报告写反馈意见（.docx）"
    ),
    # check
    "examples:\n"
    "  fzcheck check report.docx                      # 终端视图\n"
    "  fzcheck check reports/ -o 评分表.xlsx           # Excel（格式按扩展名推断）\n"
    "  fzcheck check reports/*.pdf -o results.csv     # CSV（带BOM，Excel可直接打开）\n"
    "  fzcheck check report.docx -o page.html         # 网页（可记录人工复核意见）\n"
    "  fzcheck check -f jsonl reports/ > results.jsonl\n"
    "  fzcheck --lang en check report.docx            # English view\n"
    "exit codes: 0 every input complete; 1 some input incomplete or not a report; 2 a usage "
    "error,\nan unreadable input, or (with --llm) an LLM call that failed (its llm.error says "
    "why; the\noffline verdict stands)": (
        "示例：\n"
        "  fzcheck check report.docx                      # 终端视图\n"
        "  fzcheck check reports/ -o 评分表.xlsx           # Excel（格式按扩展名推断）\n"
        "  fzcheck check reports/*.pdf -o results.csv     # CSV（带BOM，Excel可直接打开）\n"
        "  fzcheck check report.docx -o page.html         # 网页（可记录人工复核意见）\n"
        "  fzcheck check reports/ -o 网页/                 # 每份报告一个网页，另有 index.html\n"
        "  fzcheck check -f jsonl reports/ > results.jsonl\n"
        "  fzcheck --lang en check report.docx            # 英文视图\n"
        "退出码：0 全部要素齐全；1 有报告要素缺失或不是年度报告；2 用法错误、有文件无法读取，"
        "或（用 --llm 时）大模型调用失败（llm.error 写明原因；离线评查结论仍有效）"
    ),
    "LLM (optional; needs the llm extra)": "大模型（可选；需安装 llm 扩展）",
    "report files (.txt .md .html .docx .doc .wps .rtf .ofd .pdf, scans OCR'd), directories, "
    "globs, or - for stdin": (
        "报告文件（.txt .md .html .docx .doc .wps .rtf .ofd .pdf，扫描件自动识别文字）、"
        "文件夹、通配符，或 - 表示标准输入"
    ),
    "output format (default: from -o's extension, else terminal; json is the canonical model; "
    "xlsx needs -o)": (
        "输出格式（默认按 -o 的扩展名，否则为终端视图；json 为完整数据；xlsx 须配合 -o）"
    ),
    "write to FILE instead of stdout (-f html with several inputs: a directory)": (
        "写入文件 FILE，不输出到终端（多份报告用 -f html 时为文件夹）"
    ),
    "include the heading outline in JSON output": "JSON 输出中附上标题大纲",
    "bundled rubric id or a YAML file (default: each input is checked with the bundled rubric "
    "whose report type it matches best)": (
        "内置评查规则的 id 或 YAML 文件（默认：按每份文件最像的报告类型选用内置规则）"
    ),
    "refuse inputs larger than this (default: 16)": "超过此大小（MB）的文件不读取（默认 16）",
    "also ask an LLM for findings, flags and a summary (one call per report)": (
        "另请大模型给出发现、提示和概要（每份报告调用一次）"
    ),
    "model name (env FZCHECK_MODEL, config [llm] model; default gpt-4o-mini)": (
        "模型名称（环境变量 FZCHECK_MODEL、配置文件 [llm] model；默认 gpt-4o-mini）"
    ),
    "OpenAI-compatible endpoint (env OPENAI_BASE_URL; default OpenAI)": (
        "OpenAI 兼容接口地址（环境变量 OPENAI_BASE_URL；默认 OpenAI）"
    ),
    "how structured output is requested (default tools); see docs/llm.md": (
        "结构化输出的请求方式（默认 tools）；见 docs/llm.md"
    ),
    "cap on the answer's tokens (default 3000)": "回答的最大 token 数（默认 3000）",
    # rubric
    "examples:\n  fzcheck rubric list\n  fzcheck rubric show fazhi-annual\n"
    "  fzcheck rubric show fazhi-annual --format json\n  fzcheck rubric validate my.yaml": (
        "示例：\n  fzcheck rubric list\n  fzcheck rubric show fazhi-annual\n"
        "  fzcheck rubric show fazhi-annual --format json\n  fzcheck rubric validate my.yaml"
    ),
    "the bundled rubrics": "列出内置评查规则",
    "a rubric's parts, cues, weights and checks": "查看一套规则的要素、提示词、权重和检查项",
    "validate a rubric YAML file": "校验评查规则 YAML 文件",
    # summarize
    "summarize reports with an LLM (needs the llm extra) (one LLM call per report)": (
        "用大模型概括报告（需安装 llm 扩展；每份报告调用一次）"
    ),
    "examples:\n  fzcheck summarize report.docx\n"
    "  fzcheck summarize --base-url http://127.0.0.1:8765/v1 --mode tools a.pdf": (
        "示例：\n  fzcheck summarize report.docx\n"
        "  fzcheck summarize --base-url http://127.0.0.1:8765/v1 --mode tools a.pdf"
    ),
    "report files, directories or globs": "报告文件、文件夹或通配符",
    # batch
    "grade many reports into a resumable results file. Results are appended to OUTPUT one "
    "JSON line per report as each finishes; rerunning skips what is done.": (
        "批量评查，结果写入可续跑的结果文件。每评完一份报告即向 OUTPUT 追加一行 JSON；"
        "中断后再次运行会跳过已评的报告。"
    ),
    "exit codes: 0 every input graded; 1 some inputs' lines record a failure (unreadable, or an "
    "LLM error: rerun with --retry-errors); 2 usage or set-up error.\n"
    "examples:\n"
    "  fzcheck batch reports/ -o results.jsonl             # rerun to resume\n"
    "  fzcheck batch reports/ -o results.jsonl --html pages/\n"
    "  fzcheck report results.jsonl -o 评分表.xlsx\n"
    "  fzcheck review results.jsonl --report a.docx --part problems --set embedded\n"
    "  fzcheck letter results.jsonl -o 反馈意见/": (
        "退出码：0 全部评完；1 有文件记为失败（无法读取，或大模型出错：用 --retry-errors 重试）；"
        "2 用法或设置错误。\n"
        "示例：\n"
        "  fzcheck batch reports/ -o results.jsonl             # 中断后再运行即续跑\n"
        "  fzcheck batch reports/ -o results.jsonl --html pages/\n"
        "  fzcheck report results.jsonl -o 评分表.xlsx\n"
        "  fzcheck review results.jsonl --report a.docx --part problems --set embedded\n"
        "  fzcheck letter results.jsonl -o 反馈意见/"
    ),
    "LLM calls in a batch": "批量调用大模型",
    "batch engines (OpenAI Batch, DashScope Batch, vllm run-batch)": (
        "批处理接口（OpenAI Batch、DashScope Batch、vllm run-batch）"
    ),
    "report files, directories (recursed by known suffix) or globs": (
        "报告文件、文件夹（按已知扩展名逐层查找）或通配符"
    ),
    "results file (JSON Lines, appended; created if missing)": (
        "结果文件（JSON Lines，追加写入；不存在则新建）"
    ),
    "redo inputs whose line records a failure (unreadable, LLM error)": (
        "重评记为失败的文件（无法读取、大模型出错）"
    ),
    "cohort view printed at the end (default: terminal; none with --quiet)": (
        "结束时显示的汇总格式（默认：终端；加 --quiet 时不显示）"
    ),
    "similarity (0-1) at which sections of the rubric's copy-checked parts count as copies "
    "(default: 0.6)": "规则中查重要素的相似度达到多少（0-1）算作雷同（默认 0.6）",
    "also write one HTML page per report and index.html (the batch page) into DIR": (
        "另在文件夹 DIR 中为每份报告写一个网页，并写汇总页 index.html"
    ),
    "fsync every line (survives power cuts; slower)": "每行写完即落盘（断电不丢，较慢）",
    "processes grading offline inputs (default: every core; lines are still written in input "
    "order; --llm batches use --jobs instead)": (
        "离线评查的进程数（默认用全部 CPU 核；结果仍按输入顺序写入；用 --llm 时改用 --jobs）"
    ),
    "concurrent LLM calls (default: 4)": "同时进行的大模型调用数（默认 4）",
    "neither read nor write the response cache": "不读也不写回答缓存",
    "response cache (default: FZCHECK_CACHE_DIR, config [cache] dir, ~/.cache/fzcheck)": (
        "回答缓存文件夹（默认：FZCHECK_CACHE_DIR、配置文件 [cache] dir、~/.cache/fzcheck）"
    ),
    "write OpenAI-Batch request files for the inputs not yet done, instead of calling the model": (
        "为尚未评的文件写出 OpenAI-Batch 请求文件，不直接调用模型"
    ),
    "grade the inputs from batch output files (matched by custom_id)": (
        "用批处理输出文件评查（按 custom_id 对应）"
    ),
    # report
    "cohort view of a batch results file. csv gives one row per report (what is missing, failed "
    "or copied); xlsx a workbook; html the batch page. Review decisions beside RESULTS are "
    "applied.": (
        "批量评查结果的汇总。csv 每份报告一行（缺什么、哪项未通过、与谁雷同）；xlsx 为 Excel "
        "评分表；html 为批量页面。RESULTS 旁的人工复核意见一并采用。"
    ),
    "examples:\n"
    "  fzcheck report results.jsonl                     # 批量评查汇总（终端）\n"
    "  fzcheck report results.jsonl -o 评分表.xlsx       # Excel：评分表、要素明细、说明\n"
    "  fzcheck report results.jsonl -o units.csv        # 每份报告一行（带BOM，Excel可直接打开）\n"
    "  fzcheck report results.jsonl -o batch.html       # 批量页面": (
        "示例：\n"
        "  fzcheck report results.jsonl                     # 批量评查汇总（终端）\n"
        "  fzcheck report results.jsonl -o 评分表.xlsx       # Excel：评分表、要素明细、说明\n"
        "  fzcheck report results.jsonl -o units.csv        # 每份报告一行（带BOM，Excel可直接打开）\n"
        "  fzcheck report results.jsonl -o batch.html       # 批量页面\n"
        "  fzcheck report 结果.json                          # 也可读 fzcheck check -f json 的结果"
    ),
    "a results file written by fzcheck batch": (
        "结果文件（fzcheck batch -o 或 fzcheck check -f json 写出）"
    ),
    "output format (default: from -o's extension, else terminal)": (
        "输出格式（默认按 -o 的扩展名，否则为终端视图）"
    ),
    "write to FILE instead of stdout": "写入文件 FILE，不输出到终端",
    "the rubric the results were graded with, when it is not bundled": (
        "评查这些结果所用的规则（不是内置规则时给出）"
    ),
    # cache
    "examples:\n  fzcheck cache info\n  fzcheck cache clear": (
        "示例：\n  fzcheck cache info\n  fzcheck cache clear"
    ),
    "info: location and size; clear: delete every cached response": (
        "info：位置和大小；clear：删除全部缓存的回答"
    ),
    "cache directory (default: FZCHECK_CACHE_DIR, config, ~/.cache/fzcheck)": (
        "缓存文件夹（默认：FZCHECK_CACHE_DIR、配置文件、~/.cache/fzcheck）"
    ),
    # review
    "record a reviewer's decisions on part statuses and checks. Decisions are kept in "
    "TARGET.decisions.jsonl, each about the report it was made on (its path and sha256, and "
    "rubric); machine re-runs never change them. Results files are read with the decisions "
    "beside them and beside each report file they name.": (
        "记录人工复核意见（要素状态、检查项）。意见保存在 TARGET.decisions.jsonl，每条对应"
        "所复核的那份报告（路径、sha256 和评查规则）；机器重评不会改动。读取结果文件时，一并"
        "采用其旁边以及其中各报告文件旁边的复核意见。"
    ),
    "examples:\n"
    '  fzcheck review report.docx --part problems --set embedded --note "见第3页"\n'
    "  fzcheck review results.jsonl --report 县司法局.docx --check problems.gives_causes "
    "--set pass\n"
    "  fzcheck review results.jsonl --report 县司法局.docx --part problems --accept\n"
    "  fzcheck review results.jsonl --import fzcheck-decisions.json   # exported from the HTML "
    "page\n"
    "  fzcheck review results.jsonl                                  # list the decisions\n"
    "  fzcheck review results.jsonl --adopt    # list decisions this desk did not seal (--yes: "
    "apply)": (
        "示例：\n"
        '  fzcheck review report.docx --part problems --set embedded --note "见第3页"\n'
        "  fzcheck review results.jsonl --report 县司法局.docx --check problems.gives_causes "
        "--set pass\n"
        "  fzcheck review results.jsonl --report 县司法局.docx --part problems --accept\n"
        "  fzcheck review results.jsonl --import fzcheck-decisions.json   # 从网页导出的复核意见\n"
        "  fzcheck review results.jsonl                                  # 列出已有的复核意见\n"
        "  fzcheck review results.jsonl --adopt    # 列出没有本复核台签记的复核记录（--yes 采用）"
    ),
    "a report file, or a results file (.jsonl/.json) from batch or check": (
        "报告文件，或 batch、check 写出的结果文件（.jsonl/.json）"
    ),
    "which report in RESULTS: its path, file name (with or without the suffix), the end of its "
    "path from a folder on (乡镇/报告.txt), sha256 prefix, or its issuer or title; exact matches "
    "win over words of them": (
        "结果文件中的哪份报告：路径、文件名（可不带扩展名）、从某一文件夹起的路径末段"
        "（乡镇/报告.txt）、sha256 开头几位，或发布单位、标题；完全一致的优先于部分字词"
    ),
    "a part id (see fzcheck rubric show)": "要素 id（见 fzcheck rubric show）",
    "a check id (part.check or document.check)": "检查项 id（要素.检查 或 document.检查）",
    "present|embedded|missing for a part, pass|fail for a check": (
        "要素：present（独立成节）|embedded（仅嵌于他节）|missing（缺失）；"
        "检查项：pass（通过）|fail（未通过）"
    ),
    "confirm the machine's status": "确认机器的判断",
    "why (for example 见第3页)": "理由（例如 见第3页）",
    "import decisions exported from the HTML page": "导入从网页导出的复核意见",
    "list the decisions beside the report, the results file or each report it names that "
    "this desk did not seal (recorded by an older version, on another machine, by hand — or "
    "sent by a unit), to apply them with --yes": (
        "列出报告、结果文件或其中各报告旁没有本复核台签记的复核记录（旧版本、其他电脑或手工记录的，"
        "也可能是报送单位附上的），核对后加 --yes 采用"
    ),
    "with --adopt: seal the decisions it listed (without it, --adopt only lists them)": (
        "与 --adopt 同用：采用其列出的复核记录（不加则只列出）"
    ),
    "the rubric the report is graded with, when it is not bundled": (
        "评查这份报告所用的规则（不是内置规则时给出）"
    ),
    # letter
    "write feedback letters (.docx) for reports to send back. A report goes back when it (as "
    "reviewed) misses a required part, is not a report, or fails a check that costs points (or "
    "that its reviewer failed); a submitted file that "
    "cannot be read (encrypted, empty, corrupt…) goes back to be submitted again. The same rule "
    "makes fzcheck report's send-back list. Review decisions beside the inputs are applied.": (
        "为需退回修改的报告写反馈意见（.docx）。报告（按人工复核后的结论）缺少必备要素、"
        "不是年度报告或有扣分的检查项未通过（提示项不算，人工复核认定未通过的算）的，退回修改；"
        "无法读取的文件（加密、空文件、损坏…）"
        "退回重报。fzcheck report 的退回名单按同一规则。输入旁边的人工复核意见一并采用。"
    ),
    "examples:\n  fzcheck letter results.jsonl -o 反馈意见/\n"
    "  fzcheck letter 县司法局.docx 县教育局.pdf -o 反馈意见/\n"
    "  fzcheck letter results.jsonl -o 反馈意见/ --all    # every report, also the complete "
    "ones": (
        "示例：\n  fzcheck letter results.jsonl -o 反馈意见/\n"
        "  fzcheck letter 县司法局.docx 县教育局.pdf -o 反馈意见/\n"
        "  fzcheck letter results.jsonl -o 反馈意见/ --all    # 每份报告都写，要素齐全的也写"
    ),
    "a results file (.jsonl from batch, .json from check -f json), or report files": (
        "结果文件（batch 写出的 .jsonl，check -f json 写出的 .json），或报告文件"
    ),
    "folder for the letters": "反馈意见写入的文件夹",
    "a letter for every report, also the complete ones": "每份报告都写，要素齐全的也写",
    "deadline text (default: ____年__月__日)": "整改期限（默认：____年__月__日）",
    "the rubric the reports are graded with, when it is not bundled": (
        "评查这些报告所用的规则（不是内置规则时给出）"
    ),
}
