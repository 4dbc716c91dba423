"""Renderings of a Document for people: the terminal view, Markdown, and facts as CSV."""
from __future__ import annotations

import csv
import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from zhibiao.model import Document, Fact, number_to_json

_MARKDOWN_PREFIX = {"title": "# ", "kicker": "**", "subtitle": "## ", "heading": "### ",
                    "caption": "*图：", "sidebar_label": "> **", "byline": "*"}
_MARKDOWN_SUFFIX = {"kicker": "**", "caption": "*", "sidebar_label": "**", "byline": "*"}
FACT_COLUMNS = ("indicator", "value", "value_max", "unit", "kind", "qualifier", "period", "place",
                "basis", "start", "end", "evidence")


def format_value(fact: Fact) -> str:
    """A fact's value with its unit, as a person would read it: 89000000 人次, 3–5 个."""
    value = f"{number_to_json(fact.value):,}"
    if fact.value_max is not None:
        value += f"–{number_to_json(fact.value_max):,}"
    return f"{value} {fact.unit}".strip()


def evidence(doc: Document, fact: Fact) -> str:
    return doc.text[fact.start:fact.end]


def to_markdown(doc: Document) -> str:
    parts = []
    for block in doc.blocks:
        text = doc.block_text(block)
        if block.kind == "table" and block.rows:
            parts.append(_markdown_table(block.rows))
            continue
        parts.append(_MARKDOWN_PREFIX.get(block.kind, "") + text + _MARKDOWN_SUFFIX.get(block.kind, ""))
    if doc.facts:
        parts.append("## 数据 Facts\n\n" + _markdown_table(
            [["指标", "数值", "类型", "限定", "时期", "原文"]]
            + [[f.indicator, format_value(f), f.kind, f.qualifier or "", f.period or "", evidence(doc, f)]
               for f in doc.facts]))
    if doc.entities:
        parts.append("## 实体 Entities\n\n" + "\n".join(
            f"- {e.type}: {e.text}" + (f" → {e.canonical}" if e.canonical and e.canonical != e.text else "")
            for e in _unique_entities(doc)))
    if doc.goals:
        parts.append("## 目标 Goals\n\n" + "\n".join(
            f"- {g.deadline or '—'}: {g.text}" + (f"（{'、'.join(g.dimensions)}）" if g.dimensions else "")
            for g in doc.goals))
    return "\n\n".join(parts) + "\n"


def facts_csv(docs: list[Document]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("source",) + FACT_COLUMNS)
    for doc in docs:
        for f in doc.facts:
            writer.writerow((doc.meta.source, f.indicator, number_to_json(f.value), number_to_json(f.value_max),
                             f.unit, f.kind, f.qualifier, f.period, f.place, f.basis, f.start, f.end,
                             evidence(doc, f)))
    return out.getvalue()


def print_terminal(doc: Document, console: Console) -> None:
    """The readable view: the article, then its facts, entities and goals."""
    styles = {"title": "bold", "kicker": "bold cyan", "subtitle": "bold", "heading": "bold underline",
              "caption": "italic dim", "sidebar_label": "reverse", "byline": "dim"}
    source = doc.meta.source or "-"
    console.rule(Text(f"{source}  {doc.meta.date or ''}".strip()))
    for block in doc.blocks:
        console.print(Text(doc.block_text(block), style=styles.get(block.kind, "")))
        console.print()
    renderables = []
    if doc.facts:
        table = Table(title=f"Facts ({len(doc.facts)})", show_lines=False, expand=True)
        for column in ("indicator", "value", "kind", "qualifier", "period", "evidence"):
            table.add_column(column, overflow="fold")
        for f in doc.facts:
            table.add_row(f.indicator, format_value(f), f.kind, f.qualifier or "", f.period or "",
                          evidence(doc, f))
        renderables.append(table)
    if doc.entities:
        table = Table(title=f"Entities ({len(doc.entities)})", expand=True)
        for column in ("type", "text", "canonical"):
            table.add_column(column, overflow="fold")
        for e in _unique_entities(doc):
            table.add_row(e.type, e.text, e.canonical or "")
        renderables.append(table)
    if doc.dates:
        table = Table(title=f"Dates ({len(doc.dates)})", expand=True)
        for column in ("text", "from", "to"):
            table.add_column(column, overflow="fold")
        for d in doc.dates:
            table.add_row(d.text, d.begin or ("?" if d.vague else ""), d.finish or "")
        renderables.append(table)
    if doc.goals:
        table = Table(title=f"Goals ({len(doc.goals)})", expand=True)
        for column in ("deadline", "dimensions", "goal"):
            table.add_column(column, overflow="fold")
        for g in doc.goals:
            table.add_row(g.deadline or "", "、".join(g.dimensions), g.text)
        renderables.append(table)
    if renderables:
        console.print(Group(*renderables))


def _unique_entities(doc: Document):
    seen = set()
    for e in doc.entities:
        if (e.type, e.text) not in seen:
            seen.add((e.type, e.text))
            yield e


def _markdown_table(rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")
    width = max(len(r) for r in rows)
    rows = [list(r) + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)
