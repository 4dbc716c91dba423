"""The store: a database of documents and facts (SQLite or PostgreSQL) with search and series."""
from zhibiao.store.core import IngestReport, Series, Store, open_store

__all__ = ["IngestReport", "Series", "Store", "open_store"]
