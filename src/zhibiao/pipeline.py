"""The orchestrating function: input bytes to finished Documents.

Stages, in order:
  1. read      bytes -> RawText (or, for PDF/HTML/DOCX, straight to Documents with blocks)
  2. restore   RawText -> Document with blocks
  3. dates     Document -> Document with dates resolved against the document date
  4. entities  Document -> Document with organisations, places, projects, events
  5. facts     Document -> Document with facts
  6. goals     Document -> Document with goals linked to their target facts
"""
from __future__ import annotations

from pathlib import Path

from zhibiao import dates, entities, facts, goals, read, readers, restore, tables
from zhibiao.model import Document


def extract(data: bytes, source: str | None = None, *, date: str | None = None,
            place: str | None = None) -> list[Document]:
    """Every document in one input (a PDF page may hold several articles)."""
    # 1-2. read and restore (PDF, Word and HTML, known by their content, are read into blocks)
    documents = readers.read(data, source) or [restore.restore(read.decode(data, source))]
    finished = []
    for doc in documents:
        if date:
            doc.meta.date = date
        if place:
            doc.meta.place = place
        # 3-4. dates and entities
        doc = entities.find_entities(dates.find_dates(doc))
        # 5. facts, from the text and from tables' cells
        doc = tables.facts_from_tables(facts.find_facts(doc))
        # 6. goals
        doc = goals.find_goals(doc)
        finished.append(doc)
    return finished


def extract_path(path: str | Path, **options) -> list[Document]:
    data, source = read.read_source(str(path))
    return extract(data, source, **options)


def extract_text(text: str, **options) -> Document:
    """The first document in a string: convenient in notebooks and tests."""
    return extract(text.encode("utf-8"), "<text>", **options)[0]
