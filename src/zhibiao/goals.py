"""Stage 6: statements of intent with a deadline, linked to the target facts they contain.

A sentence of a paragraph is a goal when it sets a deadline that has not passed (到2027年, 2026年底前),
states intent (力争, 确保, 预期目标, 目标是) next to a date, or opens a clause with a date still ahead
that a target figure follows (2027年起降点总数达到50个). A clause that opens with a date of its own
starts another goal. A goal that opens its paragraph goes on through the sentences after it that have
no date of their own and go on listing targets or tasks (到2027年，…。建成通用机场2个…。). The
evidence runs from the deadline or the first word of intent to the end of the clause of the last
figure, or to the end when a colon introduces the list; its dimensions are the indicators of its
figures, else the items of the list it names (经济密度、投资强度、消费热度保持西部领先 -> three).
"""
from __future__ import annotations

import bisect
import re
from typing import Final

from zhibiao.entities import starts_with_verb
from zhibiao.facts import DEADLINE_AFTER_DATE
from zhibiao.model import Block, DateMention, Document, Fact, Goal

_SENTENCE_END: Final = re.compile(r"[。！？!?\n]")
_CLAUSE_END: Final = re.compile(r"[，；。！？,;!?]")
_CLAUSE_MARK: Final = re.compile(r"[，；,;]")  # what parts the clauses of a task item
_LEAD_WORD: Final = r"(?:力争|争取|确保|计划|预计)"
_DEADLINE_LEAD: Final = re.compile(rf"(?:{_LEAD_WORD}(?:到|至|在|于)?|到|至|在|于)\s?$")
_CLAUSE_LEAD: Final = re.compile(rf"{_LEAD_WORD}?(?:到|至|在|于)?\s?")  # what a clause may say before its date
_DEADLINE_TAIL: Final = re.compile(DEADLINE_AFTER_DATE)  # 2027年前, 2027年底前: a deadline said after its date
_INTENT: Final = re.compile(r"力争|争取|确保|预期目标|主要目标|目标是|目标为|目标任务|努力实现|奋斗目标"
                            r"|重点抓好|重点做好|着力抓好|抓好以下|做好以下")
_TASKS: Final = re.compile(r"重点抓好|重点做好|着力抓好|抓好以下|做好以下|[一二]是")  # a list of the year's tasks
_PLAN_NAME: Final = re.compile(r"(?:规划|纲要)$")  # “十四五”规划 names a plan, not a deadline
_VALIDITY: Final = re.compile(r"有效期|起施行|起实施|之日起")
_LIST: Final = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,20}(?:、[\u4e00-\u9fffA-Za-z0-9]{1,20})+")
_ITEM_STOP: Final = re.compile(r"[的是在为等均]|保持|达到|实现|稳居|位居|走在|进入|超过|突破|提升|提高|增长|"
                        r"全面|持续|不断|进一步|明显|显著|大幅|稳步|加快|同步|协同")
_TASK_ITEM: Final = re.compile(r"[一二三四五六七八九十]是")
# The adverbs and verbs a plan's items open with: 先行布设起降点, 持续优化营商环境, 统筹谋划储备项目.
_ITEM_OPENING: Final = re.compile(r"(?:持续|不断|进一步|全面|着力|大力|积极|切实|加快|用心|努力|先行|统筹|新增|新建|"
                                  r"推进|推动|谋划|安排|搭建|开通|引进|培育|建成|建设|布设|打造|实施|完成|实现|增强|"
                                  r"优化|提升|提高|增进|深化|坚持|加强|促进|扩大|办好)(?=[^、].)")  # 新建、续建项目 keeps 新建
_TARGET_WORD: Final = re.compile(r"(?:增长)?目标$")  # 地区生产总值增长目标 measures 地区生产总值


def find_goals(doc: Document) -> Document:
    """Fill ``doc.goals`` from the paragraphs of the document that set targets."""
    text = doc.text
    dates = sorted(doc.dates, key=lambda d: d.start)
    starts = [d.start for d in dates]
    goals = []
    for block in doc.blocks or [Block("paragraph", 0, len(text))]:  # no blocks: the text is one paragraph
        first, last = bisect.bisect_left(starts, block.start), bisect.bisect_left(starts, block.end)
        if block.kind != "paragraph" or not any(_ahead(d, doc.meta.date) for d in dates[first:last]):
            continue  # only a paragraph with a date still ahead can set a goal
        sentences = _sentences(text, block)
        in_block = dates[first:last]
        k = 0
        while k < len(sentences):
            start, end = sentences[k]
            k += 1
            ahead = [d for d in in_block if start <= d.start and d.end <= end and _ahead(d, doc.meta.date)]
            if not ahead:
                continue
            if k == 1 and _CLAUSE_LEAD.fullmatch(text, start, ahead[0].start):
                # a paragraph that opens with a date still ahead goes on while the sentences after it add to it
                while k < len(sentences) and _adds_to_goal(doc, sentences[k], in_block):
                    end = sentences[k][1]
                    k += 1
            for clause_start, clause_end, clause_dates in _clauses(text, start, end, ahead):
                goal = _goal(doc, clause_start, clause_end, clause_dates)
                if goal:
                    goals.append(goal)
    doc.goals = goals
    return doc


def _sentences(text: str, block: Block) -> list[tuple[int, int]]:
    """The block's sentences, each without its end mark."""
    out, start = [], block.start
    for end in _SENTENCE_END.finditer(text, block.start, block.end):
        if end.start() > start:
            out.append((start, end.start()))
        start = end.end()
    if start < block.end:
        out.append((start, block.end))
    return out


def _adds_to_goal(doc: Document, sentence: tuple[int, int], dates: list[DateMention]) -> bool:
    """Whether a sentence without a date of its own goes on with the goal before it: more targets, or
    the tasks of the period the sentence before named."""
    start, end = sentence
    if any(start <= d.start < end for d in dates):
        return False
    return (_TASKS.search(doc.text, start, end) is not None
            or any(start <= f.start and f.end <= end and f.kind == "target" for f in doc.facts))


def _clauses(text: str, start: int, end: int, dates: list[DateMention]
             ) -> list[tuple[int, int, list[DateMention]]]:
    """The span cut before each clause that opens with a date of its own (今年…20个，2027年…50个),
    each part with its dates."""
    cuts = [start]
    for d in dates[1:]:
        clause_start = max(text.rfind(mark, cuts[-1], d.start) for mark in "，；,;") + 1
        if clause_start > cuts[-1] and _CLAUSE_LEAD.fullmatch(text, clause_start, d.start):
            cuts.append(clause_start)
    bounds = [*cuts, end]
    return [(a, b, [d for d in dates if a <= d.start and d.end <= b]) for a, b in zip(bounds, bounds[1:])]


def _goal(doc: Document, start: int, end: int, dates: list[DateMention]) -> Goal | None:
    """The goal a span sets with one of ``dates``, its dates still ahead, if it sets one."""
    text = doc.text
    dates = [d for d in dates if not _PLAN_NAME.search(d.text)]
    if not dates or _VALIDITY.search(text, start, end):
        return None  # 有效期至2027年12月31日: how long a rule lasts is no goal
    intent = _INTENT.search(text, start, end)
    inside = [i for i, f in enumerate(doc.facts) if start <= f.start and f.end <= end]
    deadline, evidence_start = None, None
    for d in dates:
        lead = _DEADLINE_LEAD.search(text, max(start, d.start - 5), d.start)
        if lead or _DEADLINE_TAIL.match(text, d.end, end):
            deadline, evidence_start = d, lead.start() if lead else d.start
            break
    if deadline is None and intent:
        deadline = dates[0]
    if deadline is None:  # a date still ahead, then a target figure and what it measures: 2027年起降点总数达到50个
        deadline = next((d for d in dates if any(_names_target(doc.facts[i], d.end) for i in inside)), None)
    if deadline is None:
        return None
    evidence_start = min(evidence_start if evidence_start is not None else deadline.start, deadline.start,
                         intent.start() if intent else end)
    evidence_end = _evidence_end(doc, start, end, [i for i in inside if doc.facts[i].start >= evidence_start])
    while evidence_end > evidence_start and text[evidence_end - 1] in "，；：,;:…":
        evidence_end -= 1
    facts = [i for i in inside if evidence_start <= doc.facts[i].start and doc.facts[i].end <= evidence_end]
    evidence = text[evidence_start:evidence_end]
    return Goal(text=evidence, start=evidence_start, end=evidence_end,
                deadline=deadline.text, deadline_date=deadline.finish, subject=_subject(doc, start, evidence_start),
                dimensions=_indicators(doc, facts, evidence) or _dimensions(evidence), facts=facts)


def _names_target(fact: Fact, after: int) -> bool:
    """A target figure after ``after`` whose indicator is written there too (再新增5条 names nothing)."""
    return fact.kind == "target" and fact.indicator_start is not None and fact.indicator_start >= after


def _evidence_end(doc: Document, start: int, end: int, facts: list[int]) -> int:
    """The end of the clause of the goal's last figure (words after it comment on the goal), or the
    end of the span when a colon introduces the list the figure is in."""
    if not facts:
        return end
    last = max(doc.facts[i].end for i in facts)
    sentence_start = max(start, *(doc.text.rfind(mark, start, last) + 1 for mark in "。！？"))
    if doc.text.find("：", sentence_start, last) >= 0 or doc.text.find(":", sentence_start, last) >= 0:
        return end
    clause_end = _CLAUSE_END.search(doc.text, last, end)
    return clause_end.start() if clause_end else end


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


def _indicators(doc: Document, facts: list[int], evidence: str) -> list[str]:
    """What a target list measures: its figures' indicators, without a verb before them (安排财政资金 -> 财政资金)."""
    names: list[str] = []
    for i in facts:
        name = _without_verbs(doc.facts[i].indicator)
        if name in evidence and name not in names:
            names.append(name)
    return names


def _without_verbs(phrase: str) -> str:
    """The phrase without the adverbs and verbs it opens with: 持续优化营商环境 -> 营商环境."""
    while opening := _ITEM_OPENING.match(phrase):
        phrase = phrase[opening.end():]
    return _TARGET_WORD.sub("", phrase).rstrip("和及与、") or phrase


def _dimensions(evidence: str) -> list[str]:
    """The items of the goal's task list (一是…二是…) or of its longest 、-list, without the verb
    before them or the predicate after."""
    tasks = _TASK_ITEM.split(evidence)[1:]
    if len(tasks) >= 2:
        return [_without_verbs(_CLAUSE_MARK.split(task.rstrip("，；。,;"))[-1]) for task in tasks]
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
