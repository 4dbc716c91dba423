"""The store, run against SQLite and (with ZHIBIAO_TEST_PG) a real PostgreSQL server."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from decimal import Decimal
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from zhibiao.cli import cli
from zhibiao.errors import NotFoundError, QueryError, StoreError, ZhibiaoError
from zhibiao.indicators import indicator_key
from zhibiao.model import Block, DateMention, Document, Entity, Fact, Goal, Meta
from zhibiao.store import open_store
from zhibiao.store.dialects import insert_sql
from zhibiao.store import ingest
from zhibiao.store.ingest import expand_paths, worker_count

INJECTION = "'; DROP TABLE facts; --"

BULLETIN = (
    "江北区2024年国民经济和社会发展统计公报\n"
    "全年实现地区生产总值1850.6亿元，比上年增长5.8%。\n"
    "全年社会消费品零售总额912.4亿元，比上年增长4.3%。\n"
    "规模以上工业增加值比上年增长7.1%，高新技术企业达到326家。"
)
BRIEF = (
    "江北区去年社零总额突破900亿元\n"
    "记者从区商务委获悉，去年全区社零总额达到908.2亿元，同比增长4.3%，消费市场稳中有升。"
)
PLAN = (
    "沙坪坝区推动消费提质扩容行动方案\n"
    "2023年，全区社会消费品零售额完成650.0亿元。到2027年，全区社会消费品零售总额力争突破800亿元，"
    "新培育市级夜间消费集聚区3至5个。"
)


def fact(text: str, evidence: str, indicator: str, value: str, unit: str, kind: str = "level", **more) -> Fact:
    start = text.index(evidence)
    return Fact(indicator, Decimal(value), unit, kind, start, start + len(evidence), **more)


def document(text: str, facts_of, *, source: str, date: str | None = None, place: str | None = None) -> Document:
    """A Document as the pipeline would make it, with facts written by hand."""
    blocks, pos = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        blocks.append(Block("title" if number == 1 else "paragraph", pos, pos + len(line), [number]))
        pos += len(line) + 1
    return Document(text=text, blocks=blocks, facts=facts_of(text), raw=text,
                    meta=Meta(source=source, date=date, place=place, format="text", genre="bulletin"))


def bulletin() -> Document:
    return document(BULLETIN, lambda t: [
        fact(t, "地区生产总值1850.6亿元", "地区生产总值", "185060000000", "元", period="2024年"),
        fact(t, "比上年增长5.8%", "地区生产总值", "5.8", "%", "change", period="2024年", basis="比上年"),
        fact(t, "社会消费品零售总额912.4亿元", "社会消费品零售总额", "91240000000", "元", period="2024年"),
        fact(t, "比上年增长4.3%", "社会消费品零售总额", "4.3", "%", "change", period="2024年", basis="比上年"),
        fact(t, "增长7.1%", "规上工业增加值", "7.1", "%", "change", period="2024年", basis="比上年"),
        fact(t, "高新技术企业达到326家", "高新技术企业", "326", "家", period="2024年"),
    ], source="/reports/jiangbei-2024.txt", date="2025-03-20", place="江北区")


def brief() -> Document:
    return document(BRIEF, lambda t: [
        fact(t, "社零总额达到908.2亿元", "社零总额", "90820000000", "元", period="去年", number_text="908.2亿"),
        fact(t, "同比增长4.3%", "社零总额", "4.3", "%", "change", period="去年", basis="同比"),
    ], source="/news/2025-01-18.txt", date="2025-01-18", place="江北区")


def plan() -> Document:
    return document(PLAN, lambda t: [
        fact(t, "社会消费品零售额完成650.0亿元", "社会消费品零售额", "65000000000", "元", period="2023年"),
        fact(t, "社会消费品零售总额力争突破800亿元", "社会消费品零售总额", "80000000000", "元", "target",
             period="到2027年", qualifier="over"),
        fact(t, "3至5个", "市级夜间消费集聚区", "3", "个", "target", value_max=Decimal("5"), period="到2027年"),
    ], source="/plans/shapingba-consumption.txt", date="2024-06-05", place="沙坪坝区")


# Backends

def _with_search_path(url: str, schema: str) -> str:
    return url + ("&" if "?" in url else "?") + "options=" + quote(f"-csearch_path={schema}")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """Where a fresh store lives: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import psycopg
    url = request.getfixturevalue("postgres_url")
    schema = f"zhibiao_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    yield _with_search_path(url, schema)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(target):
    with open_store(target) as opened:
        yield opened


@pytest.fixture
def filled(store):
    """A store holding a bulletin, a news brief that disagrees with it, and an action plan."""
    ids = [store.add_document(make())[0] for make in (bulletin, brief, plan)]
    return store, ids


def _assert_consistent(store) -> None:
    """Every stored document has all its parts, and the database's own checks pass."""
    for row in store.db.execute("SELECT id, n_facts, n_blocks, n_entities, n_dates, n_goals, parts FROM documents"):
        count = store.db.execute("SELECT COUNT(*) AS n FROM facts WHERE doc_id = ?", (row["id"],))
        assert count[0]["n"] == row["n_facts"], row["id"]
        parts = json.loads(row["parts"])
        for name in ("blocks", "entities", "dates", "goals"):
            assert len(parts[name]) == row[f"n_{name}"], (row["id"], name)
    if store.db.name == "sqlite":
        assert store.db.execute("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
        store.db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")


# Writing

def test_store_same_content_is_stored_once(store):
    first = store.add_document(bulletin())
    again = store.add_document(bulletin())
    assert first[1] is True
    assert again == (first[0], False)
    assert store.count_documents() == 1
    assert store.count_facts() == 6


def test_store_document_round_trips_exactly(store):
    doc = _full_bulletin()
    doc.facts[0].value = Decimal("1.850600E+11")  # exponent and trailing zeros survive
    doc_id, _ = store.add_document(doc)
    back = store.document(doc_id)
    assert back.to_dict() == doc.to_dict()
    assert str(back.facts[0].value) == "1.850600E+11"
    assert back.raw == doc.raw and back.meta == doc.meta


def test_store_changed_file_becomes_a_new_version(store):
    old_id, _ = store.add_document(bulletin())
    changed = bulletin()
    changed.text = changed.raw = BULLETIN.replace("1850.6", "1852.1")
    changed.facts[0] = fact(changed.text, "地区生产总值1852.1亿元", "地区生产总值", "185210000000", "元",
                            period="2024年")
    new_id, created = store.add_document(changed)
    assert created and new_id != old_id
    info = store.document_info(new_id)
    assert (info["version"], info["previous_id"], info["latest"]) == (2, old_id, 1)
    assert store.document_info(old_id)["latest"] == 0
    assert [d["id"] for d in store.documents()] == [new_id]
    assert {f["value"] for f in store.facts(indicator="地区生产总值", kind="level")} == {185210000000}
    assert {f["value"] for f in store.facts(doc=old_id, kind="level", indicator="地区生产总值")} == {185060000000}
    assert store.document(old_id).text == BULLETIN


def test_store_documents_of_one_input_are_parts(store):
    page = [bulletin(), brief()]
    for doc in page:
        doc.meta.sha256 = "ab" * 32
        doc.meta.source = "/pages/page-03.txt"
    results = store.add_documents(page)
    assert [created for _, created in results] == [True, True]
    assert store.add_documents(page) == [(doc_id, False) for doc_id, _ in results]
    assert store.stored_parts("ab" * 32) == 2
    assert {d["version"] for d in store.documents()} == {1}


def test_store_readonly_refuses_to_write(target):
    with open_store(target) as writable:
        writable.add_document(brief())
    with open_store(target, readonly=True) as readonly:
        assert readonly.count_documents() == 1
        with pytest.raises(StoreError, match="read-only"):
            readonly.add_document(bulletin())
        assert readonly.document(1).text == BRIEF


def test_store_reopening_keeps_schema_and_data(target):
    with open_store(target) as first:
        first.add_document(plan())
        version = first.db.execute("SELECT version FROM schema_version")
    with open_store(target) as second:
        assert second.db.execute("SELECT version FROM schema_version") == version
        assert second.count_documents() == 1


def test_store_sqlite_refuses_what_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", readonly=True)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(junk)


# Queries

def test_store_facts_filter_by_indicator_with_synonyms(filled):
    store, (bulletin_id, brief_id, plan_id) = filled
    retail = store.facts(indicator="社零", kind="level")
    assert {(f["doc_id"], f["indicator"]) for f in retail} == {
        (bulletin_id, "社会消费品零售总额"), (brief_id, "社零总额"), (plan_id, "社会消费品零售额")}
    assert {f["indicator_key"] for f in retail} == {"社会消费品零售总额"}
    assert {f["indicator"] for f in store.facts(indicator="GDP")} == {"地区生产总值"}
    assert store.count_facts(indicator="规模以上工业增加值") == 1  # stored as 规上工业增加值


def test_store_facts_filter_by_place_period_kind_and_doc(filled):
    store, (bulletin_id, brief_id, plan_id) = filled
    assert {f["doc_id"] for f in store.facts(place="沙坪坝")} == {plan_id}
    assert {f["doc_id"] for f in store.facts(period="2024")} == {bulletin_id, brief_id}  # 去年 in 2025
    assert {f["indicator"] for f in store.facts(kind="target")} == {"社会消费品零售总额", "市级夜间消费集聚区"}
    assert len(store.facts(doc=brief_id)) == 2
    assert store.count_facts(place="沙坪坝", kind="target") == 2
    with pytest.raises(QueryError, match="kind"):
        store.facts(kind="guess")
    with pytest.raises(QueryError, match="order"):
        store.facts(order_by="evidence; DELETE FROM facts")
    with pytest.raises(QueryError, match="limit"):
        store.facts(limit=-1)


def test_store_facts_carry_evidence_and_json_numbers(filled):
    store, (_, brief_id, plan_id) = filled
    level = store.facts(doc=brief_id, kind="level")[0]
    assert level["evidence"] == "社零总额达到908.2亿元"
    assert BRIEF[level["start"]:level["end"]] == level["evidence"]
    assert level["value"] == 90820000000 and isinstance(level["value"], int)
    assert level["place"] == "江北区"  # from the document: the fact names no place
    ranged = store.facts(doc=plan_id, indicator="集聚区")[0]
    assert (ranged["value"], ranged["value_max"]) == (3, 5)
    change = store.facts(doc=brief_id, kind="change")[0]
    assert change["value"] == 4.3 and isinstance(change["value"], float)


def test_store_facts_order_and_page(filled):
    store, _ = filled
    by_value = store.facts(order_by="value", descending=True)
    values = [f["value"] for f in by_value]
    assert values == sorted(values, reverse=True)
    assert store.facts(order_by="value", descending=True, limit=3, offset=2) == by_value[2:5]
    assert store.count_facts() == len(by_value) == 11


def test_store_facets_count_the_filtered_facts(filled):
    store, _ = filled
    facets = store.facets(place="江北")
    assert dict(facets["kind"]) == {"level": 4, "change": 4}
    assert facets["indicator_key"][0] == ("社会消费品零售总额", 4)
    assert dict(facets["period"]) == {"2024年": 8}
    assert facets["unit"][0] == ("%", 4)
    assert store.facets(fields=["unit"], top=1) == {"unit": [("元", 5)]}
    with pytest.raises(QueryError, match="facet"):
        store.facets(fields=["evidence"])


def test_store_series_joins_synonyms_and_flags_conflicts(filled):
    store, (bulletin_id, brief_id, plan_id) = filled
    series = store.series("社零总额")
    assert series.indicator_key == "社会消费品零售总额"
    levels = [p for p in series.points if p["kind"] == "level"]
    assert [(p["year"], p["value"], p["doc_id"]) for p in levels] == [
        (2023, 65000000000, plan_id), (2024, 91240000000, bulletin_id), (2024, 90820000000, brief_id)]
    assert [p["year"] for p in series.points] == sorted(p["year"] for p in series.points)
    # Two reports give different 2024 levels for the same place: one conflict, both sources.
    assert len(series.conflicts) == 1
    conflict = {p["doc_id"] for p in series.points if p["fact_id"] in series.conflicts[0]}
    assert conflict == {bulletin_id, brief_id}
    assert [p["conflict"] for p in levels] == [False, True, True]
    # The same growth said as 比上年 and 同比 agrees: no conflict.
    assert not any(p["conflict"] for p in series.points if p["kind"] == "change")
    assert {p["place"] for p in store.series("社会消费品零售总额", place="沙坪坝").points} == {"沙坪坝区"}


def test_store_series_of_an_unknown_indicator_is_empty(filled):
    store, _ = filled
    assert store.series("碳排放强度").points == []


def test_store_search_finds_chinese_of_any_length(filled):
    store, (bulletin_id, brief_id, plan_id) = filled
    texts = {bulletin_id: BULLETIN, brief_id: BRIEF, plan_id: PLAN}
    for query, expected in (("消费", {bulletin_id, brief_id, plan_id}), ("公报", {bulletin_id}),
                            ("社零总额", {brief_id}), ("夜间消费集聚区", {plan_id}), ("区", {bulletin_id, brief_id, plan_id}),
                            ("江北 消费市场", {brief_id}), ("公报 夜间", set())):
        hits = store.search(query)
        assert {h["doc_id"] for h in hits} == expected, query
        assert store.count_documents(search=query) == len(expected)
        for hit in hits:
            assert texts[hit["doc_id"]][hit["start"]:hit["end"]] in query.split()
            assert texts[hit["doc_id"]][hit["start"]:hit["end"]] in hit["snippet"]


def test_store_search_is_case_insensitive_for_latin(store):
    doc = document("全区GDP增长5%。", lambda t: [], source="/a.txt")
    doc_id, _ = store.add_document(doc)
    assert [h["doc_id"] for h in store.search("gdp")] == [doc_id]
    with pytest.raises(QueryError):
        store.search("   ")


def test_store_search_matches_long_terms_as_whole_substrings(store):
    apart = document("扩大社会消费，消费品零售总额增长5.8个百分点。", lambda t: [], source="/apart.txt")
    whole = document("全区GDP增长5.8%，社会消费品零售总额912亿元。", lambda t: [], source="/whole.txt")
    apart_id, whole_id = (store.add_document(doc)[0] for doc in (apart, whole))
    # Every three characters of 社会消费品零售总额 occur in the first document, but not all in a row.
    for query, expected in (("社会消费品零售总额", {whole_id}), ("消费品零售", {apart_id, whole_id}),
                            ("5.8%", {whole_id}), ("5.8", {apart_id, whole_id}), ("个百分点", {apart_id}),
                            ("Gdp", {whole_id}), ("gdp增长5.8%", {whole_id}), ("GDP增长6", set())):
        assert {h["doc_id"] for h in store.search(query)} == expected, query
        assert store.count_documents(search=query) == len(expected), query


def test_store_injection_text_is_just_text(filled):
    store, _ = filled
    assert store.facts(indicator=INJECTION) == []
    assert store.facts(place=INJECTION, period=INJECTION) == []
    assert store.search(INJECTION) == []
    assert store.series(INJECTION).points == []
    assert store.documents(search=INJECTION, place=INJECTION, genre=INJECTION) == []
    assert store.count_facts() == 11
    doc = document(f"指标{INJECTION}为100%。", lambda t: [fact(t, "100%", INJECTION, "100", "%")], source="/x.txt")
    doc_id, _ = store.add_document(doc)
    assert [f["indicator"] for f in store.facts(indicator=INJECTION)] == [INJECTION]
    assert [h["doc_id"] for h in store.search(INJECTION)] == [doc_id]


def test_store_like_wildcards_are_literal(store):
    store.add_document(document("增速为5%。", lambda t: [fact(t, "5%", "增速_名义", "5", "%")], source="/a.txt"))
    store.add_document(document("增速为6%。", lambda t: [fact(t, "6%", "增速实际", "6", "%")], source="/b.txt"))
    assert [f["indicator"] for f in store.facts(indicator="_")] == ["增速_名义"]
    assert [f["value"] for f in store.facts(indicator="增速%")] == []


def test_store_document_not_found(store):
    with pytest.raises(NotFoundError):
        store.document(404)
    with pytest.raises(NotFoundError):
        store.document_info(404)
    with pytest.raises(QueryError):
        store.document("abc")


def _counted_over_facts(store, **filters) -> tuple[int, dict]:
    """count_facts and facets computed again from every matching fact, as the kept counts must give."""
    from collections import Counter
    rows = store.facts(**filters, limit=None)
    fields = {"kind": "kind", "unit": "unit", "place": "place", "period": "period_key",
              "indicator_key": "indicator_key", "indicator": "indicator", "year": "year", "basis": "basis"}
    facets = {}
    for name, key in fields.items():
        counts = Counter(r[key] for r in rows if r[key] not in (None, ""))
        facets[name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return len(rows), facets


def test_store_kept_counts_follow_new_documents_and_versions(store):
    for make in (bulletin, brief, plan):
        store.add_document(make())
    # A new version of the brief, and two versions of one source in a single transaction.
    store.add_document(document(BRIEF.replace("908.2", "910.5"), lambda t: [
        fact(t, "社零总额达到910.5亿元", "社零总额", "91050000000", "元", period="去年")],
        source="/news/2025-01-18.txt", date="2025-01-18", place="江北区"))
    store.add_inputs([[document(PLAN, lambda t: [fact(t, "3至5个", "夜间消费集聚区", "3", "个", "target")],
                                source="/plans/later.txt", date="2024-07-01", place="沙坪坝区")],
                      [document(PLAN + "修订", lambda t: [fact(t, "650.0亿元", "社会消费品零售额", "65000000000", "元",
                                                             period="2023年")],
                                source="/plans/later.txt", date="2024-08-01", place="沙坪坝区")]])
    for filters in ({}, {"kind": "level"}, {"indicator": "社零"}, {"place": "江北", "kind": "change"},
                    {"period": "2024"}, {"indicator": "集聚区"}, {"indicator": "没有的指标"}):
        total, facets = _counted_over_facts(store, **filters)
        assert store.count_facts(**filters) == total, filters
        assert store.facets(**filters, fields=list(facets), top=100) == facets, filters
    assert store.count_facts() == 6 + 1 + 3 + 1  # not the first brief's two facts, nor the first later.txt's
    assert ("夜间消费集聚区", 1) not in store.facets(fields=["indicator"])["indicator"]


def test_store_facts_read_along_the_order_or_through_the_filter_alike(filled):
    store, _ = filled
    for order in ("doc", "value"):
        for descending in (False, True):
            every = store.facts(indicator="社零", order_by=order, descending=descending, limit=None)
            assert len(every) == 6
            # One fact a page: the filter matches a large share, so the order's index is walked.
            assert [store.facts(indicator="社零", order_by=order, descending=descending, limit=1, offset=k)[0]
                    for k in range(len(every))] == every


def test_store_series_keeps_the_places_with_most_facts(store):
    for number, place in enumerate(("甲县", "乙县", "乙县", "丙县", "丙县", "丙县")):
        text = f"{place}{2020 + number}年地区生产总值{100 + number}亿元。"
        store.add_document(document(text, lambda t: [
            fact(t, f"{100 + number}亿元", "地区生产总值", str(100 + number), "亿元", period=f"{2020 + number}年")],
            source=f"/gdp/{number}.txt", place=place))
    series = store.series("GDP", max_places=2)
    assert series.places == [("丙县", 3), ("乙县", 2), ("甲县", 1)]
    assert {p["place"] for p in series.points} == {"丙县", "乙县"} and len(series.points) == 5
    assert len(store.series("GDP").points) == 6 and store.series("GDP").places == series.places
    assert store.series("GDP", place="甲", max_places=2).places == [("甲县", 1)]


def test_store_series_per_group_keeps_the_most_stated_values_and_the_conflict(store):
    stated = ["1850.6"] * 3 + ["1849.0", "1850.0"]  # three reports agree, two others differ
    for number, value in enumerate(stated):
        text = f"第{number}期：江北区2024年地区生产总值{value}亿元，比上年增长5.8%。"
        store.add_document(document(text, lambda t: [
            fact(t, f"{value}亿元", "地区生产总值", value, "亿元", period="2024年"),
            fact(t, "增长5.8%", "地区生产总值", "5.8", "%", "change", period="2024年",
                 basis="同比" if number % 2 else "比上年")],
            source=f"/news/{number}.txt", place="江北区"))
    full = store.series("地区生产总值")
    series = store.series("地区生产总值", per_group=2)
    levels = [(p["value"], p["sources"], p["conflict"]) for p in series.points if p["kind"] == "level"]
    assert levels == [(1849, 1, True), (1850.6, 3, True)] or levels == [(1850.6, 3, True), (1849, 1, True)]
    assert [(p["value"], p["sources"], p["conflict"]) for p in series.points if p["kind"] == "change"] == [
        (5.8, 5, False)]  # 同比 and 比上年 are one basis
    assert len(series.conflicts) == len(full.conflicts) == 1
    assert set(series.conflicts[0]) <= set(full.conflicts[0])
    with pytest.raises(QueryError, match="per_group"):
        store.series("地区生产总值", per_group=1)


def _full_bulletin() -> Document:
    """The bulletin with a part of every kind, a table among its blocks."""
    doc = bulletin()
    doc.blocks.append(Block("table", 0, 10, [5, 6], page=2, rows=[["指标", "数值"], ["GDP", "1850.6"]]))
    doc.entities = [Entity("place", "江北区", 0, 3, canonical="江北区", subtype="district", code="500105")]
    doc.dates = [DateMention("2024年", 3, 8, begin="2024-01-01", finish="2024-12-31"),
                 DateMention("近年来", 0, 3, vague=True)]
    doc.goals = [Goal("规模以上工业增加值比上年增长7.1%", 50, 60, deadline="2025年", deadline_date="2025-12-31",
                      subject="江北区", dimensions=["工业"], facts=[4])]
    return doc


def _store_as_first_schema_did(db, doc: Document) -> int:
    """Write a document as the first schema kept it: its parts a row each in tables of their own,
    no kept counts."""
    from zhibiao.store import records
    meta = doc.meta
    doc_id = db.execute(
        "INSERT INTO documents (sha256, part, source, title, date, place, genre, format, text, raw, meta, n_blocks, "
        "n_facts, n_entities, n_dates, n_goals, created_at, version, previous_id, latest) "
        "VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00+00:00', 1, NULL, 1) RETURNING id",
        (records.document_sha256(doc), meta.source, records.display_title(doc), meta.date, meta.place, meta.genre,
         meta.format, doc.text, doc.raw, json.dumps(vars(meta), ensure_ascii=False), len(doc.blocks), len(doc.facts),
         len(doc.entities), len(doc.dates), len(doc.goals)))[0]["id"]
    db.execute_many(insert_sql("facts", records.FACT_COLUMNS),
                    list(records.fact_rows(records.prepare(doc), doc_id, 1)))
    rows = {
        "blocks (doc_id, seq, kind, span_start, span_end, lines, page, cells)":
            [(b.kind, b.start, b.end, json.dumps(b.lines), b.page, b.rows and json.dumps(b.rows)) for b in doc.blocks],
        "entities (doc_id, seq, type, text, span_start, span_end, canonical, subtype, code, date)":
            [(e.type, e.text, e.start, e.end, e.canonical, e.subtype, e.code, e.date) for e in doc.entities],
        "dates (doc_id, seq, text, span_start, span_end, begin_date, finish_date, vague)":
            [(d.text, d.start, d.end, d.begin, d.finish, int(d.vague)) for d in doc.dates],
        "goals (doc_id, seq, text, span_start, span_end, deadline, deadline_date, subject, dimensions, fact_seqs)":
            [(g.text, g.start, g.end, g.deadline, g.deadline_date, g.subject, json.dumps(g.dimensions),
              json.dumps(g.facts)) for g in doc.goals],
    }
    for table, values in rows.items():
        if values:
            db.execute_many(f"INSERT INTO {table} VALUES ({', '.join('?' * (len(values[0]) + 2))})",
                            [(doc_id, seq, *row) for seq, row in enumerate(values)])
    for fact in doc.facts:
        db.execute("INSERT INTO indicators (indicator, indicator_key) VALUES (?, ?) ON CONFLICT (indicator) DO NOTHING",
                   (fact.indicator, indicator_key(fact.indicator)))
        db.execute("INSERT INTO places (place) VALUES (?) ON CONFLICT (place) DO NOTHING", (fact.place or meta.place,))
    db.index_texts([(doc_id, doc.text)])
    return doc_id


def test_store_a_store_of_the_first_schema_upgrades(target, monkeypatch):
    from zhibiao.store import migrations
    with monkeypatch.context() as first_schema:  # the first four migrations: no kept counts, parts as rows
        first_schema.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        with open_store(target) as old, old.db.write():
            written = [_full_bulletin(), brief(), plan()]
            for doc in written:
                doc.meta.sha256 = None
            ids = [_store_as_first_schema_did(old.db, doc) for doc in written]
    with open_store(target) as store:
        assert [store.document(doc_id).to_dict() for doc_id in ids] == [doc.to_dict() for doc in written]
        total, facets = _counted_over_facts(store)
        assert store.count_facts() == total == 11
        assert store.facets(fields=list(facets), top=100) == facets
        assert {h["doc_id"] for h in store.search("夜间消费集聚区")} == {ids[2]}
        store.add_document(document("新区报告：高新技术企业达到12家。",
                                    lambda t: [fact(t, "12家", "高新技术企业", "12", "家")], source="/n.txt"))
        assert dict(store.facets(fields=["indicator"], top=100)["indicator"])["高新技术企业"] == 2
        _assert_consistent(store)


def test_store_periods_stored_with_the_documents_year_are_rekeyed(target, monkeypatch):
    from zhibiao.store import aggregates, migrations
    text = "全年地区生产总值增长5.3%，上半年增长5.1%。\n2023年全年增长6.0%。"
    doc = document(text, lambda t: [fact(t, "全年地区生产总值增长5.3%", "地区生产总值", "5.3", "%", "change", period="全年"),
                                    fact(t, "上半年增长5.1%", "地区生产总值", "5.1", "%", "change", period="上半年"),
                                    fact(t, "2023年全年增长6.0%", "地区生产总值", "6.0", "%", "change",
                                         period="2023年全年")],
                   source="/bulletin.txt", date="2025-04-10")
    with monkeypatch.context() as before:
        rekeying = migrations.MIGRATIONS.index(migrations.rekey_parts_of_years)
        before.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:rekeying])
        with open_store(target) as old:
            old.add_document(doc)
        with open_store(target) as old, old.db.write():
            # the keys as stores before the change wrote them: a part of a year was the document's year
            old.db.execute("UPDATE facts SET period_key = '2025年' || REPLACE(period, '全年', ''), year = 2025 "
                           "WHERE period IN ('全年', '上半年')")
            old.db.execute("DELETE FROM facet_counts")
            old.db.execute("DELETE FROM fact_groups")
            aggregates.recount(old.db)
    with open_store(target) as store:
        assert [(f["period_key"], f["year"]) for f in store.facts(order_by="doc")] == [
            ("2024年", 2024), ("2024年上半年", 2024), ("2023年", 2023)]
        total, facets = _counted_over_facts(store)
        assert store.facets(fields=list(facets), top=100) == facets
        _assert_consistent(store)


def test_store_new_synonyms_rekey_stored_facts(target, tmp_path, monkeypatch):
    text = "全区城建投资完成120亿元。"
    with open_store(target) as store:
        store.add_document(document(text, lambda t: [fact(t, "120亿元", "城建投资", "12000000000", "元")],
                                    source="/c.txt"))
        assert store.series("城市建设投资").points == []
    synonyms = tmp_path / "mine.tsv"
    synonyms.write_text("城市建设投资\t城建投资\n", encoding="utf-8")
    monkeypatch.setenv("ZHIBIAO_SYNONYMS", str(synonyms))
    with open_store(target) as store:
        assert [p["value"] for p in store.series("城市建设投资").points] == [12000000000]
        assert store.facts()[0]["indicator_key"] == "城市建设投资"
        assert store.facets(fields=["indicator_key"]) == {"indicator_key": [("城市建设投资", 1)]}


# Export

def test_store_export_in_every_format(filled, tmp_path):
    store, _ = filled
    expected = store.facts(limit=None, order_by="doc")
    expected.sort(key=lambda f: f["id"])
    assert store.export(str(tmp_path / "facts.jsonl"), "jsonl") == 11
    lines = (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected

    store.export(str(tmp_path / "facts.csv"), "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8"))))
    assert [r["evidence"] for r in rows] == [f["evidence"] for f in expected]
    assert [Decimal(r["value"]) for r in rows] == [Decimal(str(f["value"])) for f in expected]

    import pyarrow.parquet as pq
    store.export(str(tmp_path / "facts.parquet"), "parquet")
    table = pq.read_table(tmp_path / "facts.parquet").to_pylist()
    assert [(r["doc_id"], r["indicator"], r["value"], r["value_max"], r["start"]) for r in table] == [
        (f["doc_id"], f["indicator"], f["value"], f["value_max"], f["start"]) for f in expected]


def test_store_export_failure_leaves_no_file(filled, tmp_path):
    store, _ = filled
    with pytest.raises(ZhibiaoError, match="nowhere"):
        store.export(str(tmp_path / "nowhere" / "facts.csv"), "csv")
    with pytest.raises(QueryError):
        store.export(str(tmp_path / "facts.xlsx"), "xlsx")
    assert list(tmp_path.glob("**/facts*")) == []


# Ingest

def _write_corpus(folder, count: int, start: int = 0) -> list:
    """Small reports in the register of district bulletins, each with different figures."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"report-{n:05d}.txt"
        path.write_text(
            f"第{n}期 经济运行简报\n\n"
            f"1-{n % 11 + 1}月，全区规模以上工业增加值同比增长{n % 90 / 10 + 1:.1f}%，"
            f"社会消费品零售总额{300 + n % 500}.{n % 10}亿元，同比增长{n % 70 / 10:.1f}%。\n\n"
            f"固定资产投资完成{100 + n % 300}亿元，新增市场主体{1000 + n}户。\n",
            encoding="utf-8")
        paths.append(path)
    return paths


def test_store_ingest_skips_bad_files_and_stores_the_rest(store, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 5)
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "gbk.txt").write_bytes("区统计局发布上半年经济数据，地区生产总值增长6.2%。".encode("gb18030"))
    seen = []
    report = store.ingest([str(corpus), str(tmp_path / "absent.txt")], date="2025-07-20", place="江北区",
                          progress=lambda r: seen.append(r.files_done))
    assert report.documents_added == 6
    assert sorted(os.path.basename(p) for p, _ in report.errors) == ["absent.txt", "empty.txt", "scan.txt"]
    assert any("PNG" in message for _, message in report.errors)
    assert seen[-1] == report.files == 9
    assert store.count_documents(search="地区生产总值") == 1
    assert {d["date"] for d in store.documents()} == {"2025-07-20"}
    again = store.ingest([str(corpus)])
    assert (again.documents_added, again.documents_skipped) == (0, 6)


def _stored_rows(store) -> tuple[list, list]:
    """The documents in id order and every fact, as what they say (ids and times left out)."""
    documents = store.db.execute("SELECT source, part, title, n_facts, parts FROM documents ORDER BY id")
    facts = store.db.execute("SELECT d.source, f.seq, f.indicator, f.value, f.unit, f.kind, f.period_key, "
                             "f.place_resolved, f.span_start, f.span_end FROM facts f "
                             "JOIN documents d ON d.id = f.doc_id ORDER BY d.id, f.seq")
    return [tuple(r.values()) for r in documents], [tuple(r.values()) for r in facts]


def test_store_ingest_in_worker_processes_stores_what_extracting_here_stores(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 150)  # more than two chunks, so that two workers finish out of order
    (corpus / "report-00040.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    stored = {}
    for jobs in (0, 2):
        with open_store(str(tmp_path / f"jobs-{jobs}.db")) as store:
            report = store.ingest([str(corpus)], date="2025-07-20", jobs=jobs)
            stored[jobs] = (report.documents_added, report.facts_added, report.errors, _stored_rows(store))
            assert report.facts_added == store.count_facts()
    assert stored[0][0] == 149 and len(stored[0][3][1]) > 149 * 3
    assert [os.path.basename(path) for path, _ in stored[0][2]] == ["report-00040.txt"]
    assert stored[2] == stored[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the crash is planted in forked workers")
def test_store_ingest_charges_a_worker_crash_to_its_input(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    paths = _write_corpus(corpus, 150)
    hostile = paths[70]
    hostile.write_text(hostile.read_text(encoding="utf-8") + "\n（此页损坏）", encoding="utf-8")
    ingest_pid, prepare = os.getpid(), ingest.prepare_inputs

    def crash_on_the_hostile_file(inputs, date, place):
        inputs = list(inputs)
        if os.getpid() != ingest_pid and any("此页损坏".encode() in data for data, _ in inputs):
            os.kill(os.getpid(), signal.SIGKILL)  # as a native crash in a PDF library would end it
        return prepare(inputs, date, place)

    assert ingest.worker_start_method() == "fork"  # only forked workers inherit the planted crash
    monkeypatch.setattr(ingest, "prepare_inputs", crash_on_the_hostile_file)
    with open_store(str(tmp_path / "crash.db")) as store:
        report = store.ingest([str(corpus)], jobs=2)
        assert report.errors == [(str(hostile), ingest.CRASHED)]
        assert report.documents_added == store.count_documents() == 149
        _assert_consistent(store)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are spawned elsewhere")
def test_store_ingest_beside_other_threads_starts_workers_from_a_fork_server(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 12)
    release = threading.Event()
    other = threading.Thread(target=release.wait)  # as a notebook kernel's threads run beside the ingest
    other.start()
    try:
        assert ingest.worker_start_method() == "forkserver"
        with open_store(str(tmp_path / "threads.db")) as store:
            report = store.ingest([str(corpus)], date="2025-07-20", jobs=2)
            assert not report.errors and report.documents_added == store.count_documents() == 12
            assert report.facts_added == store.count_facts() > 12
    finally:
        release.set()
        other.join()
    assert ingest.worker_start_method() == "fork"


def test_store_worker_count_spares_small_corpora_and_single_cores():
    assert worker_count(3, 1) == 3 and worker_count(0, 10**6) == 0
    assert worker_count(None, ingest.WORKERS_FROM_FILES - 1) == 0
    cores = ingest.available_cores()
    assert worker_count(None, ingest.WORKERS_FROM_FILES) == (cores if cores > 1 else 0)
    with pytest.raises(ValueError):
        worker_count(-1, 10)


def test_store_expand_paths_handles_folders_globs_and_lists(tmp_path):
    a, b = _write_corpus(tmp_path / "x", 2)
    (tmp_path / "x" / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    nested = _write_corpus(tmp_path / "x" / "deeper", 1)[0]
    files, errors = expand_paths([str(tmp_path / "x"), str(a)])
    assert files == [str(a), str(b), str(nested)]
    files, errors = expand_paths([str(tmp_path / "**" / "*.txt"), str(tmp_path / "*.pdf")])
    assert set(files) == {str(a), str(b), str(nested)}
    assert errors == [(str(tmp_path / "*.pdf"), "matches no file")]
    files, errors = expand_paths(["-"], stdin=io.StringIO(f"{b}\n\n{tmp_path / 'gone.txt'}\n"))
    assert files == [str(b)] and errors == [(str(tmp_path / "gone.txt"), "no such file")]


def _cli_ingest(target: str, *paths) -> subprocess.Popen:
    code = "from zhibiao.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", "--db", target, *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_store_survives_sigkill_during_a_large_ingest(target, tmp_path):
    corpus = tmp_path / "corpus"
    total = 1500
    _write_corpus(corpus, total)
    with open_store(target):
        pass  # create the schema before the race
    process = _cli_ingest(target, corpus)
    with open_store(target, readonly=True) as watcher:
        deadline = time.monotonic() + 120
        while watcher.count_documents() < 100 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open_store(target) as store:
        stored = store.count_documents()
        assert 0 < stored < total, "the ingest was not killed midway"
        _assert_consistent(store)
    rerun = _cli_ingest(target, corpus)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{total - stored} documents added, {stored} stored already" in out
    with open_store(target) as store:
        assert store.count_documents() == total
        assert store.db.execute("SELECT COUNT(DISTINCT sha256) AS n FROM documents")[0]["n"] == total
        _assert_consistent(store)


def test_store_two_sqlite_ingests_at_once_both_succeed(tmp_path):
    target = str(tmp_path / "shared.db")
    first = _write_corpus(tmp_path / "one", 300)
    second = _write_corpus(tmp_path / "two", 300, start=200)  # 100 in common
    processes = [_cli_ingest(target, tmp_path / "one"), _cli_ingest(target, tmp_path / "two")]
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    with open_store(target) as store:
        assert store.count_documents() == len({p.read_bytes() for p in first + second}) == 500
        _assert_consistent(store)


# The command line

def _run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False,
                              env={"COLUMNS": "200"})


def test_store_cli_ingest_reports_and_exits(target, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 3)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = _run("ingest", "--db", target, corpus)
    assert result.exit_code == 0
    assert "3 documents added, 0 stored already" in result.output
    assert "broken.txt" in result.output and "1 errors" in result.output
    listed = "\n".join(str(p) for p in sorted(corpus.glob("report-*.txt")))
    result = _run("ingest", "--db", target, "-", input=listed)
    assert result.exit_code == 0 and "0 documents added, 3 stored already" in result.output
    result = _run("ingest", "--db", target, corpus / "broken.txt")
    assert result.exit_code == 2
    result = _run("ingest", "--db", target, "--jobs", "2", corpus)
    assert result.exit_code == 0 and "0 documents added, 3 stored already, 0 facts, 1 errors" in result.output


def test_store_cli_queries_end_to_end(target, tmp_path):
    with open_store(target) as store:
        bulletin_id, brief_id, plan_id = (store.add_document(make())[0] for make in (bulletin, brief, plan))

    result = _run("facts", "--db", target, "--indicator", "社零", "--kind", "level", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {(r["doc_id"], r["evidence"]) for r in rows} >= {(brief_id, "社零总额达到908.2亿元")}
    assert len(rows) == 3

    result = _run("facts", "--db", target, "--place", "沙坪坝", "--format", "csv")
    assert [r["indicator"] for r in csv.DictReader(io.StringIO(result.output))] == [
        "社会消费品零售额", "社会消费品零售总额", "市级夜间消费集聚区"]
    result = _run("facts", "--db", target, "--format", "jsonl", "--limit", "2")
    assert len(result.output.splitlines()) == 2
    result = _run("facts", "--db", target, "--period", "2027")
    assert "Facts (2 of 2)" in result.output and "夜间消费" in result.output

    result = _run("series", "--db", target, "社会消费品零售总额", "--place", "江北")
    assert result.exit_code == 0 and "conflict" in result.output and "≠" in result.output
    assert "912" in result.output and "908" in result.output
    result = _run("series", "--db", target, "社零总额", "--json")
    assert len(json.loads(result.output)["conflicts"]) == 1
    result = _run("series", "--db", target, INJECTION)
    assert result.exit_code == 2 and "no facts" in result.output

    result = _run("search", "--db", target, "夜间")
    assert result.exit_code == 0 and f"[{plan_id}]" in result.output and f"[{brief_id}]" not in result.output

    result = _run("show", "--db", target, bulletin_id)
    assert result.exit_code == 0 and "统计公报" in result.output and "Facts (6)" in result.output
    result = _run("show", "--db", target, 999)
    assert result.exit_code == 2 and "no document 999" in result.output

    out = tmp_path / "all.parquet"
    result = _run("export", "--db", target, "--format", "parquet", out)
    assert result.exit_code == 0 and "wrote 11 facts" in result.output
    import pyarrow.parquet as pq
    assert pq.read_table(out).num_rows == 11


def test_store_cli_query_without_a_store_is_a_one_line_error(tmp_path):
    result = _run("facts", "--db", tmp_path / "none.db")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no such store" in result.output
    assert not (tmp_path / "none.db").exists()
