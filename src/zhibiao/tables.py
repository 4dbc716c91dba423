"""Stage: facts from the cells of table blocks, with the row and column headers as indicator and period.

The common case is a statistical bulletin's table of indicators by year (指标 | 2023年 | 2024年 |
增长(%)), or of products with a unit column (产品 | 单位 | 产量 | 比上年增长(%)); a table whose first
column holds the periods is read the other way round. Units come from a 单位 column, from a header
cell's 「(亿元)」, or from a 「单位：万元」 above the table, and are split into scale and unit as in
the text facts (亿元 → ×10⁸ 元). A table block's text holds its cells in order, rows joined by a
line break and cells by a tab, so every fact's evidence is its cell.
"""
from __future__ import annotations

import re
from decimal import Decimal

from zhibiao import numerals
from zhibiao.model import Block, Document, Fact

_PERIOD = re.compile(r"^(?:(?:19|20)\d{2}\s*年?(?:[一二三四1-4]季度|上半年|下半年|全年|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|"
                     r"\d{1,2}\s*月(?:份|末)?|年末|年初|度)?|[上本今去前]年(?:同期)?|本月|上月|本期|上期|同期|累计)$")
_CHANGE = re.compile(r"增长|增速|增幅|同比|环比|比上年|比去年|比上期|增减|变化|变动|±|涨幅|降幅")
_RANK = re.compile(r"位次|排名|排位|名次")
_BASIS = re.compile(r"同比|环比|比上年|比去年|比上期|比年初")
_UNIT_IN_HEADER = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()]{1,8}?)\s*[)）]\s*$")
_UNIT_NOTE = re.compile(r"单位\s*[:：]\s*([^\s，,；;）)]{1,8})")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")
_NUMBER = re.compile(rf"^\s*([-−+]?)\s*({numerals.ARABIC})\s*({numerals.SCALE})?\s*(%|％)?\s*[*＊#]*\s*$")
_SCALE_PREFIX = re.compile(numerals.SCALE)
_GENERIC_MEASURES = {"数值", "数量", "绝对数", "绝对值", "总量", "指标值", "合计", "金额", "实绩", "完成"}


def facts_from_tables(doc: Document) -> Document:
    """Add the facts read from every table block's cells to ``doc.facts``."""
    previous = None
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            note = _UNIT_NOTE.search(doc.text[previous.start:previous.end]) if previous else None
            doc.facts.extend(_table_facts(doc, block, note.group(1) if note else None))
        previous = block
    return doc


def _cell_spans(doc: Document, block: Block) -> list[list[tuple[int, int]]] | None:
    """Each cell's span in the document text; None if the block's text does not hold the cells."""
    spans, pos = [], block.start
    for row in block.rows:
        row_spans = []
        for cell in row:
            if doc.text[pos:pos + len(cell)] != cell:
                return None
            row_spans.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        spans.append(row_spans)
    return spans


def _table_facts(doc: Document, block: Block, table_unit: str | None) -> list[Fact]:
    rows = block.rows
    spans = _cell_spans(doc, block)
    if spans is None or len(rows) < 2:
        return []
    header_rows = 1  # rows with no figure after their first cell are headers
    while header_rows < len(rows) - 1 and not any(_value(c) for c in rows[header_rows][1:]):
        header_rows += 1
    width = max(len(r) for r in rows)
    headers = [" ".join(r[k] for r in rows[:header_rows] if k < len(r) and r[k].strip()) for k in range(width)]
    table_unit = table_unit or _unit_in(headers[0])
    body = range(header_rows, len(rows))
    periods_down = sum(bool(_PERIOD.match(_label(rows[i][0]))) for i in body) > len(body) / 2
    unit_column = next((k for k, h in enumerate(headers) if _UNIT_COLUMN.match(h.strip())), None)
    measures = _measures(headers, unit_column)
    facts = []
    for i in body:
        for k in range(1, len(rows[i])):
            parsed = _value(rows[i][k])
            if k == unit_column or parsed is None:
                continue
            header = headers[k]
            kind = "rank" if _RANK.search(header) else "change" if _CHANGE.search(header) else "level"
            if periods_down:  # the column names what is measured; a change column, the one before it
                label_cell = (0, measures[k][1]) if kind != "level" and measures[k] else (0, k)
                indicator, period = _label(rows[0][label_cell[1]]), _label(rows[i][0])
            else:
                label_cell, indicator = (i, 0), _label(rows[i][0])
                period = _label(header) if _PERIOD.match(_label(header)) else None
                measure = measures[k][0] if measures[k] else None
                if measure and measure not in _GENERIC_MEASURES and measure not in indicator:
                    indicator += measure
            if not indicator:
                continue
            value, percent = parsed
            row_unit = rows[i][unit_column].strip() if unit_column is not None and unit_column < len(rows[i]) else ""
            unit = ("%" if percent else _unit_in(header) or row_unit
                    or _unit_in(rows[label_cell[0]][label_cell[1]]) or table_unit or "")
            if kind == "change" and not percent and not _unit_in(header):
                unit = "个百分点" if "百分点" in header else "%"
            elif kind == "rank":
                unit = unit or "名"
            value, unit = _base_units(value, unit)
            label_start, _ = spans[label_cell[0]][label_cell[1]]
            grounded = doc.text[label_start:].startswith(indicator)
            basis = _BASIS.search(header)
            facts.append(Fact(
                indicator=indicator, value=value, unit=unit, kind=kind, start=spans[i][k][0], end=spans[i][k][1],
                indicator_start=label_start if grounded else None,
                indicator_end=label_start + len(indicator) if grounded else None,
                period=period, basis=basis.group(0) if basis else None, number_text=rows[i][k].strip(),
            ))
    return facts


def _measures(headers: list[str], unit_column: int | None) -> list[tuple[str, int] | None]:
    """For each column, the nearest column at or before it that names a measure (产量, 地区生产总值),
    not a period, a change or a rank: what a change column's figures are the change of."""
    out: list[tuple[str, int] | None] = []
    current = None
    for k, header in enumerate(headers):
        label = _label(header)
        if k and k != unit_column and label and not (_CHANGE.search(header) or _PERIOD.match(label)
                                                     or _RANK.search(header)):
            current = (label, k)
        out.append(current)
    return out


def _label(cell: str) -> str:
    """A header or row label without its unit in brackets and without its spaces."""
    return re.sub(r"\s+", "", _UNIT_IN_HEADER.sub("", cell)).strip("：:")


def _unit_in(cell: str) -> str | None:
    found = _UNIT_IN_HEADER.search(cell.strip())
    if found and not re.search(r"\d", found.group(1)):
        return found.group(1).strip()
    return None


def _value(cell: str) -> tuple[Decimal, bool] | None:
    """The number in a cell and whether it was written as a percentage; None for 「—」, blanks, text."""
    found = _NUMBER.match(cell.replace("，", ","))
    if not found:
        return None
    sign, number, scale, percent = found.groups()
    try:
        value = numerals.parse_number(number + (scale or ""))
    except ValueError:
        return None
    return (-value if sign in ("-", "−") else value), bool(percent)


def _base_units(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """亿元 → value × 10⁸ in 元; a unit with no scale word stays as it is."""
    scale = _SCALE_PREFIX.match(unit)
    if scale and unit[scale.end():]:
        return numerals.tidy(numerals.parse_number("1" + scale.group(0)) * value), unit[scale.end():]
    return value, unit
