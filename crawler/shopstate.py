"""Everything the crawler knows about one shop while it is being crawled.

The unit of work is a shop (DESIGN.md): its page budget, depth limit, frontier, link graph and
settled flags live here, keyed by the shop, and are dropped once the shop has been written.
Nothing in here needs to see another shop, so shops can be spread over processes.
"""

from __future__ import annotations

import heapq
import itertools
import time
from dataclasses import dataclass, field

from checks.domains import host_of, registrable_domain
from checks.links import KIND_SCORES
from checks.model import CONTACT_KINDS, LEGAL_KINDS, PageAnalysis
from crawler.config import CrawlConfig
from crawler.graph import LinkGraph, url_key
from crawler.shoplist import ShopEntry

# A link is worth a request in the prioritised strategy when checks recognised the kind of page
# it leads to (contact, legal, FAQ, about, shipping...): its score is at least the lowest kind
# score. Once no such link is left, the shop is done.
USEFUL_MIN_SCORE = min(KIND_SCORES.values())
# Link kinds that must be seen before a shop whose contact details sit on its homepage may stop.
MUST_SEE_LINK_KINDS = CONTACT_KINDS | LEGAL_KINDS | {"withdrawal"}


@dataclass(slots=True)
class Candidate:
    url: str
    key: str
    clicks: int
    text: str
    score: int
    kind: str
    is_pdf: bool
    seq: int


@dataclass(slots=True)
class PageRecord:
    url: str  # the URL requested
    key: str
    clicks: int  # clicks when it was requested (the final figure comes from the graph)
    link_text: str = ""
    is_homepage: bool = False
    final_url: str = ""
    http_status: int | None = None
    content_type: str | None = None
    content_hash: str | None = None
    size: int | None = None
    fetched_at: str | None = None
    error: str | None = None
    # why a page that may hold contact details could not be read (crawler.status.FAILURE_CODES);
    # None when it was read, or when the answer itself says there is no page (HTTP 404)
    failure: str | None = None
    link_kind: str = ""  # the page kind its link promised (checks.links), for a page never read
    cut: bool = False  # larger than the size limit: analysed up to the limit
    analysis: PageAnalysis | None = None


@dataclass
class ShopState:
    entry: ShopEntry
    config: CrawlConfig
    started: float = field(default_factory=time.monotonic)
    status: str = "ok"
    reason: str = ""
    homepage: str | None = None
    home_key: str | None = None
    sites: set[str] = field(default_factory=set)
    graph: LinkGraph = field(default_factory=LinkGraph)
    pages: dict[str, PageRecord] = field(default_factory=dict)  # requested URL key -> record
    best_clicks: dict[str, int] = field(default_factory=dict)  # URL key -> fewest clicks seen so far
    scheduled: set[str] = field(default_factory=set)  # URL keys requested (or answered from)
    outstanding: int = 0
    issued: int = 0  # page requests issued: the budget counter
    requests: int = 0  # requests that reached the network (robots.txt, redirects, retries included)
    phone_home: bool = False
    email_home: bool = False
    finished: bool = False
    _frontier: list[tuple] = field(default_factory=list)
    _seq: itertools.count = field(default_factory=itertools.count)

    def __post_init__(self) -> None:
        self.sites.add(registrable_domain(host_of(self.entry.url)))

    @property
    def id(self) -> str:
        return self.entry.id

    def on_site(self, url: str) -> bool:
        return registrable_domain(host_of(url)) in self.sites

    # -- the frontier -------------------------------------------------------------------------

    def offer(self, url: str, text: str, score: int, kind: str, is_pdf: bool, from_clicks: int) -> bool:
        """Consider a link seen on a page at `from_clicks`; True when it joined the frontier."""
        if score < 0 and self.config.strategy == "priority":
            return False
        if len(url) > self.config.max_url_length or not url.startswith(("http://", "https://")):
            return False
        if not self.on_site(url):
            return False
        clicks = from_clicks + 1
        if clicks > self.config.max_clicks and (
            kind not in CONTACT_KINDS or clicks > self.config.contact_max_clicks
        ):
            return False  # beyond the click limit only contact and customer-service links go on
        key = url_key(url)
        if key in self.scheduled:
            return False
        known = self.best_clicks.get(key)
        if known is not None and known <= clicks:
            return False
        self.best_clicks[key] = clicks
        seq = next(self._seq)
        if self.config.strategy == "bfs":
            order: tuple = (clicks, seq)
        else:
            # links beyond the click limit wait until nothing within it is left: budget permitting
            order = (self.beyond_limit(clicks), -score, clicks, seq)
        candidate = Candidate(url, key, clicks, text, score, kind, is_pdf, seq)
        heapq.heappush(self._frontier, (*order, candidate))
        return True

    def beyond_limit(self, clicks: int) -> bool:
        return clicks > self.config.max_clicks

    def _live(self) -> list[Candidate]:
        """Frontier entries not yet requested, with their best clicks (stale duplicates dropped)."""
        live = []
        for entry in self._frontier:
            c = entry[-1]
            if c.key not in self.scheduled and self.best_clicks.get(c.key) == c.clicks:
                live.append(c)
        return live

    def wants_more(self) -> bool:
        """False once the budget is spent or nothing left in the frontier can change the result."""
        if self.finished or self.status != "ok" or self.issued >= self.config.max_pages:
            return False
        live = self._live()
        if not live:
            return False
        if self.config.strategy == "bfs":
            return True
        useful = [c for c in live if c.score >= USEFUL_MIN_SCORE]
        if not useful:
            return False
        if self.phone_home and self.email_home:
            # the homepage settles both channels at 0 clicks: nothing far away can improve on it
            return any(c.kind in MUST_SEE_LINK_KINDS and not self.beyond_limit(c.clicks) for c in useful)
        return True

    def pop_next(self) -> Candidate | None:
        """The best candidate to request now, or None (budget, concurrency or nothing useful)."""
        if self.outstanding >= self.config.per_shop_concurrency or not self.wants_more():
            return None
        while self._frontier:
            c = heapq.heappop(self._frontier)[-1]
            if c.key in self.scheduled or self.best_clicks.get(c.key) != c.clicks:
                continue
            if self.config.strategy == "priority" and c.score < USEFUL_MIN_SCORE:
                continue
            return c
        return None

    def mark_requested(self, key: str) -> None:
        self.scheduled.add(key)
        self.outstanding += 1
        self.issued += 1

    @property
    def done(self) -> bool:
        """Nothing in flight and nothing more to ask for."""
        return self.outstanding <= 0 and not self.wants_more()

    def duration(self) -> float:
        return round(time.monotonic() - self.started, 3)
