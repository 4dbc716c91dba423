"""Facts from table blocks' cells: headers as indicator and period, units from a 单位 column, a
header's brackets or a note above the table."""
from __future__ import annotations

from decimal import Decimal

from zhibiao import tables
from zhibiao.model import Block, Document


def _table_document(rows: list[list[str]], note: str | None = None) -> Document:
    table_text = "\n".join("\t".join(r) for r in rows)
    if note is None:
        return Document(text=table_text, blocks=[Block("table", 0, len(table_text), rows=rows)])
    text = note + "\n" + table_text
    return Document(text=text, blocks=[Block("paragraph", 0, len(note)),
                                       Block("table", len(note) + 1, len(text), rows=rows)])


def test_tables_unit_column_and_unit_note():
    rows = [["产品名称", "单位", "产量", "比上年增长(%)"], ["锂离子电池", "万只", "8650", "21.4"],
            ["粗钢", "", "152.3", "-3.5"]]
    doc = tables.facts_from_tables(_table_document(rows, note="单位：万吨"))
    facts = {(f.indicator, f.kind, f.unit, f.value) for f in doc.facts}
    assert ("锂离子电池产量", "level", "只", Decimal("86500000")) in facts
    assert ("锂离子电池产量", "change", "%", Decimal("21.4")) in facts
    assert ("粗钢产量", "level", "吨", Decimal("1523000")) in facts  # the note's unit
    assert ("粗钢产量", "change", "%", Decimal("-3.5")) in facts


def test_tables_periods_down_the_first_column():
    rows = [["年份", "地区生产总值(亿元)", "增速(%)"], ["2023年", "1208.9", "5.8"], ["2024年", "1286.5", "6.1"]]
    doc = tables.facts_from_tables(_table_document(rows))
    facts = {(f.indicator, f.period, f.kind, f.unit, f.value) for f in doc.facts}
    assert ("地区生产总值", "2024年", "level", "元", Decimal("128650000000")) in facts
    assert ("地区生产总值", "2023年", "change", "%", Decimal("5.8")) in facts  # the change of the column before


def test_tables_evidence_is_the_cell_and_blanks_give_no_fact():
    rows = [["指标", "2024年", "比上年增长(%)"], ["城镇化率(%)", "72.6", "—"], ["新增就业(万人)", "1.2", "3.4"]]
    doc = tables.facts_from_tables(_table_document(rows))
    assert len(doc.facts) == 3  # the dash is no number
    for fact in doc.facts:
        assert doc.text[fact.start:fact.end] == fact.number_text
        assert doc.text[fact.indicator_start:fact.indicator_end] == fact.indicator
    employment = [f for f in doc.facts if f.indicator == "新增就业" and f.kind == "level"][0]
    assert (employment.value, employment.unit, employment.period) == (Decimal("12000"), "人", "2024年")


def test_tables_block_whose_text_does_not_hold_its_cells_gives_no_facts():
    rows = [["指标", "2024年"], ["常住人口(万人)", "131.2"]]
    doc = Document(text="unrelated text here", blocks=[Block("table", 0, 19, rows=rows)])
    assert tables.facts_from_tables(doc).facts == []
