"""Stage 6: statements of intent with a deadline, linked to the target facts they contain.

A sentence is a goal when it sets a deadline that has not passed (到2027年, 力争2026年底前) or states
intent (力争, 确保, 预期目标, 目标是) next to a date. The goal's evidence runs from the first of those
words to the end of the sentence; its dimensions are the items of the list it names
(经济密度、投资强度、消费热度、开放程度保持西部领先 -> four dimensions).
"""
from __future__ import annotations

import re

from zhibiao.entities import starts_with_verb
from zhibiao.model import DateMention, Document, Goal

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_DEADLINE_LEAD = re.compile(r"(?:力争|争取|确保|计划|预计)?(?:到|至|在|于)\s?$")
_INTENT = re.compile(r"力争|争取|确保|预期目标|主要目标|目标是|目标为|目标任务|努力实现|奋斗目标")
_VALIDITY = re.compile(r"有效期|起施行|起实施|之日起")
_LIST = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,20}(?:、[\u4e00-\u9fffA-Za-z0-9]{1,20})+")
_ITEM_STOP = re.compile(r"[的是在为等均]|保持|达到|实现|稳居|位居|走在|进入|超过|突破|提升|提高|增长|"
                        r"全面|持续|不断|进一步|明显|显著|大幅|稳步|加快|同步|协同")


def find_goals(doc: Document) -> Document:
    """Fill ``doc.goals`` from the sentences of the document that set targets."""
    text = doc.text
    goals = []
    start = 0
    for end_match in list(_SENTENCE_END.finditer(text)) + [None]:
        end = end_match.start() if end_match else len(text)
        goal = _goal(doc, start, end)
        if goal:
            goals.append(goal)
        start = end + 1
    doc.goals = goals
    return doc


def _goal(doc: Document, start: int, end: int) -> Goal | None:
    text = doc.text
    if _VALIDITY.search(text, start, end):
        return None  # 有效期至2027年12月31日: how long a rule lasts is no goal
    dates = [d for d in doc.dates if start <= d.start and d.end <= end and _ahead(d, doc.meta.date)]
    intent = _INTENT.search(text, start, end)
    deadline, evidence_start = None, None
    for d in dates:
        lead = _DEADLINE_LEAD.search(text, max(start, d.start - 5), d.start)
        if lead:
            deadline, evidence_start = d, lead.start()
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
    return bool(date.finish) and not date.vague and (today is None or date.finish >= today)


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
