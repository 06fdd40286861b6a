"""Click options shared by `bereikbaar crawl` and `bereikbaar check`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from crawler.config import parse_resolve
from crawler.runner import CrawlOptions


def _resolve(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    try:
        return parse_resolve(list(value))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def crawl_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Budget, name resolution, timing and logging options."""
    decorators = [
        click.option("--max-pages", type=click.IntRange(1, 10_000), help="Pages per shop at most [30]."),
        click.option(
            "--max-clicks",
            type=click.IntRange(0, 20),
            help="Follow links at most this deep [3]; contact and customer-service links go on "
            "to 5 clicks (-s BEREIKBAAR_CONTACT_MAX_CLICKS=N).",
        ),
        click.option(
            "--resolve",
            multiple=True,
            metavar="HOST=IP",
            callback=_resolve,
            help="Resolve HOST to IP without DNS, like curl --resolve (repeatable).",
        ),
        click.option(
            "--resolve-only",
            is_flag=True,
            help="Refuse every host that is not in --resolve (offline demos and tests).",
        ),
        click.option(
            "--delay", type=click.FloatRange(0, 60), help="Seconds between requests to one shop [0.5]."
        ),
        click.option("--timeout", type=click.FloatRange(0.1, 600), help="Download timeout in seconds [30]."),
        click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log to this file."),
        click.option("--verbose", "-v", is_flag=True, help="Show Scrapy's log (INFO) on stderr."),
        click.option(
            "--set",
            "-s",
            "extra",
            multiple=True,
            metavar="NAME=VALUE",
            help="Any Scrapy setting, e.g. -s RETRY_TIMES=0 (repeatable).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def options_from(common: dict[str, Any], **fixed: Any) -> CrawlOptions:
    """CrawlOptions from the shared options plus command-specific values."""
    settings: dict[str, Any] = {}
    for item in common.get("extra") or ():
        name, sep, value = str(item).partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
        settings[name.strip()] = value
    if common.get("resolve_only") and not common.get("resolve"):
        raise click.BadParameter(
            "--resolve-only needs at least one --resolve HOST=IP", param_hint="--resolve-only"
        )
    level = "INFO" if common.get("verbose") else "ERROR"
    return CrawlOptions(
        max_pages=common.get("max_pages"),
        max_clicks=common.get("max_clicks"),
        resolve=dict(common.get("resolve") or {}),
        resolve_exclusive=bool(common.get("resolve_only")),
        delay=common.get("delay"),
        timeout=common.get("timeout"),
        log_level=level if not common.get("log_file") else "INFO",
        log_file=common.get("log_file"),
        settings=settings,
        **fixed,
    )
