"""`bereikbaar crawl LIST --db FILE`: crawl a list of shops into a SQLite database."""

from __future__ import annotations

import sys
import time

import click

from crawler.cli import crawl_options, options_from
from crawler.shoplist import ShopListError, load_shop_list


@click.command(name="crawl")
@click.argument("shop_list", metavar="LIST")
@click.option(
    "--db", required=True, type=click.Path(dir_okay=False), help="SQLite file to write (created if missing)."
)
@click.option("--resume", is_flag=True, help="Continue the newest unfinished run, skipping completed shops.")
@click.option("--concurrency", type=click.IntRange(1, 2000), help="Requests in flight across all shops [32].")
@click.option("--skip-invalid", is_flag=True, help="Skip bad lines of the shop list instead of stopping.")
@click.option(
    "--strategy",
    type=click.Choice(["priority", "bfs"]),
    default=None,
    help="Link order: contact and legal pages first (default) or breadth-first (baseline).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@crawl_options
def command(
    shop_list: str,
    db: str,
    resume: bool,
    concurrency: int | None,
    skip_invalid: bool,
    strategy: str | None,
    quiet: bool,
    **common: object,
) -> None:
    """Crawl every shop in LIST (CSV with a `url` column, or one URL per line) into DB.

    Polite by default: robots.txt obeyed, at most 2 requests at a time per shop, AutoThrottle,
    30 pages and 3 clicks deep per shop. A killed crawl continues with --resume.

    Example:

        bereikbaar crawl data/shops/nl-top-webshops.csv --db results.db
    """
    from crawler.runner import run_crawl
    from crawler.summary import summary_lines
    from reports.store import Store, StoreError

    try:
        shops = load_shop_list(shop_list, skip_invalid=skip_invalid)
    except ShopListError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    for warning in shops.warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in shops.skipped:
        click.echo(f"skipped line {problem.line}: {problem.reason}", err=True)
    options = options_from(
        common, db=db, resume=resume, concurrency=concurrency, strategy=strategy, progress=not quiet
    )
    try:
        with Store(db) as store:
            previous = store.unfinished_run() if resume else None
    except StoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if resume:
        if previous is None:
            click.echo("nothing to resume: no unfinished run in the database; starting a new run", err=True)
        else:
            click.echo(f"resuming run {previous['id']} (started {previous['started_at']})", err=True)
    started = time.monotonic()
    report = run_crawl(shops, options)
    if report.run_id is None:
        click.echo("Error: the crawl did not start; see the messages above.", err=True)
        sys.exit(1)
    with Store(db) as store:
        results = store.results(report.run_id)
        run = next((r for r in store.runs() if r["id"] == report.run_id), {})
    click.echo(
        f"run {report.run_id}: {len(results)} of {len(shops)} shops in {db} "
        f"({time.monotonic() - started:.1f} s, status {run.get('status')})"
    )
    for line in summary_lines(results):
        click.echo(line)
    if run.get("status") != "finished":
        click.echo("the run is unfinished; continue it with --resume", err=True)
        sys.exit(1)
