"""Ingest: paths (files, folders, globs, lists on standard input) through extraction into a Store."""
from __future__ import annotations

import glob
import hashlib
import os
import stat
import sys
import time
from collections import deque
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from zhibiao import pipeline, read
from zhibiao.errors import InputError, ZhibiaoError
from zhibiao.store import records

if TYPE_CHECKING:
    from zhibiao.store.core import IngestReport, Store

# Inputs stored in one transaction: at most this many, or as many as were extracted in this time.
# Larger batches touch each index page once for many documents; a killed ingest loses one batch.
BATCH_INPUTS = 1000
BATCH_SECONDS = 5.0


def expand_paths(paths: Iterable[str], stdin: TextIO | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """The files named by paths, in order and each once, and (path, message) for those naming none.

    A folder stands for every file below it (hidden ones left out), a glob for its matches, and
    ``-`` for the paths listed one a line on standard input."""
    files: dict[str, None] = {}
    errors: list[tuple[str, str]] = []

    def add(path: str, from_list: bool = False) -> None:
        kind = _file_kind(path)
        if path == "-" and not from_list:
            for line in (stdin or sys.stdin).read().splitlines():
                if line.strip():
                    add(line.strip(), from_list=True)
        elif kind == "folder":
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                files.update((os.path.join(folder, n), None) for n in sorted(names) if not n.startswith("."))
        elif kind == "file":
            files[path] = None
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                errors.append((path, "matches no file"))
            for match in matches:
                add(match, from_list=True)
        else:
            errors.append((path, "no such file"))

    for path in paths:
        add(str(path))
    return list(files), errors


def _file_kind(path: str) -> str | None:
    """"folder", "file" (anything else that exists, or that cannot be looked at: reading it will
    say why), or None for nothing there. One stat: a corpus names thousands of files."""
    try:
        return "folder" if stat.S_ISDIR(os.stat(path).st_mode) else "file"
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        return "file"


def ingest_paths(store: Store, paths: Iterable[str], *, date: str | None = None, place: str | None = None,
                 progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Extract each input and store it; see Store.ingest.

    Inputs are extracted by ``pipeline.extract_many``, a batch of them one stage at a time.
    Extracted inputs are stored a batch at a time, each batch in one transaction: a commit per
    input would make storing cost about half as much as extracting. The batch waits as rows
    (records.prepare), not as Documents, which the garbage collector would keep walking."""
    from zhibiao.store.core import IngestReport
    files, errors = expand_paths(paths)
    report = IngestReport(files=len(files) + len(errors), files_done=len(errors), errors=errors)
    pending: list[list[records.Prepared]] = []
    batch_started = time.monotonic()
    extracting: deque[str] = deque()  # the paths extract_many has been given, in order

    def done() -> None:
        report.files_done += 1
        if progress:
            progress(report)

    def new_inputs() -> Iterator[tuple[bytes, str]]:
        for path in files:
            data = _new_data(store, path, report)
            if data is None:
                done()
            else:
                extracting.append(path)
                # An absolute source, so that the same file ingested from elsewhere is the same source.
                yield data, os.path.abspath(path)

    if progress:
        progress(report)
    for _, result in pipeline.extract_many(new_inputs(), date=date, place=place):
        path = extracting.popleft()
        if isinstance(result, Exception):  # a stage failing on one odd file must not stop a corpus ingest
            report.errors.append((path, _message(result)))
        elif result:
            pending.append([records.prepare(doc) for doc in result])
        if len(pending) >= BATCH_INPUTS or (pending and time.monotonic() - batch_started > BATCH_SECONDS):
            _store(store, pending, report)
            pending, batch_started = [], time.monotonic()
        done()
    _store(store, pending, report)
    if progress and pending:
        progress(report)
    return report


def _new_data(store: Store, path: str, report: IngestReport) -> bytes | None:
    """The bytes of one file, or None when it is stored already or unreadable (then in the report)."""
    try:
        data, _ = read.read_source(path)
    except InputError as error:
        report.errors.append((path, error.reason))
        return None
    report.bytes_read += len(data)
    stored = store.stored_parts(hashlib.sha256(data).hexdigest())
    if stored:  # already in the store: skip without extracting again
        report.documents_skipped += stored
        return None
    return data


def _message(error: Exception) -> str:
    if isinstance(error, InputError):
        return error.reason
    if isinstance(error, ZhibiaoError):
        return str(error)
    return f"extraction failed ({type(error).__name__}: {error})"


def _store(store: Store, inputs: list[list[records.Prepared]], report: IngestReport) -> None:
    if not inputs:
        return
    for docs, results in zip(inputs, store.add_prepared(inputs)):
        for doc, (_, created) in zip(docs, results):
            if created:
                report.documents_added += 1
                report.facts_added += len(doc.facts)
            else:
                report.documents_skipped += 1
