"""What the pages and the JSON API share: the store handle, the validated fact filters, templates."""
from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from zhibiao.errors import NotFoundError, QueryError, ZhibiaoError
from zhibiao.model import FACT_KINDS
from zhibiao.store import open_store

FACT_ORDERS = ("doc", "indicator", "place", "period", "kind", "value", "unit")
ORDER_HELP = f"one of {', '.join(FACT_ORDERS)}; a leading '-' sorts descending (-value)"

templates = jinja2.Environment(loader=jinja2.PackageLoader("zhibiao.web", "templates"), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)
templates.filters["quote"] = lambda value: quote(str(value), safe="")
templates.filters["counted"] = lambda n, noun, plural=None: f"{n:,} {noun if n == 1 else plural or noun + 's'}"


class ThreadStores:
    """The store opened read-only once per worker thread, so a slow query does not hold up the
    others; attribute access goes to the calling thread's store, so it reads like one Store.

    Nothing is remembered between requests: counts and facets come from the store's kept
    counts, so every page shows what another process ingested a moment ago."""

    def __init__(self, target: str):
        self.target = target
        self._local = threading.local()
        self._opened: list[Any] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current(), name)

    def current(self) -> Any:
        """The calling thread's store, opened on first use; StoreError if it cannot be opened."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.target, readonly=True)
            with self._lock:
                self._opened.append(store)
        return store

    def save(self, documents: list) -> list[tuple[int, bool]]:
        """The one write the app makes: one input's documents added in one transaction through a
        connection opened for it; (id, created) for each."""
        with open_store(self.target) as store:
            return store.add_documents(documents)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


def get_store(request: Request) -> Any:
    """The read-only store of the app serving this request."""
    return request.app.state.stores


def indicator_series(store: Any, name: str, place: str | None, max_places: int | None = None,
                     per_group: int | None = None) -> Any:
    """The store's series for an indicator; NotFoundError when no fact anywhere names it."""
    series = store.series(indicator=name, place=place or None, max_places=max_places, per_group=per_group)
    if not series.points and not place:
        raise NotFoundError(f"no facts on the indicator {name!r}")
    return series


@dataclass(frozen=True)
class FactFilters:
    """The facts table's filters, as the store takes them; empty form fields mean no filter."""

    indicator: str | None = None
    place: str | None = None
    period: str | None = None
    kind: str | None = None
    doc: int | None = None

    def query(self) -> dict[str, Any]:
        return {name: value for name, value in asdict(self).items() if value is not None}


def fact_filters(
    indicator: str | None = Query(None, description="substring of the indicator or one of its synonyms"),
    place: str | None = Query(None, description="substring of the place"),
    period: str | None = Query(None, description="substring of the period, e.g. 2024"),
    kind: str | None = Query(None, description=f"one of {', '.join(FACT_KINDS)}"),
    doc: str | None = Query(None, description="a document id"),
) -> FactFilters:
    kind = kind or None
    if kind is not None and kind not in FACT_KINDS:
        raise QueryError(f"kind={kind!r} is not one of {', '.join(FACT_KINDS)}")
    doc_id = None
    if doc:
        if not doc.isdigit():
            raise QueryError(f"doc={doc!r} is not a document id (a whole number)")
        doc_id = int(doc)
    return FactFilters(indicator=indicator or None, place=place or None, period=period or None,
                       kind=kind, doc=doc_id)


def fact_order(order: str = Query("doc", description=ORDER_HELP)) -> tuple[str, bool]:
    """``value`` -> ("value", False); ``-value`` -> ("value", True)."""
    column = (order or "doc").removeprefix("-")
    if column not in FACT_ORDERS:
        raise QueryError(f"order={order!r} is not one of {', '.join(FACT_ORDERS)} (with an optional '-')")
    return column, order.startswith("-")


def with_params(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current query parameters, some changed; None or "" drops a parameter."""
    merged = {**params, **changes}
    kept = {name: value for name, value in merged.items() if value not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


templates.globals["with_params"] = with_params


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = templates.get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status)


def same_origin(request: Request) -> None:
    """Refuse a write posted from another site's page (the browser names that page's Origin)."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise ForbiddenOrigin(origin)


class ForbiddenOrigin(ZhibiaoError):
    """A write posted from a page of another site."""

    http_status = 403

    def __init__(self, origin: str):
        super().__init__(f"a write from another site ({origin}) is refused")
