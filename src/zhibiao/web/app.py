"""The review web app: restored documents with their facts highlighted, a facts table, indicator
charts, an upload preview and a JSON API with an OpenAPI description, over a store opened read-only
(the one write is the explicit save of an upload). Nothing is loaded from outside the package."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zhibiao.errors import ZhibiaoError
from zhibiao.web import api, pages
from zhibiao.web.common import ThreadStores, render
from zhibiao.web.upload import PendingUploads

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # with no-referrer, Chromium sends "Origin: null" on our own form posts
}
log = logging.getLogger("zhibiao.web")


def create_app(db: str) -> ASGIApp:
    """The app over the store at ``db`` (a SQLite path or a PostgreSQL URL); StoreError at once if
    it cannot be opened."""
    stores = ThreadStores(db)
    stores.current()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="zhibiao", version=version("zhibiao"), lifespan=lifespan,
                  summary="Facts from Chinese development reports, each grounded in its source passage.",
                  docs_url=None, redoc_url=None)  # FastAPI's docs pages load Swagger UI from a CDN
    app.state.stores = stores
    app.state.pending = PendingUploads()
    app.mount("/static", StaticFiles(packages=[("zhibiao.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(ZhibiaoError, _zhibiao_error)
    app.add_exception_handler(RequestValidationError, _bad_parameter)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    return SecurityHeaders(app)


class SecurityHeaders:
    """Adds the CSP and its companions to every response, error pages included (so it wraps them)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, kind: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": kind, "message": message}, status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)


async def _zhibiao_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ZhibiaoError)
    return _error(request, error.http_status, str(error), type(error).__name__)


async def _bad_parameter(request: Request, error: Exception) -> Response:
    """A parameter that does not parse is the client's mistake: 400 with what was wrong, not 422."""
    assert isinstance(error, RequestValidationError)
    problems = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"][1:]) or "request"
        given = problem.get("input")
        shown = f"{name}={given}" if isinstance(given, str | int | float) else name
        problems.append(f"{shown}: {problem['msg']}")
    return _error(request, 400, "; ".join(problems), "QueryError")


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    messages = {404: "no such page", 405: "this address does not take that method"}
    message = messages.get(error.status_code, str(error.detail))
    return _error(request, error.status_code, f"{message}: {request.url.path}", "HTTPError")


async def _unexpected_error(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=error)
    return _error(request, 500, "internal error; the server log has the details", "InternalError")

