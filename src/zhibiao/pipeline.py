"""The orchestrating function: input bytes to finished Documents.

Stages, in order:
  1. read      bytes -> RawText (or, for PDF/HTML/DOCX, straight to Documents with blocks)
  2. restore   RawText -> Document with blocks
  2b. genre    Document -> Document with its genre (bulletin, plan, news …) unless the caller gave one
  3. dates     Document -> Document with dates resolved against the document date
  4. entities  Document -> Document with organisations, places, projects, events
  5. facts     Document -> Document with facts (from the text, then from tables' cells)
  6. goals     Document -> Document with goals linked to their target facts
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from zhibiao import dates, entities, facts, genre, goals, read, readers, restore, tables
from zhibiao.errors import InputError
from zhibiao.model import Document

# 2b-6: each takes a Document and returns it with one more layer filled in
ANALYSIS: tuple[Callable[[Document], Document], ...] = (
    genre.find_genre, dates.find_dates, entities.find_entities, facts.find_facts, tables.facts_from_tables,
    goals.find_goals)
# Inputs that extract_many runs through one stage before the next
BATCH_SIZE = 256


def extract(data: bytes, source: str | None = None, *, date: str | None = None,
            place: str | None = None) -> list[Document]:
    """Every document in one input (a PDF page may hold several articles)."""
    return _analyse(_restored(data, source), date, place)


def extract_many(inputs: Iterable[tuple[bytes, str | None]], *, date: str | None = None, place: str | None = None,
                 batch_size: int = BATCH_SIZE) -> Iterator[tuple[str | None, list[Document] | Exception]]:
    """``extract`` over many (data, source) inputs, in their order: each source with its documents, or
    with the error that stopped it (the other inputs go on). Each stage runs over a batch of documents
    before the next one starts, which keeps its code in the processor's caches: about 10% faster."""
    batch: list[tuple[bytes, str | None]] = []
    for item in inputs:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, date, place)
            batch = []
    yield from _extract_batch(batch, date, place)


def extract_path(path: str | Path, **options) -> list[Document]:
    data, source = read.read_source(str(path))
    return extract(data, source, **options)


def extract_paths(paths: Iterable[str | Path], *, date: str | None = None, place: str | None = None
                  ) -> Iterator[tuple[str, list[Document] | Exception]]:
    """``extract_path`` over many paths through ``extract_many``, in their order: each path with its
    documents, or with the error that stopped it (unreadable, or a stage failing on it)."""
    # Every path read so far and not yet answered: a readable one as itself, another with its error.
    waiting: deque[str | tuple[str, Exception]] = deque()

    def readable() -> Iterator[tuple[bytes, str]]:
        for path in map(str, paths):
            try:
                data, source = read.read_source(path)
            except InputError as error:
                waiting.append((path, error))
                continue
            waiting.append(path)
            yield data, source

    for _, result in extract_many(readable(), date=date, place=place):
        while not isinstance(item := waiting.popleft(), str):
            yield item
        yield item, result
    yield from (item for item in waiting if not isinstance(item, str))  # only unreadable ones are left


def extract_text(text: str, **options) -> Document:
    """The first document in a string: convenient in notebooks and tests."""
    return extract(text.encode("utf-8"), "<text>", **options)[0]


def _restored(data: bytes, source: str | None) -> list[Document]:
    """1-2: PDF, Word and HTML, known by their content, are read into blocks; text is restored."""
    return readers.read(data, source) or [restore.restore(read.decode(data, source))]


def _analyse(documents: list[Document], date: str | None, place: str | None) -> list[Document]:
    for doc in documents:
        if date:
            doc.meta.date = date
        if place:
            doc.meta.place = place
    for stage in ANALYSIS:
        documents = [stage(doc) for doc in documents]
    return documents


def _extract_batch(batch: list[tuple[bytes, str | None]], date: str | None, place: str | None
                   ) -> list[tuple[str | None, list[Document] | Exception]]:
    restored: list[list[Document] | Exception] = []
    for data, source in batch:
        try:
            restored.append(_restored(data, source))
        except Exception as error:  # one bad input must not stop the others
            restored.append(error)
    try:
        finished = iter(_analyse([d for r in restored if isinstance(r, list) for d in r], date, place))
    except Exception:  # a stage failed on some input: find which, one input at a time
        return [(source, _extract_one(data, source, date, place)) for data, source in batch]
    return [(source, [next(finished) for _ in r] if isinstance(r, list) else r)
            for (_, source), r in zip(batch, restored)]


def _extract_one(data: bytes, source: str | None, date: str | None, place: str | None
                 ) -> list[Document] | Exception:
    try:
        return extract(data, source, date=date, place=place)
    except Exception as error:  # reported with its input
        return error
