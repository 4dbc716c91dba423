"""The HTML pages: documents, one document, facts, indicators, upload, and the API reference."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.concurrency import run_in_threadpool
from markupsafe import Markup, escape

from zhibiao.model import Document, Fact
from zhibiao.render import format_value
from zhibiao.web import chart
from zhibiao.web.common import (
    FactFilters, fact_filters, fact_order, get_store, indicator_series, render, same_origin,
)
from zhibiao.web.highlight import KIND_WORDS, QUALIFIER_WORDS, render_article
from zhibiao.web.upload import MAX_UPLOAD_BYTES, extract_upload, read_upload

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
DOCUMENTS_PER_PAGE = 25
FACTS_PER_PAGE = 50
SEARCH_HITS = 200  # search hits read for the snippets of one page of documents
CHART_PLACES = 12  # places charted when no place is asked for; the others are listed as links
VALUES_PER_GROUP = 3  # values shown of one place, period, unit and kind, however many reports restate them
SORT_CHOICES = (("doc", "文档顺序 document"), ("indicator", "指标 indicator"), ("place", "地区 place"),
                ("-period", "时期 newest first"), ("period", "时期 oldest first"), ("kind", "类型 kind"),
                ("-value", "数值 largest first"), ("value", "数值 smallest first"), ("unit", "单位 unit"))
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d{2}年")


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/documents", status_code=307)


@router.get("/documents")
def documents_page(request: Request, q: str | None = None, place: str | None = None,
                   genre: str | None = None, page: int = Query(1, ge=1, le=1_000_000),
                   store: Any = Depends(get_store)) -> HTMLResponse:
    q = (q or "").strip() or None
    filters = {"search": q, "place": place or None, "genre": genre or None}
    total = store.count_documents(**filters)
    rows = store.documents(**filters, limit=DOCUMENTS_PER_PAGE, offset=(page - 1) * DOCUMENTS_PER_PAGE)
    snippets: dict[int, Markup] = {}
    if q:
        for hit in store.search(q, limit=SEARCH_HITS):
            snippets.setdefault(hit["doc_id"], mark_query(hit["snippet"], q))
    return render(request, "documents.html", rows=rows, total=total, page=page,
                  pages=_page_count(total, DOCUMENTS_PER_PAGE), snippets=snippets,
                  params={"q": q, "place": place, "genre": genre})


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: int, view: Literal["read", "compare"] = "read",
                  store: Any = Depends(get_store)) -> HTMLResponse:
    doc = store.document(doc_id)
    anchors = [str(fact_id) for fact_id in store.fact_ids(doc_id)]
    return render(request, "document.html", doc=doc, doc_id=doc_id, view=view, **_reading(doc, anchors, view))


@router.get("/facts")
def facts_page(request: Request, filters: FactFilters = Depends(fact_filters),
               order: tuple[str, bool] = Depends(fact_order), page: int = Query(1, ge=1, le=1_000_000),
               store: Any = Depends(get_store)) -> HTMLResponse:
    query = filters.query()
    rows = store.facts(**query, order_by=order[0], descending=order[1], limit=FACTS_PER_PAGE,
                       offset=(page - 1) * FACTS_PER_PAGE)
    total = store.count_facts(**query)
    params = {**query, "order": request.query_params.get("order")}
    return render(request, "facts.html", rows=rows, total=total, page=page, facets=store.facets(**query),
                  pages=_page_count(total, FACTS_PER_PAGE), params=params, filters=filters, order=order,
                  kinds=KIND_WORDS, sort_choices=SORT_CHOICES, format_row_value=format_row_value)


@router.get("/indicators")
def indicators_page(request: Request, store: Any = Depends(get_store)) -> HTMLResponse:
    indicators = store.facets(fields=("indicator_key",), top=500).get("indicator_key", [])
    return render(request, "indicators.html", indicators=indicators)


@router.get("/indicators/{name:path}")
def indicator_page(request: Request, name: str, place: str | None = None,
                   store: Any = Depends(get_store)) -> HTMLResponse:
    series = indicator_series(store, name, place, max_places=None if place else CHART_PLACES,
                              per_group=VALUES_PER_GROUP)
    by_id = {point["fact_id"]: point for point in series.points}
    conflicts = [[by_id[i] for i in group if i in by_id] for group in series.conflicts]
    return render(request, "indicator.html", name=name, place=place, series=series,
                  groups=chart_groups(series.points), conflicts=conflicts, kinds=KIND_WORDS,
                  other_places=series.places[CHART_PLACES:] if not place else [],
                  source_link=source_link, format_row_value=format_row_value)


@router.get("/upload")
def upload_form(request: Request) -> HTMLResponse:
    return render(request, "upload.html", limit_mb=MAX_UPLOAD_BYTES // (1024 * 1024))


@router.post("/upload", dependencies=[Depends(same_origin)])
async def upload_preview(request: Request) -> HTMLResponse:
    data, filename, fields = await read_upload(request)
    documents = await run_in_threadpool(extract_upload, data, filename, fields)
    token = request.app.state.pending.put(documents)
    # Anchors named by document and fact, so the documents of one file never share an id.
    readings = [_reading(doc, [f"{number}-{i}" for i in range(len(doc.facts))], "read")
                for number, doc in enumerate(documents)]
    return render(request, "upload_result.html", filename=filename, token=token,
                  documents=list(zip(documents, readings)), fact_count=sum(len(d.facts) for d in documents))


@router.post("/upload/save", dependencies=[Depends(same_origin)])
def upload_save(request: Request, token: str = Form(...)) -> RedirectResponse:
    """The one write: the held upload's documents added to the store, each in one transaction."""
    documents = request.app.state.pending.take(token)
    saved = [doc_id for doc_id, _ in request.app.state.stores.save(documents)]
    target = f"/documents/{saved[0]}" if len(saved) == 1 else "/documents"
    return RedirectResponse(target, status_code=303)


@router.get("/api")
def api_reference(request: Request) -> HTMLResponse:
    """The API described from the app's own OpenAPI document: no CDN, no script."""
    return render(request, "api.html", openapi=request.app.openapi())


def source_link(row: dict) -> str:
    """The passage that states a fact: its highlighted mark in the document view."""
    return f"/documents/{row['doc_id']}#fact-{row.get('fact_id', row.get('id'))}"


def format_row_value(row: dict, *, unit: bool = True) -> str:
    """A store row's value as a person reads it: 约 1,602.7 亿元."""
    value = f"{row['value']:,}"
    if row.get("value_max") is not None:
        value += f"–{row['value_max']:,}"
    return " ".join(filter(None, [qualifier_word(row.get("qualifier")), value, (row.get("unit") or "") if unit else ""]))


def mark_query(snippet: str, query: str) -> Markup:
    """The snippet escaped, each occurrence of a query word marked."""
    words = [re.escape(word) for word in query.split() if word]
    if not words:
        return escape(snippet)
    pieces = re.split(f"({'|'.join(words)})", snippet)
    return Markup("").join(Markup("<mark>{}</mark>").format(p) if i % 2 else escape(p)
                           for i, p in enumerate(pieces))


def chart_groups(points: list[dict]) -> list[dict]:
    """One group per unit, kind and part of the year (a level in 亿元 never shares an axis with a
    change in %, nor a half-year value with a whole year's), each charted over time and, where
    several places report the latest year, across places."""
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for point in points:
        grouped[(point["unit"] or "", point["kind"], period_span(point["period_key"]))].append(point)
    groups = []
    for (unit, kind, span), members in sorted(grouped.items(), key=lambda item: (item[0][2], -len(item[1]))):
        dated = [chart.Point(series=p["place"] or "—", year=p["year"], value=float(p["value"]),
                             href=source_link(p), label=_point_label(p), conflict=bool(p["conflict"]))
                 for p in members if p["year"] is not None]
        group: dict[str, Any] = {"unit": unit, "kind": kind, "span": span, "points": members,
                                 "undated": len(members) - len(dated)}
        if len({p.year for p in dated}) > 1:
            group["over_time"] = [chart.line_chart(dated, unit, width=w, height=h) for w, h in ((720, 330), (360, 300))]
        latest = max((p.year for p in dated), default=None)
        across = [p for p in dated if p.year == latest]
        if len({p.series for p in across}) > 1:
            group["latest"] = latest
            group["across"] = [chart.bar_chart(across, unit, width=w) for w in (720, 360)]
        groups.append(group)
    return groups


def period_span(period_key: str | None) -> str:
    """The part of its year a period covers: 上半年, 1-8月; "" for a whole year or its end."""
    rest = _YEAR_PREFIX.sub("", period_key or "")
    return "" if rest in ("", "末", "底") else rest


def _point_label(point: dict) -> str:
    where = " · ".join(filter(None, [point["place"], point["period"]]))
    conflict = " · 冲突 conflicting value" if point["conflict"] else ""
    sources = f" · {point['sources']} sources" if point.get("sources", 1) > 1 else ""
    return f"{where}: {format_row_value(point)}{conflict}{sources} — {point['doc_title'] or 'document'}"


def _reading(doc: Document, anchors: list[str], view: str) -> dict[str, Any]:
    """What the document template needs to show one document."""
    return {
        "article": render_article(doc, anchors, line_links=view == "compare"),
        "facts": [(anchor, fact, _qualified(fact), KIND_WORDS.get(fact.kind, fact.kind))
                  for anchor, fact in zip(anchors, doc.facts)],
        "entities": _entity_groups(doc),
        "raw_lines": doc.raw.split("\n") if view == "compare" else [],
        "kinds": KIND_WORDS,
    }


def qualifier_word(qualifier: str | None) -> str:
    """The Chinese word for a qualifier code: approx -> 约."""
    return QUALIFIER_WORDS.get(qualifier or "", "").split(" ")[0]


def _qualified(fact: Fact) -> str:
    """约 12 %, 超过 35 公顷: the value with its unit and qualifier."""
    return f"{qualifier_word(fact.qualifier)} {format_value(fact)}".strip()


def _entity_groups(doc: Document) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for entity in doc.entities:
        name = entity.canonical or entity.text
        if name not in groups[entity.type]:
            groups[entity.type].append(name)
    return dict(groups)


def _page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))
