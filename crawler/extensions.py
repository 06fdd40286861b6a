"""A live progress line on stderr: shops done/total, pages, errors, elapsed time."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

# Without a terminal, a plain line is written at most this often (seconds).
PLAIN_LINE_EVERY = 10.0


def format_elapsed(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def progress_line(done: int, total: int, pages: int, errors: int, elapsed: float) -> str:
    """`shops 12/100 (12%) · pages 340 · not assessed 3 · 0:01:23`."""
    share = f" ({100 * done // total}%)" if total else ""
    return f"shops {done}/{total}{share} · pages {pages} · not assessed {errors} · {format_elapsed(elapsed)}"


class ProgressExtension:
    """Enabled by BEREIKBAAR_PROGRESS; rewrites one line on a TTY, prints plain lines otherwise."""

    def __init__(self, crawler: Any, interval: float, stream: TextIO) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream
        self.tty = stream.isatty()
        self.started = time.monotonic()
        self.last_plain = 0.0
        self.last_text = ""
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressExtension:
        if not crawler.settings.getbool("BEREIKBAAR_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("BEREIKBAAR_PROGRESS_INTERVAL", 1.0), sys.stderr)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _figures(self) -> tuple[int, int, int, int]:
        stats = self.crawler.stats
        spider = self.crawler.spider
        skipped = len(getattr(spider, "completed_ids", ()))
        total = len(spider.shop_list.shops) if spider is not None else 0
        done = (stats.get_value("bereikbaar/shops/done") or 0) + skipped
        pages = stats.get_value("bereikbaar/pages/analysed") or 0
        errors = done - skipped - (stats.get_value("bereikbaar/shops/ok") or 0)
        return done, total, pages, errors

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.interval, now=True)

    def tick(self, final: bool = False) -> None:
        text = progress_line(*self._figures(), time.monotonic() - self.started)
        if self.tty:
            self.stream.write("\r\x1b[2K" + text + ("\n" if final else ""))
            self.stream.flush()
            return
        now = time.monotonic()
        if final or (text != self.last_text and now - self.last_plain >= PLAIN_LINE_EVERY):
            self.stream.write(text + "\n")
            self.stream.flush()
            self.last_plain, self.last_text = now, text

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.tick(final=True)
