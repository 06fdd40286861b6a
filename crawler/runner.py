"""Run the `shops` spider from Python (the CLI): settings from options, one crawl per process.

Twisted's reactor starts once per process, so `run_crawl` may be called once; tests run the
CLI in a subprocess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.records import ShopOutcome
from crawler.shoplist import ShopList

# Loggers whose errors are expected outcomes of crawling the web (shown with --verbose).
QUIET_LOGGERS = (
    "scrapy.downloadermiddlewares.robotstxt",
    "scrapy.downloadermiddlewares.retry",
    "scrapy.core.downloader.handlers.http11",
)


@dataclass
class CrawlOptions:
    db: str | None = None
    resume: bool = False
    concurrency: int | None = None
    max_pages: int | None = None
    max_clicks: int | None = None
    strategy: str | None = None
    resolve: dict[str, str] = field(default_factory=dict)
    resolve_exclusive: bool = False
    delay: float | None = None  # seconds between requests to one shop (AutoThrottle floor)
    timeout: float | None = None  # download timeout, seconds
    progress: bool = False
    collect: bool = False
    log_level: str = "ERROR"
    log_file: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # any other Scrapy setting


@dataclass
class CrawlReport:
    run_id: int | None
    stats: dict[str, Any]
    outcomes: list[ShopOutcome]
    shops_left_open: int = 0


def build_settings(options: CrawlOptions) -> Settings:
    """Project settings (crawler/settings.py) with the command-line options on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    cmd: dict[str, Any] = {"LOG_LEVEL": options.log_level}
    if options.log_file:
        cmd["LOG_FILE"] = options.log_file
    if options.concurrency is not None:
        cmd["CONCURRENT_REQUESTS"] = options.concurrency
    if options.max_pages is not None:
        cmd["BEREIKBAAR_MAX_PAGES"] = options.max_pages
    if options.max_clicks is not None:
        cmd["BEREIKBAAR_MAX_CLICKS"] = options.max_clicks
    if options.strategy:
        cmd["BEREIKBAAR_STRATEGY"] = options.strategy
    if options.resolve:
        cmd["BEREIKBAAR_RESOLVE"] = dict(options.resolve)
    if options.resolve_exclusive:
        cmd["BEREIKBAAR_RESOLVE_EXCLUSIVE"] = True
    if options.delay is not None:
        cmd["DOWNLOAD_DELAY"] = options.delay
        cmd["AUTOTHROTTLE_START_DELAY"] = max(options.delay, 0.0)
        if options.delay == 0:
            cmd["AUTOTHROTTLE_ENABLED"] = False
    if options.timeout is not None:
        cmd["DOWNLOAD_TIMEOUT"] = options.timeout
        cmd["DNS_TIMEOUT"] = options.timeout
    if options.db:
        cmd["BEREIKBAAR_DB"] = options.db
    cmd["BEREIKBAAR_PROGRESS"] = options.progress
    cmd.update(options.settings)
    settings.setdict(cmd, priority="cmdline")
    return settings


def run_crawl(shop_list: ShopList, options: CrawlOptions) -> CrawlReport:
    """Crawl the shops of `shop_list` (skipping completed ones on --resume) and wait for the end."""
    from crawler.spiders.shops import ShopsSpider

    settings = build_settings(options)
    process = CrawlerProcess(settings)
    if options.log_level not in ("DEBUG", "INFO"):
        # a shop that fails is a result (its status), not an error of the tool
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    crawler = process.create_crawler(ShopsSpider)
    process.crawl(
        crawler,
        shop_list=shop_list,
        db=options.db,
        resume=options.resume,
        collect=options.collect,
    )
    process.start()
    spider = crawler.spider
    return CrawlReport(
        run_id=getattr(spider, "run_id", None),
        stats=dict(crawler.stats.get_stats()) if crawler.stats else {},
        outcomes=list(getattr(spider, "outcomes", [])),
        shops_left_open=len(getattr(spider, "active", {})),
    )
