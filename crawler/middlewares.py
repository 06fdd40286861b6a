"""Downloader middlewares of the bereikbaar crawler."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import CannotResolveHostError, IgnoreRequest, NotConfigured
from scrapy.http import Request

from checks.domains import host_of
from crawler.config import CrawlConfig
from crawler.resolver import is_loopback


class ResolveGuardMiddleware:
    """In exclusive --resolve mode, refuse URLs whose host is an IP literal outside loopback.

    The resolver refuses unmapped names; an IP literal never reaches a resolver, so it is
    checked here, before robots.txt is fetched for it.
    """

    def __init__(self, config: CrawlConfig) -> None:
        self.config = config

    @classmethod
    def from_crawler(cls, crawler: Any) -> ResolveGuardMiddleware:
        config = CrawlConfig.from_settings(crawler.settings)
        if not config.resolve_exclusive:
            raise NotConfigured
        return cls(config)

    def process_request(self, request: Request) -> None:
        if request.url.startswith("data:"):
            return None
        host = host_of(request.url)
        if host in self.config.resolve or is_loopback(host):
            return None
        if host.replace(".", "").isdigit() or ":" in host:
            raise CannotResolveHostError(f"{host} is outside loopback and not in the --resolve map")
        return None


class ShopRequestMiddleware:
    """Counts every request that reaches the network per shop, and drops requests of finished shops.

    Sits after RobotsTxtMiddleware, so robots.txt fetches (which carry no shop meta) are
    counted through the host -> shop map the spider keeps.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ShopRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        active = getattr(spider, "active", None)
        if active is None or request.url.startswith("data:"):
            return None
        stats = self.crawler.stats
        shop_id = request.meta.get("shop_id")
        if shop_id is not None:
            state = active.get(shop_id)
            if state is None:
                stats.inc_value("bereikbaar/requests/dropped_finished")
                raise IgnoreRequest(f"shop {shop_id} is already finished")
        else:
            state = active.get(spider.host_shop.get(host_of(request.url), ""))
            if request.url.endswith("/robots.txt"):
                stats.inc_value("bereikbaar/requests/robots_txt")
        if state is not None:
            state.requests += 1
        stats.inc_value("bereikbaar/requests/sent")
        return None
