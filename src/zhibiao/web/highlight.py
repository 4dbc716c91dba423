"""The restored article as HTML, every fact and entity marked where the text states it.

Marks are built from span start/end points over ``Document.text``, so they may overlap or nest: a
mark that crosses the end of an enclosing one is closed and reopened (its pieces share the same
``data-fact``), and no offset ever shifts. Every character of document text goes through ``escape``.
"""
from __future__ import annotations

from bisect import bisect_left
from html import escape  # the stdlib's: plain str, no Markup object per piece (a document has thousands)
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from zhibiao.model import Block, Document, Fact
from zhibiao.render import format_value

KIND_WORDS = {"level": "总量 level", "change": "增减 change", "rank": "排名 rank", "target": "目标 target"}
QUALIFIER_WORDS = {"approx": "约 approx", "over": "超过 over", "under": "不足 under"}
# Block kind -> (element, class) of the article as a reader sees it.
_BLOCK_ELEMENTS = {
    "title": ("h1", "title"), "kicker": ("p", "kicker"), "subtitle": ("p", "subtitle"),
    "byline": ("p", "byline"), "heading": ("h2", "heading"), "paragraph": ("p", "paragraph"),
    "caption": ("p", "caption"), "sidebar_label": ("p", "sidebar-label"), "table": ("table", "table"),
}


@dataclass(frozen=True)
class Mark:
    """An element to wrap around ``text[start:end]``; ``anchor`` goes on its first piece only."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    anchor: tuple[tuple[str, str], ...] = ()


def mark_up(text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` escaped, each mark (clipped to the range) wrapped around its characters."""
    end = len(text) if end is None else end
    inside = sorted((i for i, m in enumerate(marks) if m.start < end and m.end > start and m.start < m.end),
                    key=lambda i: (marks[i].start, -marks[i].end, i))  # outer marks first
    points = sorted({start, end} | {max(marks[i].start, start) for i in inside}
                    | {min(marks[i].end, end) for i in inside})
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    active: list[int] = []  # the marks covering the current segment, outer first
    waiting = 0  # the next mark in `inside` not yet active
    for lo, hi in zip(points, points[1:]):
        while waiting < len(inside) and marks[inside[waiting]].start <= lo:
            active.append(inside[waiting])
            waiting += 1
        active = [i for i in active if marks[i].end >= hi]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        out.extend(f"</{marks[i].tag}>" for i in reversed(stack[keep:]))
        for i in active[keep:]:
            out.append(_open_tag(marks[i], first=i not in opened))
            opened.add(i)
        stack = list(active)
        out.append(escape(text[lo:hi], quote=False))
    out.extend(f"</{marks[i].tag}>" for i in reversed(stack))
    return Markup("".join(out))


def fact_marks(doc: Document, anchors: Sequence[str] | None = None) -> list[Mark]:
    """One mark per locatable fact; ``anchors[i]`` names ``doc.facts[i]`` (default: its index)."""
    marks = []
    for i, fact in enumerate(doc.facts):
        if not 0 <= fact.start < fact.end <= len(doc.text):
            continue
        number = anchors[i] if anchors is not None else str(i)
        marks.append(Mark(fact.start, fact.end, "mark", (
            ("class", f"fact k-{fact.kind}"), ("data-fact", str(number)), *fact_attributes(fact)),
            anchor=(("id", f"fact-{number}"), ("tabindex", "0"))))
    return marks


def fact_attributes(fact: Fact) -> tuple[tuple[str, str], ...]:
    """What the tooltip shows: indicator, value with unit, kind, qualifier, period, place, basis."""
    attrs = [("data-indicator", fact.indicator), ("data-value", format_value(fact)),
             ("data-kind", KIND_WORDS.get(fact.kind, fact.kind))]
    optional = {"qualifier": QUALIFIER_WORDS.get(fact.qualifier or "", fact.qualifier),
                "period": fact.period, "place": fact.place, "basis": fact.basis}
    attrs += [(f"data-{name}", value) for name, value in optional.items() if value]
    return tuple(attrs)


def entity_marks(doc: Document) -> list[Mark]:
    return [Mark(e.start, e.end, "span", (("class", f"ent e-{e.type}"), ("data-entity", e.type),
                                         *((("data-canonical", e.canonical),) if e.canonical else ())))
            for e in doc.entities if 0 <= e.start < e.end <= len(doc.text)]


def render_article(doc: Document, anchors: Sequence[str] | None = None, *, line_links: bool = False) -> Markup:
    """The blocks as a reader sees them (title, headings, paragraphs, captions, tables), facts and
    entities marked; with ``line_links`` each block links to the raw lines it was restored from."""
    marks = sorted(fact_marks(doc, anchors) + entity_marks(doc), key=lambda m: m.start)
    starts = [m.start for m in marks]
    longest = max((m.end - m.start for m in marks), default=0)
    blocks = doc.blocks or [Block("paragraph", 0, len(doc.text))]
    parts = []
    for block in blocks:
        # Only marks that can reach the block: those starting at most `longest` before it.
        nearby = marks[bisect_left(starts, block.start - longest):bisect_left(starts, block.end)]
        parts.append(_block_html(doc, block, nearby, line_links))
    return Markup("\n".join(parts))


def _block_html(doc: Document, block: Block, marks: Sequence[Mark], line_links: bool) -> str:
    element, css = _BLOCK_ELEMENTS.get(block.kind, ("p", "paragraph"))
    lines = " ".join(map(str, block.lines))
    link = ""
    if line_links and block.lines:
        span = f"{block.lines[0]}" if len(block.lines) == 1 else f"{block.lines[0]}–{block.lines[-1]}"
        link = f'<a class="line-link" href="#line-{block.lines[0]}" title="raw lines {span}">L{span}</a> '
    if block.kind == "table" and block.rows:
        body = _table_rows(doc.text, block, marks)
    else:
        body = mark_up(doc.text, marks, block.start, block.end)
    attrs = f'class="blk {css}" data-lines="{lines}"'
    if element == "table":
        caption = f"<caption>{link}</caption>" if link else ""
        return f'<div class="table-wrap"><table {attrs}>{caption}{body}</table></div>'
    return f"<{element} {attrs}>{link}{body}</{element}>"


def _table_rows(text: str, block: Block, marks: Sequence[Mark]) -> str:
    """Cells found in order in the block's text are marked up in place; others are shown as given."""
    cursor = block.start
    rows = []
    for row_number, row in enumerate(block.rows or []):
        cell_tag = "th" if row_number == 0 else "td"
        cells = []
        for cell in row:
            found = text.find(cell, cursor, block.end) if cell else -1
            if found < 0:
                content = escape(cell, quote=False)
            else:
                content = mark_up(text, marks, found, found + len(cell))
                cursor = found + len(cell)
            cells.append(f"<{cell_tag}>{content}</{cell_tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "".join(rows)


def _open_tag(mark: Mark, *, first: bool) -> str:
    attrs: Iterable[tuple[str, str]] = mark.attrs + (mark.anchor if first else (("data-cont", "1"),))
    return f"<{mark.tag}" + "".join(f' {name}="{escape(value)}"' for name, value in attrs) + ">"
