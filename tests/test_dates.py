"""Date and period expressions of real reports, resolved against fixed document dates."""
from __future__ import annotations

import datetime as dt

import pytest

from zhibiao.dates import document_date, find_dates, resolve_all
from zhibiao.model import Document, Meta

SEP = dt.date(2025, 9, 15)  # a newspaper page in September
JAN = dt.date(2026, 1, 20)  # a report early in the next year
MAR = dt.date(2025, 3, 10)  # a work report in March
OCT = dt.date(2025, 10, 25)  # a bulletin of the first three quarters

# (sentence, document date, expression found, first day, last day, vague)
CASES = [
    # years, fiscal years, ranges of years
    ("到2027年，全域高质量发展能级持续提升", SEP, "2027年", "2027-01-01", "2027-12-31", False),
    ("揭晓了2024年度科学技术奖", SEP, "2024年度", "2024-01-01", "2024-12-31", False),
    ("2023—2025年累计完成投资", SEP, "2023—2025年", "2023-01-01", "2025-12-31", False),
    ("2023-2025年行动计划", SEP, "2023-2025年", "2023-01-01", "2025-12-31", False),
    ("2021年—2025年全市生产总值年均增长", SEP, "2021年—2025年", "2021-01-01", "2025-12-31", False),
    ("2024年至2026年分三批实施", SEP, "2024年至2026年", "2024-01-01", "2026-12-31", False),
    ("二〇二四年全区完成", SEP, "二〇二四年", "2024-01-01", "2024-12-31", False),
    ("2019年，全区户籍人口", SEP, "2019年", "2019-01-01", "2019-12-31", False),
    # months and spans of months
    ("2025年1—10月，全市规上工业增加值增长", SEP, "2025年1—10月", "2025-01-01", "2025-10-31", False),
    ("2025年1-10月", SEP, "2025年1-10月", "2025-01-01", "2025-10-31", False),
    ("2025年1至8月，社零总额", SEP, "2025年1至8月", "2025-01-01", "2025-08-31", False),
    ("1—2月，全区固定资产投资", MAR, "1—2月", "2025-01-01", "2025-02-28", False),
    ("2024年2月，全区", SEP, "2024年2月", "2024-02-01", "2024-02-29", False),
    ("2024年12月份居民消费价格", SEP, "2024年12月份", "2024-12-01", "2024-12-31", False),
    ("二〇二五年三月，我们", SEP, "二〇二五年三月", "2025-03-01", "2025-03-31", False),
    ("3月份以来，订单回升", SEP, "3月份以来", "2025-03-01", "2025-09-15", False),
    ("前两个月，外贸进出口", MAR, "前两个月", "2025-01-01", "2025-02-28", False),
    ("前8个月，全市", SEP, "前8个月", "2025-01-01", "2025-08-31", False),
    # days
    ("9月2日，区委十三届七次全会举行", SEP, "9月2日", "2025-09-02", "2025-09-02", False),
    ("9 月 2 日，会议举行", SEP, "9 月 2 日", "2025-09-02", "2025-09-02", False),
    ("2025年9月15日 星期一", SEP, "2025年9月15日", "2025-09-15", "2025-09-15", False),
    ("二〇二五年九月十五日", SEP, "二〇二五年九月十五日", "2025-09-15", "2025-09-15", False),
    ("11月20日至22日举办", SEP, "11月20日至22日", "2025-11-20", "2025-11-22", False),
    ("5月1日—3日，景区接待游客", SEP, "5月1日—3日", "2025-05-01", "2025-05-03", False),
    ("6月18号开幕", SEP, "6月18号", "2025-06-18", "2025-06-18", False),
    # parts of months
    ("3月底，全面完成", SEP, "3月底", "2025-03-21", "2025-03-31", False),
    ("2月末，各项贷款余额", SEP, "2月末", "2025-02-21", "2025-02-28", False),
    ("4月上旬开工", SEP, "4月上旬", "2025-04-01", "2025-04-10", False),
    ("7月中旬，暴雨", SEP, "7月中旬", "2025-07-11", "2025-07-20", False),
    ("8月下旬投用", SEP, "8月下旬", "2025-08-21", "2025-08-31", False),
    ("6月初以来，降雨", SEP, "6月初以来", "2025-06-01", "2025-09-15", False),
    # quarters and halves
    ("前三季度，全区地区生产总值", OCT, "前三季度", "2025-01-01", "2025-09-30", False),
    ("一季度，全市工业", SEP, "一季度", "2025-01-01", "2025-03-31", False),
    ("第二季度完成", SEP, "第二季度", "2025-04-01", "2025-06-30", False),
    ("2024年第四季度", SEP, "2024年第四季度", "2024-10-01", "2024-12-31", False),
    ("三季度末，存款余额", OCT, "三季度末", "2025-09-01", "2025-09-30", False),
    ("上半年，全区经济运行", SEP, "上半年", "2025-01-01", "2025-06-30", False),
    ("2024年下半年", SEP, "2024年下半年", "2024-07-01", "2024-12-31", False),
    ("前两季度", SEP, "前两季度", "2025-01-01", "2025-06-30", False),
    # years relative to the document date
    ("今年，全区", SEP, "今年", "2025-01-01", "2025-12-31", False),
    ("去年，全市", SEP, "去年", "2024-01-01", "2024-12-31", False),
    ("比上年增长5.9%", SEP, "上年", "2024-01-01", "2024-12-31", False),
    ("明年将建成", SEP, "明年", "2026-01-01", "2026-12-31", False),
    ("前年启动", SEP, "前年", "2023-01-01", "2023-12-31", False),
    ("本年度预算", SEP, "本年度", "2025-01-01", "2025-12-31", False),
    ("今年3月，律所落户", SEP, "今年3月", "2025-03-01", "2025-03-31", False),
    ("今年8月召开的大会", SEP, "今年8月", "2025-08-01", "2025-08-31", False),
    ("今年上半年", SEP, "今年上半年", "2025-01-01", "2025-06-30", False),
    ("今年前三季度", SEP, "今年前三季度", "2025-01-01", "2025-09-30", False),
    ("去年同期", SEP, "去年", "2024-01-01", "2024-12-31", False),
    ("去年底，全区", SEP, "去年底", "2024-12-01", "2024-12-31", False),
    ("今年以来，全区", SEP, "今年以来", "2025-01-01", "2025-09-15", False),
    ("2020年以来，累计", SEP, "2020年以来", "2020-01-01", "2025-09-15", False),
    ("2018年至今，共建成", SEP, "2018年至今", "2018-01-01", "2025-09-15", False),
    # points: 截至, 目前, year ends
    ("截至目前，全区已集聚", SEP, "截至目前", "2025-09-15", "2025-09-15", False),
    ("截至2024年底，全市", SEP, "截至2024年底", "2024-12-31", "2024-12-31", False),
    ("截至2025年6月末", SEP, "截至2025年6月末", "2025-06-30", "2025-06-30", False),
    ("截止2024年末，常住人口", SEP, "截止2024年末", "2024-12-31", "2024-12-31", False),
    ("目前，已建成", SEP, "目前", "2025-09-15", "2025-09-15", False),
    ("2024年末，全市常住人口", SEP, "2024年末", "2024-12-01", "2024-12-31", False),
    ("2025年初，启动", SEP, "2025年初", "2025-01-01", "2025-01-31", False),
    ("年底前完成", SEP, "年底", "2025-12-01", "2025-12-31", False),
    # five-year plans
    ("十四五期间，全区累计", SEP, "十四五期间", "2021-01-01", "2025-12-31", False),
    ("“十四五”时期", SEP, "“十四五”时期", "2021-01-01", "2025-12-31", False),
    ("“十五五”规划编制", SEP, "“十五五”规划", "2026-01-01", "2030-12-31", False),
    ("“十三五”以来", SEP, "“十三五”以来", "2016-01-01", "2025-09-15", False),
    ("“十四五”收官之年", SEP, "“十四五”收官之年", "2025-01-01", "2025-12-31", False),
    ("十二五末", SEP, "十二五末", "2015-01-01", "2015-12-31", False),
    # recent years
    ("近三年，全区", SEP, "近三年", "2023-01-01", "2025-09-15", False),
    ("近5年来", SEP, "近5年来", "2021-01-01", "2025-09-15", False),
    ("过去五年，我们", MAR, "过去五年", "2020-01-01", "2024-12-31", False),
    ("过去一年，全区", MAR, "过去一年", "2024-01-01", "2024-12-31", False),
    # years ago, and months from the document's
    ("五年前，这里还是一片低洼棚户区", SEP, "五年前", "2020-01-01", "2020-12-31", False),
    ("与10年前相比，全区人口增加", SEP, "10年前", "2015-01-01", "2015-12-31", False),
    ("上月，全区新登记市场主体", JAN, "上月", "2025-12-01", "2025-12-31", False),
    ("上个月份，订单回暖", MAR, "上个月份", "2025-02-01", "2025-02-28", False),
    ("本月全区完成投资", SEP, "本月", "2025-09-01", "2025-09-30", False),
    ("下个月将开工", SEP, "下个月", "2025-10-01", "2025-10-31", False),
    # vague
    ("近年来，渝中紧紧围绕", SEP, "近年来", None, "2025-09-15", True),
    ("这些年，双向开放", SEP, "这些年", None, "2025-09-15", True),
    ("日前，市政府印发", SEP, "日前", None, "2025-09-15", True),
]


@pytest.mark.parametrize("sentence, today, expected, begin, finish, vague", CASES)
def test_dates_resolve(sentence, today, expected, begin, finish, vague):
    mentions = resolve_all(sentence, today)
    assert mentions, f"nothing found in {sentence!r}"
    first = mentions[0]
    assert (first.text, first.begin, first.finish, first.vague) == (expected, begin, finish, vague)
    assert sentence[first.start:first.end] == first.text


def test_dates_a_year_before_a_named_year_is_that_year_not_years_ago():
    [mention] = resolve_all("2020年前全面完成改造", SEP)
    assert (mention.text, mention.begin) == ("2020年", "2020-01-01")


def test_dates_years_ago_give_the_sentence_its_year():
    mentions = resolve_all("三年前的3月，园区开工建设", SEP)
    assert [(m.text, m.begin) for m in mentions] == [("三年前", "2022-01-01"), ("3月", "2022-03-01")]


def test_dates_table_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("sentence", [
    "培育高新技术企业和科技型企业1870家", "建成3个国家级夜间文化和旅游消费集聚区", "城市更新工作连续四年获得市级激励",
    "区委十三届七次全会举行", "渝中12个项目上榜", "三度入选国家可复制经验清单", "年接待游客近8900万人次",
    "一月一次", "2025个", "第3名", "上下月衔接", "按月度考核",
])
def test_dates_plain_numbers_are_not_dates(sentence):
    assert resolve_all(sentence, SEP) == []


@pytest.mark.parametrize("sentence, today, begin", [
    ("12月20日，项目签约", JAN, "2025-12-20"),  # a report in January looks back at December
    ("四季度，全市工业", JAN, "2025-10-01"),
    ("11月举办", SEP, "2025-11-01"),  # two months ahead: a plan for this year
    ("10月底前完成改造", MAR, "2025-10-21"),  # a deadline stays in this year
    ("10月，开工", MAR, "2024-10-01"),  # seven months ahead with no 前: last year
])
def test_dates_bare_month_takes_the_nearest_sensible_year(sentence, today, begin):
    assert resolve_all(sentence, today)[0].begin == begin


@pytest.mark.parametrize("sentence, today, begin, finish", [
    # a period not over by the document date is last year's: the figures of a report look back
    ("前三季度，全市地区生产总值增长5.1%", MAR, "2024-01-01", "2024-09-30"),
    ("前三季度，全区地区生产总值增长", SEP, "2024-01-01", "2024-09-30"),
    ("三季度末，存款余额", SEP, "2024-09-01", "2024-09-30"),
    ("上半年，规上工业增加值增长", MAR, "2024-01-01", "2024-06-30"),
    ("1—10月，社会消费品零售总额", SEP, "2024-01-01", "2024-10-31"),
    ("前8个月，外贸进出口", MAR, "2024-01-01", "2024-08-31"),
    # ... unless it is over, still running (以来), or the sentence looks ahead
    ("上半年，全区经济运行", SEP, "2025-01-01", "2025-06-30"),
    ("一季度以来，订单回升", MAR, "2025-01-01", "2025-03-10"),
    ("预计前三季度增长5%左右", MAR, "2025-01-01", "2025-09-30"),
    ("力争上半年完成投资30亿元", MAR, "2025-01-01", "2025-06-30"),
    ("四季度将开工建设", SEP, "2025-10-01", "2025-12-31"),
    ("到三季度末，全面完成改造", MAR, "2025-09-01", "2025-09-30"),
    ("确保10月开工", MAR, "2025-10-01", "2025-10-31"),
])
def test_dates_period_not_over_by_the_document_date_is_last_years(sentence, today, begin, finish):
    first = resolve_all(sentence, today)[0]
    assert (first.begin, first.finish) == (begin, finish)


def test_dates_regression_first_three_quarters_in_a_march_report_are_last_years():
    doc = find_dates(Document(text="2025年3月10日 星期一\n前三季度，全市规上工业增加值增长6.2%。",
                              meta=Meta(date="2025-03-10")))
    assert [(d.text, d.begin, d.finish) for d in doc.dates][-1] == ("前三季度", "2024-01-01", "2024-09-30")


def test_dates_bare_month_takes_the_year_of_its_sentence():
    found = resolve_all("2023年，全区实现生产总值；其中3月份增长最快。5月，开工", SEP)
    assert [(d.text, d.begin) for d in found] == [
        ("2023年", "2023-01-01"), ("3月份", "2023-03-01"), ("5月", "2025-05-01")]


def test_dates_context_year_words_follow_the_sentence():
    found = resolve_all("2019年启动建设，当年完成投资", SEP)
    assert found[1].text == "当年" and found[1].begin == "2019-01-01"
    assert resolve_all("当年完成投资", SEP)[0].vague


def test_dates_previous_year_is_the_year_before_the_one_talked_about():
    # 上年 is said of the sentence's year; 去年 of today's (SEP is in 2025)
    found = resolve_all("2023年全区生产总值比上年增长5.2%，比去年多。比上年增长4%。", SEP)
    assert [(d.text, d.begin[:4]) for d in found] == [("2023年", "2023"), ("上年", "2022"), ("去年", "2024"),
                                                       ("上年", "2024")]


def test_dates_a_year_compared_with_gives_the_sentence_no_year():
    found = resolve_all("上半年，投资比去年同期下降7.0%，降幅比一季度收窄2.6个百分点。", SEP)
    assert [(d.text, d.begin) for d in found] == [("上半年", "2025-01-01"), ("去年", "2024-01-01"),
                                                  ("一季度", "2025-01-01")]
    # a year the sentence is about still is
    found = resolve_all("去年一季度增长4%，二季度增长5%。", SEP)
    assert [(d.text, d.begin) for d in found] == [("去年一季度", "2024-01-01"), ("二季度", "2024-04-01")]


def test_dates_relative_ones_stay_open_without_a_document_date():
    found = resolve_all("今年3月，2024年度", None)
    assert [(d.text, d.begin) for d in found] == [("今年3月", None), ("2024年度", "2024-01-01")]


@pytest.mark.parametrize("text, expected", [
    ("重庆日报\n2025年9月15日 星期一\n第5版\n正文", "2025-09-15"),
    ("索引号：001\n发布机构：区政府办\n发布日期：2024-04-22\n正文", "2024-04-22"),
    ("发布时间：2023年4月22日\n正文", "2023-04-22"),
    ("政府工作报告\n——2025年1月8日在区第十七届人民代表大会第五次会议上\n各位代表", "2025-01-08"),
    ("关于印发方案的通知\n正文……\n区人民政府办公室\n2024年3月5日\n", "2024-03-05"),
    ("正文……\n某某区人民政府\n二〇二四年三月五日", "2024-03-05"),
    ("今年3月以来，全区", None),
])
def test_dates_document_date_comes_from_the_text(text, expected):
    assert document_date(Document(text=text)) == expected


def test_dates_stage_sets_the_document_date_only_when_missing():
    doc = find_dates(Document(text="2025年9月15日 星期一\n今年3月，落户"))
    assert doc.meta.date == "2025-09-15"
    assert doc.dates[-1].begin == "2025-03-01"
    given = find_dates(Document(text="2025年9月15日 星期一\n今年3月", meta=Meta(date="2024-01-02")))
    assert given.meta.date == "2024-01-02" and given.dates[-1].begin == "2024-03-01"


def test_dates_seed_page_resolves_every_date(seed_paths):
    from zhibiao.pipeline import extract_path

    doc = extract_path(seed_paths[0], date="2025-09-15")[0]
    found = {(d.text, d.begin, d.finish) for d in doc.dates}
    assert {("9月2日", "2025-09-02", "2025-09-02"), ("2027年", "2027-01-01", "2027-12-31"),
            ("今年3月", "2025-03-01", "2025-03-31"), ("今年8月", "2025-08-01", "2025-08-31"),
            ("2024年度", "2024-01-01", "2024-12-31"), ("截至目前", "2025-09-15", "2025-09-15")} <= found
    assert all(d.vague for d in doc.dates if d.text in ("近年来", "这些年"))
    assert not any(d.text.startswith("1870") or "夜间" in d.text for d in doc.dates)
