"""What a fourth blind held-out set showed the facts stage: the year's tasks in a report of its first
months, the subject of 由…调整为, a growth rate said after an adverb, comparisons with expectations,
awards per minute, the clauses of a condition and the object after 了 plus an amount."""
import re
from decimal import Decimal

import pytest

from zhibiao import dates, entities, facts, genre
from zhibiao.model import Block, Document, Meta
from test_facts_targets import BULLETIN_TITLE, NEWS_LEAD, NEWS_TITLE, POLICY_TITLE, analysed

NEWS = f"{NEWS_TITLE}\n{NEWS_LEAD}"
REPORT_TITLE = "政府工作报告"
_HEADING = re.compile(r"[一二三四五六七八九十]+、")


def reported(text: str, date: str) -> Document:
    """``text`` through stages 2b-5, its first line the title and lines like 一、… headings."""
    blocks, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        kind = "title" if i == 0 else "heading" if _HEADING.match(line) else "paragraph"
        blocks.append(Block(kind, pos, pos + len(line), [i + 1]))
        pos += len(line) + 1
    doc = Document(text=text, blocks=blocks, meta=Meta(date=date, title=text.split("\n")[0]))
    for stage in (genre.find_genre, dates.find_dates, entities.find_entities, facts.find_facts):
        doc = stage(doc)
    return doc


def kinds_after(head: str, body: str, date: str, doc_of=analysed) -> list[tuple[Decimal, str]]:
    doc = doc_of(f"{head}\n{body}", date)
    return [(f.value, f.kind) for f in doc.facts if f.start > len(head)]


def brief(body: str, head: str = NEWS, date: str = "2025-06-01") -> list[tuple[str, Decimal, str, str]]:
    doc = analysed(f"{head}\n{body}", date)
    return [(f.indicator, f.value, f.unit, f.kind) for f in doc.facts if f.start > len(head)]


# --- 1. this year's tasks in a report of the year's first months are targets
REPORT_SECTIONS = f"{REPORT_TITLE}\n各位代表：\n一、2024年工作回顾\n全年新建5G基站1200个。\n二、2025年重点工作"


def test_facts_round4_a_section_on_the_year_ahead_sets_targets():
    found = kinds_after(REPORT_SECTIONS, "（一）完善城市功能。建成城市主干道8条，改造老旧小区60个。",
                        "2025-02-10", reported)
    assert found == [(Decimal(8), "target"), (Decimal(60), "target")]


def test_facts_round4_the_review_section_and_what_is_done_stay_levels():
    doc = reported(f"{REPORT_SECTIONS}\n（一）完善城市功能。目前已建成城市主干道8条。", "2025-02-10")
    assert [(f.value, f.kind) for f in doc.facts] == [(Decimal(1200), "level"), (Decimal(8), "level")]


def test_facts_round4_the_same_section_read_at_the_year_s_end_reports():
    found = kinds_after(REPORT_SECTIONS, "（一）完善城市功能。建成城市主干道8条。", "2025-12-20", reported)
    assert found == [(Decimal(8), "level")]


@pytest.mark.parametrize("sentence", ["今年安排专项资金12亿元，新建农村公路二百公里。",
                                      "今年全市新增停车位3000个，改造雨污管网45公里。"])
def test_facts_round4_this_year_in_a_report_of_its_first_months_sets_targets(sentence):
    assert {kind for _, kind in kinds_after(f"{REPORT_TITLE}\n各位代表：", sentence, "2025-01-20")} == {"target"}


@pytest.mark.parametrize("sentence", [
    "今年以来，全市新增城镇就业1.1万人。",
    "今年1—2月，全市完成固定资产投资35亿元。",
    "今年“元旦”假期，全市接待游客18万人次。",
    "今年春节期间，全市接待游客26万人次。",
    "今年已累计发放创业担保贷款2.3亿元。",
])
def test_facts_round4_this_year_s_results_so_far_stay_levels(sentence):
    assert {kind for _, kind in kinds_after(f"{REPORT_TITLE}\n各位代表：", sentence, "2025-03-05")} == {"level"}


def test_facts_round4_this_year_late_in_the_year_and_in_a_bulletin_reports():
    sentence = "今年全市新建农村公路二百公里。"
    assert kinds_after(NEWS, sentence, "2025-11-10") == [(Decimal(200), "level")]
    assert kinds_after(BULLETIN_TITLE, sentence, "2025-02-10") == [(Decimal(200), "level")]


# --- 2. the subject before 由…调整为
@pytest.mark.parametrize("verb", ["调整为", "调整到", "提高到"])
def test_facts_round4_a_share_moved_from_one_value_to_another_keeps_its_subject(verb):
    facts = brief(f"第一产业比重由上年的8.1%{verb}7.6%。", BULLETIN_TITLE, "2025-03-20")
    assert [(f[0], f[1]) for f in facts] == [("第一产业比重", Decimal("8.1")), ("第一产业比重", Decimal("7.6"))]


# --- 3. a growth rate after an adverb is a change of the subject named earlier
@pytest.mark.parametrize("rate", ["增速却高达", "增速高达", "增幅仅为"])
def test_facts_round4_a_growth_rate_after_an_adverb_is_a_change_of_the_subject(rate):
    facts = brief(f"医药制造业产值仅8600万元、占比2.9%，{rate}24.6%。")
    assert facts[0][:2] == ("医药制造业产值", Decimal(86000000))
    assert facts[-1][1:] == (Decimal("24.6"), "%", "change")
    assert facts[-1][0].startswith("医药制造业产值") and facts[-1][0].endswith(("增速", "增幅"))


def test_facts_round4_a_rate_word_after_its_own_subject_is_unchanged():
    assert brief("全市工业投资增速为12.5%。")[0][::3] == ("工业投资增速", "change")


# --- 4. a comparison with what was expected is no statement of intent
@pytest.mark.parametrize("words", ["增长不及预期", "增长低于预期", "增长好于预期"])
def test_facts_round4_a_comparison_with_expectations_is_no_target(words):
    facts = brief(f"受需求回落影响，高价用水{words}，1—5月供水业产值同比下降2.5%。", date="2025-06-25")
    assert facts == [("供水业产值", Decimal("-2.5"), "%", "change")]


def test_facts_round4_an_expected_target_is_still_one():
    assert {f[3] for f in brief("全市经济社会发展的主要预期目标是：地区生产总值增长6%。")} == {"target"}


# --- 5. awards per minute and per unit after 按 name what is given
@pytest.mark.parametrize("base, unit", [("每分钟", "元/分钟"), ("每吨", "元/吨"), ("每人", "元/人")])
def test_facts_round4_a_per_unit_award_after_its_recipient(base, unit):
    facts = brief(f"对符合条件的制作方按{base}800元给予奖励。", POLICY_TITLE, "2025-04-01")
    assert facts == [("奖励", Decimal(800), unit, "target")]


def test_facts_round4_a_basis_after_an_not_followed_by_an_award_stays_the_indicator():
    facts = brief("全年按揭贷款余额达到52亿元。", BULLETIN_TITLE, "2025-03-20")
    assert facts == [("按揭贷款余额", Decimal(5200000000), "元", "level")]


# --- 6. the clauses of a condition closed by 的 are no facts
def test_facts_round4_clauses_before_the_close_of_a_condition_are_no_facts():
    facts = brief("旅行社组织游客来本区旅游，游览2处以上收费景区并入住本地酒店至少1晚，单次组织人数在200人以上的，"
                  "每批奖励5000元。", POLICY_TITLE, "2025-04-01")
    assert [(f[1], f[2]) for f in facts] == [(Decimal(5000), "元")]


def test_facts_round4_awards_before_a_later_condition_stay():
    facts = brief("年接待游客达到1万人次的，分别给予一次性奖励2万元、3万元；年接待游客达到3万人次的，"
                  "一次性奖励5万元。", POLICY_TITLE, "2025-04-01")
    assert [f[1] for f in facts] == [Decimal(20000), Decimal(30000), Decimal(50000)]


def test_facts_round4_a_plan_s_figures_before_a_policy_clause_stay():
    facts = brief("新建标准厂房3万平方米，引进企业20家。对新认定的孵化器，给予50万元奖励。", POLICY_TITLE, "2025-04-01")
    assert [f[1] for f in facts] == [Decimal(30000), Decimal(20), Decimal(500000)]


# --- 7. the object after a verb with 了 and an amount names what is measured
@pytest.mark.parametrize("verb, noun", [("承包了", "城北荒山造林工程"), ("流转了", "撂荒地")])
def test_facts_round4_the_object_after_an_amount_names_it(verb, noun):
    facts = brief(f"村里的合作社{verb}1200亩{noun}。")
    assert facts == [(noun, Decimal(1200), "亩", "level")]


def test_facts_round4_an_amount_after_its_noun_keeps_the_noun():
    assert brief("这家企业去年完成了产值2亿元。")[0][:2] == ("产值", Decimal(200000000))


# --- 8. what money is spent on, after the amount, does not name the amount; a list's count after it
@pytest.mark.parametrize("verb", ["投入", "筹集"])
def test_facts_round4_an_amount_spent_on_a_purpose_is_named_by_its_verb(verb):
    assert brief(f"全县{verb}6.5亿元建设高标准农田。") == [(verb, Decimal(650000000), "元", "level")]


def test_facts_round4_a_count_after_a_list_is_of_what_the_list_closes_with():
    facts = brief("全县开工建设城南中学、县人民医院新院区等民生项目，共计16个。")
    assert facts == [("民生项目", Decimal(16), "个", "level")]


def test_facts_round4_an_amount_that_names_a_class_stays_no_fact():
    assert [f[1:3] for f in brief("全市新签约投资超100亿元项目5个。")] == [(Decimal(5), "个")]
