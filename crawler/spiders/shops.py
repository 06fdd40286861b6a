"""The `shops` spider: many shops at once, each with its own budget, frontier and link graph.

    scrapy crawl shops -a shops=shops.csv -a db=results.db [-a strategy=bfs] [-a resume=1]

Per shop: the homepage is the start URL after redirects; links are followed best-first by the
score `checks` gives them (contact and customer service, then legal pages and their PDFs, then
FAQ), never below score 0, only on the shop's registrable domain (subdomains included), at most
BEREIKBAAR_MAX_CLICKS deep and BEREIKBAAR_MAX_PAGES pages. A shop stops early once nothing left
can change its result. When it completes, click counts are recomputed as true shortest paths
over the link graph and one `ShopOutcome` item is yielded for the pipeline to store.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, StopDownload
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from checks.analyse import CUT_WARNING
from checks.domains import host_of, registrable_domain
from checks.findability import VerdictRule
from crawler.analysis import AnalysisPool, default_workers
from crawler.config import CrawlConfig
from crawler.graph import url_key
from crawler.records import ShopOutcome, build_outcome, credited
from crawler.shoplist import ShopList, load_shop_list
from crawler.shopstate import USEFUL_MIN_SCORE, PageRecord, ShopState
from crawler.status import bot_wall, classify_homepage_failure, describe_failure, failure_code
from reports.store import now_iso

# Content types that are never a page to analyse (major type, or full type).
NON_PAGE_MAJOR_TYPES = frozenset({"image", "audio", "video", "font", "model"})
PAGE_APPLICATION_TYPES = frozenset(
    {"application/pdf", "application/xhtml+xml", "application/xml", "application/x-pdf"}
)
# At most this many edges are recorded from one page (mega menus, product grids).
MAX_EDGES_PER_PAGE = 600
HOMEPAGE_PRIORITY = 0


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def content_type_of(response: Response) -> str:
    return content_type_header(response).split(";")[0].strip().lower()


def content_type_header(response: Response) -> str:
    """The Content-Type header as sent, parameters (the charset) included."""
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1").strip()


def is_page_type(ctype: str) -> bool:
    """False for content types that are never a web page, text or PDF."""
    if not ctype:
        return True
    major = ctype.split("/", 1)[0]
    if major in NON_PAGE_MAJOR_TYPES:
        return False
    if major == "application":
        return ctype in PAGE_APPLICATION_TYPES
    return True


class ShopsSpider(scrapy.Spider):
    name = "shops"

    def __init__(
        self,
        shops: str | None = None,
        db: str | None = None,
        *,
        shop_list: ShopList | None = None,
        run_id: int | str | None = None,
        resume: Any = False,
        strategy: str | None = None,
        max_pages: Any = None,
        max_clicks: Any = None,
        skip_invalid: Any = False,
        collect: Any = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if shop_list is None:
            if not shops:
                raise ValueError("give the shop list: scrapy crawl shops -a shops=FILE [-a db=FILE]")
            shop_list = load_shop_list(shops, skip_invalid=_truthy(skip_invalid))
        self.shop_list = shop_list
        self.db = db
        self.run_id = int(run_id) if run_id not in (None, "") else None
        self.resume = _truthy(resume)
        self._overrides = {"strategy": strategy, "max_pages": max_pages, "max_clicks": max_clicks}
        self.collect = _truthy(collect)
        self.outcomes: list[ShopOutcome] = []
        self.completed_ids: set[str] = set()  # filled by the store pipeline on resume
        self.active: dict[str, ShopState] = {}
        self.host_shop: dict[str, str] = {}  # host -> shop id, for requests without meta (robots.txt)
        self.config = CrawlConfig()
        self.rule = VerdictRule()
        self.analysis = AnalysisPool(0)
        self.page_maxsize = 5 * 1024 * 1024

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ShopsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.config = CrawlConfig.from_settings(crawler.settings, **spider._overrides)
        spider.rule = VerdictRule(max_clicks=spider.config.verdict_max_clicks)
        spider.analysis = AnalysisPool(
            crawler.settings.getint("BEREIKBAAR_ANALYSIS_WORKERS", default_workers())
        )
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        # pages over DOWNLOAD_MAXSIZE are cut there and analysed, not dropped (see _count_bytes)
        spider.page_maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        crawler.signals.connect(spider._count_bytes, signal=signals.bytes_received)
        crawler.signals.connect(spider.analysis.close, signal=signals.spider_closed)
        return spider

    def run_settings(self) -> dict[str, Any]:
        """The settings a run records, so a result can be reproduced.

        `crawl_max_clicks` is how deep the crawler follows links (--max-clicks) and
        `crawl_contact_max_clicks` how deep it follows contact and customer-service links; the
        click limit a shop is judged by is `verdict_rule.max_clicks`, which is what reports read.
        """
        s = self.crawler.settings
        return {
            "max_pages": self.config.max_pages,
            "crawl_max_clicks": self.config.max_clicks,
            "crawl_contact_max_clicks": self.config.contact_max_clicks,
            "strategy": self.config.strategy,
            "verdict_rule": self.rule.to_dict(),
            "concurrent_requests": s.getint("CONCURRENT_REQUESTS"),
            "concurrent_requests_per_shop": s.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            "download_delay": s.getfloat("DOWNLOAD_DELAY"),
            "autothrottle": s.getbool("AUTOTHROTTLE_ENABLED"),
            "download_timeout": s.getfloat("DOWNLOAD_TIMEOUT"),
            "download_maxsize": s.getint("DOWNLOAD_MAXSIZE"),
            "retry_times": s.getint("RETRY_TIMES"),
            "redirect_max_times": s.getint("REDIRECT_MAX_TIMES"),
            "robotstxt_obey": s.getbool("ROBOTSTXT_OBEY"),
            "user_agent": s.get("USER_AGENT"),
            "resolve": dict(self.config.resolve),
        }

    # -- start ---------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for entry in self.shop_list.shops:
            if entry.id in self.completed_ids or entry.id in self.active:
                continue
            state = ShopState(entry=entry, config=self.config)
            self.active[entry.id] = state
            self.crawler.stats.inc_value("bereikbaar/shops/started")
            key = url_key(entry.url)
            state.best_clicks[key] = 0
            state.mark_requested(key)
            state.pages[key] = PageRecord(url=entry.url, key=key, clicks=0, is_homepage=True)
            yield self._request(state, entry.url, key=key, clicks=0, link_text="", home=True)

    def _request(
        self,
        state: ShopState,
        url: str,
        *,
        key: str,
        clicks: int,
        link_text: str,
        home: bool = False,
        priority: int = 0,
    ) -> Request:
        self.host_shop.setdefault(host_of(url), state.id)
        return Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            dont_filter=True,
            priority=HOMEPAGE_PRIORITY if home else priority,
            meta={
                "shop_id": state.id,
                "download_slot": state.id,
                "page_key": key,
                "clicks": clicks,
                "link_text": link_text,
                "homepage": home,
                # the size limit is applied by _count_bytes, which keeps what came in
                "download_maxsize": 0,
            },
        )

    def _count_bytes(self, data: bytes, request: Request, spider: Any = None) -> None:
        """Stop a page download at the size limit and keep the part received (README: "cut")."""
        if not self.page_maxsize or "page_key" not in request.meta:
            return
        received = request.meta.get("bereikbaar_bytes", 0) + len(data)
        request.meta["bereikbaar_bytes"] = received
        if received >= self.page_maxsize:
            raise StopDownload(fail=False)

    # -- responses -----------------------------------------------------------------------------

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        state = self.active.get(response.meta.get("shop_id", ""))
        if state is None:
            return
        record = state.pages.get(response.meta["page_key"])
        if record is not None:
            try:
                job = self._take_response(state, record, response)
                if job is not None:
                    final_key = job.pop("final_key")
                    # analysed in a worker process; the shop's slot stays taken meanwhile
                    analysis = await self.analysis.analyse(job)
                    if record.cut and CUT_WARNING not in analysis.warnings:
                        analysis.warnings.append(CUT_WARNING)
                    self._take_analysis(state, record, final_key, analysis)
            except Exception as exc:  # one odd page must never take the shop down
                self.logger.exception("analysing %s failed", response.url)
                record.error = f"{type(exc).__name__}: {str(exc)[:200]}"
                record.failure = "analysis_failed"
                record.analysis = None
                self.crawler.stats.inc_value("bereikbaar/pages/analysis_failed")
                if record.is_homepage:
                    state.status, state.reason = (
                        "error",
                        f"the homepage could not be analysed ({type(exc).__name__})",
                    )
        state.outstanding -= 1
        for request in self._advance(state):
            yield request

    def _take_response(
        self, state: ShopState, record: PageRecord, response: Response
    ) -> dict[str, Any] | None:
        """Record the response; return the analysis job, or None when there is nothing to analyse."""
        stats = self.crawler.stats
        record.final_url = response.url
        record.http_status = response.status
        record.fetched_at = now_iso()
        body = response.body
        if self.page_maxsize and len(body) >= self.page_maxsize and "download_stopped" in response.flags:
            body = body[: self.page_maxsize]
            record.cut = True
            stats.inc_value("bereikbaar/pages/cut")
        record.size = len(body)
        record.content_hash = hashlib.sha1(body).hexdigest()
        ctype = content_type_of(response)
        record.content_type = ctype or None
        final_key = url_key(response.url)
        if record.is_homepage:
            state.homepage = response.url
            state.home_key = record.key
            state.sites.add(registrable_domain(host_of(response.url)))
            self.host_shop.setdefault(host_of(response.url), state.id)
            vendor = bot_wall(body)
            if vendor is not None:
                state.status = "blocked"
                state.reason = f"the homepage shows a bot wall ({vendor} challenge page)"
                record.error = "bot wall"
                return None
        elif final_key != record.key:
            if not state.on_site(response.url):
                record.error = f"redirected off the shop's site to {host_of(response.url)}"
                stats.inc_value("bereikbaar/pages/offsite_redirect")
                return None
            if final_key in state.scheduled:
                state.graph.alias(record.key, state.graph.node(final_key))
                record.error = f"same page as {response.url}"
                return None
        state.scheduled.add(final_key)
        state.graph.alias(final_key, record.key)
        if not is_page_type(ctype):
            record.error = f"not a web page (content type {ctype})"
            stats.inc_value("bereikbaar/pages/not_a_page")
            if record.is_homepage:
                state.status, state.reason = "error", f"the homepage is not a web page (content type {ctype})"
            return None
        return {
            "url": response.url,
            "body": body,
            "content_type": content_type_header(response) or None,  # the charset decides decoding
            "country": state.entry.country or None,
            "shop_domain": registrable_domain(host_of(state.homepage or response.url)),
            "link_text": record.link_text,
            "is_homepage": record.is_homepage,
            # the prioritised crawl never follows a link below a kind score: do not score them
            "min_link_score": USEFUL_MIN_SCORE if self.config.strategy == "priority" else None,
            "final_key": final_key,
        }

    def _take_analysis(self, state: ShopState, record: PageRecord, final_key: str, analysis: Any) -> None:
        stats = self.crawler.stats
        record.analysis = analysis
        stats.inc_value("bereikbaar/pages/analysed")
        if record.is_homepage and not analysis.flooded:  # a flooded page's values set no tier
            state.phone_home = any(credited(p) and not p.is_fax for p in analysis.phones)
            state.email_home = any(credited(e) for e in analysis.emails)
        clicks = state.best_clicks.get(record.key, record.clicks)
        edges = 0
        for link in analysis.links:
            if edges >= MAX_EDGES_PER_PAGE:
                break
            if link.score < 0 and self.config.strategy == "priority":
                continue
            if not state.on_site(link.url):
                continue
            if state.graph.add_edge(final_key, url_key(link.url), link.text):
                edges += 1
            state.offer(link.url, link.text, link.score, link.kind, link.is_pdf, clicks)

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request
        state = self.active.get(request.meta.get("shop_id", ""))
        if state is None:
            return
        state.outstanding -= 1
        exc = failure.value
        record = state.pages.get(request.meta.get("page_key", ""))
        reason = describe_failure(exc)
        if record is not None:
            record.error = reason
            record.failure = failure_code(exc)
            response = getattr(exc, "response", None)
            if response is not None:
                record.http_status = response.status
                record.final_url = response.url
            record.fetched_at = now_iso()
            if record.is_homepage:
                state.status, state.reason = classify_homepage_failure(exc)
            elif reason.startswith("robots.txt"):
                state.issued -= 1  # nothing was fetched: give the budget back
        self.crawler.stats.inc_value("bereikbaar/pages/failed")
        yield from self._advance(state)

    # -- moving a shop on ----------------------------------------------------------------------

    def _advance(self, state: ShopState) -> Iterator[Any]:
        while True:
            candidate = state.pop_next()
            if candidate is None:
                break
            state.mark_requested(candidate.key)
            state.pages[candidate.key] = PageRecord(
                url=candidate.url,
                key=candidate.key,
                clicks=candidate.clicks,
                link_text=candidate.text,
                link_kind=candidate.kind,
            )
            priority = -candidate.clicks if self.config.strategy == "bfs" else candidate.score
            yield self._request(
                state,
                candidate.url,
                key=candidate.key,
                clicks=candidate.clicks,
                link_text=candidate.text,
                priority=priority,
            )
        if state.done:
            yield self._finish(state)

    def _finish(self, state: ShopState) -> ShopOutcome:
        state.finished = True
        self.active.pop(state.id, None)
        for host in [h for h, shop in self.host_shop.items() if shop == state.id]:
            del self.host_shop[host]
        outcome = build_outcome(state, self.rule)
        stats = self.crawler.stats
        stats.inc_value("bereikbaar/shops/done")
        stats.inc_value(f"bereikbaar/shops/{outcome.result['status']}")
        stats.inc_value("bereikbaar/pages", len(state.pages))
        stats.inc_value("bereikbaar/requests", state.requests)
        if outcome.result.get("compliant") is not None:
            stats.inc_value(
                f"bereikbaar/verdict/{'compliant' if outcome.result['compliant'] else 'not_compliant'}"
            )
        for channel in ("phone", "email"):
            tier = outcome.result.get(f"{channel}_tier")
            if tier:
                stats.inc_value(f"bereikbaar/tiers/{channel}/{tier}")
        return outcome

    def _on_idle(self) -> None:
        """Safety net: shops still open when nothing is in flight are finished now."""
        if not self.active:
            return
        self.logger.warning("finishing %d shop(s) left open with nothing in flight", len(self.active))
        request = Request(
            "data:,",
            callback=self._flush,
            dont_filter=True,
            meta={"dont_obey_robotstxt": True, "download_slot": "bereikbaar-flush"},
        )
        self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _flush(self, response: Response) -> Iterator[Any]:
        for state in list(self.active.values()):
            state.outstanding = 0
            yield self._finish(state)
