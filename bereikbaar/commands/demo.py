"""`bereikbaar demo`: crawl the bundled sample shops offline, write the report, serve Datasette."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bereikbaar.demo import DEFAULT_HOST, DEFAULT_OUT, DEFAULT_PORT


@click.command(name="demo")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for the database, the reports and the shop list (the database is replaced).",
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address Datasette listens on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help=f"Port Datasette listens on [{DEFAULT_PORT}, or a free port when that one is taken].",
)
@click.option("--no-serve", is_flag=True, help="Stop after writing the reports (for CI).")
@click.option(
    "--open/--no-open",
    "open_browser",
    default=False,
    show_default=True,
    help="Open the dashboard (or, with --no-serve, the report) in a web browser.",
)
def command(out: Path, host: str, port: int | None, no_serve: bool, open_browser: bool) -> None:
    """Show what bereikbaar does, with no internet: serve about 30 bundled sample webshops on
    loopback addresses, crawl them into a fresh SQLite file, write the HTML and Markdown reports,
    and browse the results in Datasette. Ctrl-C stops everything.

    \b
    Example:
        bereikbaar demo
        bereikbaar demo --out /tmp/demo --port 8002 --open
    """
    from bereikbaar.demo import DemoError, DemoOptions, run_demo

    options = DemoOptions(out=out, host=host, port=port, serve=not no_serve, open_browser=open_browser)
    try:
        code = run_demo(options)
    except DemoError as exc:
        click.echo(f"Error: {str(exc).rstrip('.')}.", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code)
