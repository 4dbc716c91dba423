"""The Store: documents and their facts in SQLite or PostgreSQL, queried as plain dicts.

Each write stores whole documents in one transaction; queries read only the latest version of
every source unless a document id is named. See ``open_store`` for the ways in.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from typing import Any, Callable, Iterable, Iterator

from zhibiao.errors import NotFoundError, QueryError, StoreError
from zhibiao.indicators import indicator_key, synonym_table, synonyms_fingerprint
from zhibiao.model import FACT_KINDS, Document
from zhibiao.store import aggregates, records
from zhibiao.store.aggregates import FACET_COLUMNS, GROUP_COLUMNS
from zhibiao.store.dialects import Dialect, connect, insert_sql, like_pattern, placeholders
from zhibiao.store.migrations import migrate

FACT_ORDERS = {
    "doc": "f.doc_id{d}, f.seq{d}", "indicator": "f.indicator{d}", "place": "f.place_resolved{d} NULLS LAST",
    "period": "f.year{d} NULLS LAST, f.period_key{d} NULLS LAST", "kind": "f.kind{d}",
    "value": "f.value_num{d}", "unit": "f.unit{d}",
}
# Orders an index serves: a filter that matches many facts is then cheaper checked along it.
INDEXED_ORDERS = ("doc", "value")
# The filtered columns, in the facts table and in fact_groups.
FACT_FILTER_COLUMNS = {"indicator": "f.indicator", "place": "f.place_resolved", "period": "f.period",
                       "period_key": "f.period_key", "kind": "f.kind"}
GROUP_FILTER_COLUMNS = {"indicator": "g.indicator", "place": "g.place", "period": "g.period",
                        "period_key": "g.period_key", "kind": "g.kind"}
DEFAULT_FACETS = ("kind", "unit", "place", "period", "indicator_key")
DOCUMENT_INFO = ("id", "title", "date", "place", "genre", "source", "sha256", "format", "n_facts",
                 "n_entities", "created_at", "version", "previous_id", "latest")
# The evidence is not stored twice: it is the span of the document's text (SQL counts from 1).
# {join} keeps facts the outer loop where a planner would rather start from a smaller table.
_FACT_COLUMNS = ("SELECT f.*, i.indicator_key, d.title AS doc_title, d.date AS doc_date, d.source AS doc_source, "
                 "substr(d.text, f.span_start + 1, f.span_end - f.span_start) AS evidence{more}")
_FACT_SELECT = (_FACT_COLUMNS.format(more="") + " FROM facts f {join} documents d ON d.id = f.doc_id "
                "{join} indicators i ON i.indicator = f.indicator")
_LATEST_FACTS = "f.latest = 1"
# Sources that name no file cannot have versions: standard input, text handed over in code.
_UNVERSIONED_SOURCE = re.compile(r"^(?:-|<.*>)?$")
_INSERT_DOCUMENT = insert_sql("documents", records.DOCUMENT_COLUMNS, upsert=" ON CONFLICT (sha256, part) DO NOTHING")
_INSERT_FACT = insert_sql("facts", records.FACT_COLUMNS)
LOOKUP_CHUNK = 500  # values in one IN (...) list
SNIPPET_BEFORE, SNIPPET_AFTER, MAX_MATCHES = 30, 70, 50
# Ways of saying "compared with the same period a year earlier"; they do not make facts differ.
_YEAR_ON_YEAR = dict.fromkeys(("比上年", "较上年", "比去年", "较去年", "比上年同期", "较上年同期", "比去年同期"),
                              "同比")


@dataclass
class IngestReport:
    """What one ingest did: counts, and one (path, message) for each input that failed."""

    files: int = 0  # inputs found after expanding folders, globs and lists
    files_done: int = 0
    bytes_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0  # already stored (same content)
    facts_added: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Series:
    """One indicator across documents: points sorted by year then place, and the conflicts among them.

    A conflict is a list of fact ids that share indicator key, place, resolved period, unit, kind
    and basis (同比 and 比上年 being one) but not the value. Points are fact dicts (see
    ``Store.facts``) with ``fact_id`` for ``id`` and a ``conflict`` flag. ``places`` lists every
    place with facts on the indicator (None: facts without a place) and how many, most first,
    also those left out of the points by ``max_places``."""

    indicator_key: str
    points: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[list[int]] = field(default_factory=list)
    places: list[tuple[str | None, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"indicator_key": self.indicator_key, "points": self.points, "conflicts": self.conflicts,
                "places": [{"place": place, "facts": n} for place, n in self.places]}


class Store:
    """Documents and facts in one database. Open it with ``open_store``; close it or use ``with``."""

    def __init__(self, db: Dialect):
        self.db = db
        self._stored_indicators: set[str] = set()  # known to be in the indicators table
        self._stored_places: set[str] = set()  # ... and in the places table
        migrate(db)
        if not db.readonly:
            self._refresh_indicator_keys()

    # Writing

    def add_document(self, doc: Document) -> tuple[int, bool]:
        """Store one Document in one transaction: (its id, True), or (the stored id, False) for a
        document whose content hash is already stored, in which case nothing is written."""
        return self.add_documents([doc])[0]

    def add_documents(self, docs: list[Document]) -> list[tuple[int, bool]]:
        """Store the documents of one input (a page may hold several) together in one transaction."""
        return self.add_inputs([docs])[0]

    def add_inputs(self, inputs: list[list[Document]]) -> list[list[tuple[int, bool]]]:
        """Store the documents of several inputs in one transaction, which is much faster for a
        corpus than one each; a document, like the transaction, lands whole or not at all."""
        return self.add_prepared([[records.prepare(doc) for doc in docs] for docs in inputs])

    def add_prepared(self, inputs: list[list[records.Prepared]]) -> list[list[tuple[int, bool]]]:
        """``add_inputs`` for documents already turned into rows by ``records.prepare``."""
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        every_doc = [doc for docs in inputs for doc in docs]
        superseded: set[int] = set()  # documents this transaction made older versions
        with self.db.write():
            # What is stored already is looked up for the whole batch at once, not document by document.
            stored, latest = self._stored_ids(every_doc), self._latest_versions(every_doc)
            results = [self._insert_input(docs, now, stored, latest, superseded) for docs in inputs]
            indicators, places = self._insert_parts(
                [(doc, doc_id) for docs, outcome in zip(inputs, results)
                 for doc, (doc_id, created) in zip(docs, outcome) if created], superseded)
        self._stored_indicators |= indicators
        self._stored_places |= places
        return results

    def ingest(self, paths: Iterable[str], *, date: str | None = None, place: str | None = None,
               progress: Callable[[IngestReport], None] | None = None, jobs: int | None = None) -> IngestReport:
        """Read, extract and store files, folders (recursively), globs, and ``-`` (a list of paths on
        standard input). Inputs already stored are skipped unread; bad ones land in ``errors``.
        ``progress`` is called with the running report before the first input and after each.
        ``jobs`` worker processes extract while this one stores (0: extract here; default: one
        per core for a corpus of a few hundred files or more)."""
        from zhibiao.store.ingest import ingest_paths
        return ingest_paths(self, paths, date=date, place=place, progress=progress, jobs=jobs)

    def stored_parts(self, sha256: str) -> int:
        """How many documents of the input with this hash are stored (0: it is new)."""
        return self.db.execute("SELECT COUNT(*) AS n FROM documents WHERE sha256 = ?", (sha256,))[0]["n"]

    def _stored_ids(self, docs: list[records.Prepared]) -> dict[tuple[str, int], int]:
        """The id of each stored document of these inputs, by (sha256, part)."""
        found = {}
        for hashes in _chunks(sorted({doc.sha256 for doc in docs})):
            for row in self.db.execute(f"SELECT id, sha256, part FROM documents WHERE sha256 IN ({placeholders(len(hashes))})",
                                       hashes):
                found[row["sha256"], row["part"]] = row["id"]
        return found

    def _latest_versions(self, docs: list[records.Prepared]) -> dict[str, tuple[int, int]]:
        """For each versioned source of these documents that is stored, its latest version's
        first document and version number."""
        latest: dict[str, tuple[int, int]] = {}
        for sources in _chunks(sorted({doc.source for doc in docs if _versioned(doc.source)})):
            for row in self.db.execute(f"SELECT id, source, version FROM documents WHERE latest = 1 AND source IN "
                                       f"({placeholders(len(sources))}) ORDER BY source, part", sources):
                latest.setdefault(row["source"], (row["id"], row["version"]))
        return latest

    def _insert_input(self, docs: list[records.Prepared], now: str, stored: dict[tuple[str, int], int],
                      latest: dict[str, tuple[int, int]], superseded: set[int]) -> list[tuple[int, bool]]:
        """The documents rows of one input: (new id, True) each, or (stored id, False) for content
        already stored. The documents of one input share one version of their source."""
        versions: dict[str | None, tuple[int, int | None]] = {}
        firsts: dict[str | None, int] = {}  # the first new document from each source
        results = []
        for part, doc in enumerate(docs):
            key = (doc.sha256, part)
            if key in stored:
                results.append((stored[key], False))
                continue
            if doc.source not in versions:
                versions[doc.source] = self._supersede(doc.source, latest, superseded)
            version, previous_id = versions[doc.source]
            row = (doc.sha256, part, *doc.document, now, version, previous_id, 1)
            doc_id = self.db.insert_id(_INSERT_DOCUMENT, row)
            if doc_id is not None:
                firsts.setdefault(doc.source, doc_id)
                results.append((doc_id, True))
            else:  # a concurrent PostgreSQL ingest stored it first
                doc_id = self.db.execute("SELECT id FROM documents WHERE sha256 = ? AND part = ?", key)[0]["id"]
                results.append((doc_id, False))
            stored[key] = doc_id
        for source, first in firsts.items():
            if _versioned(source):
                latest[source] = (first, versions[source][0])
        return results

    def _insert_parts(self, created: list[tuple[records.Prepared, int]],
                      superseded: set[int]) -> tuple[set[str], set[str]]:
        """The facts, counts and indexed text of new documents, a statement per table rather than
        per document (FTS5 writes out what it holds before every statement); returns the
        indicators and places their facts name. Rows are made as they are written: a batch of
        them held at once would keep the garbage collector busy."""
        db = self.db
        db.execute_many(_INSERT_FACT, chain.from_iterable(
            records.fact_rows(doc, doc_id, int(doc_id not in superseded)) for doc, doc_id in created))
        every = records.counted_columns([doc for doc, _ in created])
        # Only the latest facts are counted: not those of a document this transaction superseded.
        counted = every if not superseded else records.counted_columns(
            [doc for doc, doc_id in created if doc_id not in superseded])
        indicators, places = set(every[0]), set(every[7]) - {None}
        synonyms = synonym_table()
        keys = {name: synonyms.key(name) for name in indicators}
        db.execute_many("INSERT INTO indicators (indicator, indicator_key) VALUES (?, ?) ON CONFLICT (indicator) "
                        "DO NOTHING", [(n, keys[n]) for n in sorted(indicators - self._stored_indicators)])
        db.execute_many("INSERT INTO places (place) VALUES (?) ON CONFLICT (place) DO NOTHING",
                        [(p,) for p in sorted(places - self._stored_places)])
        aggregates.add(db, counted, keys)
        db.index_texts((doc_id, doc.text) for doc, doc_id in created)
        return indicators, places

    def _supersede(self, source: str | None, latest: dict[str, tuple[int, int]],
                   superseded: set[int]) -> tuple[int, int | None]:
        """The version number and previous document for new content from ``source``; the older
        version stops being the latest, and its facts stop being counted."""
        if not _versioned(source) or source not in latest:
            return 1, None
        previous_id, version = latest[source]
        older_ids = "SELECT id FROM documents WHERE source = ? AND latest = 1"
        rows = self.db.execute(f"SELECT {', '.join('f.' + c for c in aggregates.COUNTED)}, i.indicator_key "
                               f"FROM facts f JOIN indicators i ON i.indicator = f.indicator "
                               f"WHERE f.latest = 1 AND f.doc_id IN ({older_ids})", (source,))
        aggregates.add(self.db, [[r[name] for r in rows] for name in aggregates.COUNTED],
                       {r["indicator"]: r["indicator_key"] for r in rows}, sign=-1)
        self.db.execute(f"UPDATE facts SET latest = 0 WHERE doc_id IN ({older_ids})", (source,))
        older = self.db.execute("UPDATE documents SET latest = 0 WHERE source = ? AND latest = 1 RETURNING id",
                                (source,))
        superseded.update(r["id"] for r in older)
        return version + 1, previous_id

    def _refresh_indicator_keys(self) -> None:
        """Recompute every indicator's key when the synonym table has changed since the last time."""
        fingerprint = synonyms_fingerprint()
        stored = self.db.execute("SELECT value FROM settings WHERE name = 'synonyms'")
        if stored and stored[0]["value"] == fingerprint:
            return
        with self.db.write():
            rows = self.db.execute("SELECT indicator, indicator_key FROM indicators")
            keys = [(indicator_key(r["indicator"]), r["indicator"], r["indicator_key"]) for r in rows]
            changed = [(key, indicator) for key, indicator, stored_key in keys if key != stored_key]
            self.db.execute_many("UPDATE indicators SET indicator_key = ? WHERE indicator = ?", changed)
            if changed:
                aggregates.rekey(self.db)
            self.db.execute("DELETE FROM settings WHERE name = 'synonyms'")
            self.db.execute("INSERT INTO settings (name, value) VALUES ('synonyms', ?)", (fingerprint,))

    # Documents

    def documents(self, *, search: str | None = None, place: str | None = None, genre: str | None = None,
                  limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """The latest version of each stored document, newest first, as dicts with the keys of
        DOCUMENT_INFO; ``search`` is full text (see ``search``), ``place`` a substring, ``genre`` exact."""
        where, params = self._document_filters(search, place, genre)
        return self.db.execute(
            f"SELECT {', '.join('d.' + c for c in DOCUMENT_INFO)} FROM documents d WHERE {where} "
            f"ORDER BY d.date DESC NULLS LAST, d.id DESC{self._page(limit, offset)}", params)

    def count_documents(self, *, search: str | None = None, place: str | None = None,
                        genre: str | None = None) -> int:
        """How many documents ``documents`` would list without a limit."""
        where, params = self._document_filters(search, place, genre)
        return self.db.execute(f"SELECT COUNT(*) AS n FROM documents d WHERE {where}", params)[0]["n"]

    def document_info(self, doc_id: int) -> dict[str, Any]:
        """One document's row, as ``documents`` returns them; NotFoundError if there is none."""
        found = self.db.execute(f"SELECT {', '.join(DOCUMENT_INFO)} FROM documents WHERE id = ?",
                                (_doc_id(doc_id),))
        if not found:
            raise NotFoundError(f"no document {doc_id} in the store")
        return found[0]

    def document(self, doc_id: int) -> Document:
        """The full Document as it was stored: text, raw, blocks, facts, entities, dates, goals, meta."""
        doc_id = _doc_id(doc_id)
        found = self.db.execute("SELECT text, raw, meta, parts FROM documents WHERE id = ?", (doc_id,))
        if not found:
            raise NotFoundError(f"no document {doc_id} in the store")
        facts = self.db.execute("SELECT * FROM facts WHERE doc_id = ? ORDER BY seq", (doc_id,))
        return records.rebuild_document(found[0], facts)

    def fact_ids(self, doc_id: int) -> list[int]:
        """The store's id of each of the document's facts, in the order of Document.facts."""
        return [r["id"] for r in self.db.execute("SELECT id FROM facts WHERE doc_id = ? ORDER BY seq",
                                                  (_doc_id(doc_id),))]

    def search(self, text: str, *, limit: int | None = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Documents whose restored text holds every whitespace-separated term of ``text`` (any
        length, Chinese included), newest first: doc_id, title, date, snippet, start and end of the
        first match in Document.text, and ``matches``, the [start, end) of each match (up to 50)."""
        terms = _search_terms(text)
        where, params = self._document_filters(text, None, None)
        rows = self.db.execute(f"SELECT d.id, d.title, d.date, d.text FROM documents d WHERE {where} "
                               f"ORDER BY d.date DESC NULLS LAST, d.id DESC{self._page(limit, offset)}",
                               params)
        return [_search_hit(row, terms) for row in rows]

    def _document_filters(self, search, place, genre) -> tuple[str, list[Any]]:
        conditions, params = ["d.latest = 1"], []
        if search is not None and str(search).strip():
            found, found_params = self.db.text_search(_search_terms(search))
            conditions += found
            params += found_params
        if place:
            conditions.append(self.db.like_clause("d.place"))
            params.append(like_pattern(place))
        if genre:
            conditions.append("d.genre = ?")
            params.append(genre)
        return " AND ".join(conditions), params

    # Facts

    def facts(self, *, indicator: str | None = None, place: str | None = None, period: str | None = None,
              kind: str | None = None, doc: int | None = None, order_by: str = "doc",
              descending: bool = False, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Facts as dicts, filtered and ordered: id, doc_id, doc_title, doc_date, doc_source,
        indicator, indicator_key (canonical), value and value_max (JSON numbers), unit, kind,
        qualifier, period (as written), period_key (resolved), year, place (the fact's, else its
        document's), basis, start, end and evidence (Document.text[start:end]).

        ``indicator``, ``place`` and ``period`` are case-insensitive substrings; ``indicator`` also
        matches every name with the same canonical key, and ``period`` the resolved period
        (2024 finds 今年 in a 2024 report). ``kind`` is one of FACT_KINDS. Without ``doc`` only the
        latest version of each source counts. ``order_by`` is one of FACT_ORDERS."""
        if order_by not in FACT_ORDERS:
            raise QueryError(f"cannot order facts by {order_by!r}; choose one of {', '.join(FACT_ORDERS)}")
        page = self._page(limit, offset)
        along_order = (indicator and doc is None and order_by in INDEXED_ORDERS and limit is not None
                       and self._cheaper_along_order(limit + offset, indicator, place, period, kind))
        where, params = self._fact_filters(indicator, place, period, kind, doc, indexed=not along_order)
        direction = " DESC" if descending else ""
        order = f"{FACT_ORDERS[order_by].format(d=direction)}, f.id{direction}"
        # The page's ids first, its rows after: a sort then moves ids, not rows with their evidence.
        rows = self.db.execute(f"{self._fact_select} WHERE f.id IN (SELECT f.id FROM facts f WHERE {where} "
                               f"ORDER BY {order}{page}) ORDER BY {order}", params)
        return [records.fact_dict(r) for r in rows]

    def _cheaper_along_order(self, wanted: int, *filters: str | None) -> bool:
        """Whether reading facts in the asked order until ``wanted`` match reads fewer than the
        filter's index finds (which must all be read and sorted): true for a filter that matches
        a large share of the facts, as a common indicator does."""
        matching = self.count_facts(**dict(zip(("indicator", "place", "period", "kind"), filters)))
        return wanted * self.count_facts() <= matching * matching

    def count_facts(self, *, indicator: str | None = None, place: str | None = None, period: str | None = None,
                    kind: str | None = None, doc: int | None = None) -> int:
        """How many facts ``facts`` would return without a limit, from the kept counts unless a
        document is named."""
        if doc is not None:
            where, params = self._fact_filters(indicator, place, period, kind, doc)
            return self.db.execute(f"SELECT COUNT(*) AS n FROM facts f WHERE {where}", params)[0]["n"]
        if not (indicator or place or period):
            where, params = _kind_filter(kind)
            return self.db.execute("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM facet_counts "
                                   f"WHERE field = 'kind'{where}", params)[0]["n"]
        where, params = self._filters(GROUP_FILTER_COLUMNS, indicator, place, period, kind)
        return self.db.execute(f"SELECT CAST(COALESCE(SUM(g.n), 0) AS BIGINT) AS n FROM fact_groups g "
                               f"WHERE {' AND '.join(where)}", params)[0]["n"]

    def facets(self, *, indicator: str | None = None, place: str | None = None, period: str | None = None,
               kind: str | None = None, doc: int | None = None, fields: Iterable[str] = DEFAULT_FACETS,
               top: int = 20) -> dict[str, list[tuple[Any, int]]]:
        """For each field (FACET_COLUMNS), its most frequent values among the filtered facts with
        their counts, most frequent first; facts without a value for the field are left out."""
        page = self._page(_count(top, "top"), 0)
        out = {}
        for name in fields:
            if name not in FACET_COLUMNS:
                raise QueryError(f"no facet {name!r}; choose from {', '.join(FACET_COLUMNS)}")
            if doc is None and not (indicator or place or period):
                where, params = _kind_filter(kind)
                rows = self.db.execute("SELECT value, CAST(SUM(n) AS BIGINT) AS n FROM facet_counts "
                                       f"WHERE field = ?{where} GROUP BY value ORDER BY n DESC, value{page}",
                                       [name, *params])
                if name == "year":  # kept as text beside the other fields' values
                    rows = [{"value": int(r["value"]), "n": r["n"]} for r in rows]
            elif doc is None and name in GROUP_COLUMNS:
                rows = self._group_facet(GROUP_COLUMNS[name], page, indicator, place, period, kind)
            else:
                rows = self._fact_facet(FACET_COLUMNS[name], page, indicator, place, period, kind, doc)
            out[name] = [(r["value"], r["n"]) for r in rows]
        return out

    def _group_facet(self, column: str, page: str, *filters: str | None) -> list[dict[str, Any]]:
        """One facet summed over the fact groups the filters select."""
        where, params = self._filters(GROUP_FILTER_COLUMNS, *filters)
        missing = "0" if column == "g.year" else "''"
        return self.db.execute(
            f"SELECT {column} AS value, CAST(SUM(g.n) AS BIGINT) AS n FROM fact_groups g "
            + ("JOIN indicators i ON i.indicator = g.indicator " if column.startswith("i.") else "")
            + f"WHERE {' AND '.join(where)} AND {column} <> {missing} "
            f"GROUP BY {column} ORDER BY n DESC, {column}{page}", params)

    def _fact_facet(self, column: str, page: str, *filters: Any) -> list[dict[str, Any]]:
        """One facet counted over the facts themselves: those of one document, or a field the
        groups do not keep."""
        where, params = self._fact_filters(*filters)
        present = f"{column} IS NOT NULL" + ("" if column == "f.year" else f" AND {column} <> ''")
        return self.db.execute(
            f"SELECT {column} AS value, COUNT(*) AS n FROM facts f "
            + ("JOIN indicators i ON i.indicator = f.indicator " if column.startswith("i.") else "")
            + f"WHERE {where} AND {present} GROUP BY {column} ORDER BY n DESC, {column}{page}", params)

    def iter_facts(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every fact of the latest documents, in id order, fetched a batch at a time."""
        last = 0
        while True:
            rows = self.db.execute(f"{self._fact_select} WHERE {_LATEST_FACTS} AND f.id > ? ORDER BY f.id LIMIT ?",
                                   (last, batch))
            yield from (records.fact_dict(r) for r in rows)
            if len(rows) < batch:
                return
            last = rows[-1]["id"]

    def export(self, out: str, format: str) -> int:
        """Write every fact of the latest documents to ``out`` (a path, or - for standard output)
        as jsonl, csv or parquet; returns how many were written."""
        from zhibiao.store.export import export_facts
        return export_facts(self.iter_facts(), out, format)

    def series(self, indicator: str, *, place: str | None = None, max_places: int | None = None,
               per_group: int | None = None) -> Series:
        """Every fact on one indicator (any name with the same canonical key), optionally in places
        matching ``place``, sorted by year then place, with conflicting values flagged.

        For a chart of an indicator that many reports restate: ``max_places`` keeps only the
        points of that many places, those with the most facts; ``per_group`` (2 or more) keeps
        only that many points of each group of facts a conflict is judged in (place, period,
        unit, kind, basis), one per value, the values most sources state first, each point with
        ``sources``, the number of facts that state its value. Conflicts stay as they are."""
        key = indicator_key(indicator)
        conditions = ["f.indicator IN (SELECT indicator FROM indicators WHERE indicator_key = ?)", _LATEST_FACTS]
        params = [key]
        if place:
            conditions.append(self._place_clause())
            params.append(like_pattern(place))
        # Counted apart from the points only when the points leave facts out.
        places = self._series_places(key, place) if max_places is not None or per_group is not None else None
        if max_places is not None and len(places) > _count(max_places, "max_places"):
            kept = [name for name, _ in places[:max_places]]
            named = [name for name in kept if name is not None]
            kept_clause = f"f.place_resolved IN ({placeholders(len(named))})" if named else "1 = 0"
            conditions.append(f"({kept_clause} OR f.place_resolved IS NULL)" if None in kept else kept_clause)
            params += named
        if per_group is None:
            rows = self.db.execute(f"{self._fact_select} WHERE {' AND '.join(conditions)}", params)
        else:
            rows = self._values_per_group(" AND ".join(conditions), params, per_group)
        rows.sort(key=lambda r: (r["year"] is None, r["year"] or 0, r["place_resolved"] or "",
                                 r["period_key"] or "", r["kind"], r["doc_id"], r["seq"]))
        if places is None:
            places = _most_first(Counter(r["place_resolved"] for r in rows))
        return _with_conflicts(Series(key, [_series_point(r) for r in rows], places=places), rows)

    def _values_per_group(self, where: str, params: list[Any], per_group: int) -> list[dict[str, Any]]:
        """The facts ``where`` selects, reduced in SQL to the first source of each of the
        ``per_group`` values most stated in each conflict group, with their ``sources``. Two
        values keep every conflict: a group with different values shows at least two."""
        if _count(per_group, "per_group") < 2:
            raise QueryError(f"per_group must be 2 or more, not {per_group}: a conflict needs two values")
        year_on_year = placeholders(len(_YEAR_ON_YEAR))
        group = "g_place, g_period, g_unit, g_kind, g_basis"
        value = "value_num, g_value_max"
        return self.db.execute(
            f"WITH matching AS (SELECT f.id, f.value_num, "
            f"COALESCE(f.place_resolved, '') AS g_place, COALESCE(f.period_key, '') AS g_period, "
            f"f.unit AS g_unit, f.kind AS g_kind, CASE WHEN f.basis IN ({year_on_year}) THEN '同比' "
            f"ELSE COALESCE(f.basis, '') END AS g_basis, "
            f"COALESCE(CAST(f.value_max AS DOUBLE PRECISION), -1) AS g_value_max FROM facts f WHERE {where}), "
            f"per_value AS (SELECT MIN(id) AS id, COUNT(*) AS sources, {group}, {value} FROM matching "
            f"GROUP BY {group}, {value}), "
            f"ranked AS (SELECT id, sources, ROW_NUMBER() OVER (PARTITION BY {group} "
            f"ORDER BY sources DESC, value_num, id) AS value_rank FROM per_value) "
            f"{_FACT_COLUMNS.format(more=', k.sources')} FROM ranked k JOIN facts f ON f.id = k.id "
            f"JOIN documents d ON d.id = f.doc_id JOIN indicators i ON i.indicator = f.indicator "
            f"WHERE k.value_rank <= ?", [*_YEAR_ON_YEAR, *params, per_group])

    def _series_places(self, key: str, place: str | None) -> list[tuple[str | None, int]]:
        """The places with facts on the indicator key, with their number of facts, most first."""
        conditions = ["g.indicator IN (SELECT indicator FROM indicators WHERE indicator_key = ?)"]
        params = [key]
        if place:
            conditions.append(self._place_clause("g.place"))
            params.append(like_pattern(place))
        rows = self.db.execute(f"SELECT g.place, CAST(SUM(g.n) AS BIGINT) AS n FROM fact_groups g "
                               f"WHERE {' AND '.join(conditions)} GROUP BY g.place", params)
        return _most_first(Counter({r["place"] or None: r["n"] for r in rows}))

    def _fact_filters(self, indicator, place, period, kind, doc, indexed: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause over ``facts f``; ``indexed=False`` keeps the planner from answering
        the filters from an index, so that it reads facts in the order asked instead."""
        columns = FACT_FILTER_COLUMNS if indexed else {
            name: self.db.unindexed(column) for name, column in FACT_FILTER_COLUMNS.items()}
        conditions, params = self._filters(columns, indicator, place, period, kind)
        if doc is not None:
            conditions.append("f.doc_id = ?")
            params.append(_doc_id(doc))
        else:
            conditions.append(_LATEST_FACTS)
        return " AND ".join(conditions), params

    def _filters(self, columns: dict[str, str], indicator, place, period, kind) -> tuple[list[str], list[Any]]:
        """Conditions for the table filters on ``columns`` (FACT_ or GROUP_FILTER_COLUMNS)."""
        like = self.db.like_clause
        conditions, params = [], []
        if indicator:
            conditions.append(f"{columns['indicator']} IN (SELECT indicator FROM indicators WHERE "
                              f"{like('indicator')} OR {like('indicator_key')} OR indicator_key = ?)")
            params += [like_pattern(indicator), like_pattern(indicator), indicator_key(indicator)]
        if place:
            conditions.append(self._place_clause(columns["place"]))
            params.append(like_pattern(place))
        if period:
            conditions.append(f"({like(columns['period'])} OR {like(columns['period_key'])})")
            params += [like_pattern(period)] * 2
        if kind:
            _check_kind(kind)
            conditions.append(f"{columns['kind']} = ?")
            params.append(kind)
        return conditions, params

    @property
    def _fact_select(self) -> str:
        return _FACT_SELECT.format(join=self.db.ordered_join)

    def _place_clause(self, column: str = "f.place_resolved") -> str:
        return f"{column} IN (SELECT place FROM places WHERE {self.db.like_clause('place')})"

    def _page(self, limit: int | None, offset: int) -> str:
        """LIMIT/OFFSET as literals: both are checked to be non-negative ints, so nothing is injected."""
        limit = self.db.no_limit if limit is None else _count(limit, "limit")
        return f" LIMIT {limit} OFFSET {_count(offset, 'offset')}"

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def open_store(target: str | Any = "zhibiao.db", *, readonly: bool = False, create: bool = True) -> Store:
    """A Store on a SQLite file (created and migrated if new) or a ``postgresql://`` URL.

    ``readonly`` opens a connection that cannot write, for the web app; the store must exist, as
    it must with ``create=False``. Raises StoreError when the database cannot be opened or upgraded."""
    return Store(connect(str(target), readonly, create))


def _versioned(source: str | None) -> bool:
    return source is not None and not _UNVERSIONED_SOURCE.match(source)


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for first in range(0, len(values), LOOKUP_CHUNK):
        yield values[first:first + LOOKUP_CHUNK]


def _most_first(counts: Counter) -> list[tuple[Any, int]]:
    """(place, count) pairs, the most facts first, then by name (no place last)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))


def _series_point(row: dict[str, Any]) -> dict[str, Any]:
    point = records.fact_dict(row)
    point["fact_id"] = point.pop("id")
    point["conflict"] = False
    if "sources" in row:
        point["sources"] = row["sources"]
    return point


def _with_conflicts(series: Series, rows: list[dict[str, Any]]) -> Series:
    """Flag points that share place, period, unit, kind and basis but not the value."""
    groups: dict[tuple, list[int]] = {}
    for index, row in enumerate(rows):
        if row["period_key"] is not None:
            basis = _YEAR_ON_YEAR.get(row["basis"], row["basis"])
            key = (row["place_resolved"], row["period_key"], row["unit"], row["kind"], basis)
            groups.setdefault(key, []).append(index)
    for members in groups.values():
        values = {(Decimal(rows[i]["value"]), rows[i]["value_max"] and Decimal(rows[i]["value_max"]))
                  for i in members}
        if len(values) > 1:
            series.conflicts.append([rows[i]["id"] for i in members])
            for i in members:
                series.points[i]["conflict"] = True
    return series


def _check_kind(kind: str) -> None:
    if kind not in FACT_KINDS:
        raise QueryError(f"no fact kind {kind!r}; choose one of {', '.join(FACT_KINDS)}")


def _kind_filter(kind: str | None) -> tuple[str, list[str]]:
    """The condition on facet_counts for an optional kind."""
    if not kind:
        return "", []
    _check_kind(kind)
    return " AND kind = ?", [kind]


def _search_terms(text: str) -> list[str]:
    terms = str(text).split()
    if not terms:
        raise QueryError("the search text is empty")
    return terms


def _search_hit(row: dict[str, Any], terms: list[str]) -> dict[str, Any]:
    text = row["text"]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    matches = [[m.start(), m.end()] for _, m in zip(range(MAX_MATCHES), pattern.finditer(text))]
    start, end = matches[0] if matches else (0, 0)
    left, right = max(0, start - SNIPPET_BEFORE), min(len(text), end + SNIPPET_AFTER)
    snippet = ("…" if left else "") + text[left:right].replace("\n", " ") + ("…" if right < len(text) else "")
    return {"doc_id": row["id"], "title": row["title"], "date": row["date"], "snippet": snippet,
            "start": start, "end": end, "matches": matches}


def _doc_id(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise QueryError(f"{value!r} is not a document id") from None


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"{name} must be a whole number of 0 or more, not {value!r}")
    return value

