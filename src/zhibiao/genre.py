"""Stage 2b: what kind of document a restored Document is, read from its title and first blocks.

A statistical bulletin, a government work report, a plan, a policy notice, a news brief or a
feature: the facts stage reads a figure a plan or a policy sets as a target. A genre the caller
gave is kept.
"""
from __future__ import annotations

import re
from typing import Final

from zhibiao.model import Block, Document

GENRES: Final = ("bulletin", "work_report", "action_plan", "policy_notice", "news", "feature")
PLANNING_GENRES: Final = frozenset({"action_plan", "policy_notice"})  # documents that set figures

_HEAD_BLOCKS: Final = 8  # a lead, an addressee or a byline is among the first blocks
_HEAD_CHARS: Final = 200  # of each: a news lead says 本报讯 in its first words
# 本报讯（记者 李文）, 新华社北京3月5日电, 记者从…获悉: a news brief's lead
# (each alternative opens with its own character, which lets the regex engine skip to where one may start)
_NEWS_LEAD: Final = re.compile(
    r"本报讯|讯\s*[（(]\s*(?:记者|通讯员)|电\s*[（(]\s*(?:记者|通讯员)|社[^，。]{0,12}电|记者[^，。]{0,12}获悉")
_WORK_REPORT: Final = re.compile(r"政府工作报告")
_DELEGATES: Final = re.compile(r"^各位代表[：:]")  # how a work report read to a congress opens
# 统计公报, 国民经济和社会发展统计公报, 上半年经济运行情况; but …第十五个五年规划 is a plan
_BULLETIN: Final = re.compile(
    r"统计公报|国民经济和社会发展(?![^，。]*(?:规划|计划|纲要))|经济运行(?:情况|简况|分析)")
_ISSUING: Final = re.compile(r"关于(?:印发|转发|发布)[《“]?(?P<inner>.+?)[》”]?的通知")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[）)]$")  # （2025—2027年）, （试行）, （节选）
_PLAN: Final = re.compile(r"(?:方案|行动计划|工作计划|实施计划|三年计划|规划|纲要)$")
# 若干举措, 申报指南, 支持制造业发展十条: a count of articles names a policy too
_POLICY: Final = re.compile(r"(?:措施|举措|政策|办法|意见|细则|规定|决定|通知|通告|公告|指引|指南|[0-9一二三四五六七八九十]+条)$")
# a headline that reports on a plan or a policy is news: 我市出台低空经济实施方案
_REPORTED: Final = re.compile(r"出台|发布|公布|解读|亮出|召开|举行|获悉|印发(?!.*的通知)")
_ARTICLE: Final = re.compile(r"\s*第[一二三四五六七八九十百]+条\s")  # 第一条 opening a block
AWARDS: Final = "奖励|补助|补贴|资助|奖补|补偿|贴息"  # what a policy gives: an award, a subsidy, interest paid
# 给予一次性奖励, 给予…的补助, 补贴最高…: a policy giving it
_GIVES: Final = re.compile(rf"给予[^。；\n]{{0,20}}?(?:{AWARDS})|(?:{AWARDS})[^。；\n]{{0,6}}?最高")
_POLICY_BODY_CHARS: Final = 3000  # the first articles say so
_BYLINE_KINDS: Final = frozenset({"byline", "kicker", "sidebar_label"})
_REPORTER: Final = re.compile(r"记者|通讯员|特约撰稿")


def find_genre(doc: Document) -> Document:
    """Fill ``doc.meta.genre`` unless the caller gave one."""
    if not doc.meta.genre:
        doc.meta.genre = detect_genre(doc)
    return doc


def detect_genre(doc: Document) -> str | None:
    """One of GENRES, or None when the title and the first blocks say nothing of it."""
    head = doc.blocks[:_HEAD_BLOCKS]
    text = doc.text
    if any(b.kind == "paragraph" and _in_head(_NEWS_LEAD, text, b) for b in head):
        return "news"
    if any(b.kind in _BYLINE_KINDS and _in_head(_REPORTER, text, b) for b in head):
        return "feature"  # a reporter's signed piece without a news lead, whatever its title names
    title = doc.meta.title or next((_head_text(text, b) for b in head if b.kind == "title"), "")
    by_title = _genre_of_title(title.strip())
    if by_title:
        return by_title
    if any(_DELEGATES.match(_head_text(text, b)) for b in head):
        return "work_report"
    if any(_ARTICLE.match(doc.text, b.start, b.end) for b in doc.blocks):
        return "policy_notice"
    if any(b.kind == "kicker" for b in head):
        return "feature"  # a page piece under a kicker
    giving = [b for b in doc.blocks if b.start < _POLICY_BODY_CHARS and _GIVES.search(text, b.start, b.end)]
    if len(giving) >= 2:
        return "policy_notice"  # untitled, yet its articles give awards and subsidies: a policy
    return None


def _in_head(pattern: re.Pattern[str], text: str, block: Block) -> bool:
    """Whether the pattern is found in the block's first characters (searched in place, not in a copy)."""
    return pattern.search(text, block.start, min(block.end, block.start + _HEAD_CHARS)) is not None


def _head_text(text: str, block: Block) -> str:
    """The block's first characters, without the spaces around them."""
    return text[block.start:min(block.end, block.start + _HEAD_CHARS)].strip()


def _genre_of_title(title: str) -> str | None:
    if _WORK_REPORT.search(title):
        return "work_report"
    if _BULLETIN.search(title):
        return "bulletin"
    issued = _ISSUING.search(title)
    if issued:
        return _genre_of_name(issued.group("inner")) or "policy_notice"
    if _REPORTED.search(title):
        return None
    return _genre_of_name(title)


def _genre_of_name(name: str) -> str | None:
    """行动方案（2025—2027年） → action_plan; 若干措施 → policy_notice."""
    name = name.strip("《》“”\"' ")
    while _BRACKETED.search(name):
        name = _BRACKETED.sub("", name).rstrip()
    if _PLAN.search(name):
        return "action_plan"
    if _POLICY.search(name):
        return "policy_notice"
    return None
