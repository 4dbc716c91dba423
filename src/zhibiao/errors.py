"""One exception tree. The CLI turns any ZhibiaoError into a one-line message and exit status 2;
the web app turns it into an HTTP status (``http_status``)."""


class ZhibiaoError(Exception):
    """Base of every error zhibiao reports to a user."""

    http_status = 400


class InputError(ZhibiaoError):
    """An input that cannot be read as a document: missing, empty, binary, undecodable, too large."""

    http_status = 422

    def __init__(self, source: str | None, reason: str):
        self.source = source or "-"
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class StoreError(ZhibiaoError):
    """The store cannot be opened, migrated or written."""

    http_status = 500


class QueryError(ZhibiaoError):
    """A query parameter that is out of range or unknown."""

    http_status = 400


class NotFoundError(ZhibiaoError):
    """A document or indicator that the store does not hold."""

    http_status = 404


def failure_reason(error: Exception) -> str:
    """Why one input of many gave no documents, in a line without its path: an InputError's reason,
    another ZhibiaoError's message, or what a stage failed with (a bug, reported not raised)."""
    if isinstance(error, InputError):
        return error.reason
    if isinstance(error, ZhibiaoError):
        return str(error)
    return f"extraction failed ({type(error).__name__}: {error})"
