"""The command line: a thin shell over the library. Each command parses its options, calls the
library, and turns a ZhibiaoError into a one-line message and exit status 2."""
from __future__ import annotations

import datetime
import functools
import json
import sys
import time

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from zhibiao import pipeline, render
from zhibiao.errors import NotFoundError, ZhibiaoError, failure_reason
from zhibiao.model import FACT_KINDS
from zhibiao.store import open_store
from zhibiao.store.core import FACT_ORDERS
from zhibiao.store.export import EXPORT_FORMATS, export_facts


def _fail(error: ZhibiaoError) -> None:
    click.echo(f"zhibiao: error: {error}", err=True)


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zhibiao")
def cli():
    """zhibiao: turn Chinese development reports into source-grounded data."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="The Document as JSON, one object per line.")
@click.option("--md", "as_md", is_flag=True, help="The article and its findings as Markdown.")
@click.option("--csv", "as_csv", is_flag=True, help="The facts as CSV.")
@click.option("--date", callback=_iso_date, help="Publication date (YYYY-MM-DD) for resolving 今年, 9月2日.")
@click.option("--place", help="The place the document is about; 全区/全市 resolve to it.")
def extract(paths, as_json, as_md, as_csv, date, place):
    """Restore documents (text dumps, PDF, HTML, Word; - for stdin) and extract facts, entities and goals."""
    if sum((as_json, as_md, as_csv)) > 1:
        raise click.UsageError("choose one of --json, --md, --csv")
    console = Console()
    failed = False
    csv_header_done = False
    for path, docs in pipeline.extract_paths(paths, date=date, place=place):
        if isinstance(docs, Exception):
            click.echo(f"zhibiao: error: {path}: {failure_reason(docs)}", err=True)
            failed = True
            continue
        for doc in docs:
            if as_json:
                click.echo(doc.to_json())
            elif as_md:
                click.echo(render.to_markdown(doc))
            elif as_csv:
                rows = render.facts_csv([doc])
                click.echo(rows if not csv_header_done else rows.split("\n", 1)[1], nl=False)
                csv_header_done = True
            else:
                render.print_terminal(doc, console)
    sys.exit(2 if failed else 0)


# The store: ingest a corpus into a database, then query it.

FACTS_TABLE_LIMIT = 100


def _store_command(create: bool = True):
    """Give a command a --db option and the opened store; a ZhibiaoError becomes a one-line error."""
    def decorate(function):
        @click.option("--db", envvar="ZHIBIAO_DB", default="zhibiao.db", show_default=True,
                      help="The store: a SQLite file or a postgresql:// URL (also $ZHIBIAO_DB).")
        @functools.wraps(function)
        def command(db, **options):
            try:
                with open_store(db, create=create) as store:
                    status = function(store, **options)
            except ZhibiaoError as error:
                _fail(error)
                sys.exit(2)
            sys.exit(status or 0)
        return command
    return decorate


class _IngestProgress:
    """Bad inputs, one line each as they come, and on a terminal a bar with counts and throughput."""

    def __init__(self):
        self.console = Console(stderr=True)
        self.bar = Progress(TextColumn("ingest"), BarColumn(bar_width=16), MofNCompleteColumn(),
                            TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                            console=self.console) if self.console.is_terminal else None
        self.task = None
        self.reported = 0
        self.started = time.monotonic()

    def __call__(self, report) -> None:
        for path, message in report.errors[self.reported:]:
            self.console.print(f"zhibiao: skipped {path}: {message}", markup=False, highlight=False,
                               soft_wrap=True)
        self.reported = len(report.errors)
        if self.bar:
            if self.task is None:
                self.bar.start()
                self.task = self.bar.add_task("ingest", total=report.files, status="")
            self.bar.update(self.task, completed=report.files_done, status=self.status(report))

    def status(self, report) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        documents = report.documents_added + report.documents_skipped
        return (f"{report.documents_added} added, {report.documents_skipped} known, {len(report.errors)} bad · "
                f"{documents / seconds:.0f} docs/s {report.bytes_read / seconds / 1e6:.1f} MB/s")

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=_iso_date, help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--place", help="The place every input is about; 全区/全市 resolve to it.")
@click.option("--jobs", type=click.IntRange(min=0),
              help="Worker processes that extract while this one stores; 0 extracts here. "
                   "Default: one per core for a corpus of a few hundred files or more.")
@_store_command()
def ingest(store, paths, date, place, jobs):
    """Extract files, folders (recursively), globs, or - (a list of paths on stdin) into the store."""
    progress = _IngestProgress()
    try:
        report = store.ingest(paths, date=date, place=place, progress=progress, jobs=jobs)
    finally:
        progress.close()
    seconds = time.monotonic() - progress.started
    click.echo(f"{report.documents_added} documents added, {report.documents_skipped} stored already, "
               f"{report.facts_added} facts, {len(report.errors)} errors "
               f"({report.files} inputs, {report.bytes_read / 1e6:.1f} MB in {seconds:.1f} s)")
    nothing_went_in = not (report.documents_added or report.documents_skipped)
    return 2 if report.errors and nothing_went_in else 0


@cli.command()
@click.option("--indicator", help="An indicator or part of one; synonyms count (社零 finds 社会消费品零售总额).")
@click.option("--place", help="A place or part of its name.")
@click.option("--period", help="A period or part of it; 2024 also finds 今年 in reports of 2024.")
@click.option("--kind", type=click.Choice(FACT_KINDS), help="Only facts of this kind.")
@click.option("--doc", type=int, help="Only the facts of this document id.")
@click.option("--order", type=click.Choice(list(FACT_ORDERS)), default="doc", show_default=True,
              help="Sort the facts by this.")
@click.option("--format", "output", type=click.Choice(["table", "csv", "json", "jsonl"]), default="table",
              show_default=True, help="table for people; csv, a JSON array or JSON lines for programs.")
@click.option("--limit", type=click.IntRange(min=0),
              help=f"At most this many facts (default: {FACTS_TABLE_LIMIT} in a table, else all).")
@_store_command(create=False)
def facts(store, indicator, place, period, kind, doc, order, output, limit):
    """List stored facts with their documents and evidence, filtered and sorted."""
    filters = dict(indicator=indicator, place=place, period=period, kind=kind, doc=doc)
    if limit is None and output == "table":
        limit = FACTS_TABLE_LIMIT
    rows = store.facts(**filters, order_by=order, limit=limit)
    if output == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif output != "table":
        export_facts(rows, "-", output)
    else:
        table = _table("id", "doc", "indicator", "value", "kind", "period", "place", "evidence",
                       title=f"Facts ({len(rows)} of {store.count_facts(**filters)})")
        for f in rows:
            table.add_row(str(f["id"]), str(f["doc_id"]), f["indicator"], _value_text(f), f["kind"],
                          f["period"] or "", f["place"] or "", f["evidence"])
        Console().print(table)


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most this many documents.")
@_store_command(create=False)
def search(store, text, limit):
    """Find documents whose restored text holds every word of TEXT (Chinese works, 2 characters too)."""
    console = Console()
    hits = store.search(text, limit=limit)
    for hit in hits:
        console.print(Text(f"[{hit['doc_id']}] {hit['title']}  {hit['date'] or ''}", style="bold"))
        snippet = Text(hit["snippet"])
        snippet.highlight_words(text.split(), style="reverse", case_sensitive=False)
        console.print(snippet)
    click.echo(f"{len(hits)} of {store.count_documents(search=text)} documents", err=True)


@cli.command()
@click.argument("doc_id", metavar="DOC", type=int)
@_store_command(create=False)
def show(store, doc_id):
    """Show a stored document, restored, with its facts, entities and goals."""
    info = store.document_info(doc_id)
    console = Console()
    console.print(Text(f"document {info['id']} · version {info['version']} · {info['sha256'][:12]}", style="dim"))
    render.print_terminal(store.document(doc_id), console)


@cli.command()
@click.argument("out")
@click.option("--format", "output", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl, csv or parquet (parquet needs a file, not -).")
@_store_command(create=False)
def export(store, out, output):
    """Write every stored fact, with its document and evidence, to OUT (- for stdout)."""
    count = store.export(out, output)
    click.echo(f"wrote {count} facts to {out}", err=True)


@cli.command()
@click.argument("indicator")
@click.option("--place", help="Only places whose name holds this.")
@click.option("--json", "as_json", is_flag=True, help="The series as one JSON object.")
@_store_command(create=False)
def series(store, indicator, place, as_json):
    """One indicator across all documents, by year and place, with its sources; conflicts flagged."""
    found = store.series(indicator, place=place)
    if not found.points:
        raise NotFoundError(f"no facts on {indicator!r} (indicator key {found.indicator_key})"
                            + (f" in {place!r}" if place else ""))
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=1))
        return
    console = Console()
    table = _table("", "period", "place", "value", "kind", "source", "evidence", title=found.indicator_key)
    for p in found.points:
        table.add_row("≠" if p["conflict"] else "", p["period"] or "", p["place"] or "", _value_text(p),
                      p["kind"], f"[{p['doc_id']}] {p['doc_title']}", p["evidence"],
                      style="red" if p["conflict"] else None)
    console.print(table)
    by_id = {p["fact_id"]: p for p in found.points}
    for group in found.conflicts:
        first = by_id[group[0]]
        console.print(Text(f"conflict: {first['period_key']} {first['place'] or ''} {first['kind']}: " + " ≠ ".join(
            f"{_value_text(by_id[i])} ([{by_id[i]['doc_id']}] {by_id[i]['doc_title']})" for i in group), style="red"))


def _table(*columns: str, title: str) -> Table:
    table = Table(title=title, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _value_text(fact: dict) -> str:
    value = f"{fact['value']:,}" + (f"–{fact['value_max']:,}" if fact["value_max"] is not None else "")
    return f"{value} {fact['unit']}".strip()


@cli.command()
@click.option("--db", envvar="ZHIBIAO_DB", default="zhibiao.db", show_default=True,
              help="The store: a SQLite file or a postgresql:// URL (also $ZHIBIAO_DB); made empty if new.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default lets only this machine connect.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def serve(db, host, port):
    """Serve the review web app: documents with their facts highlighted, facts, charts, upload."""
    import uvicorn

    from zhibiao.errors import StoreError
    from zhibiao.web import create_app
    try:
        try:
            app = create_app(db)
        except StoreError:  # no store yet: make an empty one, so an upload has somewhere to go
            open_store(db).close()
            app = create_app(db)
    except ZhibiaoError as error:
        _fail(error)
        sys.exit(2)
    click.echo(f"zhibiao: serving {db} at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main():
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("zhibiao: interrupted", err=True)
        sys.exit(130)
