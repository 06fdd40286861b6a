"""Typed views of the crawler's settings, read once in `from_crawler`."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from typing import Any

STRATEGIES = ("priority", "bfs")


def parse_resolve(value: Any) -> dict[str, str]:
    """A host -> IP map from a dict, a `HOST=IP` list or a comma-separated string; ValueError says why."""
    if not value:
        return {}
    if isinstance(value, str) and value.lstrip().startswith("{"):
        value = json.loads(value)
    if isinstance(value, dict):
        items = list(value.items())
    else:
        parts = value.split(",") if isinstance(value, str) else list(value)
        items = []
        for part in parts:
            part = part.strip()
            if not part:
                continue
            host, sep, ip = part.partition("=")
            if not sep:
                # curl style HOST:PORT:IP is accepted too (the port is ignored)
                bits = part.split(":")
                if len(bits) == 3:
                    host, ip = bits[0], bits[2]
                else:
                    raise ValueError(f"--resolve {part!r} is not HOST=IP")
            items.append((host, ip))
    mapping: dict[str, str] = {}
    for host, ip in items:
        host = str(host).strip().lower().rstrip(".")
        ip = str(ip).strip()
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            raise ValueError(f"--resolve {host}={ip}: {ip!r} is not an IP address") from None
        if not host:
            raise ValueError(f"--resolve ={ip}: the host name is missing")
        mapping[host] = ip
    return mapping


@dataclass(frozen=True, slots=True)
class CrawlConfig:
    max_pages: int = 30
    max_clicks: int = 3
    # Contact and customer-service links are followed beyond `max_clicks`, up to this many clicks
    # (when the page budget allows), so a far-away contact page is reported with its true clicks
    # instead of as missing. At most max(max_clicks, contact_max_clicks); 0 switches it off.
    contact_max_clicks: int = 5
    strategy: str = "priority"
    verdict_max_clicks: int = 2
    per_shop_concurrency: int = 2
    max_url_length: int = 2000
    resolve: dict[str, str] = field(default_factory=dict)
    resolve_exclusive: bool = False

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> CrawlConfig:
        strategy = str(overrides.get("strategy") or settings.get("BEREIKBAAR_STRATEGY", "priority"))
        if strategy not in STRATEGIES:
            raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
        max_pages = int(overrides.get("max_pages") or settings.getint("BEREIKBAAR_MAX_PAGES", 30))
        max_clicks_raw = overrides.get("max_clicks")
        max_clicks = (
            int(max_clicks_raw)
            if max_clicks_raw not in (None, "")
            else settings.getint("BEREIKBAAR_MAX_CLICKS", 3)
        )
        if max_pages < 1:
            raise ValueError("the page budget per shop must be at least 1")
        if max_clicks < 0:
            raise ValueError("the click limit cannot be negative")
        contact_max_clicks = settings.getint("BEREIKBAAR_CONTACT_MAX_CLICKS", 5)
        if contact_max_clicks < 0:
            raise ValueError("the contact click limit cannot be negative")
        return cls(
            max_pages=max_pages,
            max_clicks=max_clicks,
            contact_max_clicks=contact_max_clicks,
            strategy=strategy,
            verdict_max_clicks=settings.getint("BEREIKBAAR_VERDICT_MAX_CLICKS", 2),
            per_shop_concurrency=max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2)),
            resolve=parse_resolve(settings.get("BEREIKBAAR_RESOLVE")),
            resolve_exclusive=settings.getbool("BEREIKBAAR_RESOLVE_EXCLUSIVE", False),
        )
