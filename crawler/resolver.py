"""Name resolution with a fixed host -> IP map, like curl's `--resolve` (tests, demo, benchmarks).

`MappedResolver` is installed through Scrapy's TWISTED_DNS_RESOLVER setting. Hosts in
BEREIKBAAR_RESOLVE resolve to their mapped address; the URL (and so the Host header and TLS
name) keeps the original host name. With BEREIKBAAR_RESOLVE_EXCLUSIVE every other name is
refused, so a test or demo crawl can never reach a machine outside the map.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from crawler.config import parse_resolve


def is_loopback(host: str) -> bool:
    """True for an IP literal in 127.0.0.0/8 or ::1."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class MappedResolver(CachingThreadedResolver):
    """CachingThreadedResolver that answers mapped hosts itself and, when exclusive, refuses the rest."""

    def __init__(
        self,
        reactor: Any,
        cache_size: int,
        timeout: float,
        mapping: dict[str, str] | None = None,
        exclusive: bool = False,
    ) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.mapping = dict(mapping or {})
        self.exclusive = exclusive

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> MappedResolver:
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(
            reactor,
            cache_size,
            settings.getfloat("DNS_TIMEOUT"),
            mapping=parse_resolve(settings.get("BEREIKBAAR_RESOLVE")),
            exclusive=settings.getbool("BEREIKBAAR_RESOLVE_EXCLUSIVE"),
        )

    def lookup(self, name: str) -> str | None:
        """The mapped address for a host name, or None."""
        return self.mapping.get(name.lower().rstrip("."))

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred:  # noqa: N802
        address = self.lookup(name)
        if address is not None:
            return defer.succeed(address)
        if self.exclusive:
            if is_loopback(name):
                return defer.succeed(name.strip("[]"))
            return defer.fail(DNSLookupError(f"{name} is not in the --resolve map (exclusive mode)"))
        return super().getHostByName(name, timeout)
