"""The JSON API: documents, facts (with the table's filters), facets, indicator series, upload."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from zhibiao.web.common import (
    FactFilters, fact_filters, fact_order, get_store, indicator_series, same_origin,
)
from zhibiao.web.upload import extract_upload, read_upload

router = APIRouter(prefix="/api", tags=["api"])
FACT_COLUMNS = ("id", "doc_id", "doc_title", "doc_date", "doc_source", "indicator", "indicator_key", "value",
                "value_max", "unit", "kind", "qualifier", "period", "period_key", "year", "place", "basis",
                "start", "end", "evidence")
EXPORT_BATCH = 1000
Limit = Query(50, ge=1, le=1000, description="rows to return, 1 to 1000")
Offset = Query(0, ge=0, le=1_000_000_000, description="rows to skip")


@router.get("/documents", summary="Documents, newest first, with full-text search in Chinese")
def list_documents(search: str | None = Query(None, description="words the document's text contains"),
                   place: str | None = Query(None, description="substring of the document's place"),
                   genre: str | None = Query(None, description="the genre, e.g. bulletin, news"),
                   limit: int = Limit, offset: int = Offset, store: Any = Depends(get_store)) -> dict[str, Any]:
    filters = {"search": search or None, "place": place or None, "genre": genre or None}
    return {"total": store.count_documents(**filters), "limit": limit, "offset": offset,
            "documents": store.documents(**filters, limit=limit, offset=offset)}


@router.get("/documents/{doc_id}", summary="One document: its restored text, blocks, facts, entities, goals")
def get_document(doc_id: int, store: Any = Depends(get_store)) -> dict[str, Any]:
    return {"info": store.document_info(doc_id), "document": store.document(doc_id).to_dict()}


@router.get("/facts", summary="Facts matching the filters, in the order asked")
def list_facts(filters: FactFilters = Depends(fact_filters), order: tuple[str, bool] = Depends(fact_order),
               limit: int = Limit, offset: int = Offset, store: Any = Depends(get_store)) -> dict[str, Any]:
    query = filters.query()
    return {"total": store.count_facts(**query), "limit": limit, "offset": offset,
            "facts": store.facts(**query, order_by=order[0], descending=order[1], limit=limit, offset=offset)}


@router.get("/facts/facets", summary="Counts of the facts matching the filters, by kind, unit, place, period, indicator")
def fact_facets(filters: FactFilters = Depends(fact_filters), store: Any = Depends(get_store)) -> dict[str, Any]:
    return {field: [{"value": value, "count": count} for value, count in pairs]
            for field, pairs in store.facets(**filters.query()).items()}


@router.get("/facts.csv", summary="Every fact matching the filters, as CSV (UTF-8 with a byte-order mark)",
            response_class=StreamingResponse)
def download_facts_csv(filters: FactFilters = Depends(fact_filters), order: tuple[str, bool] = Depends(fact_order),
                       store: Any = Depends(get_store)) -> StreamingResponse:
    def lines() -> Iterator[str]:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(FACT_COLUMNS)
        yield "\ufeff" + _drain(out)  # the mark lets spreadsheet programs see UTF-8 Chinese
        for row in _all_facts(store, filters, order):
            writer.writerow(row.get(column) for column in FACT_COLUMNS)
            yield _drain(out)
    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="zhibiao-facts.csv"'})


@router.get("/facts.json", summary="Every fact matching the filters, as one JSON array",
            response_class=StreamingResponse)
def download_facts_json(filters: FactFilters = Depends(fact_filters), order: tuple[str, bool] = Depends(fact_order),
                        store: Any = Depends(get_store)) -> StreamingResponse:
    def chunks() -> Iterator[str]:
        yield "["
        for number, row in enumerate(_all_facts(store, filters, order)):
            yield ("," if number else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str)
        yield "\n]\n"
    return StreamingResponse(chunks(), media_type="application/json",
                             headers={"Content-Disposition": 'attachment; filename="zhibiao-facts.json"'})


@router.get("/indicators", summary="Indicators with the number of facts on each, most first")
def list_indicators(limit: int = Query(200, ge=1, le=5000), store: Any = Depends(get_store)) -> list[dict[str, Any]]:
    pairs = store.facets(fields=("indicator_key",), top=limit).get("indicator_key", [])
    return [{"indicator": name, "facts": count} for name, count in pairs]


@router.get("/indicators/{name:path}/series",
            summary="One indicator over time and across places; conflicting values are flagged")
def get_indicator_series(name: str, place: str | None = None,
                         max_places: int | None = Query(None, ge=1, le=100_000, description=(
                             "only the points of this many places, those with the most facts")),
                         per_group: int | None = Query(None, ge=2, le=100_000, description=(
                             "only this many values of each place, period, unit and kind, each point "
                             "with the number of facts that state it")),
                         store: Any = Depends(get_store)) -> dict[str, Any]:
    return indicator_series(store, name, place, max_places, per_group).to_dict()


@router.post("/upload", dependencies=[Depends(same_origin)],
             summary="Extract an uploaded file (multipart field 'file'; optional date, place); "
                     "save=true also adds it to the store")
async def upload(request: Request) -> dict[str, Any]:
    data, filename, fields = await read_upload(request)
    documents = await run_in_threadpool(extract_upload, data, filename, fields)
    saved = []
    if fields.get("save", "").lower() in ("1", "true", "yes"):
        pairs = await run_in_threadpool(request.app.state.stores.save, documents)
        saved = [{"id": doc_id, "created": created} for doc_id, created in pairs]
    return {"filename": filename, "documents": [doc.to_dict() for doc in documents], "saved": saved}


def _all_facts(store: Any, filters: FactFilters, order: tuple[str, bool]) -> Iterator[dict]:
    """Every matching fact, read in batches so a large export never sits in memory at once."""
    offset = 0
    while True:
        rows = store.facts(**filters.query(), order_by=order[0], descending=order[1], limit=EXPORT_BATCH,
                           offset=offset)
        yield from rows
        if len(rows) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH


def _drain(out: io.StringIO) -> str:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text
