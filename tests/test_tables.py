"""Facts from table blocks' cells: headers as indicator and period, units from a 单位 column, a
header's brackets or a note above the table."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao import tables
from zhibiao.model import Block, Document, Fact


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


def _text_table_document(lines: list[str]) -> Document:
    text, blocks = "", []
    for line in lines:
        start = len(text) + (1 if text else 0)
        text = f"{text}\n{line}" if text else line
        blocks.append(Block("paragraph", start, len(text)))
    return Document(text=text, blocks=blocks)


def test_tables_text_table_gives_the_changes_its_header_names():
    doc = _text_table_document(["表3　2024年主要农产品产量", "产品　产量（万吨）　比上年增长（%）",
                                "粮食　48.6　1.9", "其中：稻谷　30.2　2.4", "蔬菜　112.5　-0.8"])
    facts = {(f.indicator, f.kind, f.unit, f.value) for f in tables.facts_from_tables(doc).facts}
    assert facts == {("粮食产量", "level", "吨", Decimal("486000")), ("粮食产量", "change", "%", Decimal("1.9")),
                     ("稻谷产量", "level", "吨", Decimal("302000")), ("稻谷产量", "change", "%", Decimal("2.4")),
                     ("蔬菜产量", "level", "吨", Decimal("1125000")), ("蔬菜产量", "change", "%", Decimal("-0.8"))}


def test_tables_text_table_cell_read_as_text_is_not_read_again():
    doc = _text_table_document(["指标　绝对数　同比增长（%）", "进出口总额　86.4亿元　7.5",
                                "其中：出口总额　51.0亿元　-2.2"])
    cell = doc.text.index("86.4亿元")
    doc.facts = [Fact("进出口总额", Decimal("8640000000"), "元", "level", cell, cell + 6)]
    found = [(f.indicator, f.kind, f.value) for f in tables.facts_from_tables(doc).facts]
    assert found == [("进出口总额", "level", Decimal("8640000000")), ("进出口总额", "change", Decimal("7.5")),
                     ("出口总额", "change", Decimal("-2.2"))]
    exports = doc.facts[-1]
    assert doc.text[exports.indicator_start:exports.indicator_end] == "出口总额"


def test_tables_lines_that_make_no_table_give_no_facts():
    doc = _text_table_document(["数据来源　某县统计局", "说明　本表为快报数"])  # no header with two rows
    assert tables.facts_from_tables(doc).facts == []
    doc = _text_table_document(["主办单位　某县人民政府", "承办单位　某县商务局", "协办单位　县融媒体中心"])
    assert tables.facts_from_tables(doc).facts == []  # rows without figures


def test_tables_text_table_in_a_bulletin_end_to_end():
    from zhibiao.pipeline import extract_text

    doc = extract_text("全年全县规模以上工业增加值比上年增长6.8%，主要产品产量见表2。\n表2　主要工业产品产量\n"
                       "产品名称　产量　比上年增长（%）\n水泥　362.5万吨　-4.1\n发电量　21.7亿千瓦时　9.2\n",
                       date="2025-03-01")
    facts = [(f.indicator, f.kind, f.unit, f.value) for f in doc.facts if f.indicator.startswith(("水泥", "发电量"))]
    assert sorted(facts) == sorted([("水泥", "level", "吨", Decimal("3625000")),
                                    ("水泥产量", "change", "%", Decimal("-4.1")),
                                    ("发电量", "level", "千瓦时", Decimal("2170000000")),
                                    ("发电量", "change", "%", Decimal("9.2"))])


@pytest.mark.parametrize("gap", ["\t", "  "])
def test_tables_text_table_with_tabs_or_two_spaces_between_cells(gap):
    rows = [["地区", "常住人口（万人）", "比上年增长（%）"], ["东城", "52.3", "1.2"], ["西城", "38.6", "-0.4"]]
    doc = _text_table_document([gap.join(row) for row in rows])
    facts = {(f.indicator, f.kind, f.unit, f.value) for f in tables.facts_from_tables(doc).facts}
    assert ("东城常住人口", "level", "人", Decimal("523000")) in facts
    assert ("西城常住人口", "change", "%", Decimal("-0.4")) in facts
