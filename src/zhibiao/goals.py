"""Stage 6: statements of intent with a deadline, linked to the target facts they contain.

A sentence is a goal when it sets a deadline that has not passed (到2027年, 2026年底前) or states
intent (力争, 确保, 预期目标, 目标是) next to a date. The goal's evidence runs from the first of those
words to the end of the sentence; its dimensions are the items of the list it names
(经济密度、投资强度、消费热度、开放程度保持西部领先 -> four dimensions).
"""
from __future__ import annotations

import bisect
import re
from typing import Final

from zhibiao.entities import starts_with_verb
from zhibiao.facts import DEADLINE_AFTER_DATE
from zhibiao.model import DateMention, Document, Goal

_SENTENCE_END: Final = re.compile(r"[。！？!?\n]")
_DEADLINE_LEAD: Final = re.compile(r"(?:力争|争取|确保|计划|预计)?(?:到|至|在|于)\s?$")
_DEADLINE_TAIL: Final = re.compile(DEADLINE_AFTER_DATE)  # 2027年前, 2027年底前: a deadline said after its date
_INTENT: Final = re.compile(r"力争|争取|确保|预期目标|主要目标|目标是|目标为|目标任务|努力实现|奋斗目标")
_VALIDITY: Final = re.compile(r"有效期|起施行|起实施|之日起")
_LIST: Final = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,20}(?:、[\u4e00-\u9fffA-Za-z0-9]{1,20})+")
_ITEM_STOP: Final = re.compile(r"[的是在为等均]|保持|达到|实现|稳居|位居|走在|进入|超过|突破|提升|提高|增长|"
                        r"全面|持续|不断|进一步|明显|显著|大幅|稳步|加快|同步|协同")


def find_goals(doc: Document) -> Document:
    """Fill ``doc.goals`` from the sentences of the document that set targets."""
    text = doc.text
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    # only a sentence with a date still ahead can be a goal: read those, each with its dates
    dates_by_sentence: dict[int, list[DateMention]] = {}
    for date in sorted(doc.dates, key=lambda d: d.start):
        if _ahead(date, doc.meta.date):
            dates_by_sentence.setdefault(bisect.bisect_left(sentence_ends, date.start), []).append(date)
    goals = []
    for sentence, dates in dates_by_sentence.items():
        start = sentence_ends[sentence - 1] + 1 if sentence else 0
        end = sentence_ends[sentence] if sentence < len(sentence_ends) else len(text)
        goal = _goal(doc, start, end, [d for d in dates if d.end <= end])
        if goal:
            goals.append(goal)
    doc.goals = goals
    return doc


def _goal(doc: Document, start: int, end: int, dates: list[DateMention]) -> Goal | None:
    """The goal a sentence sets with one of ``dates``, its dates still ahead, if it sets one."""
    text = doc.text
    if not dates or _VALIDITY.search(text, start, end):
        return None  # 有效期至2027年12月31日: how long a rule lasts is no goal
    intent = _INTENT.search(text, start, end)
    deadline, evidence_start = None, None
    for d in dates:
        lead = _DEADLINE_LEAD.search(text, max(start, d.start - 5), d.start)
        if lead or _DEADLINE_TAIL.match(text, d.end, end):
            deadline, evidence_start = d, lead.start() if lead else d.start
            break
    if deadline is None and intent and dates:
        deadline = dates[0]
    if deadline is None:
        return None
    if intent:
        evidence_start = min(intent.start(), evidence_start if evidence_start is not None else intent.start())
    evidence_start = evidence_start if evidence_start is not None else deadline.start
    evidence_end = end
    while evidence_end > evidence_start and text[evidence_end - 1] in "，；：,;:…":
        evidence_end -= 1
    facts = [i for i, f in enumerate(doc.facts) if evidence_start <= f.start and f.end <= evidence_end]
    return Goal(text=text[evidence_start:evidence_end], start=evidence_start, end=evidence_end,
                deadline=deadline.text, deadline_date=deadline.finish, subject=_subject(doc, start, evidence_start),
                dimensions=_dimensions(text[evidence_start:evidence_end]), facts=facts)


def _ahead(date: DateMention, today: str | None) -> bool:
    """A deadline that has not passed by the document date (any resolved date when it is unknown)."""
    if not date.finish or date.vague:
        return False
    return today is None or date.finish >= today


def _subject(doc: Document, sentence_start: int, goal_start: int) -> str | None:
    """Who sets the goal: the last organisation or place named before it in its sentence, else the
    document's place."""
    before = [e for e in doc.entities
              if sentence_start <= e.start and e.end <= goal_start and e.type in ("org", "place")]
    return (before[-1].canonical or before[-1].text) if before else doc.meta.place


def _dimensions(evidence: str) -> list[str]:
    """The items of the longest 、-list in the goal, without the verb before it or the predicate after."""
    lists = [m.group() for m in _LIST.finditer(evidence)]
    if not lists:
        return []
    items = max(lists, key=lambda found: found.count("、")).split("、")
    first, last = items[0], items[-1]
    while len(first) > 2 and starts_with_verb(first):
        first = first[2:]
    stop = _ITEM_STOP.search(last, 1)
    if stop:
        last = last[:stop.start()]
    elif len(items) > 2 and len(last) > 2 * max(map(len, items[1:-1])):
        last = last[:max(map(len, items[1:-1]))]
    items[0], items[-1] = first, last
    return [item for item in items if item]
