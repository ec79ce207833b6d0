"""The GIP report's sections as units word them: problems that only sound like measures."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.gip import reports as gip
from tests.gip.test_tables import check, write

PLAN = "下一步，我局将加强解读，完善办理流程，每季度组织一次业务培训。"


def _part_flag(tmp_path: Path, old: str, new: str, check_id: str) -> dict[str, object]:
    """The part check ``check_id`` on the layout report with ``old`` (in it) replaced by ``new``."""
    text = gip.layout_text()
    assert old in text
    r = check(write(tmp_path, "five.txt", text.replace(old, new)))
    return next(c for p in r["parts"] for c in p["checks"] if c["id"] == check_id)


def _improvements_flag(tmp_path: Path, section: str) -> dict[str, object]:
    return _part_flag(tmp_path, PLAN, section, "names_improvements")


@pytest.mark.parametrize(
    "section",
    [
        # 将 as 把 (将…视为), and 推进 / 加强 said of what falls short
        "一是个别股室将信息公开视为额外负担，重点领域公开推进不平衡；二是对政务新媒体的巡查加强不够。",
        "一是部分科室将公开工作当作临时任务，信息更新完善不及时；二是解读工作推进缓慢。",
        # what was not done, in the words of a measure
        "一是尚未建立信息发布审核机制，未制定解读工作规范；二是考核制度不健全。",
        # what was done, told in the measures' words (新制定的, 多采用, 已建立的)
        "部分股室对新制定的文件公开不及时，多采用集中补录的方式上传；对已建立的公开审查程序执行不严格。",
        # a shortcoming told with a measure's verb (一是开展…的形式不够丰富)
        "一是开展政策解读的形式不够丰富；二是组织业务培训的次数偏少，覆盖面不足。",
        # what was not put right, and a change that is a shortcoming (人员调整频繁)
        "一是上年问题整改不彻底，栏目未能及时更新；二是人员调整频繁，力量薄弱。",
        # what changed or was put right, told as a problem (修订后未及时公开, 数量逐年提高,
        # 整改工作推进缓慢, 调整人员后交接不畅, 提高不明显)
        "一是部分规范性文件修订后未及时公开；二是依申请公开数量逐年提高，办理压力大。",
        "一是对上年度问题整改工作推进缓慢；二是部分股室调整人员后工作交接不畅。",
        "一是对上级通报问题整改时限把握不准；二是公开质量提高不明显。",
        # a promise to care, no measure
        "针对上述问题，我局高度重视改进。",
        "一是解读形式不够丰富。针对上述问题，我局将高度重视，认真加以整改。",
        # resolve to go on with the work and do it better: nothing named to build, make or do
        "一是解读形式不够丰富。今后，我镇将继续做好政府信息公开工作，不断提高政府信息公开工作水平。",
        "一是解读形式不够丰富。下一步，我局将进一步加大政府信息公开力度，持续提升公开质量和实效。",
        # a trend (数量持续增加, 要求不断提高), a 将 that is 把 and not done (未将…报送), a time
        # (修订后), a measure going slowly (推进…进度偏慢)
        "一是随着依申请公开数量持续增加，办理人员力量相对不足；"
        "二是申请人对答复规范性的要求不断提高，个别答复书说理不够充分。",
        "一是个别股室未将应主动公开的信息及时报送局办公室；"
        "二是《示例县交通运输行政执法公示办法》于2024年5月修订后，门户网站未及时更新。",
        "一是个别股室未将政策解读与政策文件同步起草；二是答复书说理较为简单，推进规范化建设进度偏慢。",
        # what falls short, told after a position a measure may open (（二）, 和, 一方面, a time)
        "（一）发布渠道较为单一，以网站为主。（二）举办业务培训次数偏少。",
        "一是下半年更新频率明显下降；二是年内发布政策解读数量较上年减少。",
        "一是信息公开和发布渠道较为单一；二是栏目设置和调整缺乏统一规范。",
        "一方面开展政策解读的形式较为单一，另一方面组织业务培训的频次偏少。",
        "一是上年度发现的问题尚未全部整改到位；二是部分栏目尚未完成迁移。",
    ],
)
def test_problems_worded_with_measure_words_name_no_improvement(
    tmp_path: Path, section: str
) -> None:
    assert not _improvements_flag(tmp_path, section)["passed"]


@pytest.mark.parametrize(
    "section",
    [
        PLAN,
        "2025年，我局将进一步健全公开制度，推进重点领域信息公开。",
        "针对上述问题，将持续加强培训，完善考核办法。",
        "下一步，我办将把信息公开纳入年度考核，认真改进不足。",  # 将把…: what will be done
        # measures told as acts under their own sub-heading
        "（二）改进措施。一是建立信息发布提醒机制，安排专人每周检查栏目更新情况；"
        "二是采用问答、图解方式开展政策解读。",
        # measures told by their acts after 改进措施： / 下一步 (制作, 依托, 明确, 围绕)
        "改进措施：制作图解、短视频等解读产品，依托服务大厅开展政策宣传。",
        "改进措施：一是明确专人每周更新；二是围绕医保政策开展解读。",
        "信息更新不够及时。下一步明确专人负责，每月检查更新。",
        # acts after 是 in verbs of their own (深化, 提高, 抓好), the unit's plan (我局计划…, 同时拟…)
        "2026年，我局重点做好以下工作：一是深化重点领域信息公开；二是提高政策解读质量；"
        "三是抓好政务新媒体日常管理。",
        "2026年，我局计划通过增设图解、视频等形式丰富解读，力争每项重要政策均配发解读材料；"
        "同时拟每半年开展一次业务培训。",
        # what was already put right: 改进情况 as the law words it
        "针对上述问题，我局于2025年10月修订了信息发布审核制度，栏目更新由办公室专人负责。",
        # what was done already (已重新编制, 举办), measures numbered 1. 2.
        "政策解读形式不够丰富。对此，我局已重新编制政府信息公开指南并在门户网站公布，举办业务培训2次。",
        "（二）改进措施。1.丰富政策解读形式，对重要政策同步制作图解。2.规范答复文书，对每件答复书实行法制审核。",
        # measures listed with 、, joined by 和/并, after 通过 or …中
        "一是优化栏目设置、完善审核流程、加强业务培训。",
        "我局拟通过增加培训频次和完善考核机制提升公开质量。",
        "2026年，我局计划在重点领域公开中加强审核，在政策解读中丰富形式。",
        "我局已于2025年底完成整改，并修订了信息发布审核制度。",
        # after a time (下半年, 每季度, 于12月), 组织 or 一方面; 完成/发布/推出/安排 as acts
        "为此，我局于2024年下半年开展了两次专题培训，并制定了《依申请公开办理规程》。",
        "我局已建立解读材料同步发布机制。同时，每半年组织一次依申请公开业务培训。",
        "我局已于2024年11月完成主动公开目录的全面梳理，并于12月组织业务培训。",
        "改进措施：通过政府网站同步发布政策解读，每季度开展一次依申请公开业务培训。",
        "问题发现后，我局立即组织修订了办理流程，并对办理人员进行了集中培训。",
        "对此，我局一方面推出图文解读等多种形式，另一方面安排专人跟踪指导办理工作。",
    ],
)
def test_improvements_as_units_word_them_are_named(tmp_path: Path, section: str) -> None:
    assert _improvements_flag(tmp_path, section)["passed"]


ABBREVIATED = [
    ("一、本年新收政府信息公开申请数量", "一、新收"),
    ("二、上年结转政府信息公开申请数量", "二、结转"),
    ("（一）予以公开", "（一）公开"),
    ("2.其他法律行政法规禁止公开", "2.法律法规禁止"),
    ("3.补正后申请内容仍不明确", "3.内容不明确"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2.逾期未缴费"),
    ("3.其他", "③其他"),
]


def test_rows_labelled_short_are_read_and_their_sums_checked(tmp_path: Path) -> None:
    """一、新收 / 二、结转 / （一）公开 / ③其他 … as units shorten the template's labels: each row
    is read (a row dropped hid its wrong total, and ③其他's values fell out of the sum)."""
    text = gip.tab_text()
    for full, short in ABBREVIATED:
        assert f"\t{full}\t" in text, full
        text = text.replace(f"\t{full}\t", f"\t{short}\t")
    r = check(write(tmp_path, "short.txt", text))
    table = next(t for t in r["tables"] if t["id"] == "requests")
    read = {row["id"] for row in table["rows"]}
    assert {"new", "carried_in", "disclosed", "withheld_law", "unable_unclear"} <= read
    assert {"other_no_fee", "other_misc"} <= read
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"], sums["message"]


@pytest.mark.parametrize(
    "unit,late",
    [
        ("示例市人民政府研究室", True),  # 室: a department, and an issuer at all
        ("示例市公安局交通警察支队", True),
        ("示例县档案馆", True),
        ("示例县人民政府", False),  # a government: 31 March
        ("示例街道办事处", False),  # not a department's 处
    ],
)
def test_a_departments_deadline_by_its_names_end(tmp_path: Path, unit: str, late: bool) -> None:
    """Signed 10 March: late for a department (31 January); a government's deadline (31 March)
    is still ahead, so nothing is said of it without a publication date."""
    text = (
        gip.layout_text()
        .replace("示例县交通运输局", unit)
        .replace("2025年1月20日", "2025年3月10日")
    )
    r = check(write(tmp_path, "unit.txt", text))
    assert r["document"]["issuer"] == unit
    flags = [c for c in r["checks"] if c["id"] == "published_in_time"]
    assert any(not c["passed"] for c in flags) is late, flags


@pytest.mark.parametrize(
    "titled,late",
    [
        ("示例县人民政府办公室", True),  # the office's own report: a department's, 31 January
        ("示例县人民政府", False),  # the government's, its office signing: 31 March
    ],
)
def test_whose_report_it_is_by_its_title_not_its_signer(
    tmp_path: Path, titled: str, late: bool
) -> None:
    """Both signed by 示例县人民政府办公室 on 10 March: the title says whose report it is."""
    head = gip.layout_text().split("\n", 1)
    text = head[0].replace("示例县交通运输局", titled) + "\n" + head[1]
    text = text.replace("示例县交通运输局", "示例县人民政府办公室").replace(
        "2025年1月20日", "2025年3月10日"
    )
    r = check(write(tmp_path, "office.txt", text))
    assert r["document"]["issuer"] == "示例县人民政府办公室"
    flags = [c for c in r["checks"] if c["id"] == "published_in_time"]
    assert any(not c["passed"] for c in flags) is late, flags


@pytest.mark.parametrize(
    "titled,signer,late",
    [
        # the 主管部门 publishing its government's report (第四十九条): 31 March
        ("示例县", "示例县政务公开领导小组办公室", False),
        ("示例县", "示例县政务服务和数据管理局", False),
        # the same body's own report, its name in the title: a department's, 31 January
        ("示例县政务服务和数据管理局", "示例县政务服务和数据管理局", True),
        # another department signing a title naming the place only: its own report
        ("示例县", "示例县交通运输局", True),
    ],
)
def test_the_body_publishing_its_governments_report_has_its_deadline(
    tmp_path: Path, titled: str, signer: str, late: bool
) -> None:
    """Signed 10 March: in time for a government's report its 主管部门 publishes, late for a
    department's own."""
    head = gip.layout_text().split("\n", 1)
    text = head[0].replace("示例县交通运输局", titled) + "\n" + head[1]
    text = text.replace("示例县交通运输局", signer).replace("2025年1月20日", "2025年3月10日")
    r = check(write(tmp_path, "publisher.txt", text))
    assert r["document"]["issuer"] == signer
    flags = [c for c in r["checks"] if c["id"] == "published_in_time"]
    assert any(not c["passed"] for c in flags) is late, flags


@pytest.mark.parametrize(
    "signer,asked",
    [
        ("示例县人民政府", True),
        ("示例县人民政府办公室", True),  # the office signing its government's report
        ("示例县交通运输局", False),
    ],
)
def test_a_title_naming_only_its_place_is_the_signers_report(
    tmp_path: Path, signer: str, asked: bool
) -> None:
    """示例县2024年…报告: the place says less than the body that signs it; a government's
    report is asked for its assessment results (they were not asked: the place was taken as
    the unit), a department's is not."""
    head = gip.layout_text().split("\n", 1)
    text = head[0].replace("示例县交通运输局", "示例县") + "\n" + head[1]
    r = check(write(tmp_path, "place.txt", text.replace("示例县交通运输局", signer)))
    assert r["document"]["issuer"] == signer
    assert any(c["id"] == "government_results" for c in r["checks"]) is asked


def test_parts_one_level_down_under_a_heading_naming_none_are_present(tmp_path: Path) -> None:
    """A township's 二、政府信息公开情况 over （一）主动公开 and （二）依申请公开: those are the parts'
    own sections one level down (present, full credit), not sentences embedded elsewhere."""
    text = (
        "示例乡人民政府2024年政府信息公开工作年度报告\n本报告统计期限为2024年1月1日至2024年12月31日。\n"
        "一、总体情况\n本年度依法做好政府信息公开工作。\n二、政府信息公开情况\n（一）主动公开\n"
        "主动公开政府信息120条。\n（二）依申请公开\n全年收到政府信息公开申请0件。\n"
        "三、政府信息公开行政复议、行政诉讼情况\n无。\n四、存在的主要问题及改进情况\n"
        "解读形式单一。下一步将加强解读，完善栏目。\n五、其他需要报告的事项\n无。\n"
    )
    r = check(write(tmp_path, "township.txt", text))
    status = {p["id"]: p["status"] for p in r["parts"]}
    assert status["proactive"] == status["requests"] == "present"


PROBLEMS = "一是政策解读形式还不够丰富；二是依申请办理人员业务能力仍需提升。"


def _problems_flag(tmp_path: Path, section: str) -> dict[str, object]:
    return _part_flag(tmp_path, PROBLEMS, section, "names_problems")


@pytest.mark.parametrize(
    "section",
    [
        # only last year's problems, put right: none of this year's is named
        "上年度报告中指出的信息更新不够及时的问题，已于年内整改到位。",
        "针对去年存在的政策解读形式单一、更新不及时等问题，我局逐项整改，均已完成。",
        # last year's report named by its year
        "针对2023年度报告中指出的“信息更新不够及时”的问题，我局已于年内整改到位。",
        # a denial names nothing
        "经自查，本年度未发现明显问题。",
        "经自查，暂未发现存在的问题。",
        "本年度不存在需要报告的问题。",
        # the stock admission, nothing after it saying what falls short
        "我局政府信息公开工作还存在一些不足。下一步将制定栏目设置规范。",
        "对照上级要求，我局政府信息公开工作仍存在一些不足和差距。",
        # the new problem words denied, aimed at or put right: no problem named
        "全年未出现信息发布错误，未发现明显问题。",
        "政策解读准确，未出现偏差。",
        "下一步，将杜绝栏目长期未更新、内容空白和错链断链等情况。",
        "围绕解决群众看不懂、用不上的问题，制作图解10期。",
        "全年发布信息无一错误，无内容空白、无错链断链现象。",
        "政策解读无明显偏差，发布信息无重大错误。",
        # what was done about others' gaps and errors: no problem of its own
        "本年度填补了基层公开目录空白，及时纠正错误信息3条。",
    ],
)
def test_a_section_without_this_years_problems_fails(tmp_path: Path, section: str) -> None:
    flag = _problems_flag(tmp_path, section)
    assert not flag["passed"], flag["message"]


@pytest.mark.parametrize(
    "section",
    [
        PROBLEMS,
        "但对照上级要求，仍存在一些不足：公开栏目更新频率偏低，解读材料质量有待提高。",
        "存在的问题主要是基层公开专区建设滞后。",
        # last year's put right, then this year's named in its own clause
        "上年度问题已全部整改。与上年相比，今年新收申请增多，答复规范性仍需提升。",
        # a year named in this year's own problem: no report of it pointed out
        "与2023年度相比，依申请公开答复规范性仍需提升。",
        # in plain words, none of the usual cues
        "一是个别栏目信息更新慢；二是政策解读以文字为主，形式单调；三是工作人员多为兼职，流动性大。",
        "部分学校公开栏目设置不统一。下一步将制定栏目设置规范。",
        "我局政府信息公开工作还存在一些不足，主要是栏目更新不及时。",
        "个别股室未按要求审核导致信息发布错误。",
        "一是部分栏目信息无专人审核导致发布错误；二是个别附件无法下载出现断链。",
        "一是个别政策解读与文件原意存在偏差。",
        "部分栏目内容空白，个别链接存在错链断链。",
        "信息发布审核把关不严，个别公开信息要素不齐全。",
        "政策解读材料质量参差不齐，个别栏目长期未更新。",
        "部分信息公开时效性差，依申请公开答复文书存在格式错误。",
        "基层单位对政务公开重视程度不一，部分栏目内容空白。",
        # helper-195's: a distance from what people expect, staff all part-time, stale pages
        "公开内容与群众的期待还有一定距离。下一步将建立重点领域信息公开清单。",
        "我局政务公开工作人员均为兼职，且人员变动较多。",
        "部分栏目内容陈旧。",
    ],
)
def test_problems_as_units_word_them_are_named(tmp_path: Path, section: str) -> None:
    flag = _problems_flag(tmp_path, section)
    assert flag["passed"], flag["message"]


FEES = "   六、其他需要报告的事项\n   本年度未收取信息处理费。"


@pytest.mark.parametrize(
    ("section", "named"),
    [
        (FEES, True),
        # heading and statement run together, as a crawled page has them
        ("   六、其他需要报告的事项2024年，无收取信息处理费情况。", True),
        ("   六、其他需要报告的事项\n   无。", False),
    ],
)
def test_the_fees_statement_is_a_hint_not_a_penalty(
    tmp_path: Path, section: str, named: bool
) -> None:
    text = gip.layout_text()
    assert FEES in text
    r = check(write(tmp_path, "six.txt", text.replace(FEES, section)))
    flag = next(c for p in r["parts"] for c in p["checks"] if c["id"] == "names_processing_fees")
    assert flag["passed"] is named, flag["message"]
    assert r["score"] == check(write(tmp_path, "base.txt", text))["score"]


def test_the_fees_hint_is_not_asked_of_a_report_before_the_2021_form(tmp_path: Path) -> None:
    """The 信息处理费 statement came with the 2021 format: a report on 2020 whose 六 says only
    无。 was hinted at for a fee that did not exist yet; a report on 2024 still is."""
    text = gip.layout_text().replace(FEES, "   六、其他需要报告的事项\n   无。")
    earlier = text.replace("2024年", "2020年").replace("2025年1月20日", "2021年1月20日")
    assert earlier.count("2020年") >= 3

    def fees(r: dict[str, Any]) -> list[dict[str, Any]]:
        return [c for p in r["parts"] for c in p["checks"] if c["id"] == "names_processing_fees"]

    before = check(write(tmp_path, "2020.txt", earlier))
    assert before["document"]["report_year"] == 2020 and fees(before) == []
    now = check(write(tmp_path, "2024.txt", text))
    assert now["document"]["report_year"] == 2024 and not fees(now)[0]["passed"]


NEW_ROW = "      二、上年结转政府信息公开申请数量"


@pytest.mark.parametrize("label", ["其中：网上申请", "其中:通过互联网提出"])
def test_a_part_of_a_row_the_unit_adds_is_passed_over(tmp_path: Path, label: str) -> None:
    """A row 其中：网上申请 under 一、本年新收 (a part of it, counted there) made table 三
    unreadable, its 40-odd sums unchecked: it is passed over, the table read and checked; a
    wrong total elsewhere in it is still found."""
    part_row = f"      {label}            25       5       1       0       2       1      34\n"
    text = gip.layout_text()
    assert NEW_ROW in text
    r = check(write(tmp_path, "part.txt", text.replace(NEW_ROW, part_row + NEW_ROW)))
    requests = next(t for t in r["tables"] if t["id"] == "requests")
    assert requests["status"] == "read", requests.get("reason")
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "42处" in sums["message"]
    wrong = text.replace(
        "（七）总计                       29", "（七）总计                       30"
    )
    r = check(write(tmp_path, "wrong.txt", wrong.replace(NEW_ROW, part_row + NEW_ROW)))
    assert not next(c for c in r["checks"] if c["id"] == "tables_add_up")["passed"]


def test_too_few_improvement_words_are_counted_not_denied(tmp_path: Path) -> None:
    """One 改进 where two words of measures are asked: the message said the text had none of
    下一步/改进…, sending the reviewer to look for words that were there."""
    flag = _improvements_flag(tmp_path, "下一步，我局会持续关注解读形式单一的问题。")
    assert not flag["passed"]
    assert "只有1处“下一步”（至少应有2处）" in str(flag["message"]), flag["message"]


def _group_over_first_row(text: str) -> str:
    """Table 三 with each group's label in the cell of its first row, the values beside the
    group's line and the row's own label on the line below (a Word cell of two paragraphs)."""
    for group in ("（三）不予公开", "（四）无法提供", "（五）不予处理"):
        m = re.search(rf"      {group}\n\s*(\S+?)(\s+[\d\s]+)\n", text)
        assert m is not None, group
        text = text.replace(m.group(0), f"      {group}{m.group(2)}\n      {m.group(1)}\n")
    return text


def test_a_groups_label_beside_its_first_rows_values_is_that_rows(tmp_path: Path) -> None:
    """（四）无法提供 6 1 0 0 1 1 9 over 1.本机关不掌握相关政府信息 alone: the values went to the
    group's subtotal and the row was read blank, so every sum over it went unchecked and a
    wrong total passed. The values are the row's; the sums are checked and a wrong one found."""
    text = _group_over_first_row(gip.layout_text())
    assert "\n      1.本机关不掌握相关政府信息\n" in text
    r = check(write(tmp_path, "cell.txt", text))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "未能核对" not in sums["message"], sums["message"]
    cells = next(t for t in r["tables"] if t["id"] == "requests")["cells"]
    held = {c["col"]: c["text"] for c in cells if c["row"] == "unable_not_held"}
    assert held["natural"] == "6" and held["total"] == "9"
    wrong = text.replace(
        "（七）总计                       29", "（七）总计                       30"
    )
    r = check(write(tmp_path, "wrong.txt", wrong))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"] and "30" in sums["message"], sums["message"]


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。", "embedded"),
        ("全年未发生因政府信息公开引起的行政复议、行政诉讼。", "embedded"),
        # a 司法局 as the review body: cases it handled, not ones its disclosure work brought
        ("全年办理行政复议案件156件，行政诉讼应诉32件。", "missing"),
    ],
)
def test_appeals_told_in_a_sentence_without_a_section(
    tmp_path: Path, said: str, status: str
) -> None:
    """No 四、 section and no table 四, the overview saying how many reviews and suits the
    disclosure work brought (or that none did): the part is told, embedded; the table is still
    missing."""
    text = gip.layout_text()
    section = text[text.index("   四、政府信息公开行政复议") : text.index("   五、存在的主要问题")]
    told = "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。"
    assert told in text
    r = check(write(tmp_path, "no4.txt", text.replace(section, "").replace(told, said)))
    appeals = next(p for p in r["parts"] if p["id"] == "appeals")
    assert appeals["status"] == status
    tables = next(c for c in r["checks"] if c["id"] == "has_statistical_tables")
    assert not tables["passed"]


def test_rows_the_format_does_not_list_in_table_two_are_passed_over(tmp_path: Path) -> None:
    """行政确认 58 between 行政许可 and 行政处罚 (units list their other powers too) left table 二's
    second part unread: the rows it has are read, the ones it adds passed over."""
    text = gip.layout_text()
    licensing = "行政许可                      1280\n"
    assert licensing in text
    added = licensing + "行政确认                        58\n行政奖励                         6\n"
    r = check(write(tmp_path, "extra.txt", text.replace(licensing, added)))
    table = next(t for t in r["tables"] if t["id"] == "proactive_decisions")
    assert table["status"] == "read", table.get("reason")
    counts = {c["row"]: c["text"] for c in table["cells"]}
    assert (counts["licensing"], counts["punishment"]) == ("1280", "316")


FORM_NOTE = (
    "（填写说明：如实反映本年度工作中存在的主要问题，并提出有针对性的改进措施，"
    "上年度报告中提出的问题的整改情况一并说明。）"
)


# (the same, labelled 填写要求: no 说明 in it)
FORM_DEMAND = "（填写要求：如实反映本年度工作中存在的主要问题，并提出有针对性的改进措施。）"


@pytest.mark.parametrize("note", [FORM_NOTE, FORM_DEMAND])
@pytest.mark.parametrize("filled", [False, True])
def test_a_forms_instructions_left_in_are_not_the_reports_words(
    tmp_path: Path, filled: bool, note: str
) -> None:
    """The template's 填写说明 kept under the heading names problems, measures and 整改 in its
    own words: they are what the form asks for. Left alone, the section says nothing (the
    heading alone: missing); with the unit's text after it, that text names both."""
    text = gip.layout_text()
    section = f"{PROBLEMS}{PLAN}"
    assert section in text
    written = note + (section if filled else "")
    r = check(write(tmp_path, "note.txt", text.replace(section, written)))
    part = next(p for p in r["parts"] if p["id"] == "improvements")
    assert part["status"] == ("present" if filled else "missing")
    flags = {c["id"]: c["passed"] for c in part["checks"]}
    assert flags == ({"names_problems": True, "names_improvements": True} if filled else {})


RESULTS = "本年度将政务公开纳入绩效考核，开展社会评议1次，未发生责任追究情况。"


@pytest.mark.parametrize(
    "unit,told,said",
    [
        ("示例县人民政府", False, False),  # a government's report without them: flagged
        ("示例县人民政府", True, True),
        ("示例乡人民政府", False, False),  # 各级人民政府: a township's too
        ("示例县交通运输局", False, None),  # a department's: not asked
    ],
)
def test_a_governments_report_tells_its_assessment_review_and_accountability(
    tmp_path: Path, unit: str, told: bool, said: bool | None
) -> None:
    """第五十条（四）: a 人民政府's report also tells 工作考核、社会评议和责任追究结果, wherever it
    puts them (here the other matters); no department's report is asked for them."""
    text = gip.layout_text(unit=unit)
    if told:
        text = text.replace("本年度未收取信息处理费。", "本年度未收取信息处理费。" + RESULTS)
    r = check(write(tmp_path, "gov.txt", text))
    flags = [c for c in r["checks"] if c["id"] == "government_results"]
    assert (flags[0]["passed"] if flags else None) is said, flags
    if said is False:
        assert "工作考核、社会评议、责任追究" in flags[0]["message"]


def test_proactive_disclosure_worded_as_publishing_is_the_section(tmp_path: Path) -> None:
    """二、政府信息主动发布情况 is the template's section reworded: it and its table 二 are found
    (it had been missing, and table 二 with it where the overview's words changed too:
    helper-213's 15)."""
    text = gip.layout_text().replace("主动公开", "主动发布")
    r = check(write(tmp_path, "published.txt", text))
    assert next(p for p in r["parts"] if p["id"] == "proactive")["status"] == "present"
    tables = {t["id"]: t["status"] for t in r["tables"]}
    assert tables["proactive_documents"] == "read"
