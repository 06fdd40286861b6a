"""Page analysis off the crawling process: a small pool of worker processes runs `checks`.

The checks are pure Python and CPU-bound; in the crawling process they would hold the one
core that also drives Scrapy. With `BEREIKBAAR_ANALYSIS_WORKERS` > 0 each fetched page goes to
a worker process (spawned, so no reactor state is forked) and the spider awaits the result;
0 analyses in the crawling process. A pool that breaks (a worker killed by the OS) is replaced
by in-process analysis for the rest of the crawl, never by a lost page.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from checks import analyse_page
from checks.model import PageAnalysis

logger = logging.getLogger(__name__)


def default_workers() -> int:
    """One worker per core beyond the first (the crawling process keeps one), at most 4."""
    cores = os.cpu_count() or 1
    return max(0, min(4, cores - 1))


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the crawling process is gone (killed with -9, say)."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def analyse_job(job: dict[str, Any]) -> PageAnalysis:
    """Run in a worker: `job` holds analyse_page's arguments."""
    return analyse_page(job.pop("url"), job.pop("body"), **job)


class AnalysisPool:
    def __init__(self, workers: int) -> None:
        self.workers = max(0, workers)
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor | None:
        if self.workers and self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
        return self._pool

    async def analyse(self, job: dict[str, Any]) -> PageAnalysis:
        pool = self._executor()
        if pool is None:
            return analyse_job(dict(job))
        try:
            return await asyncio.wrap_future(pool.submit(analyse_job, dict(job)))
        except BrokenProcessPool:
            logger.error("the analysis worker pool broke; analysing in the crawling process from now on")
            self.close()
            self.workers = 0
            return analyse_job(dict(job))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
