"""The period of a fact, in the text's words: a table's caption for its rows, span words (全年, 每年, 年内,
这一年, 同期, 春节假期), a time said inside the evidence, and the times that govern no later figure (the start
of a change, a goal compared with, a part after 其中, a condition's time, a starting point with 起)."""
from zhibiao import pipeline
from zhibiao.dates import resolve_all
from test_facts_targets import BULLETIN_TITLE, NEWS_LEAD, NEWS_TITLE, PLAN_TITLE, POLICY_TITLE, REPORT_HEAD, analysed
import datetime as dt

NEWS = f"{NEWS_TITLE}\n{NEWS_LEAD}"


def periods(head: str, body: str, date: str = "2025-06-01") -> list[tuple[str, str, str | None]]:
    """(indicator, value as written, period) of each fact of ``body``."""
    doc = analysed(f"{head}\n{body}", date)
    return [(f.indicator, f.number_text, f.period) for f in doc.facts if f.start > len(head)]


def period_of(head: str, body: str, number: str, date: str = "2025-06-01") -> str | None:
    found = [p for _, n, p in periods(head, body, date) if n == number]
    assert found, f"no fact of {number}"
    return found[0]


BULLETIN_WITH_TABLE = """某县2024年国民经济和社会发展统计公报
某县统计局
二、农业
全年粮食总产量35.2万吨，比上年增长1.8%。主要农产品产量见表2。
表2　{caption}
品种　产量　比上年增长（%）
粮食　35.2万吨　1.8
油料　2.6万吨　-3.1
蔬菜　48.7万吨　4.5
三、工业
规模以上工业企业新增12家。
"""


# --- 1. a table's rows take the period its caption names
def test_facts_periods_table_rows_take_their_caption_s_period():
    doc = pipeline.extract_text(BULLETIN_WITH_TABLE.format(caption="2024年全县主要农产品产量"), date="2025-03-20")
    rows = [f for f in doc.facts if f.indicator.startswith(("油料", "蔬菜"))]
    assert len(rows) == 4 and {f.period for f in rows} == {"2024年"}  # the amounts and the rates
    assert next(f for f in doc.facts if f.number_text == "12").period is None  # the next section's figure


def test_facts_periods_a_caption_s_half_year_and_a_caption_without_a_time():
    doc = pipeline.extract_text(BULLETIN_WITH_TABLE.format(caption="上半年全县主要农产品产量"), date="2025-08-20")
    assert {f.period for f in doc.facts if f.indicator.startswith("油料")} == {"上半年"}
    doc = pipeline.extract_text(BULLETIN_WITH_TABLE.format(caption="全县主要农产品产量"), date="2025-03-20")
    assert {f.period for f in doc.facts if f.indicator.startswith("油料")} == {None}


# --- 2. 全年 heading the paragraph's first clause (after a scope word) carries to its later figures
def test_facts_periods_the_whole_year_after_a_scope_word_carries_on():
    body = ("据初步核算，全县全年实现地区生产总值512.3亿元，比上年增长5.1%。"
            "分产业看，第一、二、三产业增加值分别为40.2亿元、180.5亿元和291.6亿元。")
    assert {p for _, _, p in periods(BULLETIN_TITLE, body)} == {"全年"}
    # a time after a longer subject in an earlier sentence is that sentence's own
    body = "甲乙两个园区全年实现产值88亿元。新增入园企业26家。"
    assert period_of(BULLETIN_TITLE, body, "26") is None


# --- 3. 每年, 年内, 这一年, 同期 and a holiday are periods; 五年内 and 比上年同期 are not
def test_facts_periods_each_year_and_within_the_year():
    assert period_of(PLAN_TITLE, "每年新增专精特新中小企业50家以上。", "50") == "每年"
    assert period_of(REPORT_HEAD, "年内建成5G基站800个，新改建农村公路120公里。", "120") == "年内"
    assert period_of(PLAN_TITLE, "力争五年内建成省级开发区2个。", "2") != "年内"  # a duration


def test_facts_periods_this_year_opening_a_paragraph_carries_on():
    body = "这一年，全县新开工项目86个。返乡创业成效明显，累计引进返乡创业项目320个，带动就业1.2万人。"
    assert {p for _, _, p in periods(NEWS, body)} == {"这一年"}


def test_facts_periods_the_same_period_opening_a_sentence():
    body = "前三季度，全区实现地区生产总值520.6亿元，比上年同期增长6.1%。同期，全省地区生产总值增长5.2%。"
    assert period_of(NEWS, body, "5.2") == "同期"
    assert period_of(NEWS, body, "6.1") == "前三季度"  # 比上年同期 is the basis


def test_facts_periods_a_holiday_is_a_period():
    body = "春节假期，全市接待游客85.6万人次，实现旅游收入6.2亿元。"
    assert {p for _, _, p in periods(NEWS, body)} == {"春节假期"}
    assert period_of(POLICY_TITLE, "员工带薪休假期间工资照发，每人每月补贴500元。", "500") is None


# --- 4. a sentence's own time beats the paragraph's, and some times govern no later figure
def test_facts_periods_a_span_word_inside_the_evidence_is_the_figure_s_own():
    body = "甲公司2024年产值达114亿元，比上年增加2亿元；乙公司全年设备投入230万元左右。"
    assert period_of(BULLETIN_TITLE, body, "230万") == "全年"
    assert period_of(BULLETIN_TITLE, body, "2亿") == "2024年"  # 比上年 is the basis


def test_facts_periods_the_start_of_a_change_is_only_its_own_figure_s():
    body = "2024年，全县工业投资占固定资产投资的比重由2020年末的21.5%提高到26.3%。"
    assert period_of(BULLETIN_TITLE, body, "21.5") == "2020年末"
    assert period_of(BULLETIN_TITLE, body, "26.3") == "2024年"


def test_facts_periods_a_part_after_qizhong_ends_at_the_semicolon():
    body = "今年全县地区生产总值增长目标为6%，其中一季度为5.5%左右；规上工业增加值增长8%左右。"
    assert period_of(NEWS, body, "5.5") == "一季度"
    assert period_of(NEWS, body, "8") == "今年"


def test_facts_periods_a_goal_compared_with_is_no_period():
    body = "上半年，全区实现地区生产总值159.7亿元，比上年同期增长9.1%，增速高出年初目标2.1个百分点；两年平均增长6.0%。"
    assert period_of(NEWS, body, "6.0") == "上半年"


def test_facts_periods_a_starting_point_does_not_carry_to_later_sentences():
    body = "2023年3月起，全区推行生活垃圾分类。全区配备保洁员150人。"
    assert period_of(NEWS, body, "150") is None
    body = "2023年起降点建设提速。全区建成起降点35个。"  # 起 of 起降点 is no starting point
    assert period_of(NEWS, body, "35") == "2023年"


def test_facts_periods_a_condition_s_time_stays_in_the_condition():
    body = "企业全年营业收入首次突破1亿元的，给予一次性奖励50万元。每家企业每年最高奖励100万元。"
    assert period_of(POLICY_TITLE, body, "50万") is None
    assert period_of(POLICY_TITLE, body, "100万") == "每年"


# --- 5. targets: the deadline's year, unless a span word of the same item names another period
def test_facts_periods_a_deadline_s_period_is_its_year():
    body = "力争到2026年底，全区建成公共充电桩3000个。到“十四五”末，新能源汽车产量达到10万辆。"
    assert period_of(PLAN_TITLE, body, "3000") == "2026年"
    assert period_of(PLAN_TITLE, body, "10万") == "“十四五”末"


def test_facts_periods_a_span_word_after_the_deadline_in_the_same_item():
    body = "到2027年，全社会研发投入强度提高到3.2%，每年提高0.2个百分点；高新技术企业达到300家。"
    assert [p for _, _, p in periods(PLAN_TITLE, body)] == ["2027年", "每年", "2027年"]


def test_facts_periods_a_figure_written_before_its_label_takes_the_label_s_time():
    assert period_of(NEWS, "●86.5% 2024年全区森林覆盖率", "86.5") == "2024年"


# --- dates the periods are read from
def test_facts_periods_first_months_without_ge_and_a_plan_s_first_years():
    today = dt.date(2025, 6, 1)
    first_months = resolve_all("沙河区前5月规上工业增加值增长4.2%", today)[0]
    assert (first_months.text, first_months.begin, first_months.finish) == ("前5月", "2025-01-01", "2025-05-31")
    plan = resolve_all("“十三五”前四年，全区地区生产总值年均增长8.1%", today)[0]
    assert (plan.text, plan.begin, plan.finish) == ("“十三五”前四年", "2016-01-01", "2019-12-31")
    assert period_of(NEWS, "沙河区前5月规上工业增加值增长4.2%。", "4.2") == "前5月"
