"""How the facts stage reads a figure's indicator, kind, unit and period in the patterns of real reports."""
import pytest

import zhibiao


def facts_of(text: str, date: str = "2025-03-01"):
    return zhibiao.extract_text(text, date=date).facts


def brief(fact):
    return fact.indicator, float(fact.value), fact.unit, fact.kind, fact.qualifier


def test_facts_reading_yue_ending_a_word_is_not_about():
    facts = facts_of("开发区本次集中签约38个重点项目，节约资金1.2亿元，签约额约260亿元。")
    assert [brief(f) for f in facts] == [
        ("重点项目", 38.0, "个", "level", None),
        ("节约资金", 120000000.0, "元", "level", None),
        ("签约额", 26000000000.0, "元", "level", "approx")]


@pytest.mark.parametrize("text", ["全区常住人口约56万人。", "全年接待游客大约120万人次。", "修建一条约3公里的绿道。",
                                  "园区已聚集约120家企业。"])
def test_facts_reading_yue_alone_is_still_about(text):
    assert [f.qualifier for f in facts_of(text)] == ["approx"]


# (text, expected facts as (indicator, value, unit, kind, qualifier)): every fact and nothing else
CASES = {
    "given-noun-after-the-amount": (
        "对认定的总部企业，给予200万元奖励；对示范项目给予15万元至30万元补助，给予服务机构3万元奖励。",
        [("奖励", 2000000.0, "元", "level", None),
         ("补助", 150000.0, "元", "level", None),
         ("奖励", 30000.0, "元", "level", None)]),
    "rate-and-cap-of-an-award": (
        "按设备投资额的8%给予企业补助，按新增产值不超过2%给予奖励，单个企业最高150万元。",
        [("补助", 8.0, "%", "level", None),
         ("奖励", 2.0, "%", "level", "under"),
         ("奖励", 1500000.0, "元", "level", "under")]),
    "award-per-increment-and-its-cap": (
        "年销售额每增加5000万元奖励3万元，每家每年最高30万元。",
        [("奖励", 30000.0, "元", "level", None),
         ("奖励", 300000.0, "元", "level", "under")]),
    "a-clause-after-an-award-with-its-own-subject": (
        "对认定企业给予奖励，企业当年营业收入3.2亿元。",
        [("营业收入", 320000000.0, "元", "level", None)]),
    "given-noun-before-the-amount": (
        "对首次入选的企业一次性奖励50万元。",
        [("一次性奖励", 500000.0, "元", "level", None)]),
    "value-first-sidebar-items": (
        "●36.2亿元地方一般公共预算收入，增幅8.4%●1240万人次接待游客，增长15.3%",
        [("地方一般公共预算收入", 3620000000.0, "元", "level", None),
         ("地方一般公共预算收入增幅", 8.4, "%", "change", None),
         ("接待游客", 12400000.0, "人次", "level", None),
         ("接待游客", 15.3, "%", "change", None)]),
    "share-of-a-counted-noun-after-a-scope": (
        "全年服务覆盖全县八成行政村。",
        [("行政村", 80.0, "%", "level", None)]),
    "counted-ones-that-did-something": (
        "全年实施重点项目142个，其中38个已竣工投产。",
        [("实施重点项目", 142.0, "个", "level", None),
         ("竣工投产", 38.0, "个", "level", None)]),
    "rank-measure-named-before-among": (
        "该区营商环境指数在120个参评城区中列第九位，比上年提升一位。",
        [("营商环境指数", 9.0, "名", "rank", None),
         ("营商环境指数", 1.0, "名", "change", None)]),
    "rank-in-a-named-list": (
        "在全国工业百强区榜单中，该区位列第37位，排名较上年前移4位，人才指数排名后移2位。",
        [("工业", 37.0, "名", "rank", None),
         ("排名", 4.0, "名", "change", None),
         ("人才指数排名", -2.0, "名", "change", None)]),
    "rank-after-a-scope-phrase-takes-the-clause-before": (
        "全年完成进出口总额286亿元，在全省排名第三。",
        [("进出口总额", 28600000000.0, "元", "level", None),
         ("进出口总额", 3.0, "名", "rank", None)]),
    # lists
    "yici-works-like-fenbie": (
        "全年种植业、林业和渔业分别实现产值41.2亿元、8.6亿元和3.9亿元，增速依次为4.1%、2.7%和5.3%。",
        [("产值", 4120000000.0, "元", "level", None),
         ("产值", 860000000.0, "元", "level", None),
         ("产值", 390000000.0, "元", "level", None),
         ("产值增速", 4.1, "%", "change", None),
         ("产值增速", 2.7, "%", "change", None),
         ("产值增速", 5.3, "%", "change", None)]),
    "fenbie-after-a-basis-maps-to-the-subjects-before": (
        "全年实际利用外资2.6亿美元，进出口总额48.3亿元，同比分别增长7.2%和3.5%。",
        [("实际利用外资", 260000000.0, "美元", "level", None),
         ("进出口总额", 4830000000.0, "元", "level", None),
         ("实际利用外资", 7.2, "%", "change", None),
         ("进出口总额", 3.5, "%", "change", None)]),
    "a-basis-before-fenbie-is-no-part-of-the-last-name": (
        "工业投资、技改投资和民间投资年均分别增长9.1%、12.4%和6.8%。",
        [("工业投资", 9.1, "%", "change", None),
         ("技改投资", 12.4, "%", "change", None),
         ("民间投资", 6.8, "%", "change", None)]),
    "rates-listed-with-fenbie-are-each-their-own": (
        "全年项目签约率、履约率分别达到92%和87%，这两项指标均居全省第二。",
        [("项目签约率", 92.0, "%", "level", None),
         ("履约率", 87.0, "%", "level", None),
         ("项目签约率", 2.0, "名", "rank", None),
         ("履约率", 2.0, "名", "rank", None)]),
    "jun-gives-one-fact-per-item": (
        "新建公寓套数和建筑面积在全区的占比均为35%，出口额和利润均增长6%。",
        [("新建公寓套数在全区的占比", 35.0, "%", "level", None),
         ("建筑面积在全区的占比", 35.0, "%", "level", None),
         ("出口额", 6.0, "%", "change", None),
         ("利润", 6.0, "%", "change", None)]),
    # subjects
    "a-superlative-clause-names-what-the-next-counts": (
        "分领域看，先进制造项目7个，投资额超过40亿元；生物医药项目最多，达到12个，投资额95亿元。",
        [("先进制造项目", 7.0, "个", "level", None),
         ("投资额", 4000000000.0, "元", "level", "over"),
         ("生物医药项目", 12.0, "个", "level", None),
         ("投资额", 9500000000.0, "元", "level", None)]),
    "a-method-phrase-is-no-indicator": (
        "全区人均地区生产总值年均增长6.1%，按年均汇率计算为15120美元。",
        [("人均地区生产总值", 6.1, "%", "change", None),
         ("人均地区生产总值", 15120.0, "美元", "level", None)]),
    # units
    "working-days-rounds-and-mu-times": (
        "深化改革9轮，企业投资项目审批时限压缩至45个工作日，完成飞防作业120万亩次。",
        [("深化改革", 9.0, "轮", "level", None),
         ("企业投资项目审批时限", 45.0, "个工作日", "level", None),
         ("飞防作业", 1200000.0, "亩次", "level", None)]),
    # hygiene
    "particles-after-the-indicator": (
        "全区社会消费品零售总额增长4%，限上零售额则增长了6.3%，网上零售额也增长9%。",
        [("社会消费品零售总额", 4.0, "%", "change", None),
         ("限上零售额", 6.3, "%", "change", None),
         ("网上零售额", 9.0, "%", "change", None)]),
    "a-date-inside-the-words-is-the-period-not-the-indicator": (
        "全市三大主导产业1至6月完成工业总产值1320.5亿元。",
        [("工业总产值", 132050000000.0, "元", "level", None)]),
    "a-headline-space-ends-the-words-before-it": (
        "全区外贸进出口增长12.4% 总量居全省第二",
        [("外贸进出口", 12.4, "%", "change", None),
         ("总量", 2.0, "名", "rank", None)]),
    "production-capacity-keeps-its-last-character": (
        "建成电池组件年产能800兆瓦。",
        [("电池组件年产能", 800.0, "兆瓦", "level", None)]),
}


@pytest.mark.parametrize("text, periods", [
    ("2023年，全区经济平稳运行。全年实现地区生产总值812亿元，增长5.6%。", ["全年", "全年"]),
    ("五年来，全市地区生产总值年均增长6.2%。五年间新增市场主体8.1万户。", ["五年来", "五年间"]),
    ("2024年全区完成投资310亿元。", ["2024年"]),
])
def test_facts_reading_period_words_of_the_text(text, periods):
    assert [f.period for f in facts_of(text)] == periods


def test_facts_reading_period_from_the_section_heading():
    text = ("一、2024年工作回顾\n全区实现地区生产总值905亿元。\n（一）产业发展\n新增规上工业企业31家。\n"
            "二、重点工作\n新建幼儿园4所。")
    assert [(f.indicator, f.period) for f in facts_of(text)] == [
        ("地区生产总值", "2024年"), ("新增规上工业企业", "2024年"), ("新建幼儿园", None)]


@pytest.mark.parametrize("text", [
    "城镇、农村居民人均可支配收入分别为51630元和26170元。",  # one shared name: not split
    "全区四个街道的增速均为5%。",  # 均 after a single subject: one fact
])
def test_facts_reading_lists_that_stay_one_subject(text):
    facts = facts_of(text)
    assert len({f.indicator for f in facts}) == 1 and facts[0].indicator.endswith(("收入", "增速"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_facts_reading_cases(name):
    text, expected = CASES[name]
    assert [brief(f) for f in facts_of(text)] == expected


@pytest.mark.parametrize("text", [
    "规划建设300亿元产业园区2个。",  # an amount before a noun that is no measure: a class
    "全区科技创新奖励资金5000万元。",  # a fund named with its purpose keeps its name
])
def test_facts_reading_amount_before_a_noun_unchanged(text):
    facts = facts_of(text)
    assert all(f.indicator not in ("奖励", "补助") for f in facts)
    assert not any(f.unit == "元" and f.value == 30000000000 for f in facts)


def test_facts_reading_places_are_not_a_rank_move_without_a_moving_verb():
    assert facts_of("一位专家介绍，三位院士出席。") == []
    facts = facts_of("在建项目数量居全省第一。")
    assert [brief(f) for f in facts] == [("在建项目数量", 1.0, "名", "rank", None)]
