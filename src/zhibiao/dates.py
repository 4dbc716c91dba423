"""Stage 3: date and period expressions, resolved to ISO intervals against the document date.

One pass of one regular expression finds the expressions (2025年1—10月, 今年3月, 前三季度, 截至2024年底,
“十四五”时期, 近三年 ...); each is then resolved to the first and last day of the interval it names.
A bare month or day takes the year of an earlier date in the same sentence, else the document's year
(the year before when that would put it more than half a year after the document date, or put a period
such as 前三季度 past its end, as a report looking back does; not when the sentence looks ahead).
Plain numbers (1870家) never match: a year needs 年, a month 月, a quarter 季度.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import operator
import re
from dataclasses import dataclass
from typing import Final

from zhibiao.model import Block, DateMention, Document

_CN_DIGIT: Final = {"〇": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_NUM: Final = "[一二两三四五六七八九十]"
_NUM: Final = rf"(?:\d{{1,2}}|{_CN_NUM}{{1,3}})"
_DASH: Final = r"\s?(?:—{1,2}|–|-|－|~|～|至|到)\s?"
_YEAR: Final = r"(?:(?<!\d)(?:19|20)\d{2}(?!\d)|[〇零一二三四五六七八九]{4})"
_REL_YEAR: Final = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
             "明年": 1, "下一年": 1, "后年": 2}
_CONTEXT_YEAR: Final = {"当年": 0, "同年": 0, "次年": 1}
# Said of the year being talked about rather than of today: 2023年…比上年增长 is over 2022.
_ANAPHORIC_YEAR: Final = ("上年", "上一年")
# A year compared with (比去年同期, 较上年) is no year for the rest of the sentence to be read in.
_COMPARED: Final = re.compile(r"(?:比|较|同|与|相比|较之)\s?$")
_NOW: Final = ("截至目前", "截止目前", "目前", "当前", "如今", "现在", "至今", "迄今")
_VAGUE_PAST: Final = ("近年来", "近些年来", "近些年", "近几年来", "近几年", "这些年来", "这些年", "多年来", "近年",
               "日前", "近日", "近期")
# A five-year plan: the third began in 1966 and each later one five years after.
_FIVE_YEAR_PLAN: Final = r"[“\"]?十[一二三四五]五[”\"]?"

# Fail fast: most characters cannot begin a date, and a number or a Chinese numeral begins one only when
# 年, 月, 季度 or a range dash follows it (3838万 does not), 年 only as 年初, 年底, 年末. One class of every
# possible first character is tested before the alternatives: it turns most positions away in one step.
_CN_NUMERALS: Final = "〇零一二两三四五六七八九十"
_FIRST_WORDS: Final = "截到目当如现至迄近这多日过最“\"今本去上下前明后同次第"
_STARTS: Final = (rf"(?=[{_FIRST_WORDS}\d{_CN_NUMERALS}年])(?=[{_FIRST_WORDS}]"
                  rf"|\d{{1,4}}\s?[年月季—–\-－~～至到]|[{_CN_NUMERALS}][{_CN_NUMERALS}年月季\s—–\-－~～至到]|年[初底末])")

_DATE: Final = re.compile(
    _STARTS +
    r"(?:(?P<cutoff>截至|截止到|截止|到)\s?)?"
    r"(?:"
    r"(?P<now>" + "|".join(_NOW) + r")"
    r"|(?P<vague>" + "|".join(_VAGUE_PAST) + r")"
    r"|(?P<recent>近|过去|最近)(?P<span>\d{1,2}|" + _CN_NUM + r"{1,2})(?:个)?年(?:来|间)?"
    r"|(?<![\d.])(?P<ago>\d{1,2}|" + _CN_NUM + r"{1,2})(?:个)?年前"
    r"|(?<![上下本])(?P<rel_month>上一?个?月|本月|下一?个?月)(?:份)?(?![\d" + _CN_NUMERALS + r"])"
    r"|(?P<plan>" + _FIVE_YEAR_PLAN + r")(?P<plan_part>期间|时期|规划期|规划|以来|末期|末|初期|开局之年|收官之年"
    r"|前[一二三四]年)?"  # “十三五”前四年: its first years
    r"|(?=[\d〇零一二两三四五六七八九十今本去上前明下后当同次第年])(?:"  # cheap guard: no empty matches
    r"(?:(?P<rel>" + "|".join(sorted(_REL_YEAR, key=len, reverse=True)) + r")"
    r"|(?P<ctx>" + "|".join(_CONTEXT_YEAR) + r")"
    r"|(?P<y1>" + _YEAR + r")(?:\s?年)?" + _DASH + r"(?P<y2>" + _YEAR + r")\s?年(?P<y_range_du>度)?"
    r"|(?P<y>" + _YEAR + r")\s?年(?P<du>度)?)?"
    r"(?:(?<![\d.])"
    r"(?P<m1>" + _NUM + r")(?:" + _DASH + r"(?P<m2>" + _NUM + r"))?\s?月(?:份)?"
    r"(?:\s?(?P<d1>" + _NUM + r")\s?[日号](?:" + _DASH + r"(?P<d2>" + _NUM + r")\s?日)?)?"
    r"(?P<m_part>上旬|中旬|下旬|初|底|末)?"
    r"|(?P<q_first>前)(?P<q_n>[一二两三1-3])(?:个)?季度(?P<q_first_part>末)?"
    r"|第?(?P<q>[一二三四1-4])季度(?P<q_part>末)?"
    r"|前(?P<first_months>" + _NUM + r")个?月"  # 前8个月, and a headline's 前5月
    r"|(?P<half>上半年|下半年)(?P<half_part>末)?"
    r"|(?P<y_part>年初|年底|年末|初|底|末)"
    r")?(?<=[年度月份日号旬初底末])"
    r"))"
    r"(?P<since>以来|至今)?"
)
_START: Final = operator.attrgetter("start")
_SENTENCE_END: Final = re.compile(r"[。！？!?\n]")  # 2024年，…；其中3月… : a clause after ； keeps the year


@dataclass
class _Interval:
    begin: dt.date
    finish: dt.date


def find_dates(doc: Document) -> Document:
    """Fill ``doc.dates``; set ``doc.meta.date`` from the text when the caller gave none."""
    if not doc.meta.date:
        doc.meta.date = document_date(doc)
    today = dt.date.fromisoformat(doc.meta.date) if doc.meta.date else None
    doc.dates = resolve_all(doc.text, today)
    return doc


def resolve_all(text: str, today: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``today`` (None: relative ones stay open)."""
    mentions: list[DateMention] = []
    context_year: int | None = None
    sentence_end = -1
    for match in _DATE.finditer(text):
        if match.start() >= sentence_end:  # a new sentence forgets the year the last one gave
            context_year = None
            end = _SENTENCE_END.search(text, match.end())
            sentence_end = end.start() if end else len(text)
        mention, year = _resolve(match, today, context_year)
        if mention is None:
            continue
        if year is not None and not _COMPARED.search(text, max(0, match.start() - 3), match.start()):
            context_year = year
        mentions.append(mention)
    return mentions


def _resolve(match: re.Match, today: dt.date | None, context_year: int | None):
    """A DateMention for one match and the year it establishes, or (None, None) for a false start."""
    g = match.groupdict()
    start, end = match.start(), match.end()
    if g["cutoff"] and g["cutoff"] != "截至" and not g["cutoff"].startswith("截止"):
        start = match.start("cutoff") + len(g["cutoff"])  # 到2027年: the deadline word belongs to the goal
        while start < end and match.string[start].isspace():
            start += 1
    text = match.string[start:end]
    if not text.strip() or text.strip() in ("截至", "截止", "截止到", "以来"):
        return None, None
    if g["now"]:
        return _mention(text, start, end, _Interval(today, today) if today else None), None
    if g["vague"]:
        return DateMention(text, start, end, None, today.isoformat() if today else None, vague=True), None
    if g["recent"]:
        return _mention(text, start, end, _recent_years(g, today) if today else None), None
    if g["ago"]:
        years_ago = _number(g["ago"])
        if not today or not 0 < years_ago <= 50:
            return _mention(text, start, end, None), None
        then = today.year - years_ago
        return _mention(text, start, end, _Interval(dt.date(then, 1, 1), dt.date(then, 12, 31))), then
    if g["rel_month"]:
        if not today:
            return _mention(text, start, end, None), None
        month = _months_away(today, _MONTH_SHIFT[g["rel_month"][0]])
        last = dt.date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        return _mention(text, start, end, _Interval(month, last)), month.year
    if g["plan"]:
        interval = _five_year_plan(g)
        if (g["since"] or g["plan_part"] == "以来") and today and interval:
            interval = _Interval(interval.begin, today)
        return _mention(text, start, end, interval), None
    year, explicit = _year_of(g, today, context_year)
    sub = _sub_period(g)
    if sub is False or (sub is None and not (g["y"] or g["y1"] or g["rel"] or g["ctx"])):
        return None, None
    if year is None:  # relative to a date or a sentence year we do not know
        return DateMention(text, start, end, vague=bool(g["ctx"])), None
    if not explicit and sub is not None and today:
        ahead = g["cutoff"] == "到" or match.string[end:end + 1] == "前" or _about_future(match.string, start, end)
        year = _likely_year(year, sub, today, ahead, _is_period(g))
    interval = _interval(g, year, sub)
    if interval is None:
        return None, None
    if g["cutoff"] and g["cutoff"] != "到":
        interval = _Interval(interval.finish, interval.finish)
    if g["since"] and today:
        interval = _Interval(interval.begin, today)
    return _mention(text, start, end, interval), year


def _mention(text: str, start: int, end: int, interval: _Interval | None) -> DateMention:
    if interval is None:
        return DateMention(text, start, end)
    return DateMention(text, start, end, interval.begin.isoformat(), interval.finish.isoformat())


def _year_of(g: dict, today: dt.date | None, context_year: int | None) -> tuple[int | None, bool]:
    """The year a match names and whether the text states it (True) or it is inferred (False)."""
    if g["y"]:
        return _year_number(g["y"]), True
    if g["y1"]:
        return _year_number(g["y2"]), True
    if g["rel"] in _ANAPHORIC_YEAR and context_year is not None:
        return context_year - 1, True
    if g["rel"]:
        return (today.year + _REL_YEAR[g["rel"]] if today else None), True
    if g["ctx"]:
        return (context_year + _CONTEXT_YEAR[g["ctx"]] if context_year else None), True
    if context_year is not None:
        return context_year, True
    return (today.year if today else None), False


def _sub_period(g: dict):
    """(first month, last month, first day, last day) of the part of a year named, None for a whole
    year, False for a match that is not a date (a month 13, 三月 without a year)."""
    if g["m1"]:
        m1 = _number(g["m1"])
        m2 = _number(g["m2"]) if g["m2"] else m1
        if not (1 <= m1 <= m2 <= 12):
            return False
        if not g["m1"].isdigit() and not (g["y"] or g["rel"] or g["ctx"]):
            return False  # 三月 on its own is too often not a date
        if g["d1"]:
            d1 = _number(g["d1"])
            d2 = _number(g["d2"]) if g["d2"] else d1
            if m1 != m2 or not (1 <= d1 <= d2 <= 31):
                return False
            return m1, m1, d1, d2
        part = g["m_part"]
        if part in ("上旬", "初"):
            return m1, m1, 1, 10
        if part == "中旬":
            return m1, m1, 11, 20
        if part in ("下旬", "底", "末"):
            return m2, m2, 21, 31
        return m1, m2, 1, 31
    if g["q_first"]:
        last = 3 * _number(g["q_n"])
        return (last - 2 if g["q_first_part"] else 1), last, 1, 31
    if g["q"]:
        last = 3 * _number(g["q"])
        return (last if g["q_part"] else last - 2), last, 1, 31
    if g["first_months"]:
        n = _number(g["first_months"])
        return (1, n, 1, 31) if 1 <= n <= 12 else False
    if g["half"]:
        first, last = (1, 6) if g["half"] == "上半年" else (7, 12)
        return (last if g["half_part"] else first), last, 1, 31
    if g["y_part"]:
        if len(g["y_part"]) == 1 and not (g["y"] or g["rel"]):
            return False  # 底 and 初 need a year before them: 2024年底, 去年底
        return (1, 1, 1, 31) if g["y_part"].endswith("初") else (12, 12, 1, 31)
    return None


def _likely_year(year: int, sub: tuple, today: dt.date, ahead: bool, period: bool) -> int:
    """The year of a part of a year that the text names without one. Looking back is the rule: a period
    that would not have ended by the document date (前三季度 in March) and a month more than half a year
    after it are last year's; unless the text looks ahead (10月底前, 到三季度末, 力争, 预计, 将)."""
    if ahead:
        return year
    if period:
        return year - 1 if dt.date(year, sub[1], calendar.monthrange(year, sub[1])[1]) > today else year
    return year - 1 if (dt.date(year, sub[0], 1) - today).days > 183 else year


def year_of_part(period: str, today: dt.date, ahead: bool = False) -> int:
    """The year of a part of a year named without one (上半年, 1—8月, 年底, 全年), read as the text's own
    dates are: looking back unless ``ahead`` (a target), so that 全年 in a bulletin of April is last year."""
    match = _DATE.search(period)
    groups = match.groupdict() if match else None
    sub = _sub_period(groups) if groups else None
    if not groups or not sub:  # 全年: the whole year, this one once its last month has come (year-end news)
        return today.year if ahead or today.month == 12 else today.year - 1
    return _likely_year(today.year, sub, today, ahead, _is_period(groups))


def _is_period(g: dict) -> bool:
    """A span of months that figures are reported for (一季度, 前三季度, 前8个月, 上半年, 1—10月), not a
    month or a day, nor a period still running (一季度以来)."""
    if g["since"]:
        return False
    return bool(g["q_first"] or g["q"] or g["first_months"] or g["half"]
                or g["m2"] and not g["d1"] and _number(g["m1"]) != _number(g["m2"]))


# Words that put a sentence in the future: a target, a forecast, an intention
_FUTURE: Final = re.compile(r"目标|预计|预期|力争|争取|确保|有望|将|拟")
_CLAUSE_END: Final = re.compile(r"[。！？!?；;\n]")
_LONGEST_CLAUSE: Final = 200


def _about_future(text: str, start: int, end: int) -> bool:
    """The clause around ``text[start:end]`` speaks of the future."""
    reach = max(0, start - _LONGEST_CLAUSE)  # a page without punctuation must not cost a scan per date
    clause_start = max(max(text.rfind(mark, reach, start) for mark in "。！？!?；;\n") + 1, reach)
    clause_end = _CLAUSE_END.search(text, end, end + _LONGEST_CLAUSE)
    return bool(_FUTURE.search(text, clause_start, clause_end.start() if clause_end else end + _LONGEST_CLAUSE))


def _interval(g: dict, year: int, sub) -> _Interval | None:
    first_year = _year_number(g["y1"]) if g["y1"] else year
    if first_year > year:
        return None
    if sub is None:
        return _Interval(dt.date(first_year, 1, 1), dt.date(year, 12, 31))
    m1, m2, d1, d2 = sub
    d2 = min(d2, calendar.monthrange(year, m2)[1])
    if d1 > d2:
        return None
    return _Interval(dt.date(year, m1, d1), dt.date(year, m2, d2))


def _recent_years(g: dict, today: dt.date) -> _Interval | None:
    n = _number(g["span"])
    if not 1 <= n <= 50:
        return None
    if g["recent"] == "过去":  # 过去五年: the five whole years before this one
        return _Interval(dt.date(today.year - n, 1, 1), dt.date(today.year - 1, 12, 31))
    return _Interval(dt.date(today.year - n + 1, 1, 1), today)


_MONTH_SHIFT: Final = {"上": -1, "本": 0, "下": 1}  # 上月, 本月, 下个月 from the document's month


def _months_away(today: dt.date, shift: int) -> dt.date:
    """The first day of the month ``shift`` months from today's."""
    index = today.year * 12 + today.month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def _five_year_plan(g: dict) -> _Interval | None:
    ordinal = 10 + _CN_DIGIT[g["plan"].strip("“”\"")[1]]
    first = 1966 + 5 * (ordinal - 3)
    part = g["plan_part"] or ""
    if part.startswith("末") or part == "收官之年":
        return _Interval(dt.date(first + 4, 1, 1), dt.date(first + 4, 12, 31))
    if part.startswith("初") or part == "开局之年":
        return _Interval(dt.date(first, 1, 1), dt.date(first, 12, 31))
    if part.startswith("前"):
        return _Interval(dt.date(first, 1, 1), dt.date(first + _CN_DIGIT[part[1]] - 1, 12, 31))
    return _Interval(dt.date(first, 1, 1), dt.date(first + 4, 12, 31))


def _year_number(text: str) -> int:
    if text.isdigit() and text.isascii():
        return int(text)
    return int("".join(str(_CN_DIGIT[c]) for c in text))


def _number(text: str) -> int:
    """1 to 99 written in Arabic or Chinese digits: 9, 十, 十二, 二十一, 三十."""
    if text.isdigit() and text.isascii():
        return int(text)
    if "十" not in text:
        return _CN_DIGIT.get(text, 0) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)


def caption_period(doc: Document, block: Block | None) -> str | None:
    """The period a table's caption names, in its words: 表1　2023年全区农林牧渔业产值 → 2023年, 表2　全年主要指标
    → 全年; None for any other block."""
    if block is None or block.kind != "caption":
        return None
    i = bisect.bisect_left(doc.dates, block.start, key=_START)
    if i < len(doc.dates) and doc.dates[i].end <= block.end:
        return doc.dates[i].text
    return "全年" if doc.text.find("全年", block.start, block.end) >= 0 else None


# The document's own date: a newspaper dateline (2025年9月15日 星期一), a labelled publication date
# (发布日期：2025-09-15), or the date line that closes an official document (二〇二五年三月十日).
_YMD: Final = (r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s?年\s?(?P<m>\d{1,2}|" + _CN_NUM + r"{1,2})\s?月\s?"
        r"(?P<d>\d{1,2}|" + _CN_NUM + r"{1,3})\s?日")
_NUMERIC_YMD: Final = r"(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)"
_DATELINES: Final = (re.compile(r"(?=[12〇零一二三四五六七八九])" + _YMD + r"\s*(?:星期|周|礼拜)[一二三四五六日天]"),
              re.compile(r"——\s?" + _YMD + r"在"))  # a speech: ——2025年1月8日在…会议上
_LABELLED: Final = [re.compile(r"(?:日期|时间)\s*[:：]\s*" + form) for form in (_YMD, _NUMERIC_YMD)]  # 发布日期：…
_CLOSING_LINE: Final = re.compile(r"^[ \t　]*" + _YMD + r"[ \t　]*$", re.MULTILINE)


def document_date(doc: Document) -> str | None:
    """The ISO date the document states for itself, or None."""
    for pattern in (*_DATELINES, *_LABELLED):
        for match in pattern.finditer(doc.text):
            found = _ymd(match)
            if found:
                return found
    closing = [found for found in map(_ymd, _CLOSING_LINE.finditer(doc.text)) if found]
    return closing[-1] if closing else None


def _ymd(match: re.Match) -> str | None:
    try:
        return dt.date(_year_number(match["y"]), _number(match["m"]), _number(match["d"])).isoformat()
    except ValueError:
        return None
