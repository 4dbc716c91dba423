"""What a third blind held-out set showed the facts stage: a second change that qualifies the first, a
list after a list, conversions, time phrases before a number, what a policy gives, qualifiers closing a
list, net increases, scope notes, counts in Chinese numerals, 领跑, Latin units, periods and hygiene."""
from decimal import Decimal

import pytest

from zhibiao.model import Fact
from test_facts_targets import BULLETIN_TITLE, NEWS_LEAD, NEWS_TITLE, PLAN_TITLE, POLICY_TITLE, analysed

NEWS = f"{NEWS_TITLE}\n{NEWS_LEAD}"


def facts_in(body: str, head: str = NEWS) -> list[Fact]:
    doc = analysed(f"{head}\n{body}")
    return [f for f in doc.facts if f.start > len(head)]


def brief(body: str, head: str = NEWS) -> list[tuple[str, Decimal, str, str, str | None]]:
    return [(f.indicator, f.value, f.unit, f.kind, f.qualifier) for f in facts_in(body, head)]


# --- 1. a second change after a comma qualifies the first: its indicator is carried
@pytest.mark.parametrize("average", ["两年平均增长", "三年平均增长", "年均增长"])
def test_facts_round3_an_average_change_after_a_change_keeps_the_indicator(average):
    facts = brief(f"全县社会消费品零售总额比上年增长7.1%，{average}3.2%。", BULLETIN_TITLE)
    assert facts == [("社会消费品零售总额", Decimal("7.1"), "%", "change", None),
                     ("社会消费品零售总额", Decimal("3.2"), "%", "change", None)]


def test_facts_round3_an_average_inside_a_name_stays_in_the_name():
    assert brief("全市职工平均工资增长8%。", BULLETIN_TITLE) == [("职工平均工资", Decimal(8), "%", "change", None)]


# --- 2. a 依次 list after a 分别 list names its own subject
def test_facts_round3_a_second_list_takes_its_own_indicator():
    facts = brief("第一、二、三产业增加值分别为30.5亿元、80.2亿元和120.7亿元，"
                  "三次产业占地区生产总值的比重依次为13.1%、34.5%和52.4%。", BULLETIN_TITLE)
    assert [f[0] for f in facts[3:]] == ["三次产业占地区生产总值的比重"] * 3
    assert [f[0] for f in facts[:3]] == ["第一、二、三产业增加值"] * 3


def test_facts_round3_a_bare_respective_change_still_maps_by_position():
    facts = brief("游客接待量和旅游收入分别为1200万人次和98亿元，分别增长12%和15%。")
    assert [(f[0], f[1]) for f in facts[2:]] == [("游客接待量", Decimal(12)), ("旅游收入", Decimal(15))]


# --- 3. a conversion at an exchange rate is the figure before, in another currency
@pytest.mark.parametrize("conversion", ["按年平均汇率折合", "按2024年平均汇率折合", "折合"])
def test_facts_round3_a_conversion_keeps_the_indicator(conversion):
    facts = brief(f"全年人均地区生产总值为68520元，{conversion}10190美元。", BULLETIN_TITLE)
    assert [(f[0], f[1], f[2]) for f in facts] == [("人均地区生产总值", Decimal(68520), "元"),
                                                   ("人均地区生产总值", Decimal(10190), "美元")]


# --- 4. a time phrase before the number is no indicator
def test_facts_round3_plan_periods_before_a_number_are_no_indicator():
    facts = facts_in("全市地区生产总值由“十三五”末的612亿元增至2024年的860亿元，“十四五”末有望达到950亿元，"
                     "“十四五”时期年均增长6.1%左右。")
    assert [f.indicator for f in facts] == ["地区生产总值"] * 4
    assert (facts[3].kind, facts[3].qualifier) == ("change", "approx")
    assert [f.period for f in facts] == ["“十三五”末", "2024年", "“十四五”末", "“十四五”时期"]


def test_facts_round3_a_plan_period_after_a_subject_that_grows():
    facts = facts_in("全市经济总量稳步扩大，“十三五”末为3120.5亿元。")
    assert [(f.indicator, f.value) for f in facts] == [("经济总量", Decimal("312050000000"))]


def test_facts_round3_a_plan_period_inside_a_caption():
    [fact] = facts_in("8.2% “十四五”以来规上工业增加值年均增速")
    assert (fact.kind, fact.value) == ("change", Decimal("8.2")) and fact.indicator.startswith("规上工业增加值")


# --- 5. what a policy gives is the noun after the amount
@pytest.mark.parametrize("body, expected", [
    ("按不超过设备投资额的20%给予支持。", [("支持", Decimal(20), "%", "target", "under")]),
    ("按项目获得国家资金的50%予以补助，最高600万元。",
     [("补助", Decimal(50), "%", "target", None), ("补助", Decimal(6000000), "元", "target", "under")]),
    ("按当年研发投入不超过15%的比例给予资金支持。", [("资金支持", Decimal(15), "%", "target", "under")]),
    ("经评审给予最高50万元平台建设支持。", [("平台建设支持", Decimal(500000), "元", "target", "under")]),
    ("单个项目补助额同样以500万元为上限。", [("单个项目补助额", Decimal(5000000), "元", "target", "under")]),
])
def test_facts_round3_what_a_policy_gives_is_named_after_the_amount(body, expected):
    assert brief(body, POLICY_TITLE) == expected


def test_facts_round3_a_cap_repeated_in_a_later_article_is_kept():
    body = "第三条 支持金额最高300万元。\n第四条 对认定的平台，给予最高300万元资金支持。"
    assert [(f[0], f[1], f[4]) for f in brief(body, POLICY_TITLE)] == [
        ("支持金额", Decimal(3000000), "under"), ("资金支持", Decimal(3000000), "under")]


def test_facts_round3_a_share_of_the_whole_names_the_noun_after():
    assert brief("全区拿出占全区12%的土地面积，集中布局先进制造业。") == [("土地面积", Decimal(12), "%", "level", None)]


def test_facts_round3_an_amount_that_names_a_class_still_names_no_fact():
    assert brief("对营业收入超过10亿元的企业给予奖励。", POLICY_TITLE) == []


# --- 6. a qualifier closing a 分别 list reaches every item; one value of two subjects is two facts
def test_facts_round3_a_closing_qualifier_covers_every_item():
    facts = brief("到2027年，PM2.5和PM10年均浓度分别控制在30微克/立方米、55微克/立方米以内。", PLAN_TITLE)
    assert [(f[1], f[4]) for f in facts] == [(Decimal(30), "under"), (Decimal(55), "under")]
    facts = brief("到2027年，新能源汽车产量超过20万辆、产值达到300亿元。", PLAN_TITLE)
    assert [f[4] for f in facts] == ["over", None]  # a qualifier before the first item is its own


def test_facts_round3_one_shared_value_gives_one_fact_per_subject():
    facts = brief("到2027年，培育省级工业互联网平台和数字化转型服务商分别达到10个以上。", PLAN_TITLE)
    assert facts == [("省级工业互联网平台", Decimal(10), "个", "target", "over"),
                     ("数字化转型服务商", Decimal(10), "个", "target", "over")]
    [fact] = brief("到2027年，城镇和农村居民人均可支配收入分别增长6%。", PLAN_TITLE)  # one shared name
    assert fact[0] == "城镇和农村居民人均可支配收入"


# --- 7. 净增 after a level is a change of it
def test_facts_round3_a_net_increase_after_a_level_is_its_change():
    assert brief("年末全县常住人口58.62万人，比上年末净增0.35万人。", BULLETIN_TITLE) == [
        ("常住人口", Decimal(586200), "人", "level", None), ("常住人口", Decimal(3500), "人", "change", None)]
    assert brief("全年净增市场主体1.2万户。", BULLETIN_TITLE) == [
        ("净增市场主体", Decimal(12000), "户", "level", None)]


# --- 8. a scope note in brackets holds no value
def test_facts_round3_a_scope_note_in_brackets_is_no_fact():
    assert brief("五年来，全区固定资产投资总额（500万元口径）累计达2310亿元。") == [
        ("固定资产投资总额", Decimal(231000000000), "元", "level", None)]
    assert [f[1] for f in brief("全年接待游客860万人次（增长12%）。")] == [Decimal(8600000), Decimal(12)]


# --- 9. counts in Chinese numerals after a verb or a list's 等
@pytest.mark.parametrize("body, expected", [
    ("今年以来全区完成两条特色商业街区改造。", ("特色商业街区改造", Decimal(2), "条")),
    ("全区连续捧回两块国家级金字招牌。", ("国家级金字招牌", Decimal(2), "块")),
    ("全省现有五个千亿级园区。", ("千亿级园区", Decimal(5), "个")),
    ("地区生产总值、财政收入和城乡居民人均可支配收入等三项主要指标上半年均实现两位数增长。",
     ("主要指标", Decimal(3), "项")),
])
def test_facts_round3_a_count_in_chinese_numerals(body, expected):
    assert [(f[0], f[1], f[2]) for f in brief(body)] == [expected]


def test_facts_round3_numerals_that_are_words_stay_no_fact():
    assert brief("坚持三个方面，推进两项改革，打好三大攻坚战，实施一批项目，实现两位数增长。") == []
    assert brief("全区坚持两个毫不动摇，实施三个一批，有三个方面的问题。") == []


# --- 10. 领跑 is no rank; 居首 and 首位 are
def test_facts_round3_leading_is_no_first_place():
    assert brief("消费增速领跑全市，外贸增速继续领跑。") == []
    assert brief("全区税收收入稳居全市首位。") == [("税收收入", Decimal(1), "名", "rank", None)]


# --- 11. a unit of Latin letters glued to the number
def test_facts_round3_a_latin_unit():
    assert brief("全市算力总规模超100EFlops，光伏装机20MW。") == [
        ("算力总规模", Decimal(100), "EFlops", "level", "over"), ("光伏装机", Decimal(20), "MW", "level", None)]
    assert [f[0] for f in brief("新建5G基站1200个，建成3A级景区2个。")] == ["新建5G基站", "3A级景区"]


# --- 12. periods: a paragraph's deadline, the start of 由A增至B
def test_facts_round3_a_paragraph_deadline_reaches_its_later_sentences():
    facts = facts_in("到2026年，全市新能源汽车产量达到30万辆。建成公共充电桩5000个。", PLAN_TITLE)
    assert [(f.kind, f.period) for f in facts] == [("target", "2026年"), ("target", "2026年")]


def test_facts_round3_the_start_of_a_rise_has_its_own_period():
    facts = facts_in("全区地区生产总值由2020年的612亿元增至2024年的860亿元。")
    assert [f.period for f in facts] == ["2020年", "2024年"]
    assert [f.period for f in facts_in("常住人口由52.3万人增至55.1万人。")] == [None, None]


# --- 13. hygiene: adverbs and modals at the edge of an indicator
def test_facts_round3_adverbs_at_the_edge_are_dropped():
    assert [f[0] for f in brief("新能源汽车产量要达到10万辆，支持比例同为20%以内。", PLAN_TITLE)] == [
        "新能源汽车产量", "支持比例"]
    assert [f[0] for f in brief("签订合同金额3.2亿元，共同体成员单位12家。")] == ["签订合同金额", "共同体成员单位"]
