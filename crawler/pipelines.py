"""Item pipeline: every finished shop is written through reports.store, one transaction per shop."""

from __future__ import annotations

import logging
from typing import Any

from crawler.records import ShopOutcome
from reports.store import Store

logger = logging.getLogger(__name__)

# Stats copied into runs.stats (prefix match).
RUN_STATS_PREFIXES = ("bereikbaar/", "downloader/response_status_count/", "retry/", "robotstxt/")


class StorePipeline:
    """Opens the crawl database, starts or resumes the run, saves each shop as it completes.

    The database comes from the spider argument `db` or the BEREIKBAAR_DB setting; with
    neither, nothing is written (`bereikbaar check` without --db keeps results in memory).
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.db_path: str = crawler.settings.get("BEREIKBAAR_DB") or ""
        self.store: Store | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        path = getattr(spider, "db", None) or self.db_path
        if not path:
            return
        self.store = Store(path)
        shop_list = spider.shop_list
        run_id = spider.run_id
        if run_id is None and spider.resume:
            run = self.store.unfinished_run()
            if run is not None:
                run_id = int(run["id"])
                if shop_list.sha256 and run.get("shop_list_sha256") not in (None, "", shop_list.sha256):
                    logger.warning("resuming run %s, which was started from a different shop list", run_id)
        if run_id is None:
            run_id = self.store.start_run(
                shop_list.path, shop_list.sha256, len(shop_list.shops), spider.run_settings()
            )
        self.run_id = spider.run_id = run_id
        spider.completed_ids = self.store.completed_shop_ids(run_id)
        self.store.upsert_shops([entry.to_row() for entry in shop_list.shops])
        self.crawler.stats.set_value("bereikbaar/run_id", run_id)
        self.crawler.stats.set_value("bereikbaar/shops/skipped_completed", len(spider.completed_ids))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ShopOutcome):
            return item
        spider = self.crawler.spider
        if self.store is not None and self.run_id is not None:
            self.store.save_shop(
                self.run_id, item.shop_id, item.result, item.pages, item.findings, item.links
            )
            self.crawler.stats.inc_value("bereikbaar/shops/saved")
        if spider.collect:
            spider.outcomes.append(item)
        return item

    def close_spider(self) -> None:
        if self.store is None or self.run_id is None:
            return
        spider = self.crawler.spider
        stats = {
            k: v
            for k, v in self.crawler.stats.get_stats().items()
            if k.startswith(RUN_STATS_PREFIXES) and isinstance(v, int | float | str)
        }
        # finished only when every shop of the list has its result (a resumed run included)
        complete = {entry.id for entry in spider.shop_list.shops} <= self.store.completed_shop_ids(
            self.run_id
        )
        self.store.finish_run(self.run_id, "finished" if complete else "interrupted", stats=stats)
        self.store.close()
