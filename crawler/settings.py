"""Scrapy settings for the bereikbaar crawler: polite by default, bounded everywhere.

Components read these only in `from_crawler`, into the typed dataclasses of `crawler.config`.
"""

from bereikbaar import USER_AGENT as _USER_AGENT

BOT_NAME = "bereikbaar"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# -- politeness ---------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
USER_AGENT = _USER_AGENT
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 0.5  # the floor AutoThrottle never goes below, per shop
# Per shop, not per host: every request carries meta["download_slot"] = shop id, so
# www.shop.nl, klantenservice.shop.nl and help.shop.nl share these two slots.
CONCURRENT_REQUESTS_PER_DOMAIN = 2
CONCURRENT_REQUESTS = 32  # global, across all shops (`--concurrency`)
# Items/requests handled in parallel per response. A callback here yields a handful of requests
# and at most one item; Scrapy starts this many asyncio workers for every response, so the
# default (100) costs far more than it gives (measured: 296,000 worker tasks for 1,680 pages).
CONCURRENT_ITEMS = 4
COOKIES_ENABLED = True  # some consent walls need their cookie back; cookies never leave a shop

# -- bounds -------------------------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 20
RETRY_TIMES = 1
REDIRECT_MAX_TIMES = 5
URLLENGTH_LIMIT = 0  # the spider checks URL length itself, so no request vanishes silently
DEPTH_LIMIT = 0  # depth is the spider's per-shop click limit (BEREIKBAAR_MAX_CLICKS)
HTTPERROR_ALLOW_ALL = False
REFERER_ENABLED = True

# -- bereikbaar ---------------------------------------------------------------------------------
BEREIKBAAR_MAX_PAGES = 30  # pages fetched per shop (robots.txt not included)
BEREIKBAAR_MAX_CLICKS = 3  # links followed at most this many clicks from the homepage
BEREIKBAAR_STRATEGY = "priority"  # priority (contact and legal pages first) | bfs (baseline)
BEREIKBAAR_VERDICT_MAX_CLICKS = 2  # the verdict rule: contact details within this many clicks
BEREIKBAAR_RESOLVE: dict[str, str] = {}  # host -> IP, like curl --resolve (tests, demo, benchmarks)
BEREIKBAAR_RESOLVE_EXCLUSIVE = False  # True: refuse every host that is not in BEREIKBAAR_RESOLVE
BEREIKBAAR_DB = ""  # the SQLite file the pipeline writes to ('' = do not write)
BEREIKBAAR_PROGRESS = False  # a live progress line on stderr
BEREIKBAAR_PROGRESS_INTERVAL = 1.0

TWISTED_DNS_RESOLVER = "crawler.resolver.MappedResolver"

DOWNLOADER_MIDDLEWARES = {
    # before RobotsTxtMiddleware (100): refuse non-loopback IP literals in exclusive mode
    "crawler.middlewares.ResolveGuardMiddleware": 50,
    # sees every request that reaches the network, robots.txt included
    "crawler.middlewares.ShopRequestMiddleware": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {
    "crawler.extensions.ProgressExtension": 500,
}

LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
