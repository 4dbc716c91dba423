"""The data model every stage shares.

The restored ``Document.text`` never changes once restoration has built it; everything else
(blocks, facts, entities, dates, goals) is a half-open span ``[start, end)`` of that one string.
All types are plain dataclasses that serialise to JSON and back without loss.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any

BLOCK_KINDS = (
    "kicker", "title", "subtitle", "byline", "heading", "paragraph",
    "caption", "sidebar_label", "table",
)
FACT_KINDS = ("level", "change", "rank", "target")
QUALIFIERS = ("approx", "over", "under")
ENTITY_TYPES = ("org", "place", "project", "event")


@dataclass
class RawText:
    """Decoded, normalised input before restoration: what the reading stage hands on."""

    text: str  # line ends normalised to \n, full-width digits and Latin letters to half-width
    source: str | None = None
    sha256: str | None = None
    encoding: str | None = None


@dataclass
class Block:
    """A run of restored text with one role on the page."""

    kind: str
    start: int
    end: int
    lines: list[int] = field(default_factory=list)  # 1-based line numbers in Document.raw
    page: int | None = None  # 1-based page number, for paged sources
    rows: list[list[str]] | None = None  # the cells of a table block, header row first


@dataclass
class Fact:
    """One quantitative claim, grounded in the text that states it."""

    indicator: str
    value: Decimal
    unit: str
    kind: str  # one of FACT_KINDS
    start: int  # the evidence span
    end: int
    indicator_start: int | None = None  # None when the indicator is not a span of the text
    indicator_end: int | None = None
    value_max: Decimal | None = None  # upper bound of a range (3至5个); value is the lower bound
    qualifier: str | None = None  # one of QUALIFIERS
    period: str | None = None  # in the text's own words
    place: str | None = None
    basis: str | None = None  # what a change or rank is measured against: 同比, 比上年, 全市, 全国
    number_text: str | None = None  # the numeral as written, e.g. 3.5万


@dataclass
class Entity:
    """A named organisation, place, project or event."""

    type: str  # one of ENTITY_TYPES
    text: str
    start: int
    end: int
    canonical: str | None = None  # the name all mentions of the same thing share
    subtype: str | None = None  # e.g. company, bank, government; district; programme, policy
    code: str | None = None  # administrative division code, where known
    date: str | None = None  # ISO date of an event, where the text gives one


@dataclass
class DateMention:
    """A date or period expression and what it resolves to."""

    text: str
    start: int
    end: int
    begin: str | None = None  # ISO date: first day of the interval
    finish: str | None = None  # ISO date: last day of the interval (same as begin for one day)
    vague: bool = False  # True when the expression cannot be pinned to an interval


@dataclass
class Goal:
    """A statement of intent with a deadline."""

    text: str  # the goal's evidence, Document.text[start:end]
    start: int
    end: int
    deadline: str | None = None  # in the text's words, e.g. 2027年
    deadline_date: str | None = None  # ISO date of the deadline's last day
    subject: str | None = None
    dimensions: list[str] = field(default_factory=list)
    facts: list[int] = field(default_factory=list)  # indexes into Document.facts


@dataclass
class Meta:
    """Where a document came from and what it says about itself."""

    source: str | None = None  # path, URL or "-" for stdin
    sha256: str | None = None  # of the input bytes
    date: str | None = None  # ISO publication date used to resolve relative dates
    place: str | None = None  # the place the document is about (全区 resolves to it)
    title: str | None = None
    publisher: str | None = None
    doc_number: str | None = None  # 发文字号
    genre: str | None = None
    format: str | None = None  # text, pdf, html, docx


@dataclass
class Document:
    """A restored document and everything found in it."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    raw: str = ""  # the decoded input the blocks' line numbers point into

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "blocks": [dict(asdict(b), text=self.block_text(b)) for b in self.blocks],
            "facts": [_jsonable(asdict(f)) for f in self.facts],
            "entities": [asdict(e) for e in self.entities],
            "dates": [asdict(d) for d in self.dates],
            "goals": [asdict(g) for g in self.goals],
            "meta": asdict(self.meta),
            "raw": self.raw,
        }
        return out

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            text=data["text"],
            blocks=[_build(Block, b) for b in data.get("blocks", [])],
            facts=[_build(Fact, _decimals(f)) for f in data.get("facts", [])],
            entities=[_build(Entity, e) for e in data.get("entities", [])],
            dates=[_build(DateMention, d) for d in data.get("dates", [])],
            goals=[_build(Goal, g) for g in data.get("goals", [])],
            meta=_build(Meta, data.get("meta") or {}),
            raw=data.get("raw", ""),
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def number_to_json(value: Decimal | None) -> int | float | None:
    """An exact Decimal as the JSON number a reader expects: 1640000000, not 1.64E+9."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def number_from_json(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value))


def _jsonable(fact: dict[str, Any]) -> dict[str, Any]:
    fact["value"] = number_to_json(fact["value"])
    fact["value_max"] = number_to_json(fact["value_max"])
    return fact


def _decimals(fact: dict[str, Any]) -> dict[str, Any]:
    fact = dict(fact)
    fact["value"] = number_from_json(fact.get("value"))
    fact["value_max"] = number_from_json(fact.get("value_max"))
    return fact


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring derived keys such as a block's ``text``."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})
