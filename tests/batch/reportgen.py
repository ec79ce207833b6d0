"""Synthetic annual reports for batch tests and benchmarks, written from our own phrase banks.

``make_report(n)`` is deterministic in ``n``: unit, figures and the chosen phrases vary, so two
different numbers give problem and plan sections far apart (no copy flags by accident), while
``copied_pair`` gives two units whose problems sections are the same text with names changed.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

COUNTIES = [
    "青山",
    "绿水",
    "白河",
    "东坪",
    "西岭",
    "南湖",
    "北塘",
    "长林",
    "石桥",
    "云岗",
    "金沙",
    "玉溪",
    "丰源",
    "安平",
    "永宁",
    "新洲",
    "红岩",
    "桃源",
    "柳营",
    "梅岭",
]
BUREAUS = [
    "司法局",
    "市场监督管理局",
    "生态环境局",
    "自然资源局",
    "交通运输局",
    "卫生健康局",
    "教育局",
    "民政局",
    "人力资源和社会保障局",
    "住房和城乡建设局",
    "农业农村局",
    "应急管理局",
    "文化广电旅游局",
    "水利局",
    "财政局",
    "审计局",
    "统计局",
    "医疗保障局",
]
AREAS = [
    "行政执法",
    "重大行政决策",
    "行政复议",
    "普法宣传",
    "规范性文件管理",
    "政务公开",
    "矛盾纠纷化解",
    "执法监督",
    "法律顾问",
    "证明事项清理",
    "行政应诉",
    "营商环境",
    "信用监管",
    "安全生产执法",
    "数据共享",
    "基层治理",
]
ISSUES = [
    "执法人员持证比例偏低",
    "案卷质量参差不齐",
    "合法性审查流于形式",
    "公众参与渠道不多",
    "复议纠错后整改不及时",
    "宣传形式较为单一",
    "备案审查不够及时",
    "公开内容更新滞后",
    "调解协议履行率不高",
    "监督检查覆盖面窄",
    "顾问意见采纳跟踪不足",
    "清理工作进度较慢",
    "出庭应诉准备不充分",
    "涉企检查频次偏多",
    "信用修复办理周期长",
    "隐患整改闭环不严",
    "部门数据口径不一",
    "村居法律服务力量弱",
]
CAUSES = [
    "专业人员流动较大",
    "培训计划针对性不强",
    "考核指标设置不够科学",
    "经费保障不足",
    "信息化平台建设滞后",
    "部门之间协调机制不健全",
    "对新情况研究不深",
    "责任分工不够明确",
    "基层力量配备不足",
    "制度执行刚性不够",
    "群众需求调研不够",
    "督办问责措施偏软",
]
MEASURES = [
    "开展专项培训",
    "建立月度通报制度",
    "推行清单化管理",
    "引入第三方评估",
    "完善考核办法",
    "上线网上办理系统",
    "组织交叉评查",
    "实行挂牌督办",
    "设立联络员",
    "编制操作指引",
    "开展“回头看”",
    "建立典型案例库",
]


def _unit(rng: random.Random, n: int) -> str:
    return f"{rng.choice(COUNTIES)}县{rng.choice(BUREAUS)}"


def _problems(rng: random.Random, unit: str, year: int) -> list[str]:
    out = []
    areas = rng.sample(AREAS, 3)
    for k, area in enumerate(areas):
        issue, cause, cause2 = rng.choice(ISSUES), *rng.sample(CAUSES, 2)
        out.append(
            f"（{'一二三'[k]}）{area}方面{issue}。{rng.randint(2, 40)}个股室中仍有"
            f"{rng.randint(1, 9)}个存在此类情况，第{rng.randint(1, 4)}季度抽查发现问题"
            f"{rng.randint(3, 60)}个。主要原因是{cause}，同时{cause2}，导致整改成效不明显。"
        )
    return out


def _plan(rng: random.Random, year: int) -> list[str]:
    out = []
    for k, area in enumerate(rng.sample(AREAS, 3)):
        m1, m2 = rng.sample(MEASURES, 2)
        out.append(
            f"（{'一二三'[k]}）深化{area}。{year + 1}年{rng.randint(1, 12)}月底前{m1}，"
            f"全年{m2}不少于{rng.randint(2, 30)}次，覆盖率达到{rng.randint(80, 100)}%。"
        )
    return out


def render(
    unit: str, year: int, problems: list[str] | None, plan: list[str], rng: random.Random
) -> str:
    lines = [
        f"{unit}关于{year}年度法治政府建设情况的报告",
        "",
        f"{year}年，{unit}深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：",
        "",
        f"一、{year}年推进法治政府建设的主要举措和成效",
    ]
    for k, area in enumerate(rng.sample(AREAS, 3)):
        lines.append(
            f"（{'一二三'[k]}）加强{area}。全年办理相关事项{rng.randint(20, 900)}件，"
            f"完成率{rng.randint(85, 100)}%，组织培训{rng.randint(1, 12)}期"
            f"{rng.randint(50, 800)}人次。"
        )
    n = 2
    cn = "二三四五六"
    if problems is not None:
        lines += ["", f"{cn[n - 2]}、{year}年推进法治政府建设存在的不足和原因", *problems]
        n += 1
    lines += [
        "",
        f"{cn[n - 2]}、党政主要负责人履行推进法治建设第一责任人职责情况",
        (
            f"主要负责人认真履行第一责任人职责，全年主持召开专题会议{rng.randint(2, 9)}次，"
            f"亲自审定法治政府建设工作要点，带头讲授法治课{rng.randint(1, 4)}次。"
        ),
    ]
    n += 1
    lines += [
        "",
        f"{cn[n - 2]}、{year + 1}年推进法治政府建设的主要安排",
        *plan,
        "",
        unit,
        f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日",
        "",
    ]
    return "\n".join(lines)


def make_report(n: int, year: int = 2025, with_problems: bool = True) -> str:
    rng = random.Random(n)
    unit = _unit(rng, n)
    problems = _problems(rng, unit, year) if with_problems else None
    return render(unit, year, problems, _plan(rng, year), rng)


def report_folder(root: Path, name: str, files: dict[str, int]) -> Path:
    """Folder ``root/name`` holding ``files`` (name -> make_report seed)."""
    folder = root / name
    folder.mkdir(parents=True)
    for file, seed in files.items():
        (folder / file).write_text(make_report(seed), encoding="utf-8")
    return folder


def copied_pair(seed: int = 7, year: int = 2025) -> tuple[str, str]:
    """Two units; the second copies the first's problems section, changing a few words."""
    rng = random.Random(seed)
    problems = _problems(rng, "甲", year)
    copied = [p.replace("股室", "科室").replace("季度", "批次") for p in problems]
    a = render("青山县教育局", year, problems, _plan(random.Random(seed + 1), year), rng)
    b = render("绿水县民政局", year, copied, _plan(random.Random(seed + 2), year), rng)
    return a, b


def batch_command(folder: Path, out: Path, *extra: str) -> list[str]:
    """``fzcheck batch FOLDER -o OUT --summary none`` plus ``extra``, as a child process runs it."""
    import sys

    return [
        sys.executable,
        "-m",
        "fzcheck",
        "batch",
        str(folder),
        "-o",
        str(out),
        "--summary",
        "none",
        *extra,
    ]


def kill_after(cmd: list[str], out: Path, lines: int, env: dict[str, str] | None = None) -> int:
    """Run ``cmd`` (a batch writing ``out``), SIGKILL it once ``out`` holds ``lines`` lines,
    and return how many it held then. Fails if the batch finished before it could be killed."""
    import signal

    proc = _started_until(cmd, out, lines, env)
    try:
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    return out.read_bytes().count(b"\n")


def signals_after(
    cmd: list[str],
    out: Path,
    lines: int,
    signums: list[int],
    env: dict[str, str] | None = None,
) -> int | None:
    """Run ``cmd``, send it each of ``signums`` (0.3 s apart) once ``out`` holds ``lines``
    lines, and return its exit status — None when it was still running 30 s later (then it is
    killed). Two SIGINTs are Ctrl-C pressed twice."""
    import subprocess
    import time

    proc = _started_until(cmd, out, lines, env)
    for n, signum in enumerate(signums):
        if n:
            time.sleep(0.3)
        proc.send_signal(signum)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)
        return None


def _started_until(
    cmd: list[str], out: Path, lines: int, env: dict[str, str] | None
) -> subprocess.Popen[bytes]:
    """``cmd`` started (Ctrl-C as a terminal delivers it: the default action, even where the
    test runner ignores it), once ``out`` holds ``lines`` lines or it ended."""
    import os
    import signal
    import subprocess
    import time

    from tests.helpers import ROOT

    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env or dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.01)
    return proc
