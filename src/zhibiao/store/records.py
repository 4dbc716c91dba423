"""A Document to table rows and back, and the derived columns the queries need."""
from __future__ import annotations

import functools
import hashlib
import json
import operator
import re
import unicodedata
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from zhibiao.model import Block, DateMention, Document, Entity, Fact, Goal, Meta, number_to_json
from zhibiao.store import aggregates

TITLE_CHARS = 80
_META_FIELDS = {f.name for f in fields(Meta)}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_RELATIVE_YEAR = re.compile("|".join(_RELATIVE_YEARS))
_RANGE_DASH = re.compile(r"(?<=\d)\s*[-—–~～至到]+\s*(?=\d)")
# A period that lies within one year and so belongs to the document's year: 1-8月, 前三季度, 上半年.
_WITHIN_YEAR = re.compile(r"月|季度|半年|年末|年底|年初|全年")

DOCUMENT_COLUMNS = ("sha256", "part", "source", "title", "date", "place", "genre", "format", "text",
                    "raw", "meta", "n_blocks", "n_facts", "n_entities", "n_dates", "n_goals",
                    "created_at", "version", "previous_id", "latest")
FACT_COLUMNS = ("doc_id", "seq", "indicator", "value", "value_num", "value_max", "unit", "kind",
                "qualifier", "period", "period_key", "year", "place", "place_resolved", "basis",
                "number_text", "span_start", "span_end", "indicator_start", "indicator_end", "latest")
PART_COLUMNS = {
    "blocks": ("doc_id", "seq", "kind", "span_start", "span_end", "lines", "page", "cells"),
    "entities": ("doc_id", "seq", "type", "text", "span_start", "span_end", "canonical", "subtype",
                 "code", "date"),
    "dates": ("doc_id", "seq", "text", "span_start", "span_end", "begin_date", "finish_date", "vague"),
    "goals": ("doc_id", "seq", "text", "span_start", "span_end", "deadline", "deadline_date", "subject",
              "dimensions", "fact_seqs"),
}


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def document_sha256(doc: Document) -> str:
    """The hash of the input bytes, or of the raw text for a Document built by hand."""
    return doc.meta.sha256 or hashlib.sha256((doc.raw or doc.text).encode("utf-8")).hexdigest()


def display_title(doc: Document) -> str:
    """The document's title, else its first title block, else its first line, shortened."""
    if doc.meta.title:
        return doc.meta.title
    titles = [b for b in doc.blocks if b.kind == "title"]
    first = doc.block_text(titles[0]) if titles else doc.text.strip().split("\n", 1)[0]
    return first[:TITLE_CHARS] + ("…" if len(first) > TITLE_CHARS else "")


@functools.lru_cache(maxsize=8192)
def resolve_period(period: str | None, doc_date: str | None) -> tuple[str | None, int | None]:
    """The period with relative years resolved against the document's date, and its (last) year.

    ('今年1—8月', '2024-09-10') -> ('2024年1-8月', 2024); ('上半年', '2024-07-20') -> ('2024年上半年', 2024)."""
    if not period:
        return None, None
    key = _RANGE_DASH.sub("-", re.sub(r"\s+", "", unicodedata.normalize("NFKC", period)))
    doc_year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    if doc_year is not None:
        key = _RELATIVE_YEAR.sub(lambda m: f"{doc_year + _RELATIVE_YEARS[m.group()]}年", key)
    years = _YEAR.findall(key)
    if years:
        return key.replace("年全年", "年"), int(years[-1])
    if doc_year is not None and _WITHIN_YEAR.search(key):
        return f"{doc_year}年{key}".replace("年全年", "年"), doc_year
    return key, None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A Document as the rows the store writes, less what only the write gives (ids, version,
    time). An ingest holds a batch of these rather than of Documents: tuples of plain values are
    not followed by the garbage collector, while a batch of Documents made it collect again
    and again."""

    sha256: str
    source: str | None
    document: tuple  # the documents row from source to n_goals
    facts: tuple[tuple, ...]  # the facts rows without doc_id (first) and latest (last)
    parts: tuple[tuple[tuple, ...], ...]  # the rows of each PART_COLUMNS table, without doc_id
    text: str


def prepare(doc: Document) -> Prepared:
    meta, dumps = doc.meta, json.dumps
    date, doc_place = meta.date, meta.place
    document = (meta.source, display_title(doc), date, doc_place, meta.genre, meta.format, doc.text, doc.raw,
                dumps(vars(meta), ensure_ascii=False), len(doc.blocks), len(doc.facts), len(doc.entities),
                len(doc.dates), len(doc.goals))
    facts = tuple([(seq, f.indicator, str(f.value), float(f.value), None if f.value_max is None else str(f.value_max),
                    f.unit, f.kind, f.qualifier, f.period, *resolve_period(f.period, date), f.place,
                    f.place or doc_place, f.basis, f.number_text, f.start, f.end, f.indicator_start, f.indicator_end)
                   for seq, f in enumerate(doc.facts)])
    parts = (  # in the order of PART_COLUMNS
        tuple([(i, b.kind, b.start, b.end, _int_list(b.lines), b.page,
                None if b.rows is None else dumps(b.rows, ensure_ascii=False)) for i, b in enumerate(doc.blocks)]),
        tuple([(i, e.type, e.text, e.start, e.end, e.canonical, e.subtype, e.code, e.date)
               for i, e in enumerate(doc.entities)]),
        tuple([(i, d.text, d.start, d.end, d.begin, d.finish, int(d.vague)) for i, d in enumerate(doc.dates)]),
        tuple([(i, g.text, g.start, g.end, g.deadline, g.deadline_date, g.subject,
                dumps(g.dimensions, ensure_ascii=False), dumps(g.facts)) for i, g in enumerate(doc.goals)]),
    )
    return Prepared(document_sha256(doc), meta.source, document, facts, parts, doc.text)


def counted_columns(facts: list[tuple]) -> list[list[Any]]:
    """The columns aggregates.COUNTED names of full facts rows, a list of values each."""
    return [list(map(operator.itemgetter(FACT_COLUMNS.index(name)), facts)) for name in aggregates.COUNTED]


def _int_list(numbers: list[int]) -> str:
    """A list of ints as JSON, without json.dumps's cost for the many short lists of a page."""
    return "[" + ",".join(map(str, numbers)) + "]"


def rebuild_document(row: dict[str, Any], parts: dict[str, list[dict[str, Any]]],
                     facts: list[dict[str, Any]]) -> Document:
    """The Document a documents row and its part rows were made from (built field by field:
    Document.from_dict would look up each dataclass's fields once per object)."""
    loads = json.loads
    meta = {name: value for name, value in loads(row["meta"]).items() if name in _META_FIELDS}
    return Document(
        text=row["text"], raw=row["raw"], meta=Meta(**meta),
        blocks=[Block(b["kind"], b["span_start"], b["span_end"], loads(b["lines"]), b["page"],
                      None if b["cells"] is None else loads(b["cells"])) for b in parts["blocks"]],
        facts=[Fact(f["indicator"], Decimal(f["value"]), f["unit"], f["kind"], f["span_start"], f["span_end"],
                    f["indicator_start"], f["indicator_end"],
                    None if f["value_max"] is None else Decimal(f["value_max"]), f["qualifier"], f["period"],
                    f["place"], f["basis"], f["number_text"]) for f in facts],
        entities=[Entity(e["type"], e["text"], e["span_start"], e["span_end"], e["canonical"], e["subtype"],
                         e["code"], e["date"]) for e in parts["entities"]],
        dates=[DateMention(d["text"], d["span_start"], d["span_end"], d["begin_date"], d["finish_date"],
                           bool(d["vague"])) for d in parts["dates"]],
        goals=[Goal(g["text"], g["span_start"], g["span_end"], g["deadline"], g["deadline_date"], g["subject"],
                    loads(g["dimensions"]), loads(g["fact_seqs"])) for g in parts["goals"]],
    )


def fact_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A fact row as the API returns it: JSON numbers, start/end, the canonical indicator."""
    return {
        "id": row["id"], "doc_id": row["doc_id"], "doc_title": row["doc_title"],
        "indicator": row["indicator"], "indicator_key": row["indicator_key"],
        "value": number_to_json(Decimal(row["value"])),
        "value_max": None if row["value_max"] is None else number_to_json(Decimal(row["value_max"])),
        "unit": row["unit"], "kind": row["kind"], "qualifier": row["qualifier"], "period": row["period"],
        "period_key": row["period_key"], "year": row["year"], "place": row["place_resolved"],
        "basis": row["basis"], "start": row["span_start"], "end": row["span_end"],
        "evidence": row["evidence"], "doc_date": row["doc_date"], "doc_source": row["doc_source"],
    }
