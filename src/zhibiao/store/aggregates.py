"""Exact counts of the latest facts, kept beside them so that counts and facets read a few rows.

Two tables, changed in the transaction that stores facts or supersedes them:

- ``facet_counts`` (kind, field, value, n): for each kind, how many facts hold each value of each
  facet field. It answers the unfiltered table and a kind filter, whatever the store's size.
- ``fact_groups`` (indicator, kind, unit, place, period, period_key, year, n): the facts grouped
  by the columns the table filters on, so a filter on indicator, place or period sums groups
  instead of reading facts. Missing values are stored as '' (0 for the year): key columns
  cannot be NULL.
"""
from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from zhibiao.store.dialects import Dialect

# Facet field -> the expression over ``facts f`` (joined to ``indicators i``) it counts.
FACET_COLUMNS = {"kind": "f.kind", "unit": "f.unit", "place": "f.place_resolved", "period": "f.period_key",
                 "indicator_key": "i.indicator_key", "indicator": "f.indicator", "year": "f.year",
                 "qualifier": "f.qualifier", "basis": "f.basis"}
# Facet field -> its column in fact_groups ``g``, for the fields the groups keep.
GROUP_COLUMNS = {"kind": "g.kind", "unit": "g.unit", "place": "g.place", "period": "g.period_key",
                 "indicator_key": "i.indicator_key", "indicator": "g.indicator", "year": "g.year"}
# What a fact contributes, by name: the columns of records.FACT_COLUMNS the counts read.
COUNTED = ("indicator", "kind", "unit", "qualifier", "period", "period_key", "year", "place_resolved", "basis")

_UPSERT_COUNTS = ("INSERT INTO facet_counts (kind, field, value, n) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (kind, field, value) DO UPDATE SET n = facet_counts.n + excluded.n")
_UPSERT_GROUPS = ("INSERT INTO fact_groups (indicator, kind, unit, place, period, period_key, year, n) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, kind, unit, place, period, period_key, year) "
                  "DO UPDATE SET n = fact_groups.n + excluded.n")
_DROP_EMPTY_COUNTS = "DELETE FROM facet_counts WHERE kind = ? AND field = ? AND value = ? AND n <= 0"
_DROP_EMPTY_GROUPS = ("DELETE FROM fact_groups WHERE indicator = ? AND kind = ? AND unit = ? AND place = ? "
                      "AND period = ? AND period_key = ? AND year = ? AND n <= 0")


def create_tables(db: Dialect) -> None:
    db.execute("CREATE TABLE facet_counts (kind TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, "
               f"n BIGINT NOT NULL, PRIMARY KEY (kind, field, value)){db.without_rowid}")
    db.execute("CREATE TABLE fact_groups (indicator TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, "
               "place TEXT NOT NULL, period TEXT NOT NULL, period_key TEXT NOT NULL, year INTEGER NOT NULL, "
               "n BIGINT NOT NULL, PRIMARY KEY (indicator, kind, unit, place, period, period_key, year))"
               f"{db.without_rowid}")


def recount(db: Dialect) -> None:
    """Fill both tables from the latest facts (they must be empty)."""
    db.execute("INSERT INTO fact_groups (indicator, kind, unit, place, period, period_key, year, n) "
               "SELECT indicator, kind, unit, COALESCE(place_resolved, ''), COALESCE(period, ''), "
               "COALESCE(period_key, ''), COALESCE(year, 0), COUNT(*) FROM facts WHERE latest = 1 "
               "GROUP BY indicator, kind, unit, COALESCE(place_resolved, ''), COALESCE(period, ''), "
               "COALESCE(period_key, ''), COALESCE(year, 0)")
    for field, column in FACET_COLUMNS.items():
        value = "CAST(f.year AS TEXT)" if field == "year" else column
        db.execute(f"INSERT INTO facet_counts (kind, field, value, n) SELECT f.kind, ?, {value}, COUNT(*) "
                   "FROM facts f LEFT JOIN indicators i ON i.indicator = f.indicator "
                   f"WHERE f.latest = 1 AND {value} IS NOT NULL AND {value} <> '' GROUP BY f.kind, {value}",
                   (field,))


def add(db: Dialect, columns: Sequence[Sequence[Any]], keys: dict[str, str], sign: int = 1) -> None:
    """Count facts in (sign 1) or out (sign -1), given as the COUNTED columns (a sequence of
    values each); ``keys`` holds the indicator key of each of their indicators."""
    if not columns[1]:
        return
    with _collector_paused():
        counts, groups = _tally(columns, keys)
        # Concurrent PostgreSQL writers must lock the rows they share in one order.
        count_keys = sorted(counts) if db.concurrent_writers else list(counts)
        group_keys = sorted(groups) if db.concurrent_writers else list(groups)
        db.execute_many(_UPSERT_COUNTS, [(*key, sign * counts[key]) for key in count_keys])
        db.execute_many(_UPSERT_GROUPS, [(*key, sign * groups[key]) for key in group_keys])
        if sign < 0:
            db.execute_many(_DROP_EMPTY_COUNTS, count_keys)
            db.execute_many(_DROP_EMPTY_GROUPS, group_keys)


def _tally(columns: Sequence[Sequence[Any]], keys: dict[str, str]) -> tuple[dict[tuple, int], dict[tuple, int]]:
    """The facet counts and the group counts of facts given as the COUNTED columns."""
    indicator, kind, unit, qualifier, period, period_key, year, place, basis = columns
    # The facts are tallied in C twice: by the columns of their group, and by the two facets the
    # groups leave out. Every count then follows from the distinct keys of these two, summed in
    # plain dicts, field by field written out (a loop over the fields cost twice as much).
    counts: dict[tuple, int] = {}
    groups: dict[tuple, int] = {}
    count = counts.get
    for (name, of_kind, of_unit, of_place, of_period, of_period_key, of_year), n in Counter(
            zip(indicator, kind, unit, place, period, period_key, year)).items():
        group = (name, of_kind, of_unit, of_place or "", of_period or "", of_period_key or "", of_year or 0)
        groups[group] = groups.get(group, 0) + n
        key = (of_kind, "kind", of_kind)
        counts[key] = count(key, 0) + n
        if name:
            key = (of_kind, "indicator", name)
            counts[key] = count(key, 0) + n
            key = (of_kind, "indicator_key", keys[name])
            counts[key] = count(key, 0) + n
        if of_unit:
            key = (of_kind, "unit", of_unit)
            counts[key] = count(key, 0) + n
        if of_place:
            key = (of_kind, "place", of_place)
            counts[key] = count(key, 0) + n
        if of_period_key:
            key = (of_kind, "period", of_period_key)
            counts[key] = count(key, 0) + n
        if of_year:
            key = (of_kind, "year", str(of_year))
            counts[key] = count(key, 0) + n
    for (of_kind, of_qualifier, of_basis), n in Counter(zip(kind, qualifier, basis)).items():
        if of_qualifier:
            key = (of_kind, "qualifier", of_qualifier)
            counts[key] = count(key, 0) + n
        if of_basis:
            key = (of_kind, "basis", of_basis)
            counts[key] = count(key, 0) + n
    return counts, groups


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The counts of a batch are tens of thousands of tuples that live until they are written and
    hold no cycles: the garbage collector would walk them again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def rekey(db: Dialect) -> None:
    """Recount the indicator_key facet after indicators changed keys."""
    db.execute("DELETE FROM facet_counts WHERE field = 'indicator_key'")
    db.execute("INSERT INTO facet_counts (kind, field, value, n) SELECT c.kind, 'indicator_key', "
               "i.indicator_key, SUM(c.n) FROM facet_counts c JOIN indicators i ON i.indicator = c.value "
               "WHERE c.field = 'indicator' GROUP BY c.kind, i.indicator_key")
