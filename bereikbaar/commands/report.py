"""`bereikbaar report`: write the HTML or Markdown report of one crawl run."""

from __future__ import annotations

import click

from reports.report import ReportError, load_report, write_atomically
from reports.templates import FORMATS, render


class BadInput(click.ClickException):
    """A database that is missing, not SQLite, or has no such run: exit 2, as every command does
    for bad input (a failed write stays exit 1)."""

    exit_code = 2


@click.command(name="report")
@click.argument("db", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--run", "run_id", type=int, default=None, help="Run to report on (default: newest finished run)."
)
@click.option("--compare", "compare_id", type=int, default=None, help="Earlier run to compare with.")
@click.option("--out", "out", required=True, help="File to write, or - for standard output.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="html (default) or md; a --out ending in .md implies md.",
)
def command(db: str, run_id: int | None, compare_id: int | None, out: str, fmt: str | None) -> None:
    """Write a self-contained report (headline figures, charts, one row per shop, method) for one
    crawl run in DB. Figures count assessed shops only; the report says which shops could not be
    assessed and why. The file is replaced atomically, so a failed run never leaves half a report.

    \b
    Example:
        bereikbaar report results.db --out report.html
        bereikbaar report results.db --run 2 --compare 1 --out report.html
        bereikbaar report results.db --format md --out -
    """
    if fmt is None:
        fmt = "md" if out.lower().endswith((".md", ".markdown")) else "html"
    try:
        data = load_report(db, run_id, compare_id)
        document = render(data, fmt)
        write_atomically(document, out)
    except ReportError as exc:
        raise BadInput(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    if out != "-":
        h = data.headline
        click.echo(
            f"Wrote {out}: run {data.run['id']}, {h.assessed} of {h.total} shops assessed, {h.compliant} comply.",
            err=True,
        )
