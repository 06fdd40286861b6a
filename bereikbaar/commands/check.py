"""`bereikbaar check URL`: crawl one shop and print its report card (exit code for CI)."""

from __future__ import annotations

import json
import sys

import click

from crawler.cli import crawl_options, options_from

EXIT_COMPLIANT, EXIT_NOT_COMPLIANT, EXIT_USAGE, EXIT_NOT_ASSESSED = 0, 1, 2, 3


@click.command(name="check")
@click.argument("url")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the JSON contract (DESIGN.md) instead of the card."
)
@click.option("--db", type=click.Path(dir_okay=False), help="Also store the result in this SQLite file.")
@crawl_options
def command(url: str, as_json: bool, db: str | None, **common: object) -> None:
    """Crawl the shop at URL and tell whether its phone number and e-mail address are findable.

    Exit codes: 0 compliant, 1 not compliant, 2 usage error, 3 could not assess
    (unreachable, blocked, robots.txt, error).

    Example:

        bereikbaar check https://www.example-shop.nl --json
    """
    from crawler.card import render_card
    from crawler.runner import run_crawl
    from crawler.shoplist import ShopEntry, ShopList, normalise_url, shop_id_for

    try:
        start_url = normalise_url(url)
    except ValueError as exc:
        click.echo(f"Error: {url!r} is not a shop URL: {exc}.", err=True)
        sys.exit(EXIT_USAGE)
    if db:
        from reports.store import Store, StoreError

        try:
            Store(db).close()
        except StoreError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
    entry = ShopEntry(id=shop_id_for(start_url), url=start_url, line=1)
    shops = ShopList(shops=[entry], path=url)
    options = options_from(common, db=db, collect=True, progress=False)
    report = run_crawl(shops, options)
    if not report.outcomes:
        click.echo(
            f"Error: the crawl of {start_url} ended without a result; see the messages above.", err=True
        )
        sys.exit(EXIT_NOT_ASSESSED)
    outcome = report.outcomes[0]
    if as_json:
        click.echo(json.dumps(outcome.contract, ensure_ascii=False, indent=2))
    else:
        click.echo(render_card(outcome), nl=False)
    compliant = outcome.result.get("compliant")
    if outcome.result["status"] != "ok" or compliant is None:
        sys.exit(EXIT_NOT_ASSESSED)
    sys.exit(EXIT_COMPLIANT if compliant else EXIT_NOT_COMPLIANT)
