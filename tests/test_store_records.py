"""records: a Document to the values the store writes, and the parts column back to model objects."""
from __future__ import annotations

import json
import pickle
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.model import Block, DateMention, Document, Entity, Fact, Goal, Meta
from zhibiao.store import records

TEXT = (
    "南溪区2024年1—8月经济运行情况\n"
    "今年1—8月，全区规模以上工业增加值同比增长6.2%，社会消费品零售总额186.5亿元。\n"
    "到2027年，新建“智慧社区”12至15个，引进\"专精特新\"企业约30家。"
)


def _at(evidence: str) -> tuple[int, int]:
    start = TEXT.index(evidence)
    return start, start + len(evidence)


def _document() -> Document:
    """A document with a part of every kind, and text that JSON must escape or keep as it is."""
    facts = [
        Fact("规模以上工业增加值", Decimal("6.2"), "%", "change", *_at("同比增长6.2%"), *_at("规模以上工业增加值"),
             period="今年1—8月", basis="同比", number_text="6.2"),
        Fact("社会消费品零售总额", Decimal("1.865E+10"), "元", "level", *_at("社会消费品零售总额186.5亿元"),
             *_at("社会消费品零售总额"), period="今年1—8月", place="南溪区", number_text="186.5亿"),
        Fact("智慧社区", Decimal("12"), "个", "target", *_at("新建“智慧社区”12至15个"), value_max=Decimal("15"),
             period="到2027年", number_text="12至15"),
        Fact("专精特新企业", Decimal("30"), "家", "target", *_at("约30家"), qualifier="approx"),
    ]
    return Document(
        text=TEXT,
        blocks=[Block("title", 0, 18, [1]), Block("paragraph", 19, 60, [2, 3], page=1),
                Block("table", 61, 70, [4], page=2, rows=[["指标", "数值\t(亿元)"], ["GDP\\总量", "\"1850\"\n𠀀"]])],
        facts=facts,
        entities=[Entity("place", "南溪区", 0, 3, canonical="南溪区", subtype="district", code="511503")],
        dates=[DateMention("2024年1—8月", 3, 12, begin="2024-01-01", finish="2024-08-31"),
               DateMention("今年", 19, 21, vague=True)],
        goals=[Goal(TEXT[_at("到2027年")[0]:], _at("到2027年")[0], len(TEXT), deadline="2027年",
                    deadline_date="2027-12-31", subject="全区", dimensions=["社区", "产业"], facts=[2, 3])],
        meta=Meta(source="/报告/南溪.txt", sha256="ab" * 32, date="2024-09-10", place="南溪区", title="南溪区经济运行",
                  genre="news", format="text"),
        raw=TEXT,
    )


def test_records_pack_parts_writes_the_text_json_writes():
    doc = _document()
    expected = {
        "blocks": [[b.kind, b.start, b.end, b.lines, b.page, b.rows] for b in doc.blocks],
        "entities": [[e.type, e.text, e.start, e.end, e.canonical, e.subtype, e.code, e.date] for e in doc.entities],
        "dates": [[d.text, d.start, d.end, d.begin, d.finish, d.vague] for d in doc.dates],
        "goals": [[g.text, g.start, g.end, g.deadline, g.deadline_date, g.subject, g.dimensions, g.facts]
                  for g in doc.goals],
    }
    packed = records.pack_parts(doc)
    # Byte for byte what json wrote before: stores written then and now hold the same text.
    assert packed == json.dumps(expected, ensure_ascii=False, separators=(",", ":"))
    assert "南溪区" in packed and "𠀀" in packed and "\\u" not in packed
    assert json.loads(packed) == expected


def test_records_prepare_writes_the_document_row():
    doc = _document()
    prepared = records.prepare(doc)
    assert prepared.sha256 == "ab" * 32 and prepared.source == "/报告/南溪.txt" and prepared.text is doc.text
    row = dict(zip(records.DOCUMENT_COLUMNS[2:], prepared.document))
    assert row["meta"] == json.dumps(vars(doc.meta), ensure_ascii=False, separators=(",", ":"))
    assert json.loads(row["meta"])["title"] == "南溪区经济运行"
    assert (row["title"], row["date"], row["place"], row["text"], row["raw"]) == (
        "南溪区经济运行", "2024-09-10", "南溪区", TEXT, TEXT)
    assert (row["n_blocks"], row["n_facts"], row["n_entities"], row["n_dates"], row["n_goals"]) == (3, 4, 1, 2, 1)
    assert row["parts"] == records.pack_parts(doc)


def test_records_fact_rows_hold_each_fact_with_its_derived_columns():
    doc = _document()
    rows = [dict(zip(records.FACT_COLUMNS, row)) for row in records.fact_rows(records.prepare(doc), 42, 1)]
    derived = [(r["doc_id"], r["seq"], r["value"], r["value_num"], r["value_max"], r["period_key"], r["year"],
                r["place"], r["place_resolved"], r["latest"]) for r in rows]
    assert derived == [
        (42, 0, "6.2", 6.2, None, "2024年1-8月", 2024, None, "南溪区", 1),
        (42, 1, "1.865E+10", 18650000000.0, None, "2024年1-8月", 2024, "南溪区", "南溪区", 1),
        (42, 2, "12", 12.0, "15", "到2027年", 2027, None, "南溪区", 1),
        (42, 3, "30", 30.0, None, None, None, None, "南溪区", 1),
    ]
    assert all(type(r["value_num"]) is float for r in rows)
    for row, fact in zip(rows, doc.facts):
        assert (row["indicator"], row["unit"], row["kind"], row["qualifier"], row["period"], row["basis"],
                row["number_text"], row["span_start"], row["span_end"], row["indicator_start"],
                row["indicator_end"]) == (fact.indicator, fact.unit, fact.kind, fact.qualifier, fact.period,
                                          fact.basis, fact.number_text, fact.start, fact.end, fact.indicator_start,
                                          fact.indicator_end)


def test_records_prepared_survives_pickling_as_worker_processes_send_it():
    prepared = records.prepare(_document())
    back = pickle.loads(pickle.dumps(prepared, protocol=5))
    assert back == prepared
    assert list(records.fact_rows(back, 1, 1)) == list(records.fact_rows(prepared, 1, 1))


# Any text but lone surrogates, which no decoded input holds and UTF-8 cannot carry.
TEXTS = st.text(max_size=12)
MAYBE = st.none() | TEXTS
OFFSETS = st.integers(min_value=0, max_value=2**40)
PARTS = st.fixed_dictionaries({
    "blocks": st.lists(st.builds(Block, TEXTS, OFFSETS, OFFSETS, st.lists(OFFSETS, max_size=3),
                                 st.none() | OFFSETS, st.none() | st.lists(st.lists(TEXTS, max_size=3), max_size=3)),
                       max_size=3),
    "entities": st.lists(st.builds(Entity, TEXTS, TEXTS, OFFSETS, OFFSETS, MAYBE, MAYBE, MAYBE, MAYBE), max_size=3),
    "dates": st.lists(st.builds(DateMention, TEXTS, OFFSETS, OFFSETS, MAYBE, MAYBE, st.booleans()), max_size=3),
    "goals": st.lists(st.builds(Goal, TEXTS, OFFSETS, OFFSETS, MAYBE, MAYBE, MAYBE, st.lists(TEXTS, max_size=3),
                                st.lists(OFFSETS, max_size=3)), max_size=3),
})


@settings(max_examples=100, deadline=None)
@given(PARTS)
def test_records_unpack_parts_gives_back_what_pack_parts_packed(parts):
    packed = records.pack_parts(Document("", **parts))
    assert records.unpack_parts(packed) == parts
    assert packed == json.dumps(json.loads(packed), ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("period, doc_date, ahead, expected", [
    ("今年1—8月", "2024-09-10", False, ("2024年1-8月", 2024)),
    ("上半年", "2025-07-20", False, ("2025年上半年", 2025)),
    # a part of a year not over by the document's date is last year's: a bulletin of the spring
    ("上半年", "2025-04-15", False, ("2024年上半年", 2024)),
    ("全年", "2025-04-15", False, ("2024年", 2024)),
    ("前三季度", "2025-03-02", False, ("2024年前三季度", 2024)),
    # ... unless the figure is a target for it, or the year is in its last month
    ("全年", "2025-01-20", True, ("2025年", 2025)),
    ("年底", "2025-03-01", True, ("2025年年底", 2025)),
    ("全年", "2025-12-28", False, ("2025年", 2025)),
    # a year the period names stays as it is
    ("2023年全年", "2025-04-15", False, ("2023年", 2023)),
    ("去年", "2025-04-15", False, ("2024年", 2024)),
    ("1—9月", None, False, ("1-9月", None)),
])
def test_records_period_key_reads_a_part_of_a_year_as_the_date_resolver_does(period, doc_date, ahead, expected):
    assert records.resolve_period(period, doc_date, ahead) == expected
