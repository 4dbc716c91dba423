"""A Document to table rows and back, and the derived columns the queries need."""
from __future__ import annotations

import functools
import hashlib
import json
import operator
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, fields
from decimal import Decimal
from itertools import chain, repeat
from typing import Any, Iterator

import orjson

from zhibiao.dates import year_of_part
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
                    "raw", "meta", "n_blocks", "n_facts", "n_entities", "n_dates", "n_goals", "parts",
                    "created_at", "version", "previous_id", "latest")
FACT_COLUMNS = ("doc_id", "seq", "indicator", "value", "value_num", "value_max", "unit", "kind",
                "qualifier", "period", "period_key", "year", "place", "place_resolved", "basis",
                "number_text", "span_start", "span_end", "indicator_start", "indicator_end", "latest")
# The parts of a document that no query reads one by one, kept together as one JSON column of
# its documents row (a row each cost more to write than the facts): each a list of its objects'
# fields, in this order.
PART_FIELDS = {
    "blocks": (Block, ("kind", "start", "end", "lines", "page", "rows")),
    "entities": (Entity, ("type", "text", "start", "end", "canonical", "subtype", "code", "date")),
    "dates": (DateMention, ("text", "start", "end", "begin", "finish", "vague")),
    "goals": (Goal, ("text", "start", "end", "deadline", "deadline_date", "subject", "dimensions", "facts")),
}
FACT_WIDTH = len(FACT_COLUMNS) - 2  # the values of a fact a Prepared holds: all but doc_id and latest
_COUNTED = [FACT_COLUMNS.index(name) - 1 for name in aggregates.COUNTED]  # their places among those
_PART_GETTERS = {name: operator.attrgetter(*names) for name, (_, names) in PART_FIELDS.items()}


def _to_json(value: Any) -> str:
    """Compact JSON, non-ASCII as it is: the text json.dumps(ensure_ascii=False, separators=(",", ":"))
    writes for the model's values, in a quarter of the time."""
    return orjson.dumps(value).decode()


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
def resolve_period(period: str | None, doc_date: str | None, ahead: bool = False) -> tuple[str | None, int | None]:
    """The period with relative years resolved against the document's date, and its (last) year; a
    part of a year named alone is the last one ended by that date, or for a target (``ahead``) this one.

    ('今年1—8月', '2024-09-10') -> ('2024年1-8月', 2024); ('上半年', '2024-07-20') -> ('2024年上半年', 2024);
    ('全年', '2025-04-15') -> ('2024年', 2024)."""
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
        try:
            year = year_of_part(key, dt.date.fromisoformat(doc_date), ahead)
        except ValueError:  # a date of the year alone, or not a date
            year = doc_year
        return f"{year}年{key}".replace("年全年", "年"), year
    return key, None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A Document as the values the store writes, less what only the write gives (ids, version,
    time). An ingest holds a batch of these rather than of Documents, and each holds its facts
    as one flat tuple rather than a tuple each: the garbage collector walks every container
    made and kept, and a batch of them made it collect again and again."""

    sha256: str
    source: str | None
    document: tuple  # the documents row from source to parts
    facts: tuple  # the facts rows without doc_id (first) and latest (last), one after another
    text: str

    @property
    def fact_count(self) -> int:
        return len(self.facts) // FACT_WIDTH


def prepare(doc: Document) -> Prepared:
    meta = doc.meta
    date, doc_place = meta.date, meta.place
    document = (meta.source, display_title(doc), date, doc_place, meta.genre, meta.format, doc.text, doc.raw,
                _to_json(vars(meta)), len(doc.blocks), len(doc.facts), len(doc.entities), len(doc.dates),
                len(doc.goals), pack_parts(doc))
    # Extending one list with a tuple a fact costs less than a list of tuples chained, or a column at a time.
    facts: list[Any] = []
    for seq, f in enumerate(doc.facts):
        value, place = str(f.value), f.place
        period_key, year = resolve_period(f.period, date, f.kind == "target")
        facts += (seq, f.indicator, value, float(value), None if f.value_max is None else str(f.value_max),
                  f.unit, f.kind, f.qualifier, f.period, period_key, year, place, place or doc_place,
                  f.basis, f.number_text, f.start, f.end, f.indicator_start, f.indicator_end)
    return Prepared(document_sha256(doc), meta.source, document, tuple(facts), doc.text)


def fact_rows(doc: Prepared, doc_id: int, latest: int) -> Iterator[tuple]:
    """The facts rows of a prepared document, as FACT_COLUMNS orders them (made in C, one by one)."""
    facts = doc.facts
    return zip(repeat(doc_id), *(facts[column::FACT_WIDTH] for column in range(FACT_WIDTH)), repeat(latest))


def counted_columns(docs: list[Prepared]) -> list[tuple]:
    """The columns aggregates.COUNTED names of the facts of these documents, a tuple of values each."""
    return [tuple(chain.from_iterable(doc.facts[column::FACT_WIDTH] for doc in docs)) for column in _COUNTED]


def pack_parts(doc: Document) -> str:
    """The JSON of the documents row's ``parts`` column: see PART_FIELDS."""
    return _to_json({name: list(map(_PART_GETTERS[name], getattr(doc, name))) for name in PART_FIELDS})


def unpack_parts(packed: str) -> dict[str, list[Any]]:
    """The blocks, entities, dates and goals ``pack_parts`` wrote, as model objects by name."""
    stored = json.loads(packed)
    return {name: [cls(**dict(zip(names, values))) for values in stored.get(name, ())]
            for name, (cls, names) in PART_FIELDS.items()}


def rebuild_document(row: dict[str, Any], facts: list[dict[str, Any]]) -> Document:
    """The Document a documents row and its facts rows were made from."""
    meta = {name: value for name, value in json.loads(row["meta"]).items() if name in _META_FIELDS}
    return Document(
        text=row["text"], raw=row["raw"], meta=Meta(**meta),
        facts=[Fact(f["indicator"], Decimal(f["value"]), f["unit"], f["kind"], f["span_start"], f["span_end"],
                    f["indicator_start"], f["indicator_end"],
                    None if f["value_max"] is None else Decimal(f["value_max"]), f["qualifier"], f["period"],
                    f["place"], f["basis"], f["number_text"]) for f in facts],
        **unpack_parts(row["parts"]),
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
