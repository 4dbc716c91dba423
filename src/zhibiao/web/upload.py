"""Uploads: read into memory under a size limit (never spooled to disk), extracted, and held in
memory until the reader saves them to the store with an explicit button, or they are dropped."""
from __future__ import annotations

import datetime
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from zhibiao import pipeline
from zhibiao.errors import NotFoundError, QueryError, ZhibiaoError
from zhibiao.model import Document

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
FORM_OVERHEAD = 64 * 1024  # boundaries, part headers and the small fields around the file
MAX_PENDING = 8


class UploadTooLarge(ZhibiaoError):
    """An upload over the size limit."""

    http_status = 413

    def __init__(self, size: int | None = None):
        said = f" ({size:,} bytes)" if size else ""
        super().__init__(f"the file is too large{said}; the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")


class _InMemoryParser(MultiPartParser):
    # A SpooledTemporaryFile smaller than its max_size stays in memory: uploads never reach the disk.
    spool_max_size = MAX_UPLOAD_BYTES + FORM_OVERHEAD


async def read_upload(request: Request) -> tuple[bytes, str, dict[str, str]]:
    """The uploaded file's bytes and name, and the form's other fields."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_UPLOAD_BYTES + FORM_OVERHEAD:
        raise UploadTooLarge(int(length))
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise QueryError("send the file as multipart/form-data, in a field named 'file'")
    try:
        form = await _InMemoryParser(request.headers, _limited(request.stream()), max_files=1,
                                     max_fields=8).parse()
    except MultiPartException as error:
        raise QueryError(f"the upload is not a readable form: {error.message}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise QueryError("choose a file to upload (the form field 'file')")
    data = await upload.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(len(data))
    fields = {name: value for name, value in form.items() if isinstance(value, str)}
    return data, upload.filename, fields


def extract_upload(data: bytes, filename: str, fields: dict[str, str]) -> list[Document]:
    """The documents in an upload, as the CLI would extract them; InputError for what cannot be read."""
    date = fields.get("date") or None
    if date:
        try:
            date = datetime.date.fromisoformat(date).isoformat()
        except ValueError:
            raise QueryError(f"date={date!r} is not a date in the form YYYY-MM-DD") from None
    # The file's name names no file here: as a source it would make every later upload of a
    # report.pdf a new version of the first, hiding its facts. In brackets it is not versioned.
    return pipeline.extract(data, f"<upload: {filename}>", date=date, place=fields.get("place") or None)


async def _limited(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    received = 0
    async for chunk in chunks:
        received += len(chunk)
        if received > MAX_UPLOAD_BYTES + FORM_OVERHEAD:
            raise UploadTooLarge(received)
        yield chunk


class PendingUploads:
    """Extracted uploads awaiting a save, in memory only, under unguessable tokens; oldest dropped first."""

    def __init__(self, capacity: int = MAX_PENDING):
        self.capacity = capacity
        self._items: OrderedDict[str, list[Document]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, documents: list[Document]) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = documents
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return token

    def take(self, token: str) -> list[Document]:
        with self._lock:
            documents = self._items.pop(token, None)
        if documents is None:
            raise NotFoundError("this upload is no longer held (it was saved or expired); upload the file again")
        return documents
