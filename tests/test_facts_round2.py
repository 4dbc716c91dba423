"""What a second blind held-out set showed the facts stage: caps and the nouns named after an amount in a
policy, durations and bare scale numerals, ranks of a counted list, rates per unit, what exists in a plan,
headline ranks, and the words that name a count (quoted names, a batch, a set, a ranked list, a sidebar)."""
from decimal import Decimal

import pytest

from zhibiao.model import Fact
from test_facts_targets import NEWS_LEAD, NEWS_TITLE, PLAN_TITLE, POLICY_TITLE, analysed


def facts_in(body: str, head: str = POLICY_TITLE) -> list[Fact]:
    return analysed(f"{head}\n{body}").facts


def brief(body: str, head: str = POLICY_TITLE) -> list[tuple[str, Decimal, str, str, str | None]]:
    return [(f.indicator, f.value, f.unit, f.kind, f.qualifier) for f in facts_in(body, head)]


NEWS = f"{NEWS_TITLE}\n{NEWS_LEAD}"


# --- 1. what is given is named after the amount; a cap before a basis still qualifies the number
@pytest.mark.parametrize("body, expected", [
    ("对入驻孵化器的初创企业给予最高60%的办公用房租金补贴。", ("办公用房租金补贴", Decimal(60), "%", "target", "under")),
    ("对首次上市的企业另给予不超过30万元的配套奖励。",
     ("配套奖励", Decimal(300000), "元", "target", "under")),
    ("对新认定的企业给予50%的运营经费支持。", ("运营经费", Decimal(50), "%", "target", None)),
    ("按不超过设备投资额20%的比例给予资金支持。", ("资金支持", Decimal(20), "%", "target", "under")),
    ("单个项目补助比例不超过投资额的15%。", ("单个项目补助比例", Decimal(15), "%", "target", "under")),
    ("奖励金额最高可达300万元。", ("奖励金额", Decimal(3000000), "元", "target", "under")),
])
def test_facts_round2_what_a_policy_gives_and_its_cap(body, expected):
    assert brief(body) == [expected]


def test_facts_round2_an_amount_that_names_a_class_stays_no_fact():
    assert brief("对营业收入超过10亿元的企业给予奖励。") == []
    assert [(f.value, f.unit) for f in facts_in("年营业收入10亿元以上的企业有25家。", NEWS)] == [(Decimal(25), "家")]


# --- 2. durations after a bound, and a scale word alone
def test_facts_round2_a_bounded_duration_counts_years():
    assert brief("租赁期限不超过三年，孵化期最长2年。") == [
        ("租赁期限", Decimal(3), "年", "target", "under"), ("孵化期", Decimal(2), "年", "target", "under")]


def test_facts_round2_years_of_a_plan_s_name_stay_no_fact():
    assert brief("全面实施三年行动计划，编制五年规划。") == []


def test_facts_round2_a_bare_scale_numeral():
    assert brief("全省数字经济规模迈上万亿元台阶，软件业务收入突破万亿元。", NEWS) == [
        ("数字经济规模", Decimal(10) ** 12, "元", "level", "over"),
        ("软件业务收入", Decimal(10) ** 12, "元", "level", "over")]
    assert brief("项目带动数万亿元投资。", NEWS) == []


# --- 3. ranks of a list its own count closes
def test_facts_round2_ranks_of_a_counted_list_one_per_item():
    body = "全市电子信息、装备及汽车零部件、生物医药三个产业集群的产值分别位居全省第二、第三和第五位。"
    assert brief(body, NEWS) == [("电子信息", Decimal(2), "名", "rank", None),
                                 ("装备及汽车零部件", Decimal(3), "名", "rank", None),
                                 ("生物医药", Decimal(5), "名", "rank", None)]


def test_facts_round2_ranks_of_one_measure_in_two_periods_keep_the_measure():
    body = "上半年、下半年的营商环境考核成绩分别列全市第四位和第二位。"
    assert [(f.value, f.kind) for f in facts_in(body, NEWS)] == [(Decimal(4), "rank"), (Decimal(2), "rank")]
    assert all(f.indicator.endswith("考核成绩") for f in facts_in(body, NEWS))


# --- 4. rates per unit; the date a policy applies from
@pytest.mark.parametrize("body, indicator, value, unit", [
    ("按实际处理量每吨30元给予补贴。", "补贴", Decimal(30), "元/吨"),
    ("对引进的博士每人每月补贴3000元。", "补贴", Decimal(3000), "元/人/月"),
    ("按实际租用面积每平方米50元给予补助。", "补助", Decimal(50), "元/平方米"),
])
def test_facts_round2_a_rate_per_unit(body, indicator, value, unit):
    assert brief(body) == [(indicator, value, unit, "target", None)]


def test_facts_round2_a_plain_amount_keeps_its_unit():
    assert brief("给予一次性奖励30万元。") == [("一次性奖励", Decimal(300000), "元", "target", None)]


def test_facts_round2_the_date_a_policy_applies_from_is_no_period():
    [fact] = facts_in("自签约之日或下一年度起给予50%的房租补贴。")
    assert (fact.indicator, fact.value, fact.period) == ("房租补贴", Decimal(50), None)
    [fact] = facts_in("2024年全区新增企业1200家。", NEWS)
    assert fact.period == "2024年"


# --- 5. what a policy says exists is no target
def test_facts_round2_one_of_a_set_that_exists_is_a_level():
    assert brief("本市是全国首批20个智慧城市试点之一。") == [("智慧城市试点", Decimal(20), "个", "level", None)]
    assert [(f.value, f.kind) for f in facts_in("新建智慧城市试点20个。")] == [(Decimal(20), "target")]


# --- 6. headline ranks; years in a row are a level
def test_facts_round2_first_place_in_a_headline():
    assert brief("上半年全区工业投资增速全市居首，消费增速领跑全市。", NEWS) == [
        ("工业投资增速", Decimal(1), "名", "rank", None)]  # 领跑 says "among the leaders", no rank (lead decision)


def test_facts_round2_years_in_a_row_of_a_rate_are_a_level():
    [fact] = facts_in("全区工业增加值增速已连续四年处在全省第一梯队。", NEWS)
    assert (fact.value, fact.unit, fact.kind) == (Decimal(4), "年", "level")
    assert "处在全省第一梯队" in fact.indicator


@pytest.mark.parametrize("ranking", ["排名第二", "位居全市第二"])
def test_facts_round2_a_rank_after_the_clause_naming_its_measure(ranking):
    body = f"全区经济总量在全市七个区县中仅次于主城区，{ranking}。"
    assert brief(body, NEWS) == [("经济总量", Decimal(2), "名", "rank", None)]


# --- 7. the words that name a count
def test_facts_round2_a_quoted_name_before_the_counted_noun():
    assert brief("全市56个“十百千”重点项目完成投资80亿元。", NEWS)[0] == ("重点项目", Decimal(56), "个", "level", None)


def test_facts_round2_a_batch_named_in_the_clause_before():
    assert brief("开工一批民生实事项目，年内完成三十项。", NEWS) == [
        ("民生实事项目", Decimal(30), "项", "level", None)]


def test_facts_round2_a_part_of_a_batch_takes_not_the_batch_s_name():
    assert all(f.indicator != "科技企业" for f in facts_in("引进一批科技企业，其中5家为上市公司。", NEWS))


def test_facts_round2_a_set_named_before_the_count():
    assert brief("国内百强企业中已有12家在本区设立区域总部。", NEWS) == [("国内百强企业", Decimal(12), "家", "level", None)]


def test_facts_round2_a_place_ranked_on_a_named_list():
    [fact] = facts_in("在“全国综合实力百强区”榜单上，城西位列第41位。", NEWS)
    assert (fact.value, fact.kind) == (Decimal(41), "rank") and "综合实力" in fact.indicator


@pytest.mark.parametrize("body, indicator, value, unit, kind", [
    ("126.4平方公里 撤县设区后的全区面积", "面积", Decimal("126.4"), "平方公里", "level"),
    ("●19.5亿元 一般公共预算收入", "一般公共预算收入", Decimal(1950000000), "元", "level"),
    ("900亿元 全区经济工作会议提出的全年地区生产总值预期目标", "地区生产总值", Decimal(90000000000), "元", "target"),
])
def test_facts_round2_a_sidebar_figure_and_its_caption(body, indicator, value, unit, kind):
    assert brief(body, NEWS) == [(indicator, value, unit, kind, None)]


def test_facts_round2_a_figure_inside_a_sentence_takes_no_caption():
    assert brief("全区面积126.4平方公里，常住人口58万人。", NEWS) == [
        ("面积", Decimal("126.4"), "平方公里", "level", None), ("常住人口", Decimal(580000), "人", "level", None)]
