"""The law's parts as units word them in real reports (found by writing reports the way county,
township and department units do): a plan headed 改进措施 / 努力方向 or merged with the problems
(存在的问题及整改措施), a plan naming its year below its first lines, a leader paragraph without
第一责任人 (县委书记、县长高度重视法治建设…主持召开…), a report to the 人大常委会 (…请予审议), a
draft 工作要点 (征求意见稿)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fzcheck.pipeline import check_path
from fzcheck.rubric import Catalog
from tests.helpers import checked, sample_text
from tests.test_parts import E, M, failed, part, statuses

PLAN = "四、2026年推进法治政府建设的主要安排"
PROBLEMS = "二、2025年推进法治政府建设存在的不足和原因"
LEADER = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
# the sample's leader section, its heading to the blank line after it
LEADER_SECTION = LEADER + sample_text().split(LEADER)[1].split("\n\n")[0] + "\n\n"


def variant(tmp_path: Path, *edits: tuple[str, str]) -> dict[str, Any]:
    text = sample_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "variant.txt"
    path.write_text(text, encoding="utf-8")
    return check_path(str(path), Catalog.load()).to_json()


def without_section(tmp_path: Path, heading: str, *edits: tuple[str, str]) -> dict[str, Any]:
    """The sample with the section under ``heading`` taken out, then ``edits`` made."""
    section = heading + sample_text().split(heading)[1].split("\n\n")[0] + "\n\n"
    return variant(tmp_path, (section, ""), *edits)


_PLACE_HEAD = re.compile(r"([县区市旗盟省州])(?:委书记|长)")


def governed(sentence: str) -> list[tuple[str, str]]:
    """The edit making the sample (示例县司法局's) the report of the government whose head the
    sentence's leader is (县长: 示例县人民政府): in a 司法局's own report a 县长 is its superior."""
    m = _PLACE_HEAD.search(sentence)
    return [("示例县司法局", f"示例{m.group(1)}人民政府")] if m else []


@pytest.mark.parametrize(
    "heading",
    [
        "四、改进措施",
        "四、努力方向",
        "四、对策建议",
        "四、工作措施",
        # the way ahead's measures: 举措 alone had made it a second section of the year's work
        # (the plan missing, helper-194's d26)
        "四、接下来的工作举措",
        "四、新征程上的工作举措",
    ],
)
def test_a_plan_headed_as_measures_or_direction_is_the_plan(tmp_path: Path, heading: str) -> None:
    r = variant(tmp_path, (PLAN, heading))
    assert part(r, "next_year_plan")["status"] == "present"
    assert "next_year_plan.names_next_year" not in failed(r)  # 2026年，将… in its first item


@pytest.mark.parametrize(
    "heading",
    [
        "一、奋进新征程的工作举措与实效",
        "一、落实新阶段重点举措，法治政府建设提质增效",
        "一、立足当前、着眼今后，法治政府建设成效明显",
    ],
)
def test_the_years_work_headed_with_words_of_the_way_ahead_is_the_years_work(
    tmp_path: Path, heading: str
) -> None:
    """举措 beside 新征程 or 新阶段, or 今后 inside a theme, in the year's work's heading: its
    section, not the plan's (helper-196's)."""
    r = variant(tmp_path, ("一、2025年推进法治政府建设的主要举措和成效", heading))
    assert part(r, "achievements")["status"] == "present"
    assert part(r, "next_year_plan")["heading"] == PLAN[2:]


@pytest.mark.parametrize("heading", ["存在的问题及整改措施", "存在的短板及努力方向"])
def test_problems_merged_with_their_remedies_hold_both_parts(tmp_path: Path, heading: str) -> None:
    """The plan's items moved under the problems' heading (二、存在的问题及整改措施), its own
    heading gone: both parts stand there, and the plan's year is read from its items."""
    text = sample_text()
    plan_items = text.split(PLAN + "\n")[1].split("\n\n")[0]
    r = variant(
        tmp_path,
        (PROBLEMS, "二、" + heading),
        (PLAN + "\n" + plan_items + "\n\n", ""),
        (
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。",
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。\n"
            + plan_items.replace("（一）", "（三）")
            .replace("（二）", "（四）")
            .replace("（三）推进", "（五）推进"),
        ),
    )
    assert statuses(r)["problems"] == "present" and statuses(r)["next_year_plan"] == "present"
    assert "next_year_plan.names_next_year" not in failed(r)


def test_a_theme_of_rectification_is_not_the_problems_section(tmp_path: Path) -> None:
    r = variant(
        tmp_path, ("（三）化解矛盾纠纷。", "（三）抓好督察问题整改。"), (PROBLEMS, "二、工作体会")
    )
    assert statuses(r)["problems"] != "present"


def test_the_plans_year_below_its_first_lines_is_read(tmp_path: Path) -> None:
    """下一步，我局将… then the items, the year only in the fourth line: it is named."""
    r = variant(
        tmp_path,
        (PLAN, "四、下一步工作打算\n下一步，我局将持续用力。\n继续完善制度。\n继续加强队伍。"),
    )
    assert "next_year_plan.names_next_year" not in failed(r)
    none = variant(
        tmp_path,
        (PLAN, "四、下一步工作打算"),
        ("2026年，将重大行政决策", "将重大行政决策"),
    )
    assert "next_year_plan.names_next_year" in failed(none)
    footer = "\n抄送：县委办公室。\n示例县人民政府办公室    2026年3月7日印发\n"
    text = sample_text().replace(PLAN, "四、下一步工作打算").replace("2026年，将", "将")
    path = tmp_path / "footer.txt"
    path.write_text(text.rstrip() + footer, encoding="utf-8")
    dated = check_path(str(path), Catalog.load()).to_json()
    assert "next_year_plan.names_next_year" in failed(dated)  # a 印发 date names no plan year
    ranged = variant(
        tmp_path,
        (PLAN, "四、下一步工作打算"),
        ("2026年，将重大行政决策", "持续落实2024—2026年三年行动任务，将重大行政决策"),
    )
    assert "next_year_plan.names_next_year" in failed(ranged)  # a range's end names none


@pytest.mark.parametrize(
    "heading", ["四、今后三年（2026—2028年）工作安排", "四、2026—2028年推进法治政府建设的主要安排"]
)
def test_a_plan_for_several_years_from_the_next_names_it(tmp_path: Path, heading: str) -> None:
    """A plan headed with a span of years opening with the next (2026—2028年) names 2026: the
    unit is not told to write a year it wrote. Its plan_year is that first year."""
    r = variant(tmp_path, (PLAN, heading), ("2026年，将重大行政决策", "将重大行政决策"))
    assert "next_year_plan.names_next_year" not in failed(r)
    assert r["document"]["plan_year"] == 2026
    later = variant(
        tmp_path,
        (PLAN, heading.replace("2026—2028", "2027—2029")),
        ("2026年，将重大行政决策", "将重大行政决策"),
    )
    assert "next_year_plan.names_next_year" in failed(later)


@pytest.mark.parametrize(
    "sentence,status",
    [
        (
            "县委书记、县长高度重视法治建设，全年4次主持召开常务会议专题研究法治政府建设。",
            "embedded",
        ),
        ("局党组书记、局长张某同志全年主持召开局党组会议专题研究法治政府建设3次。", "embedded"),
        ("镇党委书记、镇长高度重视法治建设，专题研究法治建设工作4次。", "embedded"),
        ("分管副县长主持召开专题会议研究执法规范化工作2次。", "missing"),
        # a deputy named the first responsible person: not the principal leaders' duty
        ("副县长作为第一责任人，亲自部署法治工作。", "missing"),
        ("副县长认真履行推进法治建设第一责任人职责，专题研究法治工作2次。", "missing"),
        # the leaders at their other duties: no word of law, no duty of this part
        ("局党组书记、局长带头讲专题党课2次，亲自带队开展安全生产大检查4次。", "missing"),
        ("镇党委书记亲自部署防汛工作，主持召开全面从严治党会议2次。", "missing"),
        ("局党组书记、局长带头讲法治党课2次，亲自审核规范性文件5件。", "embedded"),
        ("局长带头讲授《习近平法治思想学习纲要》专题党课2次。", "embedded"),  # on law, cited
        # rule-of-law work named without 法, beside other duties
        ("局长主持召开党组会议12次，审议重大行政决策事项8项，同步研究部署党建工作。", "embedded"),
        ("局长带头出庭参加行政案件庭审2次，并亲自带队开展安全生产大检查。", "embedded"),
        # a regulator's cases and files are law enforcement, whatever their field
        ("局长亲自主持召开局长办公会议，集体讨论重大食品安全行政处罚案件8件。", "embedded"),
        ("局长亲自带队开展生态环境保护行政处罚案卷评查，逐卷审阅案卷46卷。", "embedded"),
        # …but not every 案件 (信访, 违纪)
        ("局长亲自接待群众来访，包案化解信访案件12件。", "missing"),
        ("局党组书记亲自督办党员违纪案件3件，带头讲廉政党课。", "missing"),
        # the first responsible person at another duty, named after it
        ("镇长作为第一责任人，亲自带队开展森林防火巡查8次。", "missing"),
        # (helper-185: an inspection or a lawyer beside another duty is no law work of the leader's)
        ("局长亲自带队开展党风廉政建设监督检查，查处违纪问题2起。", "missing"),
        ("局长亲自协调解决信访群众合理诉求15件。", "missing"),
        ("局长为全县律师行业党员讲专题党课1次。", "missing"),
        (
            "乡党委书记、乡长在乡村振兴工作中统筹推进法治乡村建设，亲自审定村规民约修订方案15件。",
            "embedded",
        ),
    ],
)
def test_a_leader_paragraph_without_the_duty_words_is_the_leaders_duty(
    tmp_path: Path, sentence: str, status: str
) -> None:
    r = without_section(
        tmp_path,
        LEADER,
        ("（四）深化普法宣传。", f"（四）加强组织领导。{sentence}\n（五）深化普法宣传。"),
        *governed(sentence),
    )
    assert statuses(r)["leader_duties"] == status


@pytest.mark.parametrize("subject", ["我镇", "本局", "县政府", "我馆"])
def test_any_unit_speaking_of_its_next_steps_is_a_plan(tmp_path: Path, subject: str) -> None:
    text = sample_text()
    plan = PLAN + "\n" + text.split(PLAN + "\n")[1].split("\n\n")[0] + "\n\n"
    r = variant(
        tmp_path,
        (plan, ""),
        (
            "层层压实责任。",
            f"层层压实责任。下一步，{subject}将继续完善依法决策机制，加强执法队伍建设。",
        ),
    )
    assert statuses(r)["next_year_plan"] == "embedded"


def test_a_report_made_to_the_peoples_congress_standing_committee_is_a_report(
    tmp_path: Path,
) -> None:
    r = variant(
        tmp_path,
        ("本年度无其他需要报告的情况。", "本年度无其他需要报告的情况。\n以上报告，请予审议。"),
    )
    assert r["document"]["is_report"] and r["verdict"] == "complete"


@pytest.mark.parametrize("note", ["（征求意见稿）", "（草案）", "（试行）"])
def test_a_draft_of_next_years_work_points_is_no_report(tmp_path: Path, note: str) -> None:
    from tests.test_parts import check_variant

    title = "示例县2026年法治政府建设工作要点"
    r = check_variant(tmp_path, "work_plan.txt", title, title + note)
    verdict = next(c["message"] for c in r["checks"] if c["id"] == "is_report")
    assert not r["document"]["is_report"] and "标题表明这是工作要点" in verdict


@pytest.mark.parametrize(
    "cause",
    [
        "之所以出现上述问题，主要是人员调整较大。",
        "造成上述问题的主要因素是人员调整较大。",
        "深入剖析，根子是培训针对性不强。",
        "分析起来，主要是人员调整较大。",
        "出现上述问题，一方面是人员调整较大，另一方面是培训不足。",
        "受乡镇机构改革后人员调整较大等多方面因素影响。",
        # told without a cause word
        "一是执法检查覆盖面不够广，因人员少，仅能抽查两成企业。",
        "二是普法宣传深度不够，受经费限制，形式单一。",
        "执法检查覆盖面不够广，这与执法人员少、经费紧张有关。",
        "执法检查覆盖面不够广，是执法力量不足造成的。",
        "执法检查覆盖面不够广，这与我县机构改革后执法人员编制压缩、基层执法点多面广有关。",
        "这些问题缘于乡镇编制总量有限。",
        "这些问题的症结是乡镇编制总量有限。",
        "问题的根子在思想认识上重业务、轻法治。",
        "这些问题归根到底是乡镇编制总量有限。",
        "这些问题的出现，主要是乡镇编制总量有限。",
        "以上问题的存在，根本上是乡镇编制总量有限。",
        "出现上述问题，根本上是乡镇编制总量有限。",
        "从深层次看，是乡镇编制总量有限、培训投入不足。",
        "深层次看，主要是乡镇机构改革后编制总量有限。",
        "这些问题的形成，一方面是编制压缩，另一方面是培训投入不足。",
        "存在上述问题，主要是乡镇编制总量有限。",
        "追根溯源，主要是乡镇编制总量有限。",
        "从根本上说，是乡镇编制总量有限。",
        "问题背后，是乡镇编制总量有限、培训投入不足。",
        "反思起来，主要是对基层执法力量投入不够。",
        # the cause set beside its shortcoming, in brackets or as what limits it
        "一是执法检查覆盖面不够广（因人员少）。",
        "执法检查覆盖面不够广（因编制所限）。",
        "执法检查覆盖面不够广，为乡镇编制总量所限。",
        # the sides named as seen from (从主观看 / 客观来看), a cause's result or source
        "从主观看，部分干部重业务轻法治；从客观看，基层执法编制紧张。",
        "客观来看，乡镇执法编制偏紧；主观来看，部分干部重业务轻法治。",
        "这一问题的形成，主要是乡镇执法改革后编制没有同步核定。",
        "出现这种情况，主要是部分单位重业务轻法治。",
        "这在很大程度上是乡镇执法编制长期未核定的结果。",
        "这些问题是长期以来重业务、轻法治的结果。",
        "这主要源自乡镇执法编制长期未核定。",
        "这一问题主要由乡镇执法编制未同步核定所造成。",
        # the stock sentence, then the causes told without a cause word
        "究其原因，既有客观因素，也有主观因素。从外部环境看，乡镇执法编制偏紧；从自身看，部分干部重业务轻法治。",
        "产生这些问题的原因是多方面的，既有客观原因，也有主观原因。\n一是乡镇执法编制偏紧；二是培训投入不足。",
        # a cause sentence opening its own line
        "\n这主要是乡镇执法编制长期未核定。",
        "\n上述问题主要源自乡镇执法编制长期未核定。",
        "\n问题源自基层执法经费保障不足、执法装备老化。",
    ],
)
def test_causes_as_units_give_them_are_causes(tmp_path: Path, cause: str) -> None:
    r = variant(
        tmp_path,
        (
            "主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。",
            cause,
        ),
        ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", ""),
    )
    assert "problems.gives_causes" not in failed(r)
    none = variant(
        tmp_path,
        ("主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。", ""),
        ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", ""),
    )
    assert "problems.gives_causes" in failed(none)


@pytest.mark.parametrize(
    "shortcoming",
    [
        "对执法问题的原因分析不够深入，整改不彻底。",
        "案件原因剖析不到位，类案监督偏少。",
        "矛盾纠纷风险因素排查不到位。",
        "对辖区内不稳定因素掌握不全面。",
        "存在的问题主要是执法人员不足、培训不够。",
        "法治宣传教育仍有不足，主要是形式比较单一。",  # what the shortcoming is, no cause
        "与区市场监督管理局、区城管局等有关单位的联合执法机制还不健全。",  # 有关单位
        "对群众反映强烈问题的症结把握不准。",
        "要从根子上解决执法不规范问题。",
        "这些问题主要表现在执法文书不规范、案卷归档不及时。",  # what they are, no cause
        "对经济运行中不确定因素预判不足。",
        "普法工作重点在于“进企业”活动，覆盖面不广。",  # what it centres on, no cause
        "深层次问题化解不够及时，矛盾纠纷存在反复。",  # a problem that is deep, no cause
        "存在上述问题的单位整改不到位。",  # the units with the problems, no cause
        "对问题缺乏深层次分析研判，整改不彻底。",  # an analysis lacking: a shortcoming
        "对群众反映的问题没有做到追根溯源，整改不彻底。",
        "存在上述问题，主要表现在执法文书不规范。",  # what they are, no cause
        # the words of a cause about something else: a petition, a notice, an effect, the page
        "对原因不明的信访件处置不够及时。",
        "部分不予受理告知书对不予受理原因表述笼统。",
        "个别案件告知不规范，受处罚当事人的陈述申辩权利受到影响。",
        "在合同管理等方面也存在一些薄弱环节，由于篇幅所限，不再一一赘述。",
        "存在的不足主要在于以下方面：执法文书不规范，案卷归档不及时。",
        # the stock sentence that names no cause, however opened
        "究其原因，既有客观因素，也有主观因素。",
        "产生这些问题的原因是多方面的，既有主观原因，也有客观原因。",
        # where cases come from or happen, a kind of case, praise (helper-177)
        "矛盾纠纷案件主要源自征地拆迁领域。",
        "此类问题的发生主要集中在城乡结合部。",
        "由征地拆迁所引起的信访案件仍然较多。",
        "这是各级各部门共同努力的结果。",
        "这是全县上下齐心协力、严格依法行政的结果。",
        "全县行政复议案件数量同比下降12%，这是各部门持续规范执法行为的结果。",
        "出现这种情况的主要是偏远山区乡镇。",
        "该问题的存在，主要涉及征收补偿和市场监管领域。",
        "此类纠纷源自婚姻家庭领域。",
        "部分告知书成因表述不清。",
        "鉴于篇幅所限，不再一一列举。",
        # a risk to guard against, not why (helper-197's)
        "部分执法人员对新业态监管办法不多，需防止因处置不当导致矛盾激化。",
    ],
)
def test_a_shortcoming_in_analysing_causes_gives_no_cause(tmp_path: Path, shortcoming: str) -> None:
    """原因分析不够深入 / 风险因素排查不到位 are shortcomings of their own (the unit analyses
    or checks too little), not the causes of the shortcomings: words a cause is given with,
    named as what was done badly."""
    r = variant(
        tmp_path,
        ("主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。", ""),
        ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", shortcoming),
    )
    assert "problems.gives_causes" in failed(r)


@pytest.mark.parametrize(
    "signed,flagged",
    [("2026年4月20日", True), ("2026年4月1日", True), ("2026年3月31日", False)],
)
def test_a_report_signed_after_the_deadline_cannot_have_been_published_in_time(
    tmp_path: Path, signed: str, flagged: bool
) -> None:
    """No publication date known (a file, not a web page): the signing date still tells a late
    report — signed 20 April, it cannot have been public before 1 April."""
    r = variant(tmp_path, ("2026年2月10日", signed))
    assert r["document"]["published_on"] is None
    checks = {c["id"]: c for c in r["checks"]}
    if flagged:
        late = checks["published_in_time"]
        assert not late["passed"] and "签发" in late["message"]
        # the last day in time, not the first day too late (signed 1 April was said to be
        # later than a deadline of 2026-04-01)
        assert "最晚2026-03-31" in late["message"], late["message"]
    else:
        assert "published_in_time" not in checks  # unknown, not passed


def test_a_leader_section_headed_with_the_duty_named_without_its_person_is_present(
    tmp_path: Path,
) -> None:
    """三、压实法治建设第一责任 (第一责任 without 人) heads the leader's own section."""
    r = variant(tmp_path, (LEADER, "三、压实法治建设第一责任\n"))
    assert part(r, "leader_duties")["status"] == "present"
    assert r["score"] == 100


@pytest.mark.parametrize(
    "sentence,status",
    [
        ("组织28个乡镇和县直部门主要负责人在全面依法治县委员会会议上现场述法。", "missing"),
        ("各部门主要负责人年内均已述法。", "missing"),
        ("局党组书记、局长亲自审定年度法治政府建设工作要点。", "embedded"),
        ("组织全县32个县直部门和12个乡镇“一把手”现场述法。", "missing"),
        ("各单位主要领导年内均已述法。", "missing"),
        # the group the leader heads, the duty's regulation named, a promise: no act of the
        # leader's (an act told in the same sentence still counts)
        ("成立了由局主要负责人任组长的法治建设领导小组。", "missing"),
        ("局长担任法治建设领导小组组长，亲自主持召开专题会议2次。", "embedded"),
        ("成立由局主要领导任组长的法治建设领导小组，全年召开领导小组会议3次。", "missing"),
        ("认真贯彻落实党政主要负责人履行推进法治建设第一责任人职责规定，制定责任清单。", "missing"),
        ("局主要负责人将继续带头履行推进法治建设第一责任人职责。", "missing"),
        # the work done under the leaders (在局主要负责人的带领下，…): a formula opening the
        # year's account, not an account of their duty, unless the sentence tells their act
        ("在局主要负责人的带领下，全局依法履行行政管理职能。", "missing"),
        ("在县委、县政府主要领导的坚强领导下，各项任务顺利完成。", "missing"),
        ("在局主要负责人的带领下，局长亲自审定年度法治建设工作要点。", "embedded"),
        # the formula with its own 亲自 (…的高度重视和亲自推动下): still the circumstance
        ("在局主要负责同志的高度重视和亲自推动下，全局法治政府建设取得新成效。", "missing"),
        ("在县委县政府主要领导的亲自关心和大力支持下，我局各项工作稳步推进。", "missing"),
        ("在局主要负责同志的亲自推动下，局长亲自主持召开局务会议3次。", "embedded"),
        # the heads of those the unit oversees: their duty, not its leaders'
        ("督促企业主要负责人切实履行安全生产第一责任人职责，组织安全生产法律法规考核。", "missing"),
        ("落实校长是学校依法治校第一责任人的要求，签订依法治校责任书。", "missing"),
        ("各级河湖长作为河湖管理保护第一责任人，全年巡河2.3万人次。", "missing"),
        ("局长亲自约谈企业主要负责人，督办安全生产执法案件。", "embedded"),
        ("局主要负责人亲自约谈辖区企业主要负责人，督办执法案件整改。", "embedded"),
        ("街道党工委书记、办事处主任切实履行推进法治社区建设第一责任人职责。", "embedded"),
        ("园区党工委书记、管委会主任切实履行推进园区法治建设第一责任人职责。", "embedded"),
        (
            "局长认真履行推进法治建设第一责任人职责，督促全区中小学校长履行依法治校第一责任人职责。",
            "embedded",
        ),
    ],
)
def test_other_units_heads_are_not_the_principal_leaders(
    tmp_path: Path, sentence: str, status: str
) -> None:
    """A county report's 乡镇和县直部门主要负责人 are the heads of other units: what they did is
    not this report's account of its own principal leaders."""
    r = variant(
        tmp_path, (LEADER_SECTION, ""), ("（四）深化普法宣传。", f"（四）深化普法宣传。{sentence}")
    )
    assert statuses(r)["leader_duties"] == status


def _with_achievements(tmp_path: Path, text: str) -> dict[str, Any]:
    """The sample with ``text`` in place of its achievements section's (its heading kept)."""
    achievements = sample_text().split("二、2025年推进")[0].split("主要举措和成效\n")[1]
    return variant(tmp_path, (achievements, text))


def test_figures_in_chinese_numerals_are_figures(tmp_path: Path) -> None:
    """十二项, 一百三十八条, 五千余件 are counts as much as 12项; 三项制度, 一次 and 千家万户 are not."""
    words = (
        "（一）健全依法决策机制。全年对十二项重大行政决策开展合法性审查，提出法律意见一百三十八条。\n"
        "（二）化解矛盾纠纷。受理矛盾纠纷五千余件，培训执法人员四期。\n\n"
    )
    r = _with_achievements(tmp_path, words)
    assert "achievements.has_figures" not in failed(r)
    prose = "（一）推进三项制度。一次办好，法治宣传进入千家万户，执法更加规范。\n\n"
    none = _with_achievements(tmp_path, prose)
    assert "achievements.has_figures" in failed(none)


def test_figures_in_every_fields_units_are_figures(tmp_path: Path) -> None:
    """A land, environment or transport bureau counts its cases in 宗, its vehicles in 辆, what
    it cleared in 吨 and 亩: as much figures as 12件."""
    fields = (
        "（一）规范执法。立案查处违法用地案件48宗，查处超限车辆156辆，清运垃圾760吨。\n"
        "（二）依法决策。复垦土地1200亩，办理不动产登记业务8600笔。\n\n"
    )
    r = _with_achievements(tmp_path, fields)
    assert "achievements.has_figures" not in failed(r)
    check = next(c for p in r["parts"] if p["id"] == "achievements" for c in p["checks"])
    assert check["message"] == "列出具体数据5处"
    words = fields.replace("48宗", "四十八宗").replace("156辆", "一百五十六辆")
    words = words.replace("760吨", "七百余吨").replace("1200亩", "一千二百亩")
    words = words.replace("8600笔", "八千六百笔")
    assert "achievements.has_figures" not in failed(_with_achievements(tmp_path, words))


@pytest.mark.parametrize(
    "prose",
    [
        # dates (3月15日: a day, not a count) and ordinals (第十七条, 第22条: which, not how many)
        "（一）开展专项行动。3月15日启动，6月20日推进，10月8日总结，执法更加规范。\n\n",
        "（一）修订实施细则。修改第十七条、第二十二条、第三十一条，执法更加规范。\n\n",
        "（一）修订实施细则。修改第17条、第22条、第31条，执法更加规范。\n\n",
    ],
)
def test_dates_and_ordinals_are_not_figures(tmp_path: Path, prose: str) -> None:
    r = _with_achievements(tmp_path, prose)
    assert "achievements.has_figures" in failed(r)
    counted = prose.replace("执法更加规范", "查处案件12件，培训3期，办结率98%")
    assert "achievements.has_figures" not in failed(_with_achievements(tmp_path, counted))


@pytest.mark.parametrize(
    "signature",
    [
        "中共示例县委\n示例县人民政府\n2026年2月10日",
        "中共示例县委    示例县人民政府\n2026年2月10日",
    ],
)
def test_two_issuers_signing_together_are_both_the_issuer(tmp_path: Path, signature: str) -> None:
    r = variant(tmp_path, ("示例县司法局\n2026年2月10日", signature))
    assert r["document"]["issuer"] == "中共示例县委、示例县人民政府"
    assert r["document"]["signed_on"] == "2026-02-10"


@pytest.mark.parametrize("name", ["示例县 司法局", "示例县人民政府 法制办公室"])
def test_an_issuer_set_with_a_space_stays_one_name(tmp_path: Path, name: str) -> None:
    r = variant(tmp_path, ("示例县司法局\n2026年2月10日", f"{name}\n2026年2月10日"))
    assert r["document"]["issuer"] == name


def test_a_report_on_next_years_plan_is_no_annual_report(tmp_path: Path) -> None:
    """关于2026年法治政府建设工作计划的报告 reports a plan, not the year done; a title joining the
    year's report and the plan (…情况和2026年工作安排的报告) is the annual report."""
    from tests.test_parts import check_variant

    plan = check_variant(
        tmp_path,
        "work_plan.txt",
        "示例县2026年法治政府建设工作要点",
        "示例县司法局关于2026年法治政府建设工作计划的报告",
    )
    assert not plan["document"]["is_report"]
    joined = variant(
        tmp_path,
        (
            "关于2025年度法治政府建设情况的报告",
            "关于2025年度法治政府建设情况和2026年工作安排的报告",
        ),
    )
    assert joined["document"]["is_report"] and joined["verdict"] == "complete"


@pytest.mark.parametrize(
    "opening,passed",
    [
        ("2024年，示例县司法局在县委、县政府的坚强领导下", False),  # last year's copy
        ("2025年，示例县司法局在巩固2024年成果的基础上", True),
        ("2024年以来，示例县司法局在县委、县政府的坚强领导下", None),  # 以来: no year stated
        # the year before mentioned, not what a sentence opens with
        ("一年来，各项指标均较2024年有明显提升，示例县司法局在县委、县政府的坚强领导下", None),
        ("今年以来，示例县司法局巩固2024年度示范创建成果，在县委、县政府的坚强领导下", None),
        # the year a sentence opens with as its subject: 2024年是…之年 (last year's opening kept)
        ("2024年是“十四五”规划的关键之年。示例县司法局在县委、县政府的坚强领导下", False),
        ("2025年是“十四五”规划的收官之年。示例县司法局在县委、县政府的坚强领导下", True),
        # the period covered, kept from last year, beside a sentence on the year
        (
            "2025年，本报告统计期限自2024年1月1日至2024年12月31日。示例县司法局在县委、县政府的坚强领导下",
            False,
        ),
    ],
)
def test_an_opening_about_the_year_before_is_flagged(
    tmp_path: Path, opening: str, passed: bool | None
) -> None:
    r = variant(tmp_path, ("2025年，示例县司法局在县委、县政府的坚强领导下", opening))
    check = next((c for c in r["checks"] if c["id"] == "opening_speaks_of_the_year"), None)
    if passed is None:
        assert check is None
    else:
        assert check is not None and check["passed"] is passed
    if passed is False:
        assert "2024年" in check["message"] and r["score"] == 98


CAUSES = (
    ("主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。", ""),
    ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", ""),
)


@pytest.mark.parametrize(
    "section,passed",
    [
        ("三、存在问题的原因分析\n主要是部分单位重视程度不够，培训的针对性不强。\n", True),
        ("三、存在问题的原因分析。主要是部分单位重视程度不够，培训的针对性不强。\n", True),
        ("三、存在问题的原因分析\n", False),
    ],
)
def test_a_section_of_its_own_on_the_causes_gives_them(
    tmp_path: Path, section: str, passed: bool
) -> None:
    """二、存在的不足, then 三、存在问题的原因分析 with the causes under it (or after it on its
    line): given. The same heading with nothing under it promises causes and gives none."""
    r = variant(tmp_path, *CAUSES, (LEADER, f"{section}\n{LEADER}"))
    assert ("problems.gives_causes" not in failed(r)) is passed


@pytest.mark.parametrize("heading", ["四、原因分析及下一步措施", "四、问题成因及整改措施"])
def test_causes_headed_together_with_the_plan_are_given(tmp_path: Path, heading: str) -> None:
    """The causes opening a section they share with the plan (四、原因分析及下一步措施 /
    上述问题的产生，主要是由于…, then the plan): given, as under 三、原因分析 alone (the whole
    heading had to be the causes': gives_causes failed, helper-194's d50); the plan present."""
    cause = "上述问题的产生，主要是由于培训不够系统、执法编制有限。"
    r = variant(tmp_path, *CAUSES, (PLAN, f"{heading}\n{cause}"))
    assert "problems.gives_causes" not in failed(r)
    assert statuses(r)["next_year_plan"] == "present"


def test_a_report_in_plain_paragraphs_has_its_achievements(tmp_path: Path) -> None:
    """A small unit's report of a few paragraphs, no headings: the year's work told with figures
    is the achievements (was missing: only headings found them)."""
    text = "\n".join(
        [
            "示例县档案馆2025年法治政府建设情况报告",
            "",
            "县人民政府：",
            "2025年，县档案馆认真落实法治政府建设部署要求。现将有关情况报告如下：",
            "全年修订内部管理制度8项，开展档案执法检查23家次，接收进馆档案1.6万卷。",
            "馆长作为法治建设第一责任人，主持召开馆务会议专题研究法治工作3次。",
            "我馆法治政府建设还存在一些不足：执法人员少。主要原因是编制仅2名。",
            "2026年，我馆将加强档案执法队伍建设。",
            "",
            "示例县档案馆",
            "2026年1月18日",
        ]
    )
    r = checked(tmp_path, text)
    assert statuses(r)["achievements"] == "present"  # its paragraphs its section: no heading at all
    assert r["document"]["is_report"]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # the year's work counted, its sentence opened by neither 全年 nor the year
        # (each part a paragraph of its own, no heading at all: present)
        ("镇党委会议研究法治工作5次，组织干部集中学法9次，审查合同协议21份。", "present"),
        ("执法队办理处罚案件14件、调处纠纷88起、审查合同9份，调处成功率97.5%。", "present"),
        # counts of a rate are no pieces of work
        ("办理处罚案件14件，办结率98%，群众满意率97.5%。", "missing"),
        # counts of what is short, planned or the leader's own: not the year's work
        ("执法队现有人员仅有6名，持证4名，持证率67%，力量偏弱。", "missing"),
        ("计划开展培训4次、法治讲座6场、专项检查10次。", "missing"),
        ("主要负责人主持专题会议3次、批阅法治文件12件、接访群众20人次。", "missing"),
    ],
)
def test_a_paragraph_counting_the_years_work_is_its_achievements(
    tmp_path: Path, counts: str, expected: str
) -> None:
    """A township's report of plain paragraphs whose year of work is a run of counts with no
    全年 or year before them (was missing: a cue wanted one of those to open the sentence)."""
    text = "\n".join(
        [
            "示例镇2025年度法治政府建设情况报告",
            "",
            "2025年，示例镇党委、政府认真贯彻上级法治建设部署，推进依法行政。" + counts,
            "",
            "镇党委书记、镇长认真履行推进法治建设第一责任人职责。",
            "",
            "我镇法治建设还存在一些不足，主要是执法力量薄弱。原因是编制紧张。",
            "",
            "2026年，我镇将加强执法队伍建设。",
            "",
            "示例镇人民政府",
            "2026年1月20日",
        ]
    )
    assert statuses(checked(tmp_path, text))["achievements"] == expected


TITLE = "示例县司法局关于2025年度法治政府建设情况的报告"


def is_report_message(r: dict[str, Any]) -> str:
    return str(next(c["message"] for c in r["checks"] if c["id"] == "is_report"))


@pytest.mark.parametrize(
    ("problems", "plan"),
    [
        ("二、查摆的问题", "四、来年工作重点"),
        ("二、问题剖析", "四、下年度工作"),
        ("二、工作中的薄弱之处", "四、新的一年工作打算"),
        ("二、存在的弱项及成因", PLAN),
        ("二、问题", "四、打算"),  # one word each: a terse unit's headings
        ("二、工作中的问题", PLAN),
        ("二、当前存在的突出问题", PLAN),
        ("二、需要改进的问题", PLAN),
        ("二、自我检视", PLAN),
        ("二、自身建设方面的问题", PLAN),
        # helper-194's d25 (a themed section of the year's work, the causes under it unread)
        ("二、存在的薄弱点", PLAN),
        ("二、存在的短处", PLAN),
        ("二、需要解决的突出问题", PLAN),
        ("二、查找出的问题", PLAN),
        ("二、值得注意的问题", PLAN),
        ("二、工作中需要关注的几个问题", PLAN),
    ],
)
def test_problems_and_plan_headed_as_units_word_them_are_present(
    tmp_path: Path, problems: str, plan: str
) -> None:
    r = variant(tmp_path, (PROBLEMS, problems), (PLAN, plan))
    assert statuses(r)["problems"] == "present" and statuses(r)["next_year_plan"] == "present"
    assert r["verdict"] == "complete"


@pytest.mark.parametrize(
    "heading",
    [
        "三、履职情况",
        "三、履职",  # a terse unit's one word
        "三、县长履职情况",
        "三、书记、县长抓法治建设情况",
        "三、领导带头尊法学法守法用法情况",
        "三、落实法治建设主体责任情况",
        "三、党委书记、镇长述法情况",
        "三、“关键少数”带头作用发挥情况",
        "三、压实“关键少数”法治建设责任情况",
        "三、领导带头情况",
        # the heads pushing the rule of law, reported (helper-194's d27)
        "三、局党组书记、局长推进法治建设情况",
        "三、领导班子推进法治建设情况",
    ],
)
def test_a_leaders_section_headed_without_the_duty_words_is_present(
    tmp_path: Path, heading: str
) -> None:
    r = variant(tmp_path, (LEADER, heading + "\n"))
    assert statuses(r)["leader_duties"] == "present"


@pytest.mark.parametrize(
    "body,passed",
    [
        # other units' heads at their duty, the leaders at other duties: no act of this one
        (
            "全镇各村（社区）党组织书记认真履行本村法治建设第一责任人职责，亲自主持村民议事会。",
            False,
        ),
        ("镇党委书记亲自带队开展安全生产大检查6次，亲自主持召开防汛抗旱工作会议4次。", False),
        # the leader's own act on law, beside either, still counts
        (
            "镇党委书记亲自带队开展安全生产大检查6次。镇长亲自主持召开镇政府常务会议专题学法4次。",
            True,
        ),
        # the leader the subject, other units' heads the object of the act; the place's name
        # before the leader's title (全县…县长): the leader's acts
        (
            "局长认真履行第一责任人职责，全年听取法治工作汇报4次，约谈下属单位主要负责人2人次。",
            True,
        ),
        ("局长出庭应诉2次，带动各部门主要负责人出庭应诉率达100%。", True),
        ("全县规范性文件均经县长审签，全年审签规范性文件12件。", True),
        ("在全县法治建设推进会上县长亲自部署2026年重点任务。", True),
        # the other duty named after a comma is still the sentence's; many units' heads with
        # 会 or 经 in their names are still many
        ("镇党委书记亲自带队，深入辖区企业开展安全生产大检查。", False),
        ("局长带头，讲授全面从严治党专题党课2次。", False),
        ("全县社会组织党组织书记亲自主持召开法治建设专题会议。", False),
        ("全镇经营主体主要负责人带头参加法治培训。", False),
    ],
)
def test_the_leaders_own_section_counts_no_act_its_excludes_rule_out(
    tmp_path: Path, body: str, passed: bool
) -> None:
    """Under 三、党政主要负责人履行…情况, a sentence the part's excludes rule out as an embedded
    statement (other units' heads, another duty with no word of law) is no act of the leader's
    either: principal_own_actions fails, its message quoting the sentence."""
    r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{body}\n\n"), *governed(body))
    check = next(
        c for c in part(r, "leader_duties")["checks"] if c["id"] == "principal_own_actions"
    )
    assert check["passed"] is passed, check["message"]
    if not passed:
        assert "不是本人推进法治建设的行动" in check["message"]


_COUNTY_HEAD = "县长亲自主持召开县政府常务会议研究法治政府建设工作2次。"
_PROVINCE_HEAD = "省长亲自主持召开省政府常务会议研究法治政府建设工作2次。"


@pytest.mark.parametrize(
    "acts,passed",
    [
        # a promise, a series of 亲自s, the counsel's work: no act of the leader's year
        # (helper-219's A06, A17, A38, A36)
        ("2026年，局党组书记、局长将亲自主持召开党组会议专题研究法治建设工作不少于4次。", False),
        ("下一步，局长将继续带头述法，亲自督办重大执法案件。", False),
        ("局党组书记、局长始终坚持亲自谋划、亲自部署、亲自推动法治建设工作。", False),
        ("局长为全局聘请了常年法律顾问。法律顾问全年审核合同协议48份。", False),
        # the duty owned as a shortcoming (helper-219's A40); a meeting solving one still counts
        ("2025年，局主要负责人对法治建设研究部署不多，听取法治工作专题汇报偏少。", False),
        ("局长亲自主持召开专题会议，研究解决执法力量不足问题。", True),
        # a clause opening with 虽然/因此/尤其是 before the leader is still the leader's (A30)
        ("虽然局党组书记全年主持召开党组会议专题研究法治建设工作3次，但仍有差距。", True),
        ("因此局党组书记、局长全年主持召开党组会议专题研究法治工作4次。", True),
        ("尤其是局党组书记带头讲授法治专题党课2次。", True),
    ],
)
def test_the_leaders_own_acts_of_the_year(tmp_path: Path, acts: str, passed: bool) -> None:
    """principal_own_actions passes on the principal's own acts of the year only."""
    r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{acts}\n\n"))
    assert ("leader_duties.principal_own_actions" not in failed(r)) is passed


def test_a_deputys_section_is_not_the_principals(tmp_path: Path) -> None:
    """三、分管副局长履行推进法治建设职责情况 is the deputy's (helper-219's A13): the part is not
    present by that heading."""
    acts = "分管副局长全年主持召开法治建设专题会议3次。"
    r = variant(tmp_path, (LEADER_SECTION, f"三、分管副局长履行推进法治建设职责情况\n{acts}\n\n"))
    assert statuses(r)["leader_duties"] != "present"


@pytest.mark.parametrize(
    "unit,acts,counted",
    [
        ("示例县司法局", _COUNTY_HEAD, False),  # a department: the county head is its superior
        ("示例县人民政府", _COUNTY_HEAD, True),  # the county government: its own principal
        ("示例县城关镇人民政府", _COUNTY_HEAD, False),  # a township: its superior too
        ("中共示例县委全面依法治县委员会", _COUNTY_HEAD, True),  # the committee: its own head
        ("示例省交通运输厅", _PROVINCE_HEAD, False),  # a province's department: its superior
        ("示例省人民政府", _PROVINCE_HEAD, True),
        ("示例省人民政府办公厅", _PROVINCE_HEAD, True),  # signs for its government
    ],
)
def test_a_county_heads_acts_are_the_principals_only_in_the_countys_report(
    tmp_path: Path, unit: str, acts: str, counted: bool
) -> None:
    """县长亲自主持召开县政府常务会议… in a 司法局's or a 镇's report is its superior's act: no
    account of its own principal (embedded, or the check passing); in the county government's
    report it is; so is 省长… in a province's 厅's and its government's. Its own head acting in
    the sentence too still counts."""
    r = without_section(
        tmp_path,
        LEADER,
        ("（四）深化普法宣传。", f"（四）加强组织领导。{acts}\n（五）深化普法宣传。"),
        ("示例县司法局", unit),
    )
    assert statuses(r)["leader_duties"] == ("embedded" if counted else "missing")
    r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{acts}\n\n"), ("示例县司法局", unit))
    assert ("leader_duties.principal_own_actions" not in failed(r)) is counted
    both = "局长陪同县长督导法治工作，亲自部署整改任务。"
    r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{both}\n\n"))
    assert "leader_duties.principal_own_actions" not in failed(r)


def test_a_first_section_headed_履职情况_beside_the_leaders_own_is_the_years_work(
    tmp_path: Path,
) -> None:
    """一、履职情况 over the unit's work of the year, with 三、党政主要负责人… the leaders' own
    section: the bare 履职情况 is the unit's duties done (its achievements, a themed section),
    not a second section of the leaders'."""
    r = variant(tmp_path, ("一、2025年推进法治政府建设的主要举措和成效", "一、履职情况"))
    assert part(r, "achievements")["status"] == "present"
    assert part(r, "achievements")["heading"] == "履职情况"
    leader = part(r, "leader_duties")
    assert leader["status"] == "present" and len(leader["sections"]) == 1
    assert r["score"] == 100


@pytest.mark.parametrize(
    "theme",
    [
        "（五）提升领导干部依法履职能力",
        "（五）领导干部带头尊法学法用法守法成为共识",
        # other units' heads pushing the rule of law (helper-196's)
        "（五）村（社区）党组织书记推进法治建设情况",
        "（五）乡镇党委书记推进法治建设情况",
        "（五）县直部门负责人推进法治建设情况",
    ],
)
def test_a_theme_about_all_cadres_is_not_the_leaders_section(tmp_path: Path, theme: str) -> None:
    """A sub-heading on cadres in general does not stand for the principal leaders' duty: the
    leaders' own section (or sentence) is the one found."""
    r = variant(tmp_path, ("（四）深化普法宣传。", f"{theme}\n（四）深化普法宣传。"))
    leader = part(r, "leader_duties")
    assert leader["status"] == "present" and theme[3:] not in (leader["heading"] or "")


@pytest.mark.parametrize(
    ("title", "sign"),
    [
        ("示例县关于申报省级法治政府建设示范地区的材料", "申报"),
        ("示例县关于申报省级法治政府建设示范地区的报告", "申报"),
        ("示例县司法局2025年上半年法治政府建设工作情况报告", "上半年"),
        ("示例县司法局2025年1-9月法治政府建设工作情况报告", "1-9月"),
    ],
)
def test_titles_of_other_documents_on_the_subject_are_no_annual_report(
    tmp_path: Path, title: str, sign: str
) -> None:
    """The same parts under the title of a feedback, an application, a half-year report or a
    speech: what the title says the document is outweighs its headings."""
    r = variant(tmp_path, (TITLE, title))
    assert not r["document"]["is_report"] and sign in is_report_message(r)


def test_a_speech_is_told_by_its_title_and_its_address_to_comrades(tmp_path: Path) -> None:
    r = variant(
        tmp_path,
        (TITLE, "在全县2026年法治政府建设工作会议上的讲话"),
        ("县委、县政府：\n", "同志们：\n"),
    )
    message = is_report_message(r)
    assert not r["document"]["is_report"] and "讲话" in message and "同志们" in message


def test_a_summary_and_next_years_points_joined_are_still_a_report(tmp_path: Path) -> None:
    r = variant(tmp_path, (TITLE, "示例县司法局2025年法治政府建设工作总结和2026年工作要点"))
    assert r["document"]["is_report"]


def test_a_summary_of_another_governance_subject_is_no_report(tmp_path: Path) -> None:
    """普法依法治理 is not 依法治县: a summary of it that never names 法治政府建设 is no report."""
    text = sample_text().replace(TITLE, "示例县司法局2025年普法依法治理工作总结")
    for law, own in (
        ("一、2025年推进法治政府建设的主要举措和成效", "一、主要工作"),
        (PROBLEMS, "二、存在问题"),
        (LEADER, "三、领导重视情况\n"),
        (PLAN, "四、下一步工作打算"),
        ("五、其他需要报告的情况", "五、其他事项"),
    ):
        text = text.replace(law, own)
    for word in ("法治政府建设", "法治建设", "依法行政", "法治政府"):
        text = text.replace(word, "普法依法治理")
    path = tmp_path / "pufa.txt"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert not r["document"]["is_report"]


def test_feedback_on_an_inspection_is_no_report(tmp_path: Path) -> None:
    """A 督察反馈意见 names the subject and a 情况 in its title, and lists problems and what to
    do: its title says it is a 意见 (a report word in it is no report unless joined: 情况和…)."""
    text = (
        "关于对示例县2025年度法治政府建设督察情况的反馈意见\n\n示例县人民政府：\n"
        "2025年11月，市督察组对你县2025年度法治政府建设情况进行了实地督察，现将督察情况反馈如下：\n"
        "一、总体评价\n你县法治政府建设工作扎实，重大行政决策合法性审查实现全覆盖，执法案卷评查120卷。\n"
        "二、存在的主要问题\n一是行政执法监督不够有力。二是法治宣传针对性不强，基层法治力量薄弱。\n"
        "三、整改要求\n请你县于2026年1月31日前将整改情况报市督察办。\n\n"
        "市法治政府建设督察组\n2025年12月20日\n"
    )
    path = tmp_path / "feedback.txt"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert not r["document"]["is_report"] and "标题表明这是意见" in is_report_message(r)


PLAN_SECTION = (
    "四、2026年推进法治政府建设的主要安排\n（一）提升依法决策水平。2026年，将重大行政决策目录化管理"
)


@pytest.mark.parametrize(
    "plan",
    [
        "2026年，县司法局将重大行政决策目录化管理",
        "下一步，县司法局将重大行政决策目录化管理",
        "2026年，示例县开发区管委会将重大行政决策目录化管理",
        "2026年工作打算\n重大行政决策目录化管理",
    ],
)
def test_a_plan_paragraph_naming_its_unit_is_the_plan(tmp_path: Path, plan: str) -> None:
    """The plan's heading gone, its paragraph left at the end: 2026年，县司法局将… (the unit by
    its name, not 我局), or an unnumbered 2026年工作打算 line above it."""
    r = variant(tmp_path, (PLAN_SECTION, plan))
    assert part(r, "next_year_plan")["status"] == "embedded"


def test_a_promise_for_next_year_is_not_the_leaders_duty_done(tmp_path: Path) -> None:
    """The leaders' section gone; the only mention is the plan's promise that they will do
    their duty (将切实履行…第一责任人职责): the part is missing, with the reason kept."""
    leader = sample_text().split(LEADER)[1].split("\n\n")[0]
    r = variant(
        tmp_path,
        (LEADER + leader + "\n\n", ""),
        (
            "推动合法性审查全覆盖。",
            "推动合法性审查全覆盖。局党组书记、局长将切实履行推进法治建设第一责任人职责。",
        ),
    )
    assert part(r, "leader_duties")["status"] == "missing"
    assert "第一责任人" in (part(r, "leader_duties")["note"] or "")


@pytest.mark.parametrize(
    ("date", "signed"),
    [
        ("2026年元月10日", "2026-01-10"),
        ("二O二六年二月十日", "2026-02-10"),
        ("二0二六年二月十日", "2026-02-10"),
    ],
)
def test_signing_dates_as_units_type_them_are_read(tmp_path: Path, date: str, signed: str) -> None:
    """元月 for 一月; a Latin O or a 0 typed for 〇."""
    r = variant(tmp_path, ("2026年2月10日", date))
    assert r["document"]["signed_on"] == signed


@pytest.mark.parametrize(
    "head",
    [
        "特急\n示例县司法局关于2025年度法治政府建设情况的报告",
        "秘密★1年\n示例县司法局关于2025年度法治政府建设情况的报告",
        "示例县司法局\n关于2025年度法治政府建设情况的报告",
        "示例县司法局\n关于2025年度法治政府建设\n情况的报告",
    ],
)
def test_a_titles_lines_as_a_公文_sets_them_make_the_title(tmp_path: Path, head: str) -> None:
    """An urgency or secrecy mark above the title is not part of it; the issuer's name on the
    line above a 关于… title is (a 公文 sets its title over two or three lines)."""
    r = variant(tmp_path, (TITLE, head))
    assert r["document"]["title"] == TITLE


def test_points_listed_with_第一_inside_a_section_stay_inside_it(tmp_path: Path) -> None:
    """第一、/第二、 listing points in section 二, and a sentence opening 第二、三季度…: not top
    sections that would cut 二 short (its causes, in its second point, were lost)."""
    r = variant(
        tmp_path,
        ("（一）基层执法能力", "第一、基层执法能力"),
        ("（二）普法宣传", "第二、三季度执法案卷评查中发现问题较多。\n第二、普法宣传"),
    )
    assert part(r, "problems")["status"] == "present" and r["score"] == 100


@pytest.mark.parametrize(
    "theme",
    [
        "（二）补齐基层执法弱项",
        "（二）深化问题分析研判机制",
        # words that head the problems in a heading of their own, here work done (helper-196's)
        "（二）聚焦薄弱点精准发力",
        "（二）找准短处精准施策",
        "（二）对自查出的问题建立台账、逐项销号",
        "（二）紧盯企业和群众需要关注的问题",
        "（二）围绕企业需要解决的突出问题开展精准服务",
    ],
)
def test_an_achievement_theme_on_weak_points_is_not_the_problems(
    tmp_path: Path, theme: str
) -> None:
    problems = sample_text().split(PROBLEMS)[1].split("\n\n")[0]
    r = variant(tmp_path, (PROBLEMS + problems + "\n\n", ""), ("（二）规范行政执法行为", theme))
    assert part(r, "problems")["status"] == "missing"


def test_a_summary_and_next_years_plan_joined_by_a_comma_are_still_a_report(
    tmp_path: Path,
) -> None:
    r = variant(tmp_path, (TITLE, "示例县司法局2025年法治政府建设工作总结、2026年工作计划"))
    assert r["document"]["is_report"]


def test_a_short_section_written_on_its_headings_line_after_a_colon_is_its_body(
    tmp_path: Path,
) -> None:
    """二、存在问题：执法人员不足，原因是编制有限。 — a township's one-sentence sections: the heading
    ends at the colon and the sentence is the body its checks read (the whole line was the
    heading, and 'no cause given' contradicted the heading quoted)."""
    path = tmp_path / "short.txt"
    path.write_text(
        "示例乡2025年法治政府建设情况报告\n"
        "一、主要成效：全年开展普法活动12次，调解纠纷45件，成功43件，培训干部30人次。\n"
        "二、存在问题：执法人员不足，原因是编制有限。\n"
        "三、第一责任人履职情况：乡党委书记亲自主持专题研究法治工作3次。\n"
        "四、下步打算：2026年加强执法培训，提升依法行政水平。\n"
        "三、收到和处理申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "示例乡人民政府\n2026年1月20日\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load("fazhi-annual"), with_outline=True).to_json()
    assert part(r, "problems")["heading"] == "存在问题"
    assert part(r, "next_year_plan")["heading"] == "下步打算"
    assert not {"problems.gives_causes", "achievements.has_figures"} & failed(r)
    assert "next_year_plan.names_next_year" not in failed(r)
    # a colon inside the heading's own bracketed note does not end it
    assert (
        "收到和处理申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        in [h["text"] for h in r["outline"]]
    )


def test_a_heading_whose_colon_leads_to_more_heading_is_one_heading(tmp_path: Path) -> None:
    # no sentence after the colon (no stop): the words after it are still the heading's
    r = variant(
        tmp_path, (PROBLEMS, "二、第二方面：2025年推进法治政府建设存在的不足和原因，以及改进方向")
    )
    assert statuses(r)["problems"] == "present"


def test_a_part_sent_as_an_attachment_after_the_signature_is_found_there(
    tmp_path: Path,
) -> None:
    """附件：党政主要负责人履行…情况 after the date that signs the report, then its text: the
    attachment is part of what the unit sent, so the part is not missing."""
    text, leader = sample_text(), LEADER_SECTION
    body = leader.split("\n", 1)[1].strip()
    path = tmp_path / "annex.txt"
    path.write_text(
        text.replace(leader, "").rstrip("\n")
        + f"\n\n附件：党政主要负责人履行推进法治建设第一责任人职责情况\n{body}\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert statuses(r)["leader_duties"] != "missing"
    leader_part = part(r, "leader_duties")
    assert leader_part["note"] == "见正文后的附件"
    assert all(c["passed"] for c in leader_part["checks"])  # its text, read: the actions found
    assert r["document"]["signed_on"] == "2026-02-10"
    # an attachment only named (to be sent apart), nothing below it: the part is missing
    path.write_text(
        text.replace(leader, "").rstrip("\n")
        + "\n\n附件：党政主要负责人履行推进法治建设第一责任人职责情况（另行报送）\n",
        encoding="utf-8",
    )
    named = check_path(str(path), Catalog.load()).to_json()
    assert statuses(named)["leader_duties"] == "missing"


@pytest.mark.parametrize(
    "title,plan",
    [
        ("示例县司法局2026年法治政府建设工作要点", "present"),
        ("2026年法治政府建设工作计划", "present"),
        ("2026年法治政府建设工作要点（另行报送）", "missing"),  # named, nothing under it
        ("2025年度行政执法数据统计表", "missing"),
        # the year's tasks listed, not next year's (helper-218's v08, v09)
        ("示例县司法局2025年法治政府建设重点任务清单", "missing"),
        ("示例县司法局2025年法治政府建设工作安排落实台账", "missing"),
    ],
)
def test_next_years_points_attached_are_the_plan(tmp_path: Path, title: str, plan: str) -> None:
    """No plan section; after the signature, 附件 / 2026年法治政府建设工作要点 and its points
    一、…: the plan, read there (helper-211's p02: the points had been read as themes of the
    year's work, the plan missing)."""
    section = PLAN + sample_text().split(PLAN)[1].split("\n\n")[0] + "\n\n"
    body = sample_text().replace(section, "").rstrip("\n")
    points = (
        ""
        if "另行" in title
        else "一、深入学习贯彻习近平法治思想，全年专题学习不少于4次。\n"
        "二、组织执法人员轮训2期，开展案卷评查1次。\n"
    )
    path = tmp_path / "points.txt"
    path.write_text(f"{body}\n\n附件\n\n{title}\n{points}", encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert statuses(r)["next_year_plan"] == plan
    if plan == "present":
        assert part(r, "next_year_plan")["note"] == "见正文后的附件"
        assert statuses(r)["achievements"] == "present"


def test_a_sheet_of_figures_attached_holds_no_part(tmp_path: Path) -> None:
    """附件 / 2025年度行政执法数据统计表, its rows numbered 一、行政处罚 … 二、存在的不足和原因 /
    1.瑕疵案卷：5卷: a row named as the problems is no account of them; the part the body lacks
    stays missing. An attachment whose title is the part's is its text, as before."""
    section = PROBLEMS + sample_text().split(PROBLEMS)[1].split("\n\n")[0] + "\n\n"
    body = sample_text().replace(section, "").rstrip("\n")
    rows = (
        "一、行政处罚\n1.土地违法案件：立案41件，结案38件\n二、存在的不足和原因\n1.瑕疵案卷：5卷\n"
    )
    path = tmp_path / "sheet.txt"
    for title in (
        "附件\n\n2025年度行政执法数据统计表\n",
        "附件1：2025年度行政执法情况一览表（2025年度）",
    ):
        path.write_text(f"{body}\n\n{title}\n{rows}", encoding="utf-8")
        r = check_path(str(path), Catalog.load()).to_json()
        assert statuses(r)["problems"] == "missing" and r["verdict"] == "incomplete", title
    told = section.split("\n", 1)[1]
    path.write_text(f"{body}\n\n附件：{PROBLEMS[2:]}\n{told}", encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert statuses(r)["problems"] != "missing" and part(r, "problems")["note"] == "见正文后的附件"


def test_an_attached_list_of_the_leaders_duties_is_no_account_of_them(tmp_path: Path) -> None:
    """附件：党政主要负责人履行推进法治建设第一责任人职责清单, its duties listed (每年主持召开…不少于
    2次): what is to be done, not what was; an attachment titled …职责情况 with the acts told is
    the part, present."""
    body = sample_text().replace(LEADER_SECTION, "").rstrip("\n")
    duties = "1.每年主持召开党组会议专题研究法治建设不少于2次。\n2.亲自审定重大行政决策事项。\n"
    path = tmp_path / "list.txt"
    for kind in ("清单", "清单编制情况说明"):
        path.write_text(f"{body}\n\n附件：{LEADER[2:].strip()}{kind}\n{duties}", encoding="utf-8")
        r = check_path(str(path), Catalog.load()).to_json()
        assert statuses(r)["leader_duties"] != "present", kind
    # the acts a paragraph each (three: as many as a second report's opening would have)
    acts = LEADER_SECTION.split("\n", 1)[1].strip().replace("。", "。\n")
    acts += "局长带头学法用法，全年旁听庭审1次，亲自审签重大行政执法决定5件。\n"
    for kind in ("", "说明", "汇报"):  # …职责情况, …职责情况说明, …职责情况汇报 (no second report)
        path.write_text(f"{body}\n\n附件：{LEADER[2:].strip()}{kind}\n{acts}", encoding="utf-8")
        r = check_path(str(path), Catalog.load()).to_json()
        assert statuses(r)["leader_duties"] == "present", kind
        assert next(c for c in r["checks"] if c["id"] == "one_report_a_file")["passed"], kind


@pytest.mark.parametrize(
    "sentence,acts",
    [
        # the duty's name and the work's 同部署: no one acting in person
        (
            "局党组认真落实推进法治建设第一责任人职责要求，将法治建设与业务工作同部署、同推进、同考核。",
            False,
        ),
        ("镇长履行第一责任人职责，亲自研究部署法治政府建设工作。", True),
        ("作为第一责任人，局长主持召开专题会议3次。", True),
        # the leader in court: the most concrete of a principal's duties on law
        ("县委书记、县长认真履行第一责任人职责，县政府常务会议学法4次，县长出庭应诉1次。", True),
        # the agencies' heads in court, a rate: not the principal acting
        ("县长认真履行第一责任人职责，全县行政机关负责人出庭应诉率达到100%。", False),
        # teaching, expounding and signing in person
        ("县长为全县新任职科级干部上了一堂法治课。", True),
        ("县长在县政府全体会议上宣讲新修订的行政复议法。", True),
        ("县长签署《关于废止部分行政规范性文件的决定》。", True),
        # the cadres at a class, a troupe's lectures: no act of the leader's (helper-177)
        ("县长认真履行第一责任人职责，全县科级干部上法治专题课2次。", False),
        ("县长认真履行第一责任人职责，组建法治宣讲团，开展宣讲活动12场。", False),
        ("县长认真履行第一责任人职责，县法院院长为全体干部上了一堂法治课。", False),
        ("县长认真履行第一责任人职责，全县科级干部旁听庭审3次。", False),
    ],
)
def test_the_principals_own_actions_are_a_person_acting(
    tmp_path: Path, sentence: str, acts: bool
) -> None:
    text = sample_text()
    body = text.split(LEADER)[1].split("\n\n")[0]
    r = variant(tmp_path, (LEADER + body, LEADER + sentence), *governed(sentence))
    own = next(c for c in part(r, "leader_duties")["checks"] if c["id"] == "principal_own_actions")
    assert own["passed"] is acts


@pytest.mark.parametrize(
    "sentence,acts",
    [
        # named once, the acts after the work's long 同部署 clause: the leader's
        (
            "局党组书记、局长认真履行推进法治建设第一责任人职责，将法治建设与业务工作同部署、同推进、"
            "同督促、同考核，全年主持召开党组会议专题研究法治工作3次，亲自审定年度普法计划。",
            True,
        ),
        # the leader named, then the offices acting: theirs, not the leader's
        (
            "局长认真履行推进法治建设第一责任人职责，将法治建设纳入全局工作统筹推进，"
            "各股室负责人每季度召开法治工作会议，由法规股审核执法决定25件。",
            False,
        ),
        # no leader named in the sentence: the meetings are the body's, not a person's
        (
            "局党组认真落实推进法治建设第一责任人职责要求，将法治建设与业务工作同部署、同推进、"
            "同督促、同考核，全年召开党组会议专题研究法治工作3次。",
            False,
        ),
    ],
)
def test_the_principals_acts_told_under_an_achievements_item_are_theirs(
    tmp_path: Path, sentence: str, acts: bool
) -> None:
    """The leader's duty told as an item of the achievements (（五）加强党对法治建设的领导。局长…),
    no section of its own: an act later in the sentence that names the leader is theirs."""
    r = without_section(
        tmp_path, LEADER, ("\n\n二、", f"\n（五）加强党对法治建设的领导。{sentence}\n\n二、")
    )
    leader = part(r, "leader_duties")
    assert leader["status"] == "embedded"
    assert ("leader_duties.principal_own_actions" not in failed(r)) is acts


@pytest.mark.parametrize(
    "item,acts",
    [
        # a sub-heading naming the duty: its sub-section is the leader's own, as a section is
        ("（五）压实法治建设第一责任人职责。", True),
        ("（五）压实法治建设第一责任人职责\n", True),
        # an item on something else: the acts' sentence must name the leader
        ("（五）加强党对法治建设的领导。", False),
    ],
)
@pytest.mark.parametrize(
    "duty",
    [
        "局党组书记、局长认真履行推进法治建设第一责任人职责。全年主持召开局党组会议专题研究"
        "法治建设工作4次，亲自审定年度法治建设工作要点，带头出庭应诉行政诉讼案件1件。",
        # …and no act under it but its heading's words, a slogan, or others' acts (helper-203)
        "局党组书记、局长认真履行推进法治建设第一责任人职责。严格落实“四个亲自”要求。",
        "局党组书记、局长认真履行推进法治建设第一责任人职责。分管副局长全年主持召开"
        "执法案卷评查会4次。",
        # (helper-205) all staff's acts, a principle naming the leader as its object, an office's
        "局长认真履行推进法治建设第一责任人职责。全局干部职工带头学法用法，全年开展集中学法12次。",
        "坚持把主要负责人作为推进法治建设第一责任人。全年召开法治建设专题会议3次。",
        "局长认真履行推进法治建设第一责任人职责。同时，加强执法队伍建设，组织执法人员学法4期。",
        # …and the leader's own sentence naming others as its object: the acts after are theirs
        "局长认真履行推进法治建设第一责任人职责，督促班子成员落实“一岗双责”。全年主持召开"
        "局党组会议专题研究法治建设工作4次。",
        "局长认真履行推进法治建设第一责任人职责，聘请2名律师担任常年法律顾问。全年主持召开"
        "局党组会议专题研究法治建设工作4次。",
        # (helper-206) a year before the leader; 党组会议 and 队伍 no one else's words
        "2025年，局党组书记、局长认真履行推进法治建设第一责任人职责。全年主持召开局党组会议"
        "专题研究法治建设工作4次。",
        "局长认真履行推进法治建设第一责任人职责，加强执法队伍建设。全年主持召开局党组会议"
        "专题研究法治建设工作4次。",
        # …a legal adviser's, a Party branch's, a meeting's, a duty as a topic, a plan
        "局长认真履行推进法治建设第一责任人职责。常年法律顾问全年审核合同46份。",
        "局长认真履行推进法治建设第一责任人职责。机关党支部全年组织集中学法12次。",
        "局长办公会议审议通过年度法治建设工作要点。全年召开法治建设专题会议3次。",
        "主要负责人履行推进法治建设第一责任人职责情况纳入年终述职内容。全年召开专题会议3次。",
        "局长认真履行推进法治建设第一责任人职责。下一步，将继续亲自研究部署法治建设工作。",
    ],
)
def test_the_leaders_acts_after_the_sentence_naming_them_count_under_their_own_sub_heading(
    tmp_path: Path, item: str, acts: bool, duty: str
) -> None:
    """局长认真履行…职责。 then 全年主持召开…，亲自审定…，带头出庭应诉… with no subject (helper-200's
    d03, d29): under a sub-heading naming the duty the acts are the leader's (it had failed, 没有
    写明是本人的行动); under another item the sentence names no one."""
    r = without_section(tmp_path, LEADER, ("\n\n二、", f"\n{item}{duty}\n\n二、"))
    status = part(r, "leader_duties")["status"]
    assert status == "embedded" or ("第一责任人" not in item + duty and status == M)
    if status == M:
        return  # nothing tells the duty: no act is looked for
    counted = acts and "全年主持召开局党组会议" in duty
    assert ("leader_duties.principal_own_actions" not in failed(r)) is counted


@pytest.mark.parametrize(
    "duty,acts",
    [
        # the regulation's 四个亲自 copied as a slogan: no act of anyone's
        (
            "局党组书记、局长严格落实第一责任人职责，做到重要工作亲自部署、重大问题亲自过问、"
            "重点环节亲自协调、重要任务亲自督办。",
            False,
        ),
        # 带头尊法学法守法用法, the other slogan; 带头学法 with a count is an act
        ("局长认真履行第一责任人职责，带头尊法学法守法用法，自觉运用法治思维。", False),
        # the same four told as 亲自部署、亲自过问、亲自协调、亲自督办 (helper-206's L11)
        ("局长坚持对法治建设亲自部署、亲自过问、亲自协调、亲自督办。", False),
        ("局长带头学法，全年参加会前学法12次。", True),
        ("局长带头学法，全年开展党组理论学习中心组集体学法4次。", True),
        # the slogan, then what the leader did: the acts count
        (
            "局长做到重要工作亲自部署、重大问题亲自过问，全年主持召开党组会议专题研究法治工作5次。",
            True,
        ),
        # acts in other words: 组织…会前学法, 率队督导, 牵头协调, 带队调研
        (
            "区长全年组织区政府常务会议会前学法12次，率队督导综合行政执法改革3次，"
            "牵头协调化解重大行政争议2件；区委书记带队赴街道调研法治建设工作4次。",
            True,
        ),
        # each a way a leader is at the duty in person
        ("局长在县委依法治县委员会全体会议上述法并接受评议。", True),
        ("局长每月调度法治建设重点任务推进情况，全年调度6次。", True),
        ("局长对执法案卷评查发现的问题逐项过问，推动整改到位。", True),
        ("局长约谈执法中队负责人2人，督促规范执法程序。", True),
        ("局长签批重大行政处罚决定21份。", True),
        ("局长督导重大行政决策合法性审查工作4次。", True),
        ("局长参加县政府常务会议会前学法12次。", True),
        ("局长为全局干部上法治专题党课1次。", True),
    ],
)
def test_the_regulations_slogan_is_no_act_of_the_leaders(
    tmp_path: Path, duty: str, acts: bool
) -> None:
    r = variant(tmp_path, (sample_text().split(LEADER)[1].split("\n")[0], duty), *governed(duty))
    assert part(r, "leader_duties")["status"] == "present"
    assert ("leader_duties.principal_own_actions" not in failed(r)) is acts


def test_the_leaders_acts_are_counted_as_acts_not_as_times_named(tmp_path: Path) -> None:
    """局长 named once, then three acts (主持召开 and 带头出庭应诉 each one act in two words):
    three, not the one leader-act pair the sentence opens with, nor five words."""
    duty = "县长年初主持召开常务会议研究法治工作；亲自讲授法治课1次；带头出庭应诉2件。"
    r = variant(tmp_path, (sample_text().split(LEADER)[1].split("\n")[0], duty), *governed(duty))
    check = next(
        c for c in part(r, "leader_duties")["checks"] if c["id"] == "principal_own_actions"
    )
    # …quoting the first, for the reviewer to see what was taken as one
    assert check["message"].endswith("有3处具体表述，如“主持召开常务会议研究法治工作”")


@pytest.mark.parametrize(
    "preamble,listed",
    [
        (
            "按照要求，现将2025年度推进法治政府建设的主要举措和成效、存在的不足和原因、"
            "党政主要负责人履行推进法治建设第一责任人职责情况以及2026年主要安排报告如下：",
            True,
        ),
        # the leader's own act among the year's work, no list of what follows: told
        ("局长亲自研究部署年度法治工作，推动各项举措落实，现将有关情况报告如下：", False),
    ],
)
def test_a_preamble_listing_the_contents_is_no_statement_of_them(
    tmp_path: Path, preamble: str, listed: bool
) -> None:
    """A report without the leader's section whose opening lists the law's contents (现将…、
    党政主要负责人履行…情况…报告如下): the leader's duty is missing, not embedded in the list."""
    r = without_section(tmp_path, LEADER, ("现将有关情况报告如下：", preamble))
    leader = part(r, "leader_duties")
    assert leader["status"] == ("missing" if listed else "embedded")


@pytest.mark.parametrize("leader", ["\t", "……………………", "……", "……\t", ".......", None])
def test_a_table_of_contents_is_not_the_reports_headings(
    tmp_path: Path, leader: str | None
) -> None:
    """目录 listing 三、党政主要负责人…情况 (a stale one: the body has no such section): the
    contents are not headings or sentences of the report, and the part is missing. Its leader
    may be …… (the ellipsis typed once); a web page's copy has no page numbers (None)."""
    text = sample_text()
    body = text.split(LEADER)[1].split("\n\n")[0]
    contents = ["目  录"] + [
        h if leader is None else f"{h}{leader}{n}"
        for n, h in enumerate(
            ["一、主要举措和成效", "二、存在的不足和原因", LEADER.strip(), "四、2026年主要安排"], 1
        )
    ]
    title, rest = text.split("\n", 1)
    path = tmp_path / "toc.txt"
    path.write_text(
        "\n".join([title, *contents, rest.replace(LEADER + body, "")]), encoding="utf-8"
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert statuses(r)["leader_duties"] == "missing"
    assert part(r, "achievements")["line"] > len(contents) + 1  # the body's heading, not the list


@pytest.mark.parametrize(
    "heading",
    [
        "二、存在的困难和需要解决的问题",
        "二、存在的问题及整改落实情况",
        # 针对性不强 is a shortcoming, not a theme aimed at one (helper-185)
        "二、普法宣传针对性不强等短板",
        # a shortcoming still wanting its remedy, not one made good (helper-189)
        "二、短板弱项仍未得到有效解决",
        "二、短板弱项亟待有效补齐",
    ],
)
def test_a_problems_heading_naming_what_is_left_or_done_about_them_is_the_problems(
    tmp_path: Path, heading: str
) -> None:
    """需要解决的问题 are problems left, 存在的问题及整改落实情况 the problems and what was done,
    针对性不强等短板 a shortcoming: the excludes for themes (着力解决…问题, 问题整改) do not
    turn them away."""
    r = variant(tmp_path, (PROBLEMS, heading))
    assert part(r, "problems")["status"] == "present" and r["score"] == 100


def test_a_plan_headed_new_year_s_plans_is_the_plan(tmp_path: Path) -> None:
    r = variant(
        tmp_path, (PLAN, "四、新一年工作谋划"), ("2026年，将重大", "新的一年，我局将把重大")
    )
    assert part(r, "next_year_plan")["status"] == "present"
    assert "next_year_plan.names_next_year" in failed(r)  # 新的一年 names no year


def test_causes_in_a_section_of_their_own_are_the_problems_causes(tmp_path: Path) -> None:
    """二、存在的不足, then 三、原因分析: the causes section is the problems part's too."""
    causes = "乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。"
    r = variant(
        tmp_path,
        (f"主要原因是{causes}", f"\n三、原因分析\n{causes}"),
        ("究其原因，", "另外，"),
        ("三、党政", "四、党政"),
        ("四、2026", "五、2026"),
        ("五、其他", "六、其他"),
    )
    assert "problems.gives_causes" not in failed(r) and r["score"] == 100


# A short report built from its parts, each replaceable: the title and achievements (H), the
# problems (PR), the leader (L) and the plan (PL).
H = (
    "某县人民政府关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n"
    "全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n"
)
PR = "二、存在的不足和原因\n执法监督覆盖面不够广。原因是编制有限。\n"
L = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n县长亲自主持召开法治专题会议4次。\n"
PL = "四、2026年工作安排\n2026年，我县将深化行政执法改革。\n"


def built(tmp_path: Path, *parts: str) -> dict[str, Any]:
    from tests.helpers import checked

    return checked(tmp_path, "".join(parts))


def test_the_laws_parts_grouped_under_a_first_part_are_each_present(tmp_path: Path) -> None:
    """第一部分 2025年度法治政府建设情况 over 一、主要举措和成效, 二、存在的不足和原因 and 三、党政主要
    负责人…, then 第二部分 2026年工作安排: the law's parts, each a section of its own (the
    problems and the leaders' had been embedded under the first part, −22.5); a theme's
    sub-headings before the problems stay embedded."""
    title, rest = H.split("\n", 1)
    r = built(
        tmp_path,
        f"{title}\n第一部分 2025年度法治政府建设情况\n",
        rest,
        PR,
        L,
        "第二部分 2026年工作安排\n2026年，我县将深化行政执法改革。\n",
    )
    assert all(statuses(r)[p] == "present" for p in ("achievements", "problems", "leader_duties"))
    assert part(r, "achievements")["heading"] == "主要举措和成效"
    assert r["score"] == 100
    themed = H.replace("一、主要举措和成效\n", "一、坚持依法行政\n（一）依法决策成效明显。") + (
        "（二）压实第一责任人职责。县长亲自主持召开法治专题会议4次。\n"
    )
    r = built(tmp_path, themed, PR, PL)
    assert part(r, "leader_duties")["status"] == "embedded"
    # themed sections inside the first part, before its problems: the achievements, present
    r = built(
        tmp_path,
        f"{title}\n第一部分 2025年度法治政府建设情况\n",
        rest.replace("一、主要举措和成效", "一、健全依法决策机制"),
        PR,
        L,
        "第二部分 2026年工作安排\n2026年，我县将深化行政执法改革。\n",
    )
    achievements = part(r, "achievements")
    assert achievements["status"] == "present" and achievements["heading"] == "健全依法决策机制"
    assert r["score"] == 100


def test_the_laws_parts_under_a_heading_naming_the_years_work_are_each_present(
    tmp_path: Path,
) -> None:
    """一、2025年法治政府建设工作情况 (工作情况: the year's work's word) over （一）主要举措和成效,
    （二）存在的不足, （三）原因分析, （四）主要负责人履职情况, then 二、2026年工作安排 (helper-182's
    d38): the sub-sections are the parts' own, the causes under their own sub-heading the
    problems' (they had been embedded, their causes unread, −27.5). A heading naming the year's
    work over a theme's sub-heading naming one more part is no container."""
    r = _container(tmp_path, "（三）原因分析")
    assert all(statuses(r)[p] == "present" for p in ("achievements", "problems", "leader_duties"))
    assert "problems.gives_causes" not in failed(r) and r["score"] == 100
    title = H.split("\n", 1)[0]
    r = built(
        tmp_path,
        f"{title}\n一、2025年法治政府建设工作情况\n（一）依法决策成效明显。",
        "全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n",
        "（二）压实第一责任人职责。县长亲自主持召开法治专题会议4次。\n",
        PR,
        PL.replace("四、", "三、"),
    )
    assert part(r, "leader_duties")["status"] == "embedded"
    # the year's work told after the problems' sub-section is the year's work still (helper-184)
    r = built(
        tmp_path,
        f"{title}\n一、2025年工作情况\n（一）主要做法。健全依法决策机制。\n",
        "（二）存在的短板。执法人员专业能力不强，原因是编制有限。\n",
        "（三）严格行政执法。全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n",
        "（四）第一责任人履职情况。县长亲自主持召开法治专题会议4次。\n",
        PL.replace("四、", "二、"),
    )
    assert all(statuses(r)[p] == "present" for p in ("achievements", "problems", "leader_duties"))
    assert "achievements.has_figures" not in failed(r)


@pytest.mark.parametrize(
    "causes", ["（三）问题成因", "（三）产生问题的主要原因", "（三）主要原因分析"]
)
def test_the_causes_sub_section_of_a_container_is_the_problems(tmp_path: Path, causes: str) -> None:
    """The causes under a sub-heading of their own, worded as units word it (helper-185)."""
    r = _container(tmp_path, causes)
    assert "problems.gives_causes" not in failed(r) and r["score"] == 100


def _container(tmp_path: Path, causes: str) -> dict[str, Any]:
    """一、2025年法治政府建设工作情况 over the law's parts as its sub-sections, the causes under
    ``causes``, then 二、2026年工作安排."""
    return built(
        tmp_path,
        f"{H.splitlines()[0]}\n一、2025年法治政府建设工作情况\n（一）主要举措和成效\n",
        "全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n",
        "（二）存在的不足\n执法监督覆盖面不够广，基层执法程序不够规范。\n",
        f"{causes}\n基层执法人员编制有限，新进人员培训不足。\n",
        "（四）主要负责人履职情况\n县长亲自主持召开法治专题会议4次。\n",
        PL.replace("四、", "二、"),
    )


@pytest.mark.parametrize(
    "themes",
    [
        # one on weak points beside the leaders' duty, opening with no word of the year's work
        # (helper-185's a10)
        (
            "（一）健全依法决策机制。",
            "（二）聚焦薄弱环节，强化基层执法监督。开展执法检查12次。\n"
            "（三）压实第一责任人职责。县长亲自主持召开法治专题会议4次。\n",
        ),
        # the year's work named first, then themes whose headings hold the problems' words over
        # work done (加强矛盾问题和风险隐患排查化解: helper-187's a01-a05; 执法力量不足问题逐步缓解
        # over the shortage made good: helper-188's a03)
        (
            "（一）主要工作。",
            "（二）加强矛盾问题和风险隐患排查化解。全年排查化解矛盾纠纷120件。\n"
            "（三）执法力量不足问题逐步缓解。针对执法人员不足的短板，补充执法人员4名。\n"
            "（四）压实第一责任人职责。县长亲自主持召开法治专题会议4次。\n",
        ),
    ],
)
def test_a_run_of_themes_is_no_container(tmp_path: Path, themes: tuple[str, str]) -> None:
    """Themes of the year's work under 一、2025年法治政府建设工作情况, one on the leaders' duty, the
    shortcomings told in a closing paragraph: no theme is the problems' section (one was made
    it, its score raised), 一 no container."""
    opening, middle = themes  # the first theme's line, then the rest and the leaders' theme
    r = built(
        tmp_path,
        f"{H.splitlines()[0]}\n一、2025年法治政府建设工作情况\n{opening}",
        "全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n",
        middle,
        "但也要看到，基层执法力量仍然不足。\n",
        PL.replace("四、", "二、"),
    )
    assert part(r, "problems")["status"] != "present"
    assert part(r, "achievements")["heading"] == "2025年法治政府建设工作情况"


def test_a_plan_word_in_a_theme_of_the_years_work_makes_no_container(tmp_path: Path) -> None:
    """（一）认真落实年度工作要点 and （二）主要负责人带头履职 under 一、2025年工作推进情况, the
    problems on top, the plan under a theme (helper-184's a16): 一 is no container of the plan's
    section — a theme holding a plan's word is work done — and the year's work keeps its themes
    (the theme's plan word may still make the plan embedded, as it did)."""
    title = H.split("\n", 1)[0]
    r = built(
        tmp_path,
        f"{title}\n一、2025年工作推进情况\n（一）认真落实年度工作要点。",
        "全年审查重大决策7件，审核规范性文件23件，办理复议案件56件。\n",
        "（二）主要负责人带头履职。县长亲自主持召开法治专题会议4次。\n",
        PR,
        "三、聚焦目标任务，推动法治建设提质增效\n一是2026年深化行政执法改革；二是加强执法培训。\n",
    )
    plan, achievements = part(r, "next_year_plan"), part(r, "achievements")
    assert plan["status"] != "present" or plan["heading"] != "认真落实年度工作要点"
    assert achievements["status"] == "present"
    assert achievements["heading"] == "2025年工作推进情况"


@pytest.mark.parametrize(
    "line",
    [
        "同时，对检查中发现存在问题的12家企业下达整改通知书。\n",  # problems found in others
        "（一）聚焦基层短板弱项，提升乡镇执法能力。\n",  # a theme working on weak points
    ],
)
def test_others_problems_or_a_theme_on_weak_points_are_not_the_problems(
    tmp_path: Path, line: str
) -> None:
    r = built(tmp_path, H, line, L, PL)
    assert part(r, "problems")["status"] == "missing" and r["verdict"] == "incomplete"


@pytest.mark.parametrize(
    "heading",
    [
        "查找出的短板和不足",
        "查找发现的差距和问题",
        "正视问题不足，查找差距和原因",  # the gaps and their causes: the unit's own
        "查找差距和原因",
    ],
)
def test_the_weak_points_found_named_as_shortcomings_are_the_problems(
    tmp_path: Path, heading: str
) -> None:
    """二、查找出的短板和不足 heads the problems: a theme works on weak points (对标先进找差距,
    聚焦基层短板弱项), a heading naming them as shortcomings (不足, 问题) states them."""
    r = built(tmp_path, H, PR.replace("存在的不足和原因", heading), L, PL)
    assert part(r, "problems")["status"] == "present" and r["score"] == 100


def test_a_theme_that_seeks_out_gaps_is_an_achievement(tmp_path: Path) -> None:
    r = built(
        tmp_path,
        H.replace("一、主要举措和成效", "一、对标先进找差距，推动法治政府提质增效"),
        PR,
        L,
        PL,
    )
    assert part(r, "achievements")["status"] == "present" and r["score"] == 100


@pytest.mark.parametrize(
    "line",
    [
        "分管法治工作的副县长亲自主持召开执法推进会。",  # a deputy, not the principal
        "组织全县32个执法单位主要负责人开展述法。",  # other units' heads
        "个别单位主要负责人对法治建设重视不够。",
        "我县经验得到市主要领导批示肯定。",  # a higher level's leader praising the work
    ],
)
def test_a_deputy_or_other_units_heads_are_not_the_principal(tmp_path: Path, line: str) -> None:
    r = built(tmp_path, H, PR, line + "\n", PL)
    assert part(r, "leader_duties")["status"] == "missing", part(r, "leader_duties")


@pytest.mark.parametrize(
    "line",
    [
        "新的一年里，我们将深化行政执法改革。",
        "下一阶段，县政府将深化行政执法改革。",
        "今后，我县将深化行政执法改革。",
        "下步，我县将深化行政执法改革。",
        "接下来，我县将深化行政执法改革。",
    ],
)
def test_a_plan_told_in_a_closing_paragraph_is_the_plan_embedded(tmp_path: Path, line: str) -> None:
    r = built(tmp_path, H, PR, L, line + "\n")
    assert part(r, "next_year_plan")["status"] == "embedded"
    assert "next_year_plan.names_next_year" in failed(r)  # no year named


def test_a_plan_opening_with_what_next_year_is_is_the_plan(tmp_path: Path) -> None:
    """2026年是“十五五”开局之年，我县将…: next year named, then who will act (a clause between);
    the reported year so named (2025年是…收官之年，我县将…) is no plan."""
    said = "是“十五五”开局之年，我县将深化行政执法改革。\n"
    r = built(tmp_path, H, PR, L, "2026年" + said)
    assert part(r, "next_year_plan")["status"] == "embedded"
    assert "next_year_plan.names_next_year" not in failed(r)
    r = built(tmp_path, H, PR, L, "2025年" + said)
    assert part(r, "next_year_plan")["status"] == "missing"


@pytest.mark.parametrize("heading", ["二、离群众期盼仍有距离", "二、对标对表仍有提升空间"])
def test_problems_headed_as_the_distance_still_to_go_are_the_problems(
    tmp_path: Path, heading: str
) -> None:
    r = built(tmp_path, H, PR.replace("二、存在的不足和原因", heading), L, PL)
    assert part(r, "problems")["status"] == "present" and r["score"] == 100


@pytest.mark.parametrize(
    "causes", ["这既有编制偏少的客观情况，也有重视不够的主观问题。", "这受制于基层执法力量短缺。"]
)
def test_causes_told_as_what_holds_the_work_back_are_causes(tmp_path: Path, causes: str) -> None:
    r = built(tmp_path, H, PR.replace("原因是编制有限。", causes), L, PL)
    assert "problems.gives_causes" not in failed(r)


@pytest.mark.parametrize(
    "heading,achievements",
    [
        # the year's work named first, the problems after it: the heading of both
        ("一、工作开展情况及存在的问题", "present"),
        ("一、主要成效和存在的不足", "present"),
        ("一、工作成效与问题", "present"),
        # the problems and what was done about them, or an overview: the year's work under
        # them is the achievements embedded
        ("一、存在的问题及整改落实情况", "embedded"),
        ("一、基本情况及存在问题", "embedded"),
        ("一、2025年法治政府建设推进情况及问题", "present"),
    ],
)
def test_work_and_problems_under_one_heading_hold_both_parts(
    tmp_path: Path, heading: str, achievements: str
) -> None:
    """一、工作开展情况及存在的问题: the year's work with its figures, then its problems — both
    parts are there (the heading names both, as 存在问题及下一步打算 names the problems and the
    plan); the same figures in the leader's section are no achievement (embeds_only: only the
    problems' section)."""
    merged = H.replace("一、主要举措和成效", heading) + PR.split("\n", 1)[1]
    r = built(tmp_path, merged, L, PL)
    assert part(r, "achievements")["status"] == achievements
    assert part(r, "problems")["status"] == "present" and r["verdict"] == "complete"
    figures = H.split("\n")[2]
    leader = L.replace(
        "县长亲自主持召开法治专题会议4次。", "县长亲自主持召开法治专题会议4次，" + figures
    )
    r = built(tmp_path, H.split("\n")[0] + "\n", PR, leader, PL)
    assert part(r, "achievements")["status"] == "missing"


@pytest.mark.parametrize("told", ["work", "problems"])
def test_a_heading_of_work_and_problems_over_one_of_them_alone_is_that_one(
    tmp_path: Path, told: str
) -> None:
    """一、工作开展情况及存在的问题 over the year's work alone: the problems are missing; over the
    problems alone: the achievements are (each part's shared_needs), the note naming the
    heading."""
    work, problems = H.split("\n")[2], PR.split("\n", 1)[1]
    title = H.split("\n")[0]
    body = work + "\n" if told == "work" else problems
    r = built(tmp_path, f"{title}\n一、工作开展情况及存在的问题\n{body}", L, PL)
    untold = "problems" if told == "work" else "achievements"
    other = "achievements" if told == "work" else "problems"
    assert part(r, other)["status"] == "present"
    assert part(r, untold)["status"] == "missing"
    assert "兼及本部分" in part(r, untold)["note"]


@pytest.mark.parametrize(
    "heading",
    ["二、还需改进的地方", "二、还需加强的方面", "二、困难与挑战", "二、需要解决的困难"],
)
def test_problems_headed_as_what_still_needs_work_are_the_problems(
    tmp_path: Path, heading: str
) -> None:
    """还需改进的地方 / 困难与挑战 head the shortcomings as units word them: the part stands,
    not a themed section of the achievements."""
    r = variant(tmp_path, (PROBLEMS, heading))
    assert part(r, "problems")["status"] == "present"
    assert heading.split("、")[1] not in {e["quote"] for e in part(r, "achievements")["evidence"]}


def _headless(tmp_path: Path, opening: str) -> dict[str, Any]:
    """A township's few paragraphs, no headings: the year's work, a shortcoming, next year."""
    path = tmp_path / "headless.txt"
    path.write_text(
        "青石乡2025年法治政府建设情况报告\n\n"
        f"{opening}我乡共办理行政处罚案件38件，召开矛盾纠纷联调会24次，审查合同15份。\n"
        "但我乡法治政府建设仍存在一些不足：执法力量相对薄弱。主要原因是编制少。\n"
        "乡党委书记、乡长亲自主持召开法治建设专题会议3次。\n"
        "2026年，我乡将继续规范综合行政执法，推进法治政府建设。\n",
        encoding="utf-8",
    )
    return check_path(str(path), Catalog.load()).to_json()


@pytest.mark.parametrize("opening", ["2025年，", "2025年度，", "全年，", "一年来，"])
def test_a_headless_reports_year_of_work_told_from_its_year_is_the_achievements(
    tmp_path: Path, opening: str
) -> None:
    """2025年，我乡共办理…38件: the report's year opens the year's work as 全年 does."""
    r = _headless(tmp_path, opening)
    assert part(r, "achievements")["status"] == "present"  # a paragraph of its own
    # the plan's year closing a text with no headings is not what its opening speaks of
    assert "document.opening_speaks_of_the_year" not in failed(r)


@pytest.mark.parametrize(
    "sentence,own",
    [
        ("局长高度重视法治建设工作，分管副局长亲自主持召开法治建设专题会议2次。", False),
        ("局长高度重视法治建设工作，分管领导带头讲授法治课2次。", False),
        ("局长高度重视法治建设工作，亲自主持召开法治建设专题会议2次。", True),
    ],
)
def test_a_deputys_act_is_not_the_principal_leaders(
    tmp_path: Path, sentence: str, own: bool
) -> None:
    """局长高度重视…，分管副局长亲自主持…: the act is the deputy's; the principal leader's own act
    is what the check asks for."""
    r = variant(
        tmp_path,
        (
            LEADER + next(line for line in sample_text().split(LEADER)[1].splitlines()),
            LEADER + sentence,
        ),
    )
    assert ("leader_duties.principal_own_actions" not in failed(r)) is own


def test_a_plan_naming_the_wrong_year_under_a_vague_heading_says_which(tmp_path: Path) -> None:
    """四、下一年度工作打算, then 2025年，我局将… under a 2025 report: the plan names 2025, and the
    message says so beside 下一年度 (it said only that 下一年度 named no year; the year may be
    one the plan only mentions, 巩固2025年成果, so it is not called the plan's year)."""
    r = variant(
        tmp_path,
        (PLAN, "四、下一年度工作打算"),
        ("2026年，将重大行政决策目录化管理", "2025年，将重大行政决策目录化管理"),
    )
    flag = next(c for c in part(r, "next_year_plan")["checks"] if c["id"] == "names_next_year")
    assert not flag["passed"]
    assert flag["message"] == "只写“下一年度”，未写明2026年（文中写的是2025年）"


def test_a_plan_merged_under_the_problems_gives_the_document_its_year(tmp_path: Path) -> None:
    """二、存在的问题及下步打算, its （二）下步打算 naming 2026年 below the problems: the plan's year
    check reads 2026 there, and so does the document's plan_year (it was empty)."""
    text = sample_text()
    plan = text.split(PLAN + "\n")[1].split("\n\n")[0]
    r = variant(
        tmp_path,
        (PROBLEMS, "二、存在的问题及下步打算\n（一）存在的问题"),
        (PLAN + "\n" + plan + "\n\n", ""),
        (
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。",
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。\n"
            "（二）下步打算\n2026年，将创新普法宣传形式，规范执法程序。",
        ),
    )
    assert "next_year_plan.names_next_year" not in failed(r)
    assert r["document"]["plan_year"] == 2026


def test_a_failed_cue_check_names_words_a_reviewer_can_read(tmp_path: Path) -> None:
    """No causes given: the message names the words looked for (原因/由于…), never the
    pattern's look-arounds."""
    r = variant(
        tmp_path,
        ("主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。", ""),
        ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", ""),
    )
    flag = next(c for c in part(r, "problems")["checks"] if c["id"] == "gives_causes")
    assert not flag["passed"] and "原因/由于" in flag["message"]
    assert not set("(?[]{}|\\") & set(flag["message"])


def test_without_named_words_a_failure_names_the_patterns_plain_words() -> None:
    from fzcheck.analysis.checks import _plain_words

    assert _plain_words("原因(?!分析)|由于|导致|[因缘]故|所致") == "由于/导致/所致"
    assert _plain_words("甲(?:乙|丙|丁)戊|由于") == "由于"  # a group's branches are no words
    assert _plain_words("(?:甲|乙)丙") == ""  # then the message names no words at all


@pytest.mark.parametrize(
    "work,shortcoming",
    [
        (
            "2025年，我镇全年共调解矛盾纠纷74件，开展法治宣传活动15场次，审查合同22份。",
            "当前，我镇法治政府建设仍存在一些短板：村干部法治素养不高，原因是培训少。",
        ),
        (
            "一年来，我镇调解矛盾纠纷74件，开展法治宣传活动15场次。",
            "工作中也还有一些不足之处，主要是村干部法治素养不高，原因是培训少。",
        ),
        (
            "2025年，我镇共排查化解矛盾纠纷74件，审查合同22份。",
            "目前，我镇法治政府建设还存在薄弱环节：村干部法治素养不高，原因是培训少。",
        ),
        # what still stands in the way, what the unit soberly sees, what is still its weak link
        (
            "2025年，我镇共排查化解矛盾纠纷74件，审查合同22份。",
            "当前，我镇仍面临村干部法治素养不高的困难，这与培训少有关。",
        ),
        (
            "2025年，我镇共排查化解矛盾纠纷74件，审查合同22份。",
            "我们也清醒地认识到，村干部法治素养还有待提高，究其原因是培训少。",
        ),
        (
            "2025年，我镇共排查化解矛盾纠纷74件，审查合同22份。",
            "总的来看，村干部法治培训仍是薄弱环节，原因是经费少。",
        ),
    ],
)
def test_a_townships_few_paragraphs_hold_its_achievements_and_problems(
    tmp_path: Path, work: str, shortcoming: str
) -> None:
    """A township's report with no headings: its year of work (调解…74件) and a shortcoming
    stated without 但 (当前…仍存在一些短板：…) are the parts, each its paragraph's: present."""
    path = tmp_path / "few.txt"
    path.write_text(
        "甲镇2025年度法治政府建设情况报告\n\n"
        f"{work}\n\n镇长认真履行推进法治建设第一责任人职责，亲自主持召开镇政府常务会议学法4次。\n\n"
        f"{shortcoming}\n\n2026年，我镇将加强村干部法治培训。\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert part(r, "achievements")["status"] == "present"
    assert part(r, "problems")["status"] == "present"


@pytest.mark.parametrize(
    "admission,status",
    [
        # the stock admission alone mentions the shortcomings, names none: not the part
        ("但也还存在一些不足之处。", "missing"),
        ("但与上级要求相比还有差距。", "missing"),
        ("但也还存在一些不足之处。\n我局行政执法规范化水平与上级要求还有差距。", "embedded"),
        ("但也还存在一些不足之处，但行政执法规范化水平还有差距。", "embedded"),
        ("但是与人民群众的期盼相比，还存在差距。", "missing"),
        ("但我县还有差距。", "missing"),
        (
            "同时我们也清醒地认识到，工作中仍存在一些差距和不足，需要在今后工作中加以解决。",
            "missing",
        ),
        # followed by them, on its line or the next: the part, embedded
        ("但也还存在一些不足之处，主要是村干部法治素养不高，专业力量不足。", "embedded"),
        ("但也还存在一些不足之处。\n一是村干部法治素养不高；二是普法形式单一。", "embedded"),
        ("但也还存在一些不足之处。\n部分乡镇执法人员短缺，执法程序不规范。", "embedded"),
        (
            "但也还存在一些不足之处。\n在执法方面，全县现有执法人员45名。其中持证人员仅20名。",
            "embedded",
        ),
    ],
)
def test_a_stock_admission_of_shortcomings_alone_is_not_the_problems(
    tmp_path: Path, admission: str, status: str
) -> None:
    """The year's work closing on 但也还存在一些不足之处。 with no shortcoming named anywhere:
    the problems are missing (the report is incomplete), the note quoting the sentence and
    why it was not counted; naming them after it keeps the part, embedded."""
    r = built(tmp_path, H.rstrip("\n"), admission, "\n", L, PL)
    problems = part(r, "problems")
    assert problems["status"] == status
    if status == "missing":
        assert r["verdict"] == "incomplete"
        assert "只是一句带过" in problems["note"] and "写明了存在的不足" in problems["note"]
        assert problems["checks"] == []


def test_a_sections_lead_admitting_shortcomings_announces_none_of_its_sub_sections(
    tmp_path: Path,
) -> None:
    """一、主要举措和成效 / 一年来…取得明显成效，但也存在一些不足之处。 / （一）…（二）… the year's
    work: the lead opens the section, its sub-sections are the achievements, not shortcomings —
    the problems are missing, the sentence only said there were some."""
    title, _, work = H.split("\n", 2)
    lead = "一年来，我县法治政府建设取得明显成效，但也存在一些不足之处。\n"
    items = "（一）依法决策。" + work + "（二）规范执法。开展案卷评查2次。\n"
    r = built(tmp_path, f"{title}\n一、主要举措和成效\n{lead}{items}", L, PL)
    assert part(r, "problems")["status"] == "missing"


@pytest.mark.parametrize(
    "sentence,missing",
    [
        # resolve and priorities: no shortcoming of the year's
        ("我们清醒地认识到法治政府建设的重要性，切实增强责任感。", "problems"),
        ("面对新形势新任务，我镇将积极应对各种困难和挑战。", "problems"),
        ("普法工作仍是全镇重点工作之一。", "problems"),
        # a visiting higher leader, or the 一把手出庭应诉制度 named: no act of this unit's leaders
        ("7月，市主要领导到我县调研基层法治建设工作，对我县做法给予充分肯定。", "leader_duties"),
        ("县委书记亲自带队到我县司法局督导法治建设工作，县长带头到我局调研。", "leader_duties"),
        ("认真落实行政机关“一把手”出庭应诉制度，出庭应诉率100%。", "leader_duties"),
        # the townships' heads' 述法 as a sub-heading, a work item's 情况及问题: theirs, and work
        (
            "\n（五）各乡镇党委书记述法情况。组织全县12个乡镇党委书记在县委全会上述法。",
            "leader_duties",
        ),
        (
            "\n（五）执法案卷评查情况及问题。全年评查案卷210卷，发现问题23个，已全部整改到位。",
            "problems",
        ),
    ],
)
def test_a_sentence_that_only_sounds_like_a_part_is_none(
    tmp_path: Path, sentence: str, missing: str
) -> None:
    """The sentence in the achievements' section, the part it sounds like left out."""
    others = [p for k, p in (("problems", PR), ("leader_duties", L)) if k != missing]
    r = built(tmp_path, H, sentence + "\n", *others, PL)
    assert part(r, missing)["status"] == "missing"


def test_因_in_a_set_phrase_is_no_cause(tmp_path: Path) -> None:
    """因地制宜 / 因势利导 tell how, not why."""
    r = variant(
        tmp_path,
        (
            "主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。",
            "普法活动未能因地制宜，宣传形式有待因势利导。",
        ),
        ("究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。", ""),
    )
    assert "problems.gives_causes" in failed(r)


@pytest.mark.parametrize(
    "table",
    [
        "| 指标 | 2024年 | 2025年 |\n| --- | --- | --- |\n"
        "| 办理行政复议案件（件） | 112 | 136 |\n| 审查规范性文件（件） | 21 | 25 |",
        "指标\t2024年\t2025年\n办理行政复议案件（件）\t112\t136\n审查规范性文件（件）\t21\t25",
    ],
)
def test_figures_set_out_in_a_table_are_figures(tmp_path: Path, table: str) -> None:
    """The year's work as a table (the unit in the row's label): its values are the figures."""
    text = sample_text()
    start = text.index("（一）健全依法决策机制")
    end = text.index("\n\n二、")
    path = tmp_path / "table.txt"
    path.write_text(
        text[:start] + "全年法治工作主要指标如下：\n" + table + text[end:], encoding="utf-8"
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert "achievements.has_figures" not in failed(r)


def test_an_opening_using_将_as_把_still_speaks_of_its_year(tmp_path: Path) -> None:
    """2024年，我局将法治政府建设纳入…: what was done in 2024 (将 as 把), under a 2025 title —
    the opening speaks of the year before, as a copied report's does."""
    r = variant(
        tmp_path,
        (
            "2025年，示例县司法局在县委、县政府的坚强领导下",
            "2024年，示例县司法局将法治政府建设纳入全局重点工作，在县委、县政府的坚强领导下",
        ),
    )
    assert "document.opening_speaks_of_the_year" in failed(r)


def test_shortcomings_told_at_the_end_of_the_leaders_section_are_the_problems(
    tmp_path: Path,
) -> None:
    """No problems heading: …还存在一些不足，主要是…，原因在于… closing the leader's section."""
    path = tmp_path / "r.txt"
    path.write_text(
        "甲县人民政府2025年度法治政府建设情况报告\n\n一、主要举措和成效\n"
        "全年作出行政处罚决定1263件，审查合同协议158份，审结行政复议案件121件。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "县长主持召开县政府常务会议专题研究法治政府建设4次。对照上级要求，我县法治政府建设还存在一些"
        "不足，主要是乡镇合法性审查力量薄弱，原因在于基层法治专业人才缺乏。\n"
        "三、2026年推进法治政府建设的主要安排\n2026年，我县将推进乡镇合法性审查全覆盖。\n",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert part(r, "problems")["status"] == "embedded"
    assert "problems.gives_causes" not in failed(r)


@pytest.mark.parametrize(
    "shortcoming",
    [
        "对照上级要求，我县法治政府建设还有一定差距，主要是乡镇合法性审查力量薄弱",
        "乡镇合法性审查力量薄弱、普法针对性不强等问题依然存在",
    ],
)
def test_shortcomings_stated_without_the_word_exist_are_the_problems(
    tmp_path: Path, shortcoming: str
) -> None:
    """…还有一定差距，主要是… / …等问题依然存在 closing the leader's section: the problems."""
    r = checked(
        tmp_path,
        "甲县人民政府2025年度法治政府建设情况报告\n\n一、主要举措和成效\n"
        "全年作出行政处罚决定1263件，审查合同协议158份，审结行政复议案件121件。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        f"县长主持召开县政府常务会议专题研究法治政府建设4次。{shortcoming}，"
        "原因在于基层法治专业人才缺乏。\n"
        "三、2026年推进法治政府建设的主要安排\n2026年，我县将推进乡镇合法性审查全覆盖。\n",
    )
    assert part(r, "problems")["status"] == "embedded"


def test_causes_told_as_chengyin_are_causes(tmp_path: Path) -> None:
    """（二）成因。…: 成因 names the causes as 原因 does."""
    r = variant(
        tmp_path,
        (
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。",
            "成因在于对不同群体的法治需求调研不深，线上普法平台建设投入有限。",
        ),
    )
    assert "problems.gives_causes" not in failed(r)


def test_a_years_work_told_with_a_units_name_before_the_verb_is_the_achievements(
    tmp_path: Path,
) -> None:
    """No headings: 全年街道综合行政执法队开展执法检查520次 tells the year's work as 全年开展…
    does, the unit's name between."""
    r = checked(
        tmp_path,
        "示例街道办事处2025年度法治政府建设情况报告\n\n"
        "全年街道综合行政执法队开展执法检查520次，街道人民调解委员会调处矛盾纠纷186件。\n"
        "街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，主持召开专题会议3次。\n"
        "我街道法治建设还存在一些不足：执法人员少。主要原因是编制有限。\n"
        "2026年，我街道将加强执法队伍建设。\n\n示例街道办事处\n2026年1月18日\n",
    )
    assert part(r, "achievements")["status"] == "present"  # a paragraph of its own


@pytest.mark.parametrize(
    "sentence,own",
    [
        ("局长高度重视，分管副局长亲自主持召开专题会议2次，带头开展执法检查。", False),
        ("分管副局长具体负责日常工作，局长亲自主持召开专题会议2次。", True),
    ],
)
def test_a_deputys_acts_run_on_until_the_leader_is_named_again(
    tmp_path: Path, sentence: str, own: bool
) -> None:
    """In the leader's own section, …分管副局长亲自主持…，带头开展… are both the deputy's;
    …分管副局长负责…，局长亲自主持… is the leader's again."""
    r = variant(
        tmp_path,
        (
            LEADER + next(line for line in sample_text().split(LEADER)[1].splitlines()),
            LEADER + sentence,
        ),
    )
    assert ("leader_duties.principal_own_actions" not in failed(r)) is own


@pytest.mark.parametrize(
    "sentence,own",
    [
        ("局党组全年召开党组会议3次专题研究法治政府建设，审定年度法治工作要点。", False),
        ("局领导班子带头学法，全年集中学法4次，听取法治工作汇报2次。", False),
        ("镇党委、镇政府高度重视，召开专题会议3次研究部署法治建设工作。", False),
        ("我局全年召开专题会议3次，研究部署法治政府建设重点任务。", False),
        ("局党组书记、局长全年召开专题会议3次，审定年度法治工作要点。", True),
        ("县政府主要负责人认真履行第一责任人职责，全年召开常务会议专题研究法治工作4次。", True),
        (
            "局长认真履行第一责任人职责，将法治建设纳入局党组会议议题，全年主持召开专题会议3次。",
            True,
        ),
        ("县政府常务会议专题研究法治政府建设5次，亲自审定重大行政决策事项。", True),
        ("县长在县政府第12次全体会议上专题部署法治政府建设，在县政府党组会议上听取汇报2次。", True),
        # the county's Party committee beside its government: the bodies, no person
        (
            "县委、县政府高度重视法治政府建设，全年召开县委常委会会议4次、县政府常务会议6次研究法治建设工作。",
            False,
        ),
        # 法治政府 is the work, a meeting of 县委 the leader attends: no body opening the clause
        (
            "县长认真履行第一责任人职责，把法治政府建设纳入全县发展总体规划，逐件审阅重大行政决策合法性审查意见11件。",
            True,
        ),
        ("县长出席县委全面依法治县委员会会议并作年度述法，全年接待群众来访涉法诉求12批次。", True),
        ("县法治政府建设领导小组召开全体会议2次，审议年度工作要点。", False),
    ],
)
def test_a_collective_bodys_acts_are_not_the_principal_leaders(
    tmp_path: Path, sentence: str, own: bool
) -> None:
    """In the leader's own section, 局党组/领导班子/镇党委、镇政府/我局 opening a clause are the
    acting body, not the principal leader acting in person; named as the leader's (局党组书记,
    县政府主要负责人) or as what the leader acts on (纳入局党组会议议题) they are no other actor."""
    r = variant(
        tmp_path,
        (
            LEADER + next(line for line in sample_text().split(LEADER)[1].splitlines()),
            LEADER + sentence,
        ),
        *governed(sentence),
    )
    assert ("leader_duties.principal_own_actions" not in failed(r)) is own


def test_one_part_named_under_a_theme_after_the_problems_stays_embedded(tmp_path: Path) -> None:
    """三、奋力开创新局面 / （一）压实主要负责人第一责任人职责: a plan's item under a theme, not the
    leader part's own section (parts one level down need a heading naming two or more)."""
    text = sample_text()
    leader = text.split(LEADER)[1].split("\n\n")[0]
    r = variant(
        tmp_path,
        (LEADER + leader + "\n\n", ""),
        (
            PLAN,
            "四、凝心聚力，奋力开创法治建设新局面\n（一）压实党政主要负责人第一责任人职责\n2026年，将落实述法制度。",
        ),
    )
    assert part(r, "leader_duties")["status"] != "present"


@pytest.mark.parametrize(
    "item",
    [
        "（五）开展法治建设自我检视。对照年度任务逐项检查，逐项完成整改。",
        "（五）规范执法行为。针对上年督察指出的执法不规范等问题依然存在的情况，开展专项整治行动3次。",
    ],
)
def test_a_work_item_in_the_words_of_shortcomings_is_no_problems_part(
    tmp_path: Path, item: str
) -> None:
    """自我检视 as a work item, …等问题依然存在的情况 as what a measure answered: the year's
    work, not a statement of its shortcomings."""
    r = without_section(tmp_path, PROBLEMS, ("\n\n三、", f"\n{item}\n\n三、"))
    assert statuses(r)["problems"] == "missing"


def test_a_phrase_holding_the_characters_of_cause_gives_no_cause(tmp_path: Path) -> None:
    """…形成因地制宜的普法工作格局: 成因 only by its characters, no cause given."""
    r = variant(
        tmp_path,
        (
            "主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。",
            "",
        ),
        (
            "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。",
            "下一步将加强培训，形成因地制宜的普法工作格局。",
        ),
    )
    assert "problems.gives_causes" in failed(r)


@pytest.mark.parametrize(("causes", "indent"), [(True, ""), (False, ""), (True, "\u3000\u3000")])
def test_the_laws_problems_wording_set_alone_unnumbered_is_a_label_over_its_text(
    tmp_path: Path, causes: bool, indent: str
) -> None:
    """存在的不足和原因 on a line of its own, unnumbered, inside a numbered section: the problems,
    embedded, their text the lines under it — the label's own 原因 gives no cause. Indented as
    Word's first-line indent copies out, the same (a cue that reads the whole sentence, ^…$,
    missed it behind the indent)."""
    cause = "主要原因是服务站人员多为兼职，系统培训少。" if causes else ""
    r = checked(
        tmp_path,
        "示例县退役军人事务局2025年度法治政府建设情况报告\n\n一、主要举措和成效\n"
        "（一）依法保障退役军人权益。全年受理咨询326件，办结率100%。\n"
        "（二）开展法律援助服务。全年提供法律援助45件，调处矛盾纠纷18件。\n"
        f"{indent}存在的不足和原因\n部分基层服务站工作人员政策法规掌握不全面。{cause}\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "局长主持召开党组会议专题研究法治工作3次。\n"
        "三、2026年工作安排\n2026年，我局将加强基层服务站人员培训。\n",
    )
    problems = part(r, "problems")
    assert problems["status"] == "embedded"
    assert all(c["passed"] is causes for c in problems["checks"] if c["id"] == "gives_causes")
    assert any(c["id"] == "gives_causes" for c in problems["checks"])


@pytest.mark.parametrize(
    "where,status",
    [
        # one item's next step, mid-way through the year's work: no plan of the report's
        ("（二）规范行政执法行为。", "missing"),
        # the same among the problems: spreading one practice is still no plan (helper-209's c16)
        ("二、2025年推进法治政府建设存在的不足和原因\n", "missing"),
    ],
)
def test_a_next_step_told_inside_the_years_work_is_no_plan(
    tmp_path: Path, where: str, status: str
) -> None:
    """No plan section; 下一步，我局将推广这一做法… told of one pilot under a sub-heading of the
    year's work (3.下一步推广…经验) made the plan embedded and the report complete (helper-207's
    g08)."""
    said = "下一步，我局将在全县推广这一做法，计划将全部乡镇纳入试点范围。"
    step = "3.下一步推广“信用+智慧”监管经验\n试点单位违法行为同比下降32%。" + said + "\n"
    r = without_section(tmp_path, PLAN, (where, where + step))
    plan = part(r, "next_year_plan")
    assert plan["status"] == status
    if status == "missing":  # the reviewer is told why it was not counted
        assert "下一步" in plan["note"] and "未计入" in plan["note"]


@pytest.mark.parametrize(
    "told",
    [
        "2026年，我局将重点抓好以下工作：一是深化包容审慎监管；二是推进执法规范化建设。\n",
        "（五）2026年工作打算\n深化包容审慎监管，推进执法规范化建设。\n",
        "下一步工作打算：\n1.深化包容审慎监管。\n2.推进执法规范化建设。\n",
        # several measures in one sentence (helper-211's p09, p31), 推广 among them
        "2026年，我局将推广轻微违法免罚机制，深化包容审慎监管，分批轮训执法人员，开展普法验收。\n",
    ],
)
def test_a_whole_plan_misplaced_in_the_years_work_is_still_the_plan(
    tmp_path: Path, told: str
) -> None:
    """The plan laid out whole (以下工作：一是… / a 2026年工作打算 sub-heading) closing the year's
    work before the problems: misplaced, not missing (helper-209's c01, c25)."""
    end = "（四）深化普法宣传。"
    line = next(x for x in sample_text().splitlines() if x.startswith(end))
    r = without_section(tmp_path, PLAN, (line, line + "\n" + told))
    assert part(r, "next_year_plan")["status"] == "embedded"


def test_a_plan_told_at_the_end_of_a_report_of_work_alone_is_embedded(tmp_path: Path) -> None:
    text = "示例县司法局2025年法治政府建设年度报告\n一、健全依法决策机制\n制定决策目录12项。\n"
    text += "二、规范行政执法\n全年办理行政处罚案件210件。下一步，我局将深化行政执法改革，推进"
    text += "执法规范化建设。\n"
    assert part(built(tmp_path, text), "next_year_plan")["status"] == "embedded"


def test_a_plan_under_a_theme_closing_the_report_is_the_plan(tmp_path: Path) -> None:
    """四、持续发力，推动法治政府建设再上新台阶 over the plan's items, every other part in its own
    section: the last section, named for no part, is the plan's own (it was found embedded);
    with a part missing the structure says nothing of what the last section is."""
    theme = "四、持续发力，推动法治政府建设再上新台阶"
    r = variant(tmp_path, (PLAN, theme))
    assert statuses(r)["next_year_plan"] == "present"
    partial = without_section(tmp_path, PROBLEMS, (PLAN, theme))
    assert statuses(partial)["next_year_plan"] == "embedded"


@pytest.mark.parametrize(
    ("first", "rest"),
    [("二、2025年推进法治政府建设存在的", "不足和原因"), ("二、存在的问题和", "原因分析")],
)
def test_a_heading_broken_by_a_typed_line_break_keeps_its_part(
    tmp_path: Path, first: str, rest: str
) -> None:
    """A line break typed inside a long heading (…存在的 / 不足和原因): the heading goes on on
    the next line, and its part is found by the whole of it."""
    r = variant(tmp_path, (PROBLEMS, f"{first}\n{rest}"))
    assert statuses(r)["problems"] == "present"


@pytest.mark.parametrize(
    ("part_id", "old", "new"),
    [
        ("problems", PROBLEMS, "二、2025年推进法治政府建设\n存在的不足和原因"),
        (
            "leader_duties",
            LEADER,
            "三、局党组书记、局长等党政\n主要负责人履行推进法治建设第一责任人职责情况\n",
        ),
    ],
)
def test_a_heading_broken_where_it_could_end_keeps_its_part(
    tmp_path: Path, part_id: str, old: str, new: str
) -> None:
    """A line break typed after a word a heading can end with (…推进法治政府建设 / 存在的不足和
    原因): the first line names no part, the whole does; the rest on its line is the heading's,
    not the section's text (the label's 原因 gives no cause)."""
    r = variant(tmp_path, (old, new))
    assert statuses(r)[part_id] == "present"
    assert "leader_duties.principal_own_actions" not in failed(r)
    if part_id == "problems":  # the sample's causes are given; without them, none are found
        bare = variant(tmp_path, (old, new), ("主要原因是", "同时，"), ("究其原因，", ""))
        assert statuses(bare)["problems"] == "present"
        assert "problems.gives_causes" in failed(bare)


@pytest.mark.parametrize("title", ["旗长", "盟长"])
def test_the_principal_leader_of_a_banner_or_league_is_a_leader(tmp_path: Path, title: str) -> None:
    """旗长 (a banner's head, 内蒙古) and 盟长 are the principal leaders of their governments as
    县长 is: their acts in person found the leader's duties, embedded in the year's work."""
    r = without_section(
        tmp_path,
        LEADER,
        (
            "（四）深化普法宣传。",
            f"{title}亲自主持召开政府常务会议专题研究法治政府建设工作4次。（四）深化普法宣传。",
        ),
        *governed(title),
    )
    assert statuses(r)["leader_duties"] == "embedded"
    assert "leader_duties.principal_own_actions" not in failed(r)


def test_a_report_written_as_one_paragraph_names_its_problems_with_the_laws_words(
    tmp_path: Path,
) -> None:
    """A short report in one paragraph, its headings inline (…；二、存在的不足和原因：…): the
    problems are stated (存在的不足和原因：), embedded in the paragraph."""
    from tests.helpers import checked

    r = checked(
        tmp_path,
        "示例乡2025年度法治政府建设情况报告\n\n"
        "一、主要举措和成效：全年办理行政处罚案件12件，开展普法活动8场，培训干部60人次；"
        "二、存在的不足和原因：执法人员不足，原因是编制有限；"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况：乡长亲自主持召开法治专题会议2次；"
        "四、2026年工作安排：2026年，我乡将开展执法人员轮训。\n\n示例乡人民政府\n2026年1月10日\n",
    )
    assert part(r, "problems")["status"] != "missing"


def test_a_section_that_only_points_at_an_absent_attachment_says_so(tmp_path: Path) -> None:
    """三、党政主要负责人履行…情况 / 详见附件。 with no attachment in the file: the heading counts
    for the part, and its note says the part's text was not in the file."""
    r = variant(
        tmp_path,
        (
            LEADER + next(line for line in sample_text().split(LEADER)[1].splitlines()),
            LEADER + "详见附件。",
        ),
    )
    leader = part(r, "leader_duties")
    assert leader["status"] == "present" and "没有附件" in (leader["note"] or "")
    assert part(r, "problems")["note"] is None


@pytest.mark.parametrize(
    ("middle", "noted"), [("本单位附件一附件二附件三", True), ("本单位附件一附件二附件三等", False)]
)
def test_a_pointer_as_long_as_one_can_be_over_two_lines_is_still_read_whole(
    tmp_path: Path, middle: str, noted: bool
) -> None:
    """A section's text is read only as far as a pointer can reach (19 characters: 具体情况详见,
    12 more, 。): one that long over two lines is still noted, one a character longer is none."""
    pointer = "具体情况详见" + middle[:3] + "\n" + middle[3:] + "。"
    r = variant(
        tmp_path,
        (
            LEADER + next(line for line in sample_text().split(LEADER)[1].splitlines()),
            LEADER + pointer,
        ),
    )
    assert ("没有附件" in (part(r, "leader_duties")["note"] or "")) == noted


_PROBLEMS_BODY = sample_text().split(PROBLEMS + "\n")[1].split("\n\n")[0]


@pytest.mark.parametrize(
    "body",
    [
        "无。",
        "我局法治政府建设工作总体运行良好，未发现明显问题。",
        "经自查，尚未发现明显问题。",
        "经自查，暂未发现存在的问题。",
        "经自查，未发现有明显不足。",
        "本年度不存在需要报告的问题。",
        "各项工作有序推进，尚未出现行政复议被纠错、行政诉讼败诉的情况。",
        "全年未发生严重执法过错，没有严重违法行政行为。",
        # last year's (the 督察's) put right: none of this year's named
        "针对2024年度法治督察反馈的3个问题，我局逐项制定整改措施，已全部整改到位。",
        "针对上年度执法人员持证率不够高的问题，已组织专项培训，整改到位。",
        # others found with problems, put right (helper-197's)
        "全年执法检查中发现存在环境问题的企业38家，主要问题是危险废物贮存不规范，已全部督促整改到位。",
    ],
)
def test_a_problems_section_naming_none_fails(tmp_path: Path, body: str) -> None:
    """The law asks for the year's shortcomings: 无, a denial or last year's put right names
    none (the section was present and passed but for its causes)."""
    r = variant(tmp_path, (_PROBLEMS_BODY, body))
    assert statuses(r)["problems"] == "present"
    assert "problems.names_shortcomings" in failed(r)


@pytest.mark.parametrize(
    "body",
    [
        "执法力量与监管任务不相匹配，网络交易违法行为发现难。原因是编制未相应增加。",
        "一是部分干部运用法治思维的能力有待提高；二是行政复议纠错率偏高。究其原因，培训不足。",
        "执法规范化水平需进一步提升，行政败诉案件时有发生。主要原因是应诉能力不强。",
        # 尚未 as a shortcoming: what has not yet come about, not a denial of problems
        "执法数字化改革尚未出现明显成效。原因是投入少。",
        # last year's put right, then this year's in a clause of its own
        "上年度问题已全部整改。与上年相比，今年基层执法队伍仍存在人员断层问题，原因是退休集中。",
        # named plainly, none of the stock words in it
        "执法人员老龄化严重，年轻执法人员仅占两成。原因是多年未招录。",
        "部分重大行政决策公众参与走过场。原因是程序意识淡薄。",
        "少数执法人员执法不文明，管理失之于宽。原因是教育不够。",
        "行政应诉案卷管理粗放。原因是人员少。",
        "对新兴业态的监管办法不多、手段有限。原因是专业人员少。",  # helper-197's
        # helper-196's B09/B10: plain words, and an admission a colon and what it is follow
        "执法队伍年龄偏大，执法装备陈旧。原因是多年未招录。",
        "基层档案员流动频繁，法规知识掌握有限；个别负责人法治观念不牢。原因是培训少。",
        "与群众期盼相比还有一些问题：村级法律顾问作用发挥有限。原因是经费少。",
    ],
)
def test_shortcomings_as_units_word_them_are_named(tmp_path: Path, body: str) -> None:
    r = variant(tmp_path, (_PROBLEMS_BODY, body))
    assert "problems.names_shortcomings" not in failed(r)


@pytest.mark.parametrize("empty", ["", "\n"])
def test_a_heading_with_nothing_under_it_is_no_part(tmp_path: Path, empty: str) -> None:
    """二、存在的不足和原因 with the next heading right under it (or a blank line): the part is
    missing, its note naming the heading; a skeleton of the law's headings is no report's parts."""
    r = variant(tmp_path, (_PROBLEMS_BODY + "\n", empty))
    problems = part(r, "problems")
    assert problems["status"] == "missing", problems
    assert f"第{PROBLEMS_LINE}行“" in problems["note"] and "下面没有内容" in problems["note"]
    assert r["verdict"] == "incomplete"
    assert statuses(r)["leader_duties"] == "present"


PROBLEMS_LINE = sample_text().splitlines().index(PROBLEMS) + 1


def test_a_heading_with_its_text_in_an_attachment_is_read_there(tmp_path: Path) -> None:
    """三、党政主要负责人…情况 with nothing under it, its text in an attachment after the
    signature (附件：党政主要负责人…情况, then the text): the part is read there, not missing."""
    text = sample_text()
    body = text.split(LEADER)[1].split("\n\n")[0]
    text = text.replace(body + "\n", "") + f"\n附件：{LEADER.strip()}\n{body}\n"
    r = checked(tmp_path, text)
    leader = part(r, "leader_duties")
    assert leader["status"] != "missing" and leader["note"] == "见正文后的附件", leader


_PLAN_TEXT = sample_text().split(PLAN + "\n")[1].split("\n\n")[0]


@pytest.mark.parametrize(
    "kept,told,untold",
    [
        # the merged heading over next year's work alone: no shortcoming named
        (_PLAN_TEXT, "next_year_plan", "problems"),
        # over the problems and their causes alone: nothing planned
        (_PROBLEMS_BODY, "problems", "next_year_plan"),
    ],
)
def test_a_merged_heading_over_one_parts_text_is_not_the_other_part(
    tmp_path: Path, kept: str, told: str, untold: str
) -> None:
    """二、存在问题及下一步工作打算 promises both parts; the text under it telling one only
    leaves the other missing, its note naming the heading (it was present, and the report
    complete, on the heading alone)."""
    merged = f"二、存在问题及下一步工作打算\n{kept}\n\n"
    text = sample_text()
    start = text.index(PROBLEMS)
    end = text.index("五、其他需要报告的情况")
    r = variant(tmp_path, (text[start:end], merged + LEADER_SECTION))
    assert part(r, told)["status"] == "present"
    missing = part(r, untold)
    assert missing["status"] == "missing", missing
    assert "存在问题及下一步工作打算" in missing["note"] and "兼及本部分" in missing["note"]
    assert r["verdict"] == "incomplete"
    # both told under it: both there
    both = f"二、存在问题及下一步工作打算\n{_PROBLEMS_BODY}\n{_PLAN_TEXT}\n\n"
    r = variant(tmp_path, (text[start:end], both + LEADER_SECTION))
    assert part(r, "problems")["status"] == part(r, "next_year_plan")["status"] == "present"
    assert r["verdict"] == "complete"


OTHER_SECTION = "五、其他需要报告的情况\n本年度无其他需要报告的情况。"


@pytest.mark.parametrize(
    "stated",
    [
        "其他需要报告的情况：无。",  # a line of its own with no number
        "此外，本年度无其他需要报告的情况。",  # closing the plan
        "本年度没有其他需要说明的事项。",
    ],
)
def test_other_matters_stated_none_without_a_section_are_told(tmp_path: Path, stated: str) -> None:
    """其他需要报告的情况：无。 at the plan's end, with no 五、 of its own, was 其他 missing:
    the unit said it had none, which is the part told (embedded: in another section)."""
    r = variant(tmp_path, (OTHER_SECTION, stated))
    assert statuses(r)["other"] == "embedded"
    assert stated.rstrip("。")[-6:] in part(r, "other")["evidence"][0]["quote"]


@pytest.mark.parametrize(
    "heading,other",
    [
        # a theme of the year's work closing the achievements
        ("（五）其他方面工作", "missing"),
        ("（五）其他重点工作", "missing"),
        ("（五）统筹推进其他领域依法治理", "missing"),
        ("（五）其他工作", "missing"),
        ("（五）全年其他工作开展情况", "missing"),
        # the law's (五) as a sub-heading: the part, embedded
        ("（五）其他需要报告的情况", "embedded"),
        ("（五）其他事项", "embedded"),
        ("（五）其他需报告的事项", "embedded"),  # helper-215's o07
        # 其他 said in passing in a point (helper-212's h35)
        ("（五）加强水行政执法和其他涉水执法", "missing"),
        ("（五）财会监督与其他各类监督贯通协调", "missing"),
    ],
)
def test_other_work_of_the_year_is_no_other_matter(
    tmp_path: Path, heading: str, other: str
) -> None:
    """（六）其他方面工作 under the year's work tells more of it (helper-207's E): it made the
    other matters embedded."""
    ach = "（四）深化普法宣传。"
    r = variant(
        tmp_path,
        (OTHER_SECTION, ""),
        (ach, f"{heading}\n全年办理其他事项12件。\n{ach}"),
    )
    assert statuses(r)["other"] == other


@pytest.mark.parametrize(
    "heading",
    [
        "五、关于其它工作",
        "五、行政复议应诉及其他有关情况",  # helper-217's f01-f08, helper-218's v06
        "五、法治督察反馈问题整改及其他各项工作情况",
        "五、法治督察整改及其他工作",
        "五、法治政府建设其他有关情况",
        "五、其他方面工作情况",
    ],
)
def test_other_matters_under_a_top_heading_of_their_own_are_present(
    tmp_path: Path, heading: str
) -> None:
    """A top-level section naming 其他 in any words is the law's (五) (helper-214's c35-c37,
    c44: they had been missing while sub-headings were made stricter)."""
    r = variant(tmp_path, (OTHER_SECTION, heading + "\n2025年，县委依法治县办对我局开展法治督察。"))
    assert statuses(r)["other"] == "present"


@pytest.mark.parametrize(
    "heading",
    ["五、推动行政监督与其他各类监督贯通协调", "五、班子成员及其他干部学法用法情况"],
)
def test_other_of_something_named_is_no_other_matter(tmp_path: Path, heading: str) -> None:
    """其他 after a conjunction, of something the heading names (与其他各类监督 / 及其他干部), is no
    heading of the other matters (helper-215's o03, o04)."""
    r = variant(tmp_path, (OTHER_SECTION, heading + "\n2025年，我局组织全体干部学法4次。"))
    assert statuses(r)["other"] == "missing"


def test_other_matters_announced_in_the_preamble_are_not_told(tmp_path: Path) -> None:
    """报告…及其他需要报告的情况 promises the part; it does not tell it."""
    r = variant(
        tmp_path,
        (OTHER_SECTION, ""),
        ("现将有关情况报告如下", "现将主要举措、存在的不足及其他需要报告的情况报告如下"),
    )
    assert statuses(r)["other"] == "missing"


PLAN_SECTION = PLAN + sample_text().split(PLAN)[1].split("\n\n")[0] + "\n\n"


@pytest.mark.parametrize(
    "forecast",
    ["预计2026年将有更多执法事项交由乡镇承担。", "可以预见，明年执法任务将更加繁重。"],
)
def test_a_forecast_among_the_shortcomings_is_no_plan(tmp_path: Path, forecast: str) -> None:
    """With no plan section, 预计2026年将有更多执法事项… told among the shortcomings made the plan
    embedded and the report complete: a forecast plans nothing. The note names the phrase."""
    r = variant(
        tmp_path,
        (PLAN_SECTION, ""),
        ("培训的针对性不强。", f"培训的针对性不强。{forecast}"),
    )
    assert statuses(r)["next_year_plan"] == "missing" and r["verdict"] == "incomplete"
    assert "未计入" in part(r, "next_year_plan")["note"]


@pytest.mark.parametrize(
    ("told", "own"),
    [
        ("局长认真履行第一责任人职责。局法规股负责审核规范性文件，全年审核23件。", False),
        ("局长切实履行第一责任人职责。法制科全年审核规范性文件12件。", False),
        ("局主要负责人高度重视法治建设。办公室牵头召开法治建设推进会2次。", False),
        # the office's head is a person: 中心主任 / 科长 at it in the leader's section
        ("中心主任认真履行第一责任人职责，全年主持召开专题会议3次。", True),
        ("局长高度重视。科学制定年度计划，亲自审定工作要点。", True),
    ],
)
def test_an_office_at_work_is_not_the_leader_in_person(
    tmp_path: Path, told: str, own: bool
) -> None:
    """局法规股负责审核… in the leader's own section was counted as the leader's own act: an
    office opening the sentence is the one acting, not its head (科长, 中心主任)."""
    r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{told}\n\n"))
    assert statuses(r)["leader_duties"] == "present"
    assert ("leader_duties.principal_own_actions" not in failed(r)) is own


def test_a_note_quotes_the_phrase_as_written(tmp_path: Path) -> None:
    """The note on a phrase not counted quoted it as folded for the search (下一阶段,我): the
    reviewer looks for it in the file, which has 下一阶段，我."""
    r = variant(
        tmp_path,
        (PLAN_SECTION, ""),
        ("培训的针对性不强。", "培训的针对性不强。预计下一阶段，我局执法任务将更加繁重。"),
    )
    note = part(r, "next_year_plan")["note"]
    assert "“下一阶段，我" in note and "," not in note, note


def _overview_report(tmp_path: Path, *, measures: bool, figures: bool) -> dict[str, Any]:
    work = "全年查处涉林案件74起，开展普法活动18场。" if figures else "严格林业执法，深化普法宣传。"
    sections = [
        "一、基本情况\n本局内设股室6个，在编干部职工86人，其中行政执法人员32人。",
        *(["二、主要举措和成效\n" + work] if measures else []),
        "三、存在的不足和原因\n基层执法力量薄弱，原因是编制紧张。",
        "四、党政主要负责人履行推进法治建设第一责任人职责情况\n局长亲自主持召开专题会议3次。",
        "五、2026年工作安排\n2026年，我局将健全执法协作机制。",
    ]
    text = "示例县林业局2025年度法治政府建设情况报告\n" + "\n".join(sections)
    return checked(tmp_path, text + "\n示例县林业局\n2026年1月20日\n")


def test_a_units_overview_beside_its_measures_is_no_part_of_them(tmp_path: Path) -> None:
    """一、基本情况 (the unit's staff and remit) over 二、主要举措和成效: both were the part's, its
    heading 基本情况 and the staff counts its results (has_figures passed on 在编干部职工86人
    with none in 二、). The overview is left aside; alone, 一、基本情况 is still the year's work."""
    r = _overview_report(tmp_path, measures=True, figures=True)
    assert part(r, "achievements")["heading"] == "主要举措和成效"
    r = _overview_report(tmp_path, measures=True, figures=False)
    assert "achievements.has_figures" in failed(r)
    r = _overview_report(tmp_path, measures=False, figures=True)
    assert part(r, "achievements")["heading"] == "基本情况"
    assert part(r, "achievements")["status"] == "present"


def test_a_numbered_item_on_the_heads_of_companies_is_not_the_leaders_section(
    tmp_path: Path,
) -> None:
    """（1）…对企业主要负责人实施处罚21人次 set as a numbered item (a heading to the outline) named
    the leader part before the sentence that tells the leader's own acts, so the part's evidence
    was the companies' heads and its own-actions check failed."""
    told = sample_text().split(LEADER)[1].split("\n\n")[0]
    r = variant(
        tmp_path,
        (LEADER_SECTION, ""),
        (
            "（四）深化普法宣传。",
            "（四）强化安全生产执法。\n（1）全年立案查处安全生产违法案件78件，其中对企业主要负责人"
            "实施处罚21人次。\n（2）压实主体责任。" + told + "\n（五）深化普法宣传。",
        ),
    )
    leader = part(r, "leader_duties")
    assert leader["status"] == "embedded"
    assert "局长" in leader["evidence"][0]["quote"]
    assert "leader_duties.principal_own_actions" not in failed(r)


def _own_actions(r: dict[str, Any]) -> dict[str, Any]:
    leader = part(r, "leader_duties")
    return next(c for c in leader["checks"] if c["id"] == "principal_own_actions")


def _leader_section_says(tmp_path: Path, sentence: str, *edits: tuple[str, str]) -> dict[str, Any]:
    first = next(line for line in sample_text().split(LEADER)[1].splitlines())
    return variant(tmp_path, (LEADER + first, LEADER + sentence), *edits)


@pytest.mark.parametrize(
    "unit,sentence,own",
    [
        # a county government's report: a department's head is not its principal
        ("示例县人民政府", "县司法局局长亲自主持召开专题会议研究法治政府建设工作4次。", False),
        ("示例县人民政府", "县委办公室主任带头参加会前学法6次。", False),
        (
            "示例县人民政府",
            "各部门主要负责人认真履行职责，县司法局局长亲自主持召开专题会议4次。",
            False,
        ),
        # …its own: the county's Party secretary and head, named by their place
        ("示例县人民政府", "县委书记、县长亲自主持召开县政府常务会议专题研究法治工作4次。", True),
        # a unit's own head named with its name, or its name shortened
        ("示例县司法局", "县司法局局长亲自主持召开专题会议研究法治政府建设工作4次。", True),
        ("示例县卫生健康委员会", "县卫健委主任亲自带队开展依法执业监督检查8次。", True),
        ("示例县疾病预防控制中心", "县疾控中心主任亲自主持召开专题会议4次。", True),
        ("示例区城南街道办事处", "街道党工委书记亲自审定街道年度法治建设工作要点。", True),
        # a post the leader holds, a head whose report the leader hears: the leader acts
        (
            "示例县司法局",
            "县司法局党组书记、局长同时担任县委全面依法治县委员会办公室主任，亲自主持召开党组会议4次。",
            True,
        ),
        ("示例县人民政府", "县长根据县司法局局长的专题汇报，亲自主持召开县政府常务会议2次。", True),
        (
            "示例县人民政府",
            "县长针对县司法局局长汇报的执法突出问题，亲自主持召开专题会议2次。",
            True,
        ),
        (
            "示例县人民政府",
            "县委书记作为县委全面依法治县委员会主任，亲自主持召开委员会会议2次。",
            True,
        ),
        # the unit speaking of itself after what opens the clause (一是, （一）), 工委 for 党工委
        ("示例县司法局", "一是局党组书记亲自主持召开党组会议专题研究法治工作4次。", True),
        ("示例县司法局", "（一）局党组书记带头讲授法治专题党课2次。", True),
        ("示例区城南街道办事处", "街道工委书记亲自主持召开工委会议专题研究法治工作2次。", True),
    ],
)
def test_a_head_named_with_another_unit_is_not_the_principal(
    tmp_path: Path, unit: str, sentence: str, own: bool
) -> None:
    """In the leader's own section: acts told of 县司法局局长 in a county government's report are
    the bureau's head's (the message says whose), not the principal's."""
    first = next(line for line in sample_text().split(LEADER)[1].splitlines())
    r = variant(tmp_path, (LEADER + first, LEADER + sentence), ("示例县司法局", unit))
    check = _own_actions(r)
    assert check["passed"] is own, check["message"]
    if not own:
        assert "不是本人的" in check["message"], check["message"]


@pytest.mark.parametrize("head", ["厅长", "省长", "州长"])
def test_a_provinces_and_its_departments_principals_are_principals(
    tmp_path: Path, head: str
) -> None:
    """省直厅局 and 省政府 reports name their principal 厅长 / 省长 (州长 in a 自治州): their acts
    count in the leader's section, and a paragraph of them makes the part where it has none."""
    acts = f"{head}切实履行推进法治建设第一责任人职责，亲自主持召开专题会议4次，带头讲授法治党课。"
    r = _leader_section_says(tmp_path, acts, *governed(head))
    assert _own_actions(r)["passed"], _own_actions(r)["message"]
    alone = f"{head}高度重视法治建设，亲自主持召开党组会议研究法治工作4次，带头参加会前学法。"
    r = without_section(
        tmp_path, LEADER.strip(), ("本年度无其他需要报告的情况。", alone), *governed(head)
    )
    assert part(r, "leader_duties")["status"] == "embedded"


@pytest.mark.parametrize(
    "sentence,said",
    [
        # acts told, but someone else's: the message names whose, not "no act told"
        (
            "分管副局长具体负责法治建设工作，全年主持召开法治工作专题会议4次。",
            "“主持”等行动是“副局长”的",
        ),
        (
            "局法规科科长亲自组织执法人员培训4期，带队评查案卷2次。",
            "“亲自”等行动是“局法规科科长”的",
        ),
        # (由 is no part of the name: “由法制股股长”)
        (
            "法治建设工作由法制股股长牵头协调推动，全年组织学法6次。",
            "“牵头协调”等行动是“法制股股长”的",
        ),
        (  # (…and 经济发展股 keeps its 经)
            "经济发展股股长亲自组织执法人员培训4期，带队评查案卷2次。",
            "“亲自”等行动是“经济发展股股长”的",
        ),
        (
            "局党组全年召开专题会议3次研究法治建设。",
            "写了“局党组全年召开专题会议3次研究法治建设”，但没有写明是本人的行动",
        ),
        # the act in its clause, cut where the clause runs long: “召开” alone was not to be
        # found in the sentence quoted as the part's evidence
        (
            "局党组高度重视，全年在机关大院会议室按季度组织召开专题会议研究法治建设。",
            "写了“…机关大院会议室按季度组织召开专题会议研究…”",
        ),
        # the regulation's slogan copied, no act of anyone's
        ("局长做到重要工作亲自部署、重大问题亲自过问。", "只有“重要工作亲自部署”这类套话"),
        ("局长认真履行推进法治建设第一责任人职责，切实加强组织领导。", "只笼统描述职责"),
    ],
)
def test_no_act_of_the_leaders_says_why(tmp_path: Path, sentence: str, said: str) -> None:
    """A reviewer reading 未写本人的具体行动（亲自、带头、主持……） over a sentence holding 亲自
    looks for what is wrong: the message says whose the acts are, or that only the slogan is."""
    check = _own_actions(_leader_section_says(tmp_path, sentence))
    assert not check["passed"] and said in check["message"], check["message"]


@pytest.mark.parametrize(
    "sentence,embedded",
    [
        # the heads of those the unit oversees: villages, communities, hospitals, schools, centres
        ("14个村党组织书记、村委会主任带头参加“法律明白人”培训。", False),
        ("各社区党委书记带头讲法治党课。", False),
        ("区人民医院党委书记、院长亲自抓依法执业管理。", False),
        ("县实验中学党委书记带头讲授法治课。", False),
        ("镇综治中心主任亲自带队排查矛盾纠纷。", False),
        # …at their own meetings (主持召开), not only in person (亲自)
        ("县人民医院党委书记主持召开专题会议研究依法执业工作3次。", False),
        ("县实验中学党委书记、校长主持召开专题会议研究依法治校工作。", False),
        ("各社区党委书记专题研究社区法治建设工作，带头讲法治党课。", False),
        ("县一中党委书记、校长主持召开依法治校专题会议3次。", False),
        ("县职教中心党委书记带头讲授法治课4次。", False),
        # many units' heads, the sentence's subject
        ("全县12个乡镇党委书记带头开展年度述法，接受现场评议。", False),
        ("各街道党工委书记带头开展述法，逐一接受现场点评。", False),
        # …but not a sentence whose subject is the unit's own leader, naming them
        # …nor the scope a sentence opens with (全县…由县委书记、县长…, 各项…由局长…)
        (
            "全县法治政府建设由县委书记、县长亲自部署、亲自推动，全年主持召开专题会议4次。",
            True,
        ),
        ("各项重点工作均由局长亲自部署，全年主持召开党组会议专题研究法治工作4次。", True),
        (
            "县长带头并督促全县18个乡镇党委书记履行推进法治建设第一责任人职责，"
            "亲自主持召开法治政府建设推进会2次。",
            True,
        ),
        (
            "镇党委书记带领全镇各村党支部书记开展法治专题学习4次，"
            "亲自主持召开镇党委会议专题研究法治乡村建设工作3次。",
            True,
        ),
        # the principal leader as first responsible person for another duty
        ("镇党委书记认真履行全面从严治党主体责任第一责任人职责，全年带头讲党课2次。", False),
        ("镇长作为全镇安全生产工作第一责任人，全年带队开展安全检查15次。", False),
        ("镇长作为森林防火第一责任人，亲自带队巡查重点林区8次。", False),
        ("镇长作为河长制第一责任人，亲自带队巡河12次。", False),
        ("镇党委书记作为耕地保护第一责任人，亲自带队开展耕地保护巡查6次。", False),
        # this unit's principal at this duty still makes the part
        ("镇党委书记、镇长亲自主持召开专题会议研究法治建设工作3次。", True),
        ("镇长作为第一责任人，亲自带队开展行政执法检查4次。", True),
    ],
)
def test_other_heads_and_other_first_responsibilities_are_not_the_leaders_duty(
    tmp_path: Path, sentence: str, embedded: bool
) -> None:
    """A report with no leader section, one sentence of someone acting in person: a village's,
    a school's or a hospital's head, or the principal as 第一责任人 for safety, forests or rivers,
    is not the principal leader at the duty of 推进法治建设 (the part stays missing)."""
    r = without_section(
        tmp_path, LEADER.strip(), ("本年度无其他需要报告的情况。", sentence), *governed(sentence)
    )
    assert part(r, "leader_duties")["status"] == ("embedded" if embedded else "missing")


PROBLEMS_BODY = PROBLEMS + "\n" + sample_text().split(PROBLEMS + "\n")[1].split("\n\n")[0]


def _problems_say(tmp_path: Path, body: str) -> dict[str, Any]:
    """The sample with its problems section's text replaced by ``body``."""
    return variant(tmp_path, (PROBLEMS_BODY, PROBLEMS + "\n" + body))


@pytest.mark.parametrize(
    "body,causes",
    [
        # what a shortcoming leads to is no cause of it
        ("基层执法人员不足，执法规范性受到影响。", False),
        # a shortcoming described, or causes promised, names none (helper-219's A17, A20, A25)
        ("上述问题的产生，原因是多方面的，我们将认真研究，切实加以解决。", False),
        ("我局法治建设的不足之处在于：一是执法人员不足，二是普法不够深入。", False),
        ("一是部分成因复杂的历史遗留纠纷化解难度较大。", False),
        ("一是原因复杂的信访积案化解难度较大。", False),
        ("基层执法人员不足，普法工作成效因此受到一定影响。", False),
        ("基层执法程序不够规范，这些问题如不及时解决，将导致执法公信力下降。", False),
        ("基层窗口服务不够便捷，给群众办事造成的不便仍未完全消除。", False),
        # what a shortcoming comes from is
        ("基层执法人员不足，受机构改革影响，人员调整较大。", True),
        ("基层执法程序不够规范，是新进人员缺乏培训造成的。", True),
        ("基层执法人员不足，编制紧张导致执法力量难以补充。", True),
        ("基层执法人员不足，受限于人员编制，难以补充。", True),
        ("基层执法人员不足，囿于编制总量，难以补充。", True),
        ("基层执法人员不足，主要是因监督机构编制核定较早。", True),
        ("基层执法人员不足。我们认真分析了原因，归纳起来主要有以下几点：编制核定较早。", True),
        ("基层执法人员不足。分析原因：监督机构编制核定较早。", True),
        ("基层执法人员不足，日常监督工作受到一定程度的影响。", False),
        ("基层执法人员不足，执法工作的规范性受到了一定程度的影响。", False),
        ("基层执法人员不足，案件办理质量不高，极易导致行政复议纠错。", False),
        ("基层执法人员不足，执法程序不够规范，容易导致执法争议。", False),
        ("基层执法人员不足，给群众办事造成的不便较多。", False),
        # the cause, then what it caused
        ("基层执法力量薄弱，人员编制长期紧张造成的执法人员断档问题较为突出。", True),
        # what the disputes are like, what solving one takes, what may follow: no cause
        ("基层执法人员不足，与群众切身利益密切相关的行政争议仍然较多。", False),
        ("基层执法人员不足。解决这一问题，关键在于充实基层执法力量。", False),
        ("基层执法人员不足，一旦程序出现瑕疵，可能致使行政机关败诉。", False),
        # the cause, told as 这主要是… / 造成这一问题的，主要是…
        ("基层执法人员不足。这主要是机构改革后执法骨干流失较多。", True),
        ("基层执法人员不足。造成这一问题的，主要是乡镇执法编制紧张。", True),
        # what follows from them, told with 造成的/导致的/引起的 (可能, 极易, 由此)
        ("基层执法人员不足，可能导致的执法风险问题不容忽视。", False),
        ("基层执法人员不足，极易造成的执法不规范问题仍然存在。", False),
        ("基层执法人员不足，由此引起的群众投诉问题有所增加。", False),
        # the cause, told as 与…有(一定)关系 / 不无关系 / 直接相关 / 是对…不够造成的
        ("基层执法人员不足。这与执法人员法律专业背景薄弱有一定关系。", True),
        ("基层执法人员不足。这与乡镇执法人员频繁调整不无关系。", True),
        ("基层执法人员不足。这与我局执法人员少、任务重是有很大关系的。", True),
        ("基层执法人员不足。这与执法人员数量多少并没有直接关系。", False),
        ("基层执法人员不足。这主要是在乡镇一级表现得较为突出。", False),
        ("基层执法人员不足。出现这一情况，与执法人员流动性大直接相关。", True),
        # 客观上 of what a shortcoming does (影响了…), not of why it is there
        ("基层执法人员不足，先发文后报备，客观上影响了文件的严肃性。", False),
        ("基层执法人员不足，客观上也造成了执法不规范。", False),
        ("基层执法人员不足。客观上，乡镇执法编制偏少。", True),
        # both kinds of cause said to exist, neither told; then told
        ("基层执法人员不足。上述问题的产生，既有客观方面的原因，也有主观方面的原因。", False),
        # …, with a promise to look into them after it: none told still
        (
            "基层执法人员不足。上述问题的存在，既有客观方面的原因，也有主观方面的原因，"
            "我们将认真加以分析研究。",
            False,
        ),
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因，需要认真分析。"
            "一是乡镇执法编制紧张；二是经费投入有限。",
            True,
        ),
        ("基层执法人员不足。既有客观因素，也有主观因素，需要认真研究。", False),
        ("基层执法人员不足。究其原因，既有客观因素，也有主观因素，有待进一步深入剖析。", False),
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因，我局将认真解决机构改革后"
            "人员不足导致的执法力量薄弱问题。",
            True,
        ),
        ("基层执法人员不足。既有客观原因，也有主观原因，有待在今后工作中深入剖析。", False),
        # causes told after the comma, then the promise (helper-210's c2_b1–b4)
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因，首先是部分干部思想认识"
            "不到位，需要进一步研究解决。",
            True,
        ),
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因，主要是乡镇执法编制偏紧、"
            "业务培训投入不足，需要在今后工作中逐步加以解决。",
            True,
        ),
        ("基层执法人员不足。既有编制偏紧等客观原因，也有培训不足等主观原因，需要加以解决。", True),
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因，社会组织参与法治研究的"
            "渠道不畅，基层法律人才储备不足。",
            True,
        ),
        (
            "基层执法人员不足。这些问题的产生，既有客观方面的原因，也有主观方面的原因。"
            "客观上，乡镇执法编制偏少；主观上，培训针对性不强。",
            True,
        ),
        (
            "基层执法人员不足。既有客观方面的原因，也有主观方面的原因。"
            "一是乡镇执法编制紧张；二是经费投入有限。",
            True,
        ),
    ],
)
def test_consequences_are_not_causes(tmp_path: Path, body: str, causes: bool) -> None:
    r = _problems_say(tmp_path, body)
    assert ("problems.gives_causes" not in failed(r)) is causes


@pytest.mark.parametrize(
    "body,named",
    [
        ("我局法治政府建设工作与群众期盼还有一定距离，依法决策水平仍有提升空间。", True),
        # the stock admission alone names none; told after it, they are named
        ("我局法治政府建设工作还存在一些差距和不足，需要在今后工作中认真加以解决。", False),
        ("我局还存在一些不足：执法力量薄弱，普法形式单一。", True),
        # the admission, then the items in words of their own: they are named
        ("我局还存在一些不足。一是执法流于形式。", True),
        ("我局还存在一些不足，一是部门间职责边界不清。", True),
        ("我局仍存在一些问题。主要表现为：执法人员多为兼职。", True),
        ("我局还存在一些问题，比如执法人员年龄老化，普法形式老套。", True),
        ("我局存在一些差距，集中在执法人员年龄老化、专业人才断档。", True),
        ("我局还存在一些问题，如个别执法人员持证率低，执法文书制作粗糙。", True),
        ("我局还存在一些问题，特别是乡镇执法队伍中法律专业人员少。", True),
        # the stock admission in other words: 不足之处, 薄弱环节
        ("我局法治政府建设工作虽然取得了一定成效，但也还存在一些不足之处。", False),
        ("我局法治政府建设工作仍存在一些薄弱环节。", False),
        # 如 as "if", 如何; items already put right
        ("我局仍存在一些不足，如不加以重视，将影响法治政府建设进程。", False),
        ("我局仍存在一些短板，如何破解是下一步工作的重点。", False),
        ("我局仍存在一些问题，部分问题已在年内整改到位。", False),
        # the items after it in other words (有的…有的, 其中比较突出的是, 概括起来, the next sentence)
        ("我局还存在一些问题，有的执法人员持证率只有78%，有的案卷文书制作粗糙。", True),
        ("我局还存在一些问题，其中比较突出的是部分乡镇执法人员持证率只有78%。", True),
        ("我局还存在一些问题。部分乡镇执法人员持证率只有78%；普法活动以集中宣讲为主。", True),
        ("我局还存在一些问题，概括起来有两个方面。一方面，执法人员持证率只有78%。", True),
        ("我局执法规范化水平提升空间较大。", True),
        # none said to exist, 薄弱环节 among them, or in a list
        ("我局未发现明显薄弱环节。", False),
        ("我局不存在薄弱环节。", False),
        ("我局未发现明显短板和薄弱环节。", False),
        ("我局未发现明显问题、短板和薄弱环节。", False),
        ("我局执法队伍仍有薄弱环节，乡镇执法人员持证率只有78%。", True),
    ],
)
def test_a_stock_admission_names_no_shortcoming(tmp_path: Path, body: str, named: bool) -> None:
    r = _problems_say(tmp_path, body + "主要原因是人员编制有限。")
    assert ("problems.names_shortcomings" not in failed(r)) is named


@pytest.mark.parametrize(
    "sentence,plan",
    [
        ("对于上述问题，下一步我局将高度重视，认真加以整改。", M),
        ("今后，我局将针对上述问题，切实抓好整改落实。", M),
        ("下一步，我局将针对上述问题，每季度组织执法人员轮训一次，年内实现持证率95%。", E),
        # short, but naming the year or what will be done
        ("针对上述问题，2026年我局将通过招聘、培训充实执法力量，逐步加以解决。", E),
        ("针对上述问题，下一步我局将开展窗口人员法治轮训，推动系统对接，逐项加以解决。", E),
        # what will be done in words of its own (轮训, 招录), then the resolve
        ("下一步，我局将针对上述问题，分批轮训乡镇执法人员，确保问题整改到位。", E),
        ("今后，我局将通过招录专职人员，推动上述问题逐步解决。", E),
        # resolve in other words (举一反三, 在今后工作中…认真研究, 坚持问题导向, 确保整改到位)
        ("下一步，我局将对上述问题举一反三，认真加以整改。", M),
        ("下一步，我局将在今后工作中对上述问题认真研究，切实加以解决。", M),
        ("下一步，我局将坚持问题导向，认真抓好整改落实。", M),
        ("下步，我局将认真抓好整改落实。", M),
        # the unit named in two characters or more (我街道, 本街道, 我分局, 我中心)
        ("下一步，我街道将高度重视，认真抓好整改落实。", M),
        ("下一步，本街道将认真抓好整改落实。", M),
        ("今后，我分局将针对上述问题，切实抓好整改落实。", M),
        ("下一步，我办事处将高度重视，认真抓好整改落实。", M),
        ("下一步，我街道办将高度重视，认真抓好整改落实。", M),
        ("下一步，我旗将认真抓好整改落实。", M),
        ("对此，我分局将对照问题清单，逐项抓好整改落实，确保整改到位。", M),
        ("下一步，我中心将坚持问题导向，认真抓好整改落实。", M),
        ("下一步，我街道将分批轮训网格员，2026年底前实现持证上岗，确保整改到位。", E),
        ("接下来，我局将针对上述问题认真加以整改。", M),
        ("下一步，我局将对上述问题高度重视，采取有力措施，认真加以整改，确保整改到位。", M),
        # over two sentences
        ("对于上述问题，我局高度重视。下一步，将认真加以整改，切实抓好落实。", M),
        ("下一步，我局将对照上述问题，认真加以整改。", M),
        ("今后，我局将对上述问题认真研究，逐项整改到位。", M),
        ("对此，我们将在2026年工作中认真加以解决。", M),
        # a stock close after it, or the unit named in full (helper-212's h34, h44)
        ("下一步，我局将认真抓好整改，推动法治建设再上新台阶。", M),
        ("下一步，我局将认真抓好整改落实，为乡村振兴提供法治保障。", M),
        ("下一步，我局将认真抓好整改，持续推进法治政府建设。", M),
        ("下一步，我们将认真抓好整改，推动工作不断取得新成效。", M),
        ("下一步，县农业农村局将认真抓好整改。", M),
        ("下一步，县政府办将认真抓好整改落实，推动法治政府建设不断取得新成效。", M),
        # a measure among them is a plan
        ("下一步，县政府办将分批轮训执法人员，推动法治政府建设不断取得新成效。", E),
        # longer names, a 室 or 处, the unit's party group; other stock closes (helper-215's
        # a02-a04, s03, s04)
        ("下一步，县政府办公室将坚持问题导向，认真抓好整改落实，推动法治政府建设再上新台阶。", M),
        ("下一步，城关街道办事处将高度重视，认真抓好整改落实。", M),
        ("下一步，县城市管理综合行政执法局将认真抓好整改落实。", M),
        ("下一步，局党组将高度重视，认真抓好整改落实。", M),
        ("下一步，我局将认真抓好整改落实，努力开创法治工作新局面。", M),
        # helper-218's e06, e09
        ("针对上述问题，我局将高度重视，认真研究，切实加以解决，确保各项工作落到实处。", M),
        ("2026年，我局将对照要求，查漏补缺，持续用力，全面抓好整改落实。", M),
        # a measure in the close (helper-215's a08)
        ("2026年，我局将认真抓好整改落实，为乡镇执法队伍配齐执法记录仪提供经费保障。", E),
        # 对此/针对上述问题, then what the unit will do, and when
        ("对此，我局将在2026年通过公开招录补充乡镇执法人员，逐步加以解决。", E),
        ("针对上述问题，我局将于2026年上半年建成线上普法平台，并组织执法人员轮训2期。", E),
    ],
)
def test_a_promise_to_put_the_problems_right_is_no_plan(
    tmp_path: Path, sentence: str, plan: str
) -> None:
    """No plan section; the problems end with a sentence on next year: a promise to put them
    right arranges nothing (missing); one naming what will be done is the plan, embedded."""
    last = PROBLEMS_BODY.splitlines()[-1]
    r = without_section(tmp_path, PLAN, (last, last + sentence))
    assert part(r, "next_year_plan")["status"] == plan


PROMISE = "下一步，我局将高度重视，认真抓好整改落实。"
POINTS = "一是深化法治学习，每季度开展一次专题学法。二是充实执法力量，年内组织执法培训4次。"


@pytest.mark.parametrize(
    "after,plan",
    [
        # its points announced in its paragraph, or laid out as items on the lines below it
        ("重点抓好以下工作：" + POINTS, E),
        ("重点抓好两项工作：" + POINTS, E),
        ("\n1.深化法治学习。每季度开展一次专题学法。\n2.充实执法力量。年内组织执法培训4次。", E),
        ("\n（一）深化法治学习。每季度开展一次专题学法。\n（二）充实执法力量。", E),
        # announced on a line of its own, then the list (helper-214's c15)
        ("\n重点抓好以下几项工作：\n1.深化法治学习。\n2.充实执法力量。", E),
        # announced in other words, or its first point at once (helper-215's p01-p09, p15)
        ("具体措施如下：\n1.深化法治学习。\n2.充实执法力量。", E),
        ("\n重点做好以下几个方面的工作：\n（一）深化法治学习。\n（二）充实执法力量。", E),
        ("重点从三个方面发力：一是深化法治学习；二是充实执法力量。", E),
        ("\n主要措施：一是深化法治学习；二是充实执法力量。", E),
        ("一要深化法治学习；二要充实执法力量。", E),
        # its items doing something about the shortcomings (helper-215's p06, p16)
        ("\n1.着力解决智能监控规则不完善问题，新增监控规则30条。\n2.补充审核力量。", E),
        ("\n1.问题：监控规则库不完善。整改措施：新增监控规则30条。\n2.问题：人员不足。", E),
        # what follows it is the year's work, a label of it, the causes or the problems, not the
        # plan (helper-217's v01, v03, v04, v11, b01, c01, c02)
        ("\n普法宣传方面：针对新就业群体的普法做得不够。", M),
        ("\n上级交办重点任务完成如下：\n1.修订执法规程。\n2.开展案卷评查。", M),
        ("\n1.全年主持召开党组会议4次。\n2.带头讲授法治党课2次。", M),
        ("\n从主观方面看：对法治建设重要性认识不深。", M),
        ("一是执法人员与执法任务不相匹配，二是培训不足。", M),
        # what will be done, at once or after a lead-in (helper-218's v01, v02, v03, v12)
        ("一是积极争取增加执法人员编制；二是分批轮训执法人员。", E),
        ("\n1.加强执法监督队伍建设，解决监督力量薄弱问题。\n2.完善执法案卷评查制度。", E),
        ("\n1.全年组织执法人员专业培训不少于2期。\n2.开展案卷评查1次。", E),
        ("主要从以下几个方面入手：\n1.深化法治学习。\n2.充实执法力量。", E),
        ("\n（一）加强河湖执法监管的力度还不够。\n（二）执法装备不足。", M),
        ("\n1.推进综合监管制度建设还不到位。\n2.执法人员不足。", M),
        # nothing after it, or what follows is no list it leads into
        ("", M),
        ("全年共整改问题12个。", M),
        ("\n2.充实执法力量。年内组织执法培训4次。", M),  # a list going on, not one it starts
        # what it leads into is no plan: work done, the causes, the shortcomings, the report's
        # other parts (helper-214's c18, c19, c17, c27)
        ("目前整改情况如下：\n1.已于2025年10月完成公示平台数据更新。\n2.已修订决策规则。", M),
        ("产生上述问题的原因主要有三个方面：一是思想认识不到位，二是培训不足。", M),
        ("\n（一）依法治校工作发展不平衡。法治副校长到校履职偏少。\n（二）执法力量薄弱。", M),
        ("\n（一）党政主要负责人履行推进法治建设第一责任人职责情况\n局长主持会议4次。", M),
    ],
)
def test_a_promise_leading_into_its_points_is_the_plan(
    tmp_path: Path, after: str, plan: str
) -> None:
    """No plan section; the problems end with a promise to put them right (no plan by itself),
    then what it leads into: the points it announces or the list it starts are the plan."""
    last = PROBLEMS_BODY.splitlines()[-1]
    r = without_section(tmp_path, PLAN, (last, last + "\n" + PROMISE + after))
    assert part(r, "next_year_plan")["status"] == plan


@pytest.mark.parametrize(
    "body,plan",
    [
        ("下一步，我局将认真抓好整改。", M),
        ("下一步，我局将认真抓好整改，持续推进法治政府建设，推动法治建设再上新台阶。", M),
        ("下一步，我局将认真抓好整改。2026年，我局将分批轮训乡镇执法人员。", "present"),
        ("下一步，我局将认真抓好整改。\n1.分批轮训乡镇执法人员。\n2.建成线上普法平台。", "present"),
        # no promise: a forecast of when a measure is done, or spreading a practice, is the plan
        # in its own section (helper-214's c02, c01)
        ("一是新建不停车超限检测点3处，预计2026年9月底前投入使用。", "present"),
        ("下一步，我局将把信用风险分类监管经验推广到食品、特种设备等重点领域。", "present"),
        # a stock close with a measure in it (helper-214's c12)
        (
            "下一步，我局将认真抓好整改落实，推动“双随机、一公开”联合抽查全覆盖取得新成效。",
            "present",
        ),
    ],
)
def test_a_plan_section_holding_only_a_promise_arranges_nothing(
    tmp_path: Path, body: str, plan: str
) -> None:
    """四、…主要安排 over nothing but a promise to put the problems right (helper-212's h41)
    arranges no work: missing, as a bare heading, its note naming the heading and the promise."""
    section = PLAN + sample_text().split(PLAN)[1].split("\n\n")[0]
    r = variant(tmp_path, (section, PLAN + "\n" + body))
    assert part(r, "next_year_plan")["status"] == plan
    if plan == M:
        note = part(r, "next_year_plan")["note"]
        assert "2026年推进法治政府建设的主要安排" in note and body[:12] in note


def test_a_shared_heading_over_the_problems_and_a_promise_plans_nothing(tmp_path: Path) -> None:
    """三、存在的问题及下一步打算 over the problems and 下一步，我镇将高度重视，认真抓好整改落实。:
    the promise is none of the plan's words, so the heading's plan is untold (helper-214's c09)."""
    body = PROBLEMS_BODY.split("\n", 1)[1]
    r = without_section(
        tmp_path,
        PLAN,
        (
            PROBLEMS_BODY,
            "二、存在的问题及下一步打算\n" + body + "\n下一步，我局将高度重视，认真抓好整改落实。",
        ),
    )
    assert part(r, "problems")["status"] == "present"
    assert part(r, "next_year_plan")["status"] == M
    # the promise leading into what will be done, or measures labelled as such: the plan told
    # (helper-215's s02, s01)
    for told in (
        "\n一是增派专职律师2名；二是设立服务专窗。",
        "\n整改措施：分两批选派执法人员跟班学习。",
        "\n整改措施如下：一是增派专职律师2名；二是设立服务专窗。",  # helper-218's v05
    ):
        shared = (
            "二、存在的问题及下一步打算\n" + body + "\n下一步，我局将高度重视，认真抓好整改落实。"
        )
        r = without_section(tmp_path, PLAN, (PROBLEMS_BODY, shared + told))
        assert part(r, "next_year_plan")["status"] == "present", told


def test_a_sections_lead_leads_into_its_own_points(tmp_path: Path) -> None:
    """A promise opening the problems' section (its lead) is followed by the problems as items:
    they are the section's, no plan."""
    first = PROBLEMS_BODY.splitlines()[1]
    r = without_section(tmp_path, PLAN, (first, "对照上级要求，我局将认真加以整改。\n" + first))
    assert part(r, "next_year_plan")["status"] == M
    assert part(r, "problems")["status"] == "present"


@pytest.mark.parametrize(
    "sentence",
    [
        "县长亲自主持召开县政府常务会议学法4次，组织各乡镇和县直部门主要负责人开展年度述法。",
        "街道党工委书记亲自审定街道年度法治建设工作要点，带头参加会前学法6次。",
        "县疾控中心主任亲自审定中心年度法治建设工作要点，带头参加会前学法10次。",
        # a hospital's or a school's own report names its leader without its name
        "医院党委书记亲自主持召开党委会议专题研究依法治院工作4次，带头参加会前学法。",
        "学校党委书记、校长主持召开依法治校专题会议4次。",
        "一是医院党委书记亲自主持召开党委会议专题研究依法治院工作4次。",  # an item
    ],
)
def test_this_units_leader_acting_makes_the_leader_part(tmp_path: Path, sentence: str) -> None:
    """The unit's own leader at the duty, in a sentence that also names other units' heads, as
    a 街道's 党工委书记, or as a centre's own director: the part is there, embedded."""
    r = without_section(tmp_path, LEADER.strip(), ("本年度无其他需要报告的情况。", sentence))
    assert part(r, "leader_duties")["status"] == "embedded"


@pytest.mark.parametrize(
    "item",
    [
        "（四）压实责任。督促党政主要负责人认真履行推进法治建设第一责任人职责。",
        "（四）开展党政主要负责人年终述法全覆盖。",
        "（四）局长将亲自主持召开法治建设专题会议。",
    ],
)
def test_the_plan_is_no_place_for_the_leaders_year(tmp_path: Path, item: str) -> None:
    """What the plan says the leaders will do next year is no account of what they did this
    year: with no leader section, a plan item naming them leaves the part missing (it had
    read as the part, embedded in the plan: 要素齐全)."""
    plan_end = "针对新就业形态群体开展专题普法活动不少于20场。"
    r = without_section(tmp_path, LEADER, (plan_end, f"{plan_end}\n{item}"))
    assert part(r, "leader_duties")["status"] == M
    assert r["verdict"] == "incomplete"


def test_the_leaders_year_told_in_the_achievements_still_counts(tmp_path: Path) -> None:
    """The same words among the year's work are the part, embedded there (a guard: only the
    plan's section is closed to it)."""
    first = "（一）"
    act = "局党组书记、局长认真履行推进法治建设第一责任人职责，主持召开专题会议5次。"
    r = without_section(tmp_path, LEADER, (first, f"{act}\n{first}"))
    assert part(r, "leader_duties")["status"] == E


def test_a_deputys_acts_beside_a_slogan_are_said_to_be_the_deputys(tmp_path: Path) -> None:
    """Only the 分管副局长 acts, the 局长 only 带头尊法学法守法用法: the message says whose the acts
    are (it had named the slogan alone, as if no one had acted)."""
    first = next(line for line in sample_text().split(LEADER)[1].splitlines())
    sentence = (
        "分管副局长全年主持召开法治政府建设专题会议3次，亲自带队督查执法改革。"
        "局党组书记、局长带头尊法学法守法用法。"
    )
    check = _own_actions(variant(tmp_path, (LEADER + first, LEADER + sentence)))
    assert not check["passed"]
    assert "是“副局长”的，不是本人的" in check["message"], check["message"]
    assert "带头尊法学法守法用法" in check["message"], check["message"]


def test_a_long_sentences_quote_starts_at_a_clause(tmp_path: Path) -> None:
    """A quote cut from a long sentence before its cue starts where a clause does (2025年，…),
    not in the middle of one (同意，2025年，…); 县委书记、县长 stays one subject."""
    opening = "2025年，示例县司法局在县委、县政府的坚强领导下"
    said = (
        "根据市委依法治市办关于报送年度法治政府建设情况的通知要求，经局党组研究同意，2025年，"
        "局党组书记、局长认真履行推进法治建设第一责任人职责，全年主持召开专题会议4次，"
        "亲自出庭应诉行政诉讼案件1件。"
    )
    r = without_section(tmp_path, LEADER, (opening, said + opening))
    leader = part(r, "leader_duties")
    assert leader["status"] == E
    assert leader["evidence"][-1]["quote"].startswith("2025年，局党组书记、局长"), leader


@pytest.mark.parametrize(
    "heading",
    ["二、统筹安排部署，推动年度重点任务落地", "二、创新工作思路，推动执法改革"],
)
def test_a_theme_of_the_years_work_is_no_plan(tmp_path: Path, heading: str) -> None:
    """统筹安排部署，推动… / 创新工作思路，推动…: a theme of the year's work, not next year's plan."""
    r = built(tmp_path, H, heading + "\n全年完成重点任务12项。\n", PR, L)
    assert part(r, "next_year_plan")["status"] == "missing"


@pytest.mark.parametrize(
    "heading",
    [
        "二、妥善处置信访问题和突发事件，维护社会稳定",
        "二、聚焦群众反映的矛盾问题与信访诉求",
        # 存在 not of the work itself (helper-210's c4_b2, c4_b5)
        "二、及时处理群众反映中存在的问题",
        "二、整治执法领域存在的突出问题",
    ],
)
def test_a_theme_handling_others_problems_is_no_problems_section(
    tmp_path: Path, heading: str
) -> None:
    r = built(tmp_path, H, heading + "\n全年化解信访积案12件。\n", L, PL)
    assert part(r, "problems")["status"] == "missing"


@pytest.mark.parametrize(
    "heading",
    [
        "二、自查中发现的问题",
        "二、工作中遇到的困难",
        "二、当前面临的形势和困难",
        "二、信访事项办理中存在的问题和原因",  # 办理…问题 is a theme only with no 存在 between
        "二、矛盾纠纷化解工作中存在的困难",
        "二、处理群众投诉中存在的问题及原因",  # the part's own words (helper-211's q01)
    ],
)
def test_problems_headed_as_found_or_met_are_present(tmp_path: Path, heading: str) -> None:
    r = built(tmp_path, H, PR.replace("二、存在的不足和原因", heading), L, PL)
    assert part(r, "problems")["status"] == "present" and r["score"] == 100


def test_a_leader_heading_naming_the_post_is_the_leaders_section(tmp_path: Path) -> None:
    r = built(tmp_path, H, PR, L.replace(L.split("\n")[0], "三、县长履行法治职责情况"), PL)
    assert part(r, "leader_duties")["status"] == "present"


@pytest.mark.parametrize(
    "heading,status",
    [
        ("三、压实第一责任，发挥头雁作用", "present"),
        ("三、扛牢第一责任，当好法治建设“领头雁”", "present"),
        ("三、扛稳“第一责任”，推进法治政府建设", "present"),
        # another duty's, or the units below: the section's text (县长亲自主持…) makes it
        # embedded, no more (helper-210's c3_b1–b5)
        ("三、落实安全生产第一责任，守牢安全底线", "embedded"),
        ("三、压实第一责任，推进安全生产", "embedded"),
        ("三、落实第一责任，抓好河长制", "embedded"),
        ("三、落实第一责任主体，督促企业守法经营", "embedded"),
        ("三、落实第一责任，督促各乡镇抓好法治建设", "embedded"),
        # no sign it is the rule of law's or the leaders' lead (helper-211's l03, p18)
        ("三、压实第一责任，守牢食品药品质量底线", "embedded"),
        ("三、加强组织领导，压实第一责任", "embedded"),
    ],
)
def test_the_first_duty_taken_up_heads_the_leaders_section(
    tmp_path: Path, heading: str, status: str
) -> None:
    r = built(tmp_path, H, PR, L.replace(L.split("\n")[0], heading), PL)
    assert part(r, "leader_duties")["status"] == status


def test_every_levels_heads_in_a_heading_are_no_leaders_section(tmp_path: Path) -> None:
    heading = "三、压实各级党政主要负责人法治建设责任\n组织32个乡镇和部门主要负责人年度述法。\n"
    r = built(tmp_path, H, PR, heading, PL)
    assert part(r, "leader_duties")["status"] != "present"


@pytest.mark.parametrize(
    "said,acts",
    [
        ("县长对法治建设亲自抓、负总责，带头尊法学法守法用法。", False),
        ("县长深入乡镇现场协调解决执法争议3起。", True),
        ("县长对重大行政决策合法性审查逐一把关。", True),
    ],
)
def test_the_leaders_slogans_and_acts(tmp_path: Path, said: str, acts: bool) -> None:
    r = built(tmp_path, H, PR, L.replace("县长亲自主持召开法治专题会议4次。", said), PL)
    assert ("leader_duties.principal_own_actions" not in failed(r)) is acts


@pytest.mark.parametrize(
    "body,gives",
    [
        ("矛盾纠纷反复发生，未能从根源上化解。", False),
        ("与先进地区相比，差距主要在于：执法人员少，装备落后。", False),
        ("以案释法、案例剖析运用较少。", False),
        ("执法人员少、装备落后。这些问题，一方面是编制有限，另一方面是投入不足。", True),
        ("执法人员少。从根源上看，是编制有限。", True),
    ],
)
def test_what_a_cause_word_says_in_its_sentence(tmp_path: Path, body: str, gives: bool) -> None:
    """根源/在于/剖析 in a shortcoming (未能从根源上化解, 差距在于…, 案例剖析较少) give no cause;
    这些问题，一方面是… does."""
    r = built(tmp_path, H, "二、存在的不足和原因\n" + body + "\n", L, PL)
    assert ("problems.gives_causes" not in failed(r)) is gives


@pytest.mark.parametrize(
    "body,gives",
    [
        ("执法人员少。归结起来，主要是编制偏紧。", True),
        ("执法人员少。深究起来，一是编制偏紧，二是培训不足。", True),
        ("执法人员少，说到底是编制配置跟不上任务增长。", True),
        ("执法人员少。下一步将分类施策，因企施策，开展法治体检。", False),
        ("对被纠错案件的原因梳理总结不够。", False),
        ("当前执法工作的难点在于电子证据固定难。", False),
        ("执法人员少。下一步将深入查摆原因，逐项制定整改措施。", False),
        # what lies behind a shortcoming, and its two sides after it, are its causes; two sides
        # a shortcoming shows itself in, or one side alone, are not
        ("执法人员少，其背后反映出编制配置滞后的深层次问题。", True),
        ("执法人员少，背后反映的是人才引进机制不健全。", True),
        ("执法人员少，一方面是由于编制紧张，另一方面是因为培训不足。", True),
        ("执法人员少，主要表现在持证人员偏少，一方面源于编制紧张，另一方面源于培训不足。", True),
        # two sides told after a shortcoming are read as its causes
        ("执法人员不足，一方面是编制有限，另一方面是新进人员法律专业背景欠缺。", True),
        ("执法不规范主要表现在两个方面，一方面是程序意识不强，另一方面是文书不规范。", False),
        ("执法人员少，一方面是编制紧张。", False),
        # an analysis said to be done, under way or aimed at, or causes said to be many, is no
        # cause told; a 由于 behind a success explains no shortcoming
        ("执法人员少。我局认真进行了原因分析，将在今后工作中认真加以解决。", False),
        ("执法人员少。我们进行了深入剖析，找准了问题根源。", False),
        ("执法人员少。究其原因，是多方面的，需要在今后工作中认真加以解决。", False),
        ("执法人员少。以上问题的原因正在进一步梳理分析中。", False),
        ("执法人员少。针对问题产生的原因，镇党委已专题研究整改措施。", False),
        ("由于镇党委高度重视，全年法治建设任务顺利完成，但执法人员少。", False),
        ("执法人员少。究其原因，是多方面的：一是编制紧张，二是培训不足。", True),
        ("执法人员少。我们进行了原因分析，主要是编制紧张。", True),
        ("执法人员少。经深入剖析，主要是编制紧张。", True),
        ("执法人员少。究其原因，是多方面的。一是机构改革后人员调整大；二是培训经费有限。", True),
        ("执法人员少。我局对此开展了深入剖析。一是编制少，二是培训少。", True),
        ("执法人员少。问题的根源在研究谋划不深。", True),
        ("执法人员少。由于人员流动频繁，部分年度重点任务未能顺利完成。", True),
        # 存在/出现/分析上述问题，一是… leads the causes in (helper-200's d24); the same words
        # after 针对/防止 lead measures in, and a search for the 根由 promises one
        ("执法人员少，宣传不够。存在上述问题，一是编制偏紧，二是重视不够。", True),
        ("执法人员少，宣传不够。出现上述问题，首先是编制偏紧，其次是重视不够。", True),
        ("执法人员少，宣传不够。分析上述问题，一是编制偏紧，二是重视不够。", True),
        ("执法人员少。问题产生的根由：编制长期偏紧。", True),
        ("执法人员少，宣传不够。针对存在上述问题，一是增加编制，二是加强宣传。", False),
        ("执法人员少，宣传不够。为防止出现上述问题，一是增加编制，二是加强宣传。", False),
        ("执法人员少，宣传不够。下一步将深入分析上述问题，逐项制定整改措施。", False),
        # (helper-203: measures and more shortcomings after the same words, not opening a sentence)
        ("执法人员少，宣传不够。对存在上述问题，一是加强培训，二是加强宣传。", False),
        ("执法人员少，宣传不够。为避免再次出现上述问题，一是增加编制，二是加强宣传。", False),
        ("执法人员少，宣传不够。针对目前存在上述问题，一是增加编制，二是加强宣传。", False),
        ("执法工作还存在这些不足：一是人员少，二是宣传不够。", False),
        ("执法人员少。各基层所也不同程度存在上述问题，一是人员少，二是装备旧。", False),
        # …a short clause before them (helper-205's D01, D02)
        ("执法人员少，宣传不够。经认真分析，存在上述问题，一是编制偏紧，二是重视不够。", True),
        ("执法人员少，宣传不够。综合来看，产生这些问题，一是编制偏紧，二是经费不足。", True),
        # (helper-206) a list of the shortcomings themselves; 根由 as 根源上 (where, not why)
        ("对照年度目标任务，存在这些不足：一是执法人员少，二是宣传不够。", False),
        ("执法人员少。下一步，我局将从根由上推动问题解决。", False),
        ("执法人员少，宣传不够。结合年度考核和群众评议情况，产生上述问题，首先是编制偏紧。", True),
        ("执法人员少。下一步将认真查找问题根由，加以整改。", False),
    ],
)
def test_causes_summed_up_and_what_only_sounds_like_one(
    tmp_path: Path, body: str, gives: bool
) -> None:
    """归结起来 / 深究起来 / 说到底 / 背后反映出 / …，一方面是由于…另一方面… give the causes; 因企施策
    (how), 原因梳理总结不够, 难点在于 and 表现在…一方面是… (shortcomings) and 查摆原因 (a
    promise) give none."""
    r = built(tmp_path, H, "二、存在的不足和原因\n" + body + "\n", L, PL)
    assert ("problems.gives_causes" not in failed(r)) is gives


def test_the_leaders_duty_owned_as_a_shortcoming_is_not_the_leaders_part(tmp_path: Path) -> None:
    """No leaders' section; the problems' first point owns the duty as a shortcoming, its heading
    cut where the law's words end (helper-186's n03): it was the part embedded and its own-acts
    check passed on 专题研究法治工作次数偏少."""
    body = (
        "一是党政主要负责人履行推进法治建设第一责任人职责还不够到位，专题研究法治工作次数偏少，"
        "亲自过问重大执法案件不多；二是执法人员专业化程度不高。原因是培训不足。"
    )
    r = variant(tmp_path, (LEADER_SECTION, ""), (PROBLEMS_BODY, PROBLEMS + "\n" + body))
    assert part(r, "leader_duties")["status"] == "missing"
    assert part(r, "problems")["status"] == "present"
    # the shortcoming answered in the leaders' own section: the act stands (helper-188's b03)
    answered = (
        "针对上年度督察反馈的主要负责人履职还不够到位的问题，局长亲自牵头制定整改方案，"
        "亲自主持召开党组会议专题研究法治工作4次。"
    )
    for said in (
        answered,
        # the act and the shortcoming in one sentence (helper-189's b01)
        "局党组书记、局长亲自主持召开党组会议研究法治工作3次，但对照上级要求，"
        "第一责任人职责履行还不够到位。",
    ):
        r = variant(tmp_path, (LEADER_SECTION, f"{LEADER}{said}\n\n"))
        assert part(r, "leader_duties")["status"] == "present"
        assert "leader_duties.principal_own_actions" not in failed(r), said


_THEMED = (
    "某县交通运输局关于2025年度法治政府建设情况的报告\n"
    "一、2025年法治政府建设工作开展情况\n"
    "（一）健全依法决策机制。全年审查合同协议56份，提出法律意见61条。\n"
    "（二）{theme}。全年开展执法检查32次，办理行政处罚案件7件。\n"
    "（三）压实第一责任人职责。局党组书记、局长亲自主持召开党组会议专题研究法治工作4次。\n"
    "二、2026年工作安排\n"
    "2026年，我局将持续规范执法行为，组织执法培训不少于3期。\n"
    "{closing}"
)


@pytest.mark.parametrize(
    "theme",
    [
        "聚焦薄弱环节，强化基层执法监督",
        "强化弱项领域执法监督",
        "短板攻坚，推进执法规范化",
        "及时纠正执法监督中发现的问题",
        "积极应对数字政府建设面临的新挑战",
        "强化信访问题与矛盾纠纷化解",
        "建立执法问题清单",
    ],
)
@pytest.mark.parametrize(
    "closing,status",
    [
        ("", M),
        (
            "总的看，我局法治工作还存在执法人员不足、信息化水平不高等问题，原因在于经费保障不够。\n",
            E,
        ),
        ("总的来看，我局法治工作仍存在执法力量不足的问题，原因是编制有限。\n", E),
    ],
)
def test_a_theme_of_work_on_weak_points_is_no_statement_of_shortcomings(
    tmp_path: Path, theme: str, closing: str, status: str
) -> None:
    """A sub-heading of work done on weak points or others' problems (聚焦薄弱环节，强化… / 纠正…发现
    的问题 / 应对…面临的新挑战 / 建立执法问题清单) names no shortcoming of the unit's (helper s30's
    review2/3 traps): with none told, the part is missing; told only in a closing sentence (…还存在
    …等问题 / 仍存在…的问题), it is that sentence's, with its causes — the theme had taken the part
    and gives_causes failed on the theme's text."""
    r = built(tmp_path, _THEMED.format(theme=theme, closing=closing))
    problems = part(r, "problems")
    assert problems["status"] == status
    if status == E:
        assert problems["evidence"][0]["quote"].startswith("总的")
        assert "problems.gives_causes" not in failed(r)


@pytest.mark.parametrize(
    "heading,text,gone,pid",
    [
        # all leading cadres learning law: not the principal's duty (helper-204's f37)
        (
            "（五）领导干部带头学法用法情况",
            "全县领导干部全部参加年度网上学法考试，参考率100%。",
            LEADER,
            "leader_duties",
        ),
        # digging into causes of disputes, a theme of work: no shortcoming told (f38)
        (
            "（五）深挖问题原因，推动源头治理",
            "对信访积案逐件剖析成因，推动源头化解42件。",
            PROBLEMS,
            "problems",
        ),
    ],
)
def test_an_achievements_item_that_only_sounds_like_a_part_is_not_it(
    tmp_path: Path, heading: str, text: str, gone: str, pid: str
) -> None:
    """Its part's own section taken out, an item of the year's work whose heading only sounds
    like it leaves the part missing (it had been embedded there, the verdict complete)."""
    after = "\n\n三、" if gone == PROBLEMS else "\n\n二、"  # the end of the year's work
    r = without_section(tmp_path, gone, (after, f"\n{heading}\n{text}{after}"))
    assert part(r, pid)["status"] == M


@pytest.mark.parametrize(
    "heading",
    [
        "二、需要加强的薄弱环节",
        "二、仍需强化的短板弱项",
        "二、存在的短板及补齐措施",
        "二、应对新形势新挑战方面存在的不足",
        "二、矛盾纠纷化解和行政执法监督中存在的不足",
        "二、自查发现的问题及整治情况",
        "二、当前存在的主要问题及化解措施",
        # (helper-206) ending in what is short, or what the work exposed
        "二、矛盾纠纷化解工作中的薄弱环节",
        "二、年度自查建立的问题清单",
        "二、应对新挑战中暴露出的短板",
        "二、纠正执法突出问题方面的差距",
    ],
)
def test_a_problems_heading_that_names_them_is_theirs_whatever_work_it_mentions(
    tmp_path: Path, heading: str
) -> None:
    """A top-level heading stating the unit's shortcomings (存在/发现…的不足, 需要加强的…) that
    also mentions work on them (化解, 应对, 补齐, 整治) heads the problems — the excludes for
    themes of work had made it embedded or missing (helper-205's A02-A17)."""
    r = variant(tmp_path, (PROBLEMS, heading))
    assert part(r, "problems")["status"] == "present"
    assert "problems.gives_causes" not in failed(r)


@pytest.mark.parametrize(
    "sentence",
    [
        "针对部分老旧小区仍存在的物业服务不规范、停车难等问题，联合街道开展专项调解46件。",
        "对检查中发现仍存在消防通道堵塞、应急预案缺失等问题的32家企业下达整改通知书。",
        "督促整改企业仍存在的证照不全、台账缺失等问题，整改完成率100%。",
        "对排查中尚存在审批手续不全的问题项目12个逐一跟踪督办。",
        # (helper-206) 我局 acting on others who still have them
        "我局执法人员深入辖区商户开展普法宣传，部分经营者依然存在亮照经营不规范等问题。",
        "我局开展“双随机、一公开”抽查，部分企业仍存在台账不全等问题。",
    ],
)
def test_others_problems_still_there_are_no_shortcoming_of_the_units(
    tmp_path: Path, sentence: str
) -> None:
    """仍存在…等问题 said of others (小区, 企业, 项目) the unit works on: with no problems section
    the part stays missing (helper-205's B03-B10); the unit's own (总的看，我局还存在…等问题) is
    the part's, test_a_theme_of_work_on_weak_points_is_no_statement_of_shortcomings."""
    section = PROBLEMS + sample_text().split(PROBLEMS)[1].split("\n\n")[0] + "\n\n"
    first = "一、2025年推进法治政府建设的主要举措和成效\n"
    r = variant(tmp_path, (section, ""), (first, f"{first}{sentence}\n"))
    assert part(r, "problems")["status"] == M


def test_a_run_of_acts_with_no_sentence_stop_is_read_back_a_bounded_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crafted sub-section of the leader's: the leader named once, then thousands of acts in
    one sentence that never ends. Each act is read back at most a few hundred characters, a
    few sentences (the first carried rule read back to the text's start for each act: minutes
    for 40,000 acts); past a run longer than any real sentence nothing is carried."""
    from fzcheck.analysis import checks

    reads: list[int] = []
    real = checks._sentence_start

    def counted(text: str, at: int) -> int:
        start = real(text, at)
        reads.append(at - start)
        return start

    monkeypatch.setattr(checks, "_sentence_start", counted)
    n = 2_000
    duty = "局长认真履行推进法治建设第一责任人职责。同时" + "，全年主持召开会议" * n
    r = without_section(
        tmp_path, LEADER, ("\n\n二、", f"\n（五）压实法治建设第一责任人职责\n{duty}\n\n二、")
    )
    assert part(r, "leader_duties")["status"] == "embedded"
    assert reads and max(reads) <= checks._LOOK_BACK and len(reads) <= 3 * n
