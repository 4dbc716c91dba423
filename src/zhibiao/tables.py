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
from zhibiao.dates import caption_period
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
_FIGURE = re.compile(r"\d")
_GENERIC_MEASURES = {"数值", "数量", "绝对数", "绝对值", "总量", "指标值", "合计", "金额", "实绩", "完成"}
# A text table's cells stand apart by a full-width space, a tab or two spaces; its lines are no sentences.
_CELL_GAP = re.compile(r"[\u3000\t][ \u3000\t]*| {2,}")
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?\n]")  # nor more than one line
_SUBITEM = re.compile(r"^(?:其中|内)[：:]")  # 其中：进口总额 is a row of 进口总额
TEXT_CELL_MAX = 24
TEXT_TABLE_MIN_ROWS = 3  # a header and two rows
TEXT_ROW_MAX = 200  # characters: a longer block is no table's line


def facts_from_tables(doc: Document) -> Document:
    """Add the facts read from every table block's cells, and from every table written as lines of
    text, to ``doc.facts``; a text table's cell that the text facts have read already is not read again."""
    previous = None
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            doc.facts.extend(_table_facts(doc, block.rows, _cell_spans(doc, block), _unit_note(doc, previous),
                                          caption_period(doc, previous)))
        previous = block
    found_tables = _text_tables(doc)
    read = [(f.start, f.end) for f in doc.facts] if found_tables else []
    for first, rows in found_tables:
        spans = [_text_cell_spans(doc, block, row) for block, row in zip(doc.blocks[first:], rows)]
        above = doc.blocks[first - 1] if first else None
        found = _table_facts(doc, rows, spans, _unit_note(doc, above), caption_period(doc, above))
        doc.facts.extend(f for f in found if not any(s < f.end and f.start < e for s, e in read))
    return doc


def text_row(line: str) -> list[str] | None:
    """The cells of a line of a table written as text (进出口总额　311.01亿元　6.1); None if it is not one."""
    if "\u3000" not in line and "\t" not in line and "  " not in line:
        return None  # the common case, decided cheaply
    line = line.strip()
    if not _CELL_GAP.search(line) or _SENTENCE_MARK.search(line):
        return None
    cells = _CELL_GAP.split(line)
    return cells if all(len(c) <= TEXT_CELL_MAX for c in cells) else None


def text_tables(rows: list[list[str] | None]) -> list[range]:
    """The runs of consecutive lines, given as their ``text_row`` cells, that make a table: a header
    and at least two rows of as many cells, most rows with a figure."""
    found, i = [], 0
    while i < len(rows):
        if rows[i] is None:
            i += 1
            continue
        j = i + 1
        while j < len(rows) and rows[j] is not None and len(rows[j]) == len(rows[i]):
            j += 1
        if (j - i >= TEXT_TABLE_MIN_ROWS
                and 2 * sum(any(_FIGURE.search(c) for c in row[1:]) for row in rows[i + 1:j]) > j - i - 1):
            found.append(range(i, j))
        i = j
    return found


def _text_tables(doc: Document) -> list[tuple[int, list[list[str]]]]:
    """Each run of one-line blocks that makes a text table: its first block's index and its rows."""
    if "\u3000" not in doc.text and "\t" not in doc.text and "  " not in doc.text:
        return []  # no line has cells: the common case, decided by one look at the text
    rows = [text_row(doc.text[b.start:b.end]) if b.end - b.start <= TEXT_ROW_MAX and b.kind != "table" and b.rows is None
            else None for b in doc.blocks]
    return [(run.start, [rows[k] for k in run]) for run in text_tables(rows)]


def _text_cell_spans(doc: Document, block: Block, row: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], block.start
    for cell in row:
        pos = doc.text.index(cell, pos, block.end)
        spans.append((pos, pos + len(cell)))
        pos += len(cell)
    return spans


def _unit_note(doc: Document, block: Block | None) -> str | None:
    """The unit a 「单位：万元」 in the block above a table names."""
    note = _UNIT_NOTE.search(doc.text[block.start:block.end]) if block is not None else None
    return note.group(1) if note else None


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


def _table_facts(doc: Document, rows: list[list[str]], spans: list[list[tuple[int, int]]] | None,
                 table_unit: str | None, table_period: str | None) -> list[Fact]:
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
                period = _label(header) if _PERIOD.match(_label(header)) else table_period  # 表1　2023年…
                measure = measures[k][0] if measures[k] else None
                # 水泥 + 产量 is 水泥产量; 发电量 already names a quantity, as its last character says
                if (measure and measure not in _GENERIC_MEASURES and measure not in indicator
                        and indicator[-1] != measure[-1]):
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
            label_start, label_end = spans[label_cell[0]][label_cell[1]]
            found = doc.text.find(indicator, label_start, label_end)  # 其中：进口总额 holds 进口总额
            basis = _BASIS.search(header)
            facts.append(Fact(
                indicator=indicator, value=value, unit=unit, kind=kind, start=spans[i][k][0], end=spans[i][k][1],
                indicator_start=found if found >= 0 else None,
                indicator_end=found + len(indicator) if found >= 0 else None,
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
    return _SUBITEM.sub("", re.sub(r"\s+", "", _UNIT_IN_HEADER.sub("", cell)).strip("：:"))


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
