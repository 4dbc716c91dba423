"""What a fifth blind held-out set showed the facts stage: where a planned rise starts, quarters listed
as the subject of a carried indicator, 两者 and a bare rate after two named figures, 按可比价计算, a
plan's figure followed by what is already done, counts written after their noun, the noun after an
amount in a list, and 一成."""
from decimal import Decimal

from zhibiao.model import Document
from test_facts_targets import BULLETIN_TITLE, NEWS_LEAD, NEWS_TITLE, PLAN_TITLE, analysed

NEWS = f"{NEWS_TITLE}\n{NEWS_LEAD}"
REPORT = "政府工作报告\n各位代表："


def body_facts(head: str, body: str, date: str = "2025-06-01") -> tuple[Document, list]:
    doc = analysed(f"{head}\n{body}", date)
    return doc, [f for f in doc.facts if f.start > len(head)]


def readings(head: str, body: str, date: str = "2025-06-01") -> list[tuple[str, Decimal, str, str]]:
    return [(f.indicator, f.value, f.unit, f.kind) for f in body_facts(head, body, date)[1]]


# --- 1. 由目前的X增至Y in a plan: X is where the rise starts (a level), Y the target
def test_facts_round5_the_start_of_a_planned_rise_is_a_level():
    _, found = body_facts(PLAN_TITLE, "到2027年，全市规模以上工业企业由目前的86家增至150家以上。", "2025-03-01")
    assert [(f.indicator, f.value, f.kind, f.qualifier, f.period) for f in found] == [
        ("规模以上工业企业", Decimal(86), "level", None, "目前"),
        ("规模以上工业企业", Decimal(150), "target", "over", "2027年")]


def test_facts_round5_two_starts_and_two_targets_of_one_subject():
    found = readings(PLAN_TITLE, "到2027年，城镇和农村居民人均可支配收入分别由目前的4.2万元、2.1万元提高到5.6万元、3万元。",
                     "2025-03-01")
    subject = "城镇和农村居民人均可支配收入"
    assert found == [(subject, Decimal(42000), "元", "level"), (subject, Decimal(21000), "元", "level"),
                     (subject, Decimal(56000), "元", "target"), (subject, Decimal(30000), "元", "target")]


def test_facts_round5_a_start_with_its_year_and_a_lowered_share():
    found = readings(PLAN_TITLE, "力争到2027年，单位GDP能耗从2024年的0.52吨标准煤下降到0.45吨标准煤。", "2025-03-01")
    assert [(v, k) for _, v, _, k in found] == [(Decimal("0.52"), "level"), (Decimal("0.45"), "target")]


def test_facts_round5_by_whom_or_without_a_rise_stays_a_target():
    found = readings(PLAN_TITLE, "力争到2027年，由市财政安排专项资金5亿元，规模以上工业企业达到150家。", "2025-03-01")
    assert [(v, k) for _, v, _, k in found] == [(Decimal(500000000), "target"), (Decimal(150), "target")]


def test_facts_round5_a_reported_rise_names_its_subject_at_both_ends():
    found = readings(NEWS, "全市高新技术企业由2020年的52家增至2024年的118家。")
    assert found == [("高新技术企业", Decimal(52), "家", "level"), ("高新技术企业", Decimal(118), "家", "level")]


# --- 2. quarters (or months) listed as the subject of a carried indicator
def test_facts_round5_listed_quarters_each_take_the_value_said_with_jun():
    _, found = body_facts(BULLETIN_TITLE, "分季度看，一季度全县地区生产总值同比增长4.1%，二、三季度均增长3.6%，四季度增长5.2%。",
                          "2025-03-01")
    assert [(f.indicator, f.value, f.period) for f in found] == [
        ("地区生产总值", Decimal("4.1"), "一季度"), ("地区生产总值", Decimal("3.6"), "二季度"),
        ("地区生产总值", Decimal("3.6"), "三季度"), ("地区生产总值", Decimal("5.2"), "四季度")]


def test_facts_round5_listed_months_take_their_values_in_order():
    _, found = body_facts(BULLETIN_TITLE, "1—2月全市规模以上工业增加值增长5.1%，3、4月分别增长4.2%和3.9%。", "2025-06-01")
    assert [(f.indicator, f.value, f.period) for f in found] == [
        ("规模以上工业增加值", Decimal("5.1"), "1—2月"), ("规模以上工业增加值", Decimal("4.2"), "3月"),
        ("规模以上工业增加值", Decimal("3.9"), "4月")]


def test_facts_round5_a_list_of_ordinals_that_is_no_period_is_left_alone():
    found = readings(BULLETIN_TITLE, "第二、三产业增加值分别增长3.2%和5.1%。一、二类企业分别为5家和8家。")
    assert [i for i, *_ in found] == ["第二、三产业增加值", "第二、三产业增加值", "一、二类企业", "一、二类企业"]


# --- 3. 两者分别…, 年均增幅分别为… after two named figures
def test_facts_round5_liangzhe_hands_the_values_to_the_two_figures_before():
    found = readings(REPORT, "全年一般公共预算收入18.6亿元，其中税收收入14.2亿元，两者分别增长6.1%和7.4%。")
    assert found[2:] == [("一般公共预算收入", Decimal("6.1"), "%", "change"), ("税收收入", Decimal("7.4"), "%", "change")]


def test_facts_round5_a_bare_rate_with_its_basis_is_said_of_the_figures_before():
    found = readings(NEWS, "城镇居民人均可支配收入为41250元，农村居民人均可支配收入为19830元，年均增速分别为7.2%和9.5%。")
    assert [(i, v, k) for i, v, _, k in found[2:]] == [("城镇居民人均可支配收入年均增速", Decimal("7.2"), "change"),
                                                       ("农村居民人均可支配收入年均增速", Decimal("9.5"), "change")]


def test_facts_round5_a_named_rate_keeps_its_own_name():
    found = readings(NEWS, "全市粮食总产量为120万吨，其中稻谷产量增幅为3.2%。")
    assert found[1] == ("稻谷产量增幅", Decimal("3.2"), "%", "change")


# --- 4. 按可比价计算 is how a change is measured, not what
def test_facts_round5_comparable_prices_are_no_indicator():
    _, found = body_facts(REPORT, "全年地区生产总值达到412亿元，按可比价计算增长6.3%。")
    assert [(f.indicator, f.value, f.kind, f.basis) for f in found] == [
        ("地区生产总值", Decimal(41200000000), "level", None), ("地区生产总值", Decimal("6.3"), "change", None)]


def test_facts_round5_a_basis_with_bi_is_still_read():
    _, found = body_facts(REPORT, "全年地区生产总值412亿元，比上年增长6.3%。")
    assert [(f.indicator, f.basis) for f in found] == [("地区生产总值", None), ("地区生产总值", "比上年")]


# --- 5. a plan's figure, then what is already done; 计划 inside an indicator
def test_facts_round5_what_is_done_after_the_year_s_plan_is_reported():
    found = readings(NEWS, "今年，开发区计划完成投资80亿元，1—11月已完成投资72.3亿元，同比增长15.2%，年度计划完成率为90.4%。",
                     "2025-12-15")
    assert [(v, k) for _, v, _, k in found] == [(Decimal(8000000000), "target"), (Decimal(7230000000), "level"),
                                               (Decimal("15.2"), "change"), (Decimal("90.4"), "level")]
    assert found[-1][0] == "年度计划完成率"


def test_facts_round5_the_plan_s_other_figures_stay_targets():
    found = readings(NEWS, "今年，开发区计划完成投资80亿元，新开工项目25个。", "2025-03-15")
    assert [(v, k) for _, v, _, k in found] == [(Decimal(8000000000), "target"), (Decimal(25), "target")]


# --- 6. counts in Chinese numerals after their noun
def test_facts_round5_chinese_counts_after_the_noun():
    found = readings(REPORT, "全年新增国家级非遗项目一个、省级非遗项目三个。")
    assert [(v, u, k) for _, v, u, k in found] == [(Decimal(1), "个", "level"), (Decimal(3), "个", "level")]
    assert found[1][0] == "省级非遗项目"


def test_facts_round5_numerals_that_are_words_stay_words():
    assert readings(REPORT, "深入实施三个一批。其中一个已投产。这两个项目都很重要。") == []


# --- 7. the noun after an amount in a list
def test_facts_round5_the_noun_after_each_amount_of_a_list():
    found = readings(REPORT, "全区下辖6个街道和4个镇，共有32个社区居委会、118个行政村。")
    assert [(i, v) for i, v, *_ in found] == [("街道", Decimal(6)), ("镇", Decimal(4)), ("社区居委会", Decimal(32)),
                                              ("行政村", Decimal(118))]


def test_facts_round5_after_a_verb_with_le_the_object_is_counted():
    found = readings(REPORT, "新区完成了滨海片区1.2万亩土地的平整和3600亩高标准农田建设。")
    assert [(i.startswith("土地"), v) for i, v, *_ in found] == [(True, Decimal(12000)), (False, Decimal(3600))]
    assert found[1][0].startswith("高标准农田")


# --- 8. 一成 with a qualifier word
def test_facts_round5_yicheng_with_a_qualifier_is_ten_percent():
    _, found = body_facts(NEWS, "一季度民间投资增速超一成。")
    assert [(f.indicator, f.value, f.unit, f.kind, f.qualifier) for f in found] == [
        ("民间投资增速", Decimal(10), "%", "change", "over")]


def test_facts_round5_yicheng_in_an_idiom_is_no_figure():
    assert readings(NEWS, "这项政策多年来一成不变。") == []
