"""The two database backends behind one small interface: SQLite (apsw) and PostgreSQL (psycopg 3).

Everything above this module writes portable SQL with ``?`` placeholders; a dialect runs it,
turns driver errors into StoreError, and supplies the few pieces that differ: the id column,
write transactions, case-insensitive LIKE and the full-text index for Chinese.
"""
from __future__ import annotations

import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

import apsw

from zhibiao.errors import StoreError

LIKE_ESCAPE = "\\"
# Trigram indexes need three characters; shorter terms are matched by scanning.
MIN_INDEXED_TERM = 3


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
    return "%" + escaped.replace("_", LIKE_ESCAPE + "_") + "%"


def placeholders(count: int) -> str:
    """``?, ?, ?`` for ``count`` values: an IN list or a row of VALUES."""
    return ", ".join("?" * count)


def insert_sql(table: str, columns: tuple[str, ...], upsert: str = "") -> str:
    """An INSERT of one row of values for ``columns``, followed by ``upsert`` (an ON CONFLICT
    clause) if given. One row: SQLite keeps a statement journal, a copy of every page changed,
    for a statement that could fail halfway, as one of many rows can."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders(len(columns))}){upsert}"


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def redact(target: str) -> str:
    """A connection string fit for a message: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", target)


class Dialect:
    """A connection plus the SQL that differs between backends."""

    name = ""
    id_column = ""  # DDL of an auto-numbered primary key
    like = "LIKE"  # case-insensitive substring match
    no_limit = "-1"  # LIMIT that means no limit
    without_rowid = ""  # DDL suffix of a table whose primary key is its only index
    ordered_join = "JOIN"  # a join whose left table stays the outer loop
    concurrent_writers = False  # whether write transactions run at once (and can deadlock)

    def __init__(self, target: str, readonly: bool):
        self.target = redact(target)
        self.readonly = readonly
        self.lock = threading.RLock()  # one connection, shared by the web app's threads

    def like_clause(self, column: str) -> str:
        return f"{column} {self.like} ? ESCAPE '{LIKE_ESCAPE}'"

    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self.lock:  # errors caught here rather than by _errors: this runs for every document
            try:
                return self._execute(sql, tuple(params))
            except self._driver_error as error:
                raise self._store_error(error) from error

    def execute_many(self, sql: str, rows: Iterable[tuple]) -> None:
        with self.lock, self._errors():
            self._execute_many(sql, rows)

    def insert_id(self, sql: str, params: tuple) -> int | None:
        """Run an INSERT of one row with ON CONFLICT DO NOTHING: the new row's id, or None when
        the row was already there."""
        found = self.execute(f"{sql} RETURNING id", params)
        return found[0]["id"] if found else None

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction; everything in it lands together or not at all."""
        if self.readonly:
            raise StoreError(f"{self.target}: the store is open read-only")
        with self.lock, self._errors(), self._transaction():
            yield

    def text_search(self, terms: list[str]) -> tuple[list[str], list[Any]]:
        """Conditions on ``documents d`` that hold when every term occurs in d.text."""
        return [self.like_clause("d.text") for _ in terms], [like_pattern(t) for t in terms]

    def close(self) -> None:
        with self.lock:
            self.connection.close()

    # Backend-specific parts.
    connection: Any
    _driver_error: type[Exception] = Exception

    def _execute(self, sql: str, params: tuple) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Iterable[tuple]) -> None:
        raise NotImplementedError

    def _transaction(self):
        raise NotImplementedError

    def migration_lock(self) -> None:
        """Called first in the migration transaction: keeps two migrating processes apart."""

    def create_text_index(self) -> None:
        raise NotImplementedError

    def merge_text_index_less(self) -> None:
        """Let the full-text index merge its parts less often, where the backend has the choice."""

    def buffer_text_index_more(self) -> None:
        """Let the full-text index gather a whole ingest batch in memory before writing it out."""

    def index_trigram_sets(self) -> None:
        """Rebuild the full-text index to hold which trigrams each document has, not where, where
        the backend keeps both."""

    def unindexed(self, column: str) -> str:
        """``column`` in a condition the planner must not answer from an index."""
        return column

    def index_texts(self, texts: Iterable[tuple[int, str]]) -> None:
        """Add (document id, text) pairs to the full-text index, inside the write transaction."""

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except self._driver_error as error:
            raise self._store_error(error) from error

    def _store_error(self, error: Exception) -> StoreError:
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return StoreError(f"{self.target}: {message}")


class SQLite(Dialect):
    """A SQLite file in WAL mode: readers never block, concurrent writers wait their turn.

    apsw rather than the standard library's sqlite3: it binds parameters at about half the cost
    (sqlite3 sends every None through its adapter lookup), and brings a current SQLite whose
    full-text index is faster to write than the system's."""

    name = "sqlite"
    id_column = "INTEGER PRIMARY KEY"
    without_rowid = " WITHOUT ROWID"
    ordered_join = "CROSS JOIN"  # SQLite's planner keeps the written order for CROSS JOIN
    _driver_error = apsw.Error
    BUSY_TIMEOUT_MS = 60_000
    CACHE_KIB = 64 * 1024  # the default 2 MiB makes every index insert of a large store a read
    PAGE_SIZE = 16384
    TEXT_INDEX_BUFFER = 16 * 1024 * 1024  # bytes

    def __init__(self, path: str, readonly: bool = False, create: bool = True):
        super().__init__(path, readonly)
        if (readonly or not create) and not Path(path).exists():
            raise StoreError(f"{path}: no such store; make one with zhibiao ingest")
        flags = (apsw.SQLITE_OPEN_READONLY if readonly else
                 apsw.SQLITE_OPEN_READWRITE | (apsw.SQLITE_OPEN_CREATE if create else 0))
        # Every use of the connection holds self.lock: SQLite's own mutex on each call is not needed.
        flags |= apsw.SQLITE_OPEN_NOMUTEX
        with self._errors():
            self.connection = apsw.Connection(str(Path(path).absolute()), flags=flags)
            self.connection.set_busy_timeout(self.BUSY_TIMEOUT_MS)
            self.connection.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
            if not readonly:
                if self._scalar("PRAGMA page_count") == 0:
                    # Larger pages keep a document's text and raw dump out of overflow chains and
                    # make every b-tree shallower: less to write per document. Only a new file can.
                    self.connection.execute(f"PRAGMA page_size = {self.PAGE_SIZE}")
                self._use_wal()
                # WAL + NORMAL: a killed process loses nothing committed; only power loss can.
                self.connection.execute("PRAGMA synchronous = NORMAL")
            self.connection.execute("PRAGMA foreign_keys = ON")

    def _scalar(self, sql: str) -> Any:
        return self.connection.execute(sql).fetchall()[0][0]

    def _use_wal(self) -> None:
        """Switch the file to WAL once. The switch needs the file to itself and SQLite does not
        wait for that (no busy handler), so a store opened by several processes at once retries."""
        deadline = time.monotonic() + self.BUSY_TIMEOUT_MS / 1000
        delay = 0.002
        # A first read loads the header, so that a file already in WAL is known to be.
        self._scalar("SELECT COUNT(*) FROM sqlite_master")
        while not self._switched_to_wal():
            if time.monotonic() > deadline:
                raise StoreError(f"{self.target}: another process holds the store; cannot switch it to WAL")
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _switched_to_wal(self) -> bool:
        if self._scalar("PRAGMA journal_mode") == "wal":
            return True
        try:
            return self._scalar("PRAGMA journal_mode = WAL") == "wal"
        except apsw.BusyError:
            return False

    def _execute(self, sql, params):
        cursor = self.connection.execute(sql, params)
        try:
            names = [column[0] for column in cursor.get_description()]
        except apsw.ExecutionCompleteError:  # no rows: the statement is already done
            return []
        return [dict(zip(names, row)) for row in cursor]

    def _execute_many(self, sql, rows):
        self.connection.cursor().executemany(sql, rows)

    def insert_id(self, sql, params):
        # Not RETURNING: with it SQLite keeps a statement journal, a copy of every page the
        # statement changes, written to a temporary file: a third of the cost of storing a document.
        with self.lock:
            try:
                self.connection.execute(sql, params)
            except apsw.Error as error:
                raise self._store_error(error) from error
            return self.connection.last_insert_rowid() if self.connection.changes() else None

    @contextmanager
    def _transaction(self):
        # IMMEDIATE takes the write lock up front, so a second writer waits (busy_timeout)
        # instead of failing when it tries to upgrade a read lock.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def create_text_index(self):
        self._execute("CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', "
                      "content_rowid='id', tokenize='trigram')", ())

    def merge_text_index_less(self):
        # FTS5 merges a level's segments once it holds this many (default 4, at most 16).
        self._execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 16)", ())

    def buffer_text_index_more(self):
        # FTS5 writes out its in-memory terms once they pass 'hashsize' bytes (1 MiB by default),
        # as a new segment to merge later: a batch of a thousand documents made a dozen of them.
        self._execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', ?)",
                      (self.TEXT_INDEX_BUFFER,))

    def index_trigram_sets(self):
        # Positions are what a trigram index mostly holds: without them (detail=none) it is a
        # quarter of the size and a third cheaper to write, and LIKE confirms each candidate.
        self._execute("DROP TABLE documents_fts", ())
        self._execute("CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', "
                      "content_rowid='id', tokenize='trigram', detail='none')", ())
        self.merge_text_index_less()
        self.buffer_text_index_more()
        self._execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')", ())

    def index_texts(self, texts):
        self.execute_many("INSERT INTO documents_fts (rowid, text) VALUES (?, ?)", texts)

    def text_search(self, terms):
        # The index finds the documents holding every trigram of the longer terms; LIKE then
        # checks each term as a whole, written after the index's condition so as to test only those.
        conditions, params = super().text_search(terms)
        trigrams = sorted({g for t in terms if len(t) >= MIN_INDEXED_TERM for g in _spanning_trigrams(t)})
        if trigrams:
            conditions.insert(0, "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.insert(0, " ".join('"' + g.replace('"', '""') + '"' for g in trigrams))
        return conditions, params

    def unindexed(self, column):
        return "+" + column


class PostgreSQL(Dialect):
    """A PostgreSQL database; full-text search is ILIKE over a pg_trgm GIN index."""

    name = "postgresql"
    id_column = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    like = "ILIKE"
    no_limit = "ALL"
    concurrent_writers = True

    def __init__(self, url: str, readonly: bool = False):
        super().__init__(url, readonly)
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL stores need psycopg: pip install 'psycopg[binary]'") from None
        self._driver_error = psycopg.Error
        with self._errors():
            self.connection = psycopg.connect(url, autocommit=True)
            if readonly:
                self.connection.execute("SET default_transaction_read_only = on")

    def _execute(self, sql, params):
        return _dicts(self.connection.execute(_pg_placeholders(sql), params))

    def _execute_many(self, sql, rows):
        with self.connection.cursor() as cursor:
            cursor.executemany(_pg_placeholders(sql), rows)

    def _transaction(self):
        return self.connection.transaction()

    def migration_lock(self):
        self._execute("SELECT pg_advisory_xact_lock(?)", (0x7A686962,))  # 'zhib'

    def create_text_index(self):
        schema = self._trigram_schema()
        self._execute(f'CREATE INDEX documents_text_trgm ON documents USING gin (text "{schema}".gin_trgm_ops)', ())

    def _trigram_schema(self) -> str:
        """The schema holding pg_trgm, installing it (into public where there is one) if needed."""
        found = self._execute("SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n "
                              "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'", ())
        if not found:
            public = self._execute("SELECT 1 FROM pg_namespace WHERE nspname = 'public'", ())
            self._execute("CREATE EXTENSION IF NOT EXISTS pg_trgm" + (" SCHEMA public" if public else ""), ())
            return self._trigram_schema()
        return found[0]["schema"].replace('"', '""')


def _spanning_trigrams(term: str) -> list[str]:
    """Trigrams that together cover ``term``: every third one, and the last. Each trigram the
    index is asked for costs a lookup, and LIKE checks the term whole anyway."""
    last = len(term) - MIN_INDEXED_TERM
    return [term[i:i + MIN_INDEXED_TERM] for i in (*range(0, last, MIN_INDEXED_TERM), last)]


def _pg_placeholders(sql: str) -> str:
    return sql.replace("?", "%s")


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    """A cursor's rows as dicts (the column names read once, not once a row)."""
    if cursor.description is None:
        return []
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def connect(target: str, readonly: bool = False, create: bool = True) -> Dialect:
    """A SQLite file path (created unless ``create`` is false) or a postgresql:// URL."""
    if is_postgres_url(target):
        return PostgreSQL(target, readonly)
    return SQLite(target, readonly, create)
