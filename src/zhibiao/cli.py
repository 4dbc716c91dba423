"""The command line: a thin shell over the library. Each command parses its options, calls the
library, and turns a ZhibiaoError into a one-line message and exit status 2."""
from __future__ import annotations

import datetime
import sys

import click
from rich.console import Console

from zhibiao import pipeline, render
from zhibiao.errors import ZhibiaoError


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
    """Restore documents (text dumps; - for stdin) and extract facts, entities and goals."""
    if sum((as_json, as_md, as_csv)) > 1:
        raise click.UsageError("choose one of --json, --md, --csv")
    console = Console()
    failed = False
    csv_header_done = False
    for path in paths:
        try:
            docs = pipeline.extract_path(path, date=date, place=place)
        except ZhibiaoError as error:
            _fail(error)
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


def main():
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("zhibiao: interrupted", err=True)
        sys.exit(130)
