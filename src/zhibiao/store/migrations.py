"""The schema, as small ordered migrations. A store records how many it has applied in
``schema_version``; opening a store applies the rest in one transaction with that record.
Append new migrations at the end; never edit one that has shipped."""
from __future__ import annotations

import json
from typing import Any, Callable

from zhibiao.errors import StoreError
from zhibiao.model import Block, DateMention, Document, Entity, Goal
from zhibiao.store import aggregates, records
from zhibiao.store.dialects import Dialect

MIGRATIONS: list[Callable[[Dialect], None]] = []


def migration(function: Callable[[Dialect], None]) -> Callable[[Dialect], None]:
    MIGRATIONS.append(function)
    return function


def _run(db: Dialect, *statements: str) -> None:
    for statement in statements:
        db.execute(statement.format(id=db.id_column, without_rowid=db.without_rowid))


@migration
def create_documents(db: Dialect) -> None:
    """One row per restored document; a changed file at the same source becomes a new version."""
    _run(db, """
        CREATE TABLE documents (
            id {id},
            sha256 TEXT NOT NULL,           -- of the input bytes
            part INTEGER NOT NULL,          -- which document of that input (a page may hold several)
            source TEXT,
            title TEXT,
            date TEXT,
            place TEXT,
            genre TEXT,
            format TEXT,
            text TEXT NOT NULL,
            raw TEXT NOT NULL,
            meta TEXT NOT NULL,             -- the Meta as JSON
            n_blocks INTEGER NOT NULL,
            n_facts INTEGER NOT NULL,
            n_entities INTEGER NOT NULL,
            n_dates INTEGER NOT NULL,
            n_goals INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            previous_id BIGINT REFERENCES documents (id),
            latest INTEGER NOT NULL,        -- 0 once a newer version of the source is stored
            UNIQUE (sha256, part)
        )""",
        "CREATE INDEX documents_by_source ON documents (source, latest)",
        "CREATE INDEX documents_by_date ON documents (latest, date, id)")


@migration
def create_document_parts(db: Dialect) -> None:
    """Blocks, facts, entities, dates and goals: spans of their document's text, in order."""
    _run(db, """
        CREATE TABLE blocks (
            doc_id BIGINT NOT NULL REFERENCES documents (id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            lines TEXT NOT NULL,            -- JSON list of raw line numbers
            page INTEGER,
            cells TEXT,                     -- JSON rows of a table block
            PRIMARY KEY (doc_id, seq)
        ){without_rowid}""", """
        CREATE TABLE facts (
            id {id},
            doc_id BIGINT NOT NULL REFERENCES documents (id),
            seq INTEGER NOT NULL,           -- index in Document.facts
            indicator TEXT NOT NULL,
            value TEXT NOT NULL,            -- the exact Decimal
            value_num DOUBLE PRECISION NOT NULL,  -- for ordering
            value_max TEXT,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            qualifier TEXT,
            period TEXT,                    -- in the text's words
            period_key TEXT,                -- relative years resolved: 今年上半年 -> 2024年上半年
            year INTEGER,
            place TEXT,                     -- as extracted
            place_resolved TEXT,            -- the fact's place, else its document's
            basis TEXT,
            number_text TEXT,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            indicator_start INTEGER,
            indicator_end INTEGER,           -- the evidence is the document's text[span_start:span_end]
            latest INTEGER NOT NULL,         -- its document's, copied: queries then need no join
            UNIQUE (doc_id, seq)
        )""",
        "CREATE INDEX facts_by_indicator ON facts (indicator, place_resolved)",
        """
        CREATE TABLE indicators (
            indicator TEXT PRIMARY KEY,     -- as written in the facts
            indicator_key TEXT NOT NULL     -- canonical, after synonyms
        )""",
        "CREATE INDEX indicators_by_key ON indicators (indicator_key)",
        # Every place facts name: a place filter becomes a few index seeks instead of a scan.
        "CREATE TABLE places (place TEXT PRIMARY KEY)",
        """
        CREATE TABLE entities (
            doc_id BIGINT NOT NULL REFERENCES documents (id),
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            canonical TEXT,
            subtype TEXT,
            code TEXT,
            date TEXT,
            PRIMARY KEY (doc_id, seq)
        ){without_rowid}""", """
        CREATE TABLE dates (
            doc_id BIGINT NOT NULL REFERENCES documents (id),
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            begin_date TEXT,
            finish_date TEXT,
            vague INTEGER NOT NULL,
            PRIMARY KEY (doc_id, seq)
        ){without_rowid}""", """
        CREATE TABLE goals (
            doc_id BIGINT NOT NULL REFERENCES documents (id),
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            deadline TEXT,
            deadline_date TEXT,
            subject TEXT,
            dimensions TEXT NOT NULL,       -- JSON list
            fact_seqs TEXT NOT NULL,        -- JSON list of indexes into the document's facts
            PRIMARY KEY (doc_id, seq)
        ){without_rowid}""")


@migration
def create_text_index(db: Dialect) -> None:
    """Full-text search over the restored text that works for Chinese (trigrams)."""
    db.create_text_index()


@migration
def create_settings(db: Dialect) -> None:
    """Named values the store keeps about itself, such as the synonyms its keys were built with."""
    _run(db, "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migration
def merge_text_index_less(db: Dialect) -> None:
    """Fewer merges of the text index's segments: a quarter less work to write it, as fast to read."""
    db.merge_text_index_less()


@migration
def create_fact_counts(db: Dialect) -> None:
    """Counts of the latest facts by facet and by filtered column, kept up to date by each write."""
    aggregates.create_tables(db)
    aggregates.recount(db)


@migration
def index_fact_values(db: Dialect) -> None:
    """The facts table sorted by value (largest first) without sorting every fact."""
    _run(db, "CREATE INDEX facts_by_value ON facts (value_num)")


@migration
def pack_document_parts(db: Dialect) -> None:
    """Blocks, entities, dates and goals as one JSON column of the documents row instead of a
    row each: no query reads them one by one, and four tables cost more to write than the facts."""
    _run(db, "ALTER TABLE documents ADD COLUMN parts TEXT NOT NULL DEFAULT '{{}}'")
    last = db.execute("SELECT MAX(id) AS id FROM documents")[0]["id"] or 0
    for first in range(1, last + 1, PACKED_AT_ONCE):
        bounds = (first, first + PACKED_AT_ONCE - 1)
        rows = {table: _rows_by_document(db, table, bounds) for table in records.PART_FIELDS}
        db.execute_many("UPDATE documents SET parts = ? WHERE id = ?", [
            (records.pack_parts(Document("", **{table: [_UNPACK_ROW[table](row) for row in rows[table].get(doc_id, ())]
                                                for table in records.PART_FIELDS})), doc_id)
            for doc_id in sorted(set().union(*rows.values()))])
    _run(db, "DROP TABLE blocks", "DROP TABLE entities", "DROP TABLE dates", "DROP TABLE goals")


PACKED_AT_ONCE = 2000  # documents whose parts are read into memory together
# A row of the tables pack_document_parts replaces, back to the model object it was written from.
_UNPACK_ROW: dict[str, Callable[[dict[str, Any]], Any]] = {
    "blocks": lambda b: Block(b["kind"], b["span_start"], b["span_end"], json.loads(b["lines"]), b["page"],
                              None if b["cells"] is None else json.loads(b["cells"])),
    "entities": lambda e: Entity(e["type"], e["text"], e["span_start"], e["span_end"], e["canonical"],
                                 e["subtype"], e["code"], e["date"]),
    "dates": lambda d: DateMention(d["text"], d["span_start"], d["span_end"], d["begin_date"], d["finish_date"],
                                   bool(d["vague"])),
    "goals": lambda g: Goal(g["text"], g["span_start"], g["span_end"], g["deadline"], g["deadline_date"],
                            g["subject"], json.loads(g["dimensions"]), json.loads(g["fact_seqs"])),
}


def _rows_by_document(db: Dialect, table: str, bounds: tuple[int, int]) -> dict[int, list[dict[str, Any]]]:
    """The rows of one part table for the documents with ids within ``bounds``, in order."""
    found: dict[int, list[dict[str, Any]]] = {}
    for row in db.execute(f"SELECT * FROM {table} WHERE doc_id BETWEEN ? AND ? ORDER BY doc_id, seq", bounds):
        found.setdefault(row["doc_id"], []).append(row)
    return found


@migration
def buffer_text_index_more(db: Dialect) -> None:
    """The text index written out once per ingest batch rather than a dozen times: a third less
    work to index a document."""
    db.buffer_text_index_more()


@migration
def rekey_parts_of_years(db: Dialect) -> None:
    """Periods such as 全年 and 上半年 keyed to the year the date resolver gives them (a bulletin of
    April reports last year's), where they were keyed to the document's year; counts follow."""
    last = db.execute("SELECT MAX(id) AS id FROM facts")[0]["id"] or 0
    changed = 0
    for first in range(1, last + 1, REKEYED_AT_ONCE):
        rows = db.execute("SELECT f.id, f.period, f.kind, f.period_key, f.year, d.date FROM facts f "
                          "JOIN documents d ON d.id = f.doc_id WHERE f.id BETWEEN ? AND ? AND f.period IS NOT NULL",
                          (first, first + REKEYED_AT_ONCE - 1))
        updates = [(*key, row["id"]) for row in rows
                   if (key := records.resolve_period(row["period"], row["date"], row["kind"] == "target"))
                   != (row["period_key"], row["year"])]
        db.execute_many("UPDATE facts SET period_key = ?, year = ? WHERE id = ?", updates)
        changed += len(updates)
    if changed:
        _run(db, "DELETE FROM facet_counts", "DELETE FROM fact_groups")
        aggregates.recount(db)


REKEYED_AT_ONCE = 50_000  # facts read into memory together


@migration
def index_trigram_sets(db: Dialect) -> None:
    """A full-text index of which trigrams each document holds, without their positions: a
    quarter of the size and a third cheaper to write; a match is confirmed against the text."""
    db.index_trigram_sets()


def schema_version(db: Dialect) -> int:
    found = db.execute("SELECT version FROM schema_version")
    return found[0]["version"] if found else 0


def migrate(db: Dialect) -> None:
    """Bring the schema up to date; a read-only store must already be."""
    version = _current_version(db)
    if version == len(MIGRATIONS):
        return
    if db.readonly:
        if version == 0:
            raise StoreError(f"{db.target}: not a zhibiao store (no schema); create it with zhibiao ingest")
        raise StoreError(f"{db.target}: the store has schema version {version}, this zhibiao needs "
                         f"{len(MIGRATIONS)}; open it once for writing (e.g. zhibiao ingest) to upgrade")
    with db.write():
        db.migration_lock()
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        version = schema_version(db)
        if version > len(MIGRATIONS):
            raise StoreError(f"{db.target}: the store has schema version {version}, newer than this "
                             f"zhibiao knows ({len(MIGRATIONS)}); upgrade zhibiao")
        for step in MIGRATIONS[version:]:
            step(db)
        if version == 0:
            db.execute("INSERT INTO schema_version (version) VALUES (?)", (len(MIGRATIONS),))
        elif version < len(MIGRATIONS):
            db.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS),))


def _current_version(db: Dialect) -> int:
    try:
        return schema_version(db)
    except StoreError:
        return 0  # no schema_version table yet
