"""Ingest: paths (files, folders, globs, lists on standard input) through extraction into a Store."""
from __future__ import annotations

import gc
import glob
import hashlib
import multiprocessing
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from zhibiao import pipeline, read
from zhibiao.errors import InputError, failure_reason
from zhibiao.store import records

if TYPE_CHECKING:
    from zhibiao.store.core import IngestReport, Store

# Inputs stored in one transaction: at most this many, or as many as were extracted in this time.
# Larger batches touch each index page once for many documents; a killed ingest loses one batch.
BATCH_INPUTS = 1000
BATCH_SECONDS = 5.0
# Extraction moves to worker processes for a corpus of at least this many files: starting them
# costs a fraction of a second, which a few hundred files repay.
WORKERS_FROM_FILES = 200
# Inputs go to a worker in chunks of at most this many, or this many bytes. Each worker has up to
# CHUNKS_OUT of them out at once: enough work to go on with while this process stores a batch.
CHUNK_INPUTS = 256
CHUNK_BYTES = 8 * 1024 * 1024
CHUNKS_OUT = 4
CRASHED = "extraction crashed (its worker process died)"
ORPHAN_CHECK_SECONDS = 1.0


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
                 progress: Callable[[IngestReport], None] | None = None, jobs: int | None = None) -> IngestReport:
    """Extract each input and store it; see Store.ingest.

    Inputs are read, hashed and looked up here, then extracted and turned into rows
    (records.prepare) by ``jobs`` worker processes while this one stores; with no workers, here,
    a batch of inputs a stage at a time (``pipeline.extract_many``). Prepared inputs are stored a
    batch at a time, each batch in one transaction: a commit per input would make storing cost
    about half as much as extracting. The batch waits as rows, not as Documents, which the
    garbage collector would keep walking."""
    from zhibiao.store.core import IngestReport
    files, errors = expand_paths(paths)
    report = IngestReport(files=len(files) + len(errors), files_done=len(errors), errors=errors)
    pending: list[list[records.Prepared]] = []
    batch_started = time.monotonic()
    extracting: deque[str] = deque()  # the paths handed to extraction, in order

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
    workers = worker_count(jobs, len(files))
    prepared = (prepare_in_workers(new_inputs(), workers, date, place) if workers
                else prepare_inputs(new_inputs(), date, place))
    for result in prepared:
        if result is None:  # the workers have nothing ready: store what they gave so far meanwhile
            _store(store, pending, report)
            pending, batch_started = [], time.monotonic()
            continue
        path = extracting.popleft()
        if isinstance(result, str):  # a stage failing on one odd file must not stop a corpus ingest
            report.errors.append((path, result))
        elif result:
            pending.append(result)
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


def _store(store: Store, inputs: list[list[records.Prepared]], report: IngestReport) -> None:
    if not inputs:
        return
    for docs, results in zip(inputs, store.add_prepared(inputs)):
        for doc, (_, created) in zip(docs, results):
            if created:
                report.documents_added += 1
                report.facts_added += doc.fact_count
            else:
                report.documents_skipped += 1


def worker_count(jobs: int | None, files: int) -> int:
    """How many worker processes extract: ``jobs`` if given, else one per core this process may
    use, but none on one core (a worker would only share it) or for a corpus too small to repay them."""
    if jobs is not None:
        if jobs < 0:
            raise ValueError(f"jobs must be 0 or more, not {jobs}")
        return jobs
    cores = available_cores()
    return cores if cores > 1 and files >= WORKERS_FROM_FILES else 0


def available_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def prepare_inputs(inputs: Iterable[tuple[bytes, str]], date: str | None,
                   place: str | None) -> Iterator[list[records.Prepared] | str]:
    """For each input in order, its documents as the rows the store writes, or why it has none."""
    for _, result in pipeline.extract_many(inputs, date=date, place=place):
        yield failure_reason(result) if isinstance(result, Exception) else [records.prepare(doc) for doc in result]


def prepare_in_workers(inputs: Iterable[tuple[bytes, str]], workers: int, date: str | None,
                       place: str | None) -> Iterator[list[records.Prepared] | str | None]:
    """``prepare_inputs`` spread over worker processes, in input order, with None each time the
    next result is not ready yet: a moment the caller has to spare.

    At most CHUNKS_OUT chunks per worker are out at once, so that a corpus is read no faster than
    it is extracted. A chunk that fails is retried input by input, so that the failure is charged
    to the input that causes it and the rest go in. A worker that dies (a native crash on a hostile
    file) takes the pool with it: a new pool takes over the chunks that were out."""
    # Chosen once: the pool's own threads must not turn a restart into a fork server.
    start_method = worker_start_method()
    pool = _start_workers(workers, start_method)
    out: deque[tuple[list[tuple[bytes, str]], Future]] = deque()

    def send(chunk: list[tuple[bytes, str]]) -> Future:
        return pool.submit(prepare_chunk, chunk, date, place)

    def restart() -> None:
        nonlocal pool
        pool.shutdown(wait=True, cancel_futures=True)
        pool = _start_workers(workers, start_method)

    def one_by_one(chunk: list[tuple[bytes, str]]) -> list[list[records.Prepared] | str]:
        results: list[list[records.Prepared] | str] = []
        for one in chunk:
            try:
                results += send([one]).result()
            except BrokenProcessPool:
                results.append(CRASHED)
                restart()
            except Exception as error:  # charged to this input, as extract_many does
                results.append(failure_reason(error))
        for n, (lost, earlier) in enumerate(out):
            if earlier.cancelled() or earlier.exception() is not None:  # lost with a pool that died
                out[n] = (lost, send(lost))
        return results

    def receive() -> Iterator[list[records.Prepared] | str | None]:
        if not out[0][1].done():
            yield None
        chunk, future = out.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            restart()
            results = one_by_one(chunk)
        except Exception:  # retried input by input, to find the one that fails
            results = one_by_one(chunk)
        yield from results

    try:
        for chunk in _chunks(inputs):
            out.append((chunk, send(chunk)))
            if len(out) >= CHUNKS_OUT * workers:
                yield from receive()
        while out:
            yield from receive()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def prepare_chunk(chunk: list[tuple[bytes, str]], date: str | None,
                  place: str | None) -> list[list[records.Prepared] | str]:
    """What a worker does with a chunk of inputs: ``prepare_inputs``, all at once."""
    return list(prepare_inputs(chunk, date, place))


def _chunks(inputs: Iterable[tuple[bytes, str]]) -> Iterator[list[tuple[bytes, str]]]:
    chunk: list[tuple[bytes, str]] = []
    size = 0
    for item in inputs:
        chunk.append(item)
        size += len(item[0])
        if len(chunk) >= CHUNK_INPUTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def worker_start_method() -> str:
    """How worker processes start. Forked on Linux: a worker starts with the pipeline imported, and
    without running the calling script's top level again, as spawned workers do (an unguarded
    script would ingest itself). But a fork copies only the thread that calls it, so a lock another
    thread holds (a notebook kernel runs several) stays held in the worker forever: then from a
    fork server, started fresh."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "fork" if threading.active_count() == 1 else "forkserver"


def _start_workers(workers: int, start_method: str) -> ProcessPoolExecutor:
    # A forked worker never touches the store's connection it inherits, and leaves without closing it.
    context = multiprocessing.get_context(start_method)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


def _start_worker() -> None:
    """Ctrl-C is the ingest's to handle (it stops the workers), so a worker ignores it rather than
    print a traceback. A worker whose ingest was killed would wait for work forever: it leaves when
    its parent (the ingest, or the fork server that dies with it) is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()  # what the worker inherits is for the collector to leave alone, not to walk (and copy)
    threading.Thread(target=_leave_when_orphaned, args=(os.getppid(),), daemon=True).start()


def _leave_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)
