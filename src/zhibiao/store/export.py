"""Facts to files: JSON lines, CSV, Parquet."""
from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import contextmanager
from itertools import islice
from typing import IO, Any, Iterable, Iterator

from zhibiao.errors import QueryError, ZhibiaoError

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
EXPORT_COLUMNS = ("id", "doc_id", "doc_title", "doc_date", "doc_source", "indicator", "indicator_key",
                  "value", "value_max", "unit", "kind", "qualifier", "period", "period_key", "year", "place",
                  "basis", "start", "end", "evidence")
PARQUET_BATCH = 10_000


def export_facts(facts: Iterable[dict[str, Any]], out: str, format: str) -> int:
    """Write fact dicts to ``out`` (- for standard output, except parquet); returns the count.
    A file is written beside its destination and renamed, so a failed export leaves none."""
    if format not in EXPORT_FORMATS:
        raise QueryError(f"cannot export as {format!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if format == "parquet" and out == "-":
        raise QueryError("parquet is binary: name an output file instead of -")
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[format]
    with _output(out, binary=format == "parquet") as stream:
        return writer(facts, stream)


def _write_jsonl(facts: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for count, fact in enumerate(facts, start=1):
        stream.write(json.dumps(fact, ensure_ascii=False) + "\n")
    return count


def _write_csv(facts: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer = csv.writer(stream)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for count, fact in enumerate(facts, start=1):
        writer.writerow([fact[c] for c in EXPORT_COLUMNS])
    return count


def _write_parquet(facts: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ZhibiaoError("parquet export needs pyarrow: pip install pyarrow") from None
    types = {"id": pa.int64(), "doc_id": pa.int64(), "value": pa.float64(), "value_max": pa.float64(),
             "year": pa.int32(), "start": pa.int32(), "end": pa.int32()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in EXPORT_COLUMNS])
    facts = iter(facts)
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        while batch := list(islice(facts, PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist([{c: f[c] for c in EXPORT_COLUMNS} for f in batch], schema))
            count += len(batch)
    return count


@contextmanager
def _output(out: str, binary: bool) -> Iterator[IO]:
    if out == "-":
        yield sys.stdout
        return
    partial = f"{out}.partial"
    try:
        with open(partial, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        os.replace(partial, out)
    except OSError as error:
        raise ZhibiaoError(f"{out}: cannot write ({error.strerror or error})") from None
    finally:
        if os.path.exists(partial):
            os.remove(partial)
