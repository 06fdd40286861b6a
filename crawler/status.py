"""Why a shop could not be assessed: failures and answers on the homepage mapped to a status.

Never turn "we could not look" into "they have none": a shop whose homepage fails gets one of
`unreachable`, `blocked`, `robots_disallowed` or `error`, with a reason a person can read.
"""

from __future__ import annotations

import re
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as txerror
from twisted.web._newclient import ResponseNeverReceived

# HTTP answers on the homepage that mean "we are kept out", not "the shop is broken".
BLOCKED_HTTP_STATUSES = frozenset({401, 403, 429, 503})
ROBOTS_MESSAGE = "Forbidden by robots.txt"
REDIRECT_LIMIT_MESSAGE = "max redirections reached"

# Bot walls and challenge pages, recognised from the first bytes of a homepage answer
# (compared lower case). Each entry: (vendor, compiled pattern).
BOT_WALL_SIGNATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cloudflare", re.compile(r"<title>\s*just a moment\.\.\.\s*</title>")),
    ("cloudflare", re.compile(r"<title>\s*attention required!? \| cloudflare\s*</title>")),
    ("cloudflare", re.compile(r"cf-browser-verification|/cdn-cgi/challenge-platform/|window\._cf_chl_opt")),
    (
        "cloudflare",
        re.compile(r"checking (?:if the site connection is secure|your browser before accessing)"),
    ),
    ("datadome", re.compile(r"geo\.captcha-delivery\.com|ct\.captcha-delivery\.com")),
    ("imperva", re.compile(r"_incapsula_resource|incapsula incident id")),
    ("imperva", re.compile(r"<title>\s*pardon our interruption")),
    ("perimeterx", re.compile(r"px-captcha|<title>\s*access to this page has been denied")),
    ("akamai", re.compile(r"<title>\s*access denied\s*</title>[\s\S]*reference #")),
    ("aws-waf", re.compile(r"awswafintegration|challenge\.js[\s\S]*aws-waf-token")),
    ("captcha", re.compile(r"<title>[^<]*(?:captcha|are you a robot|are you human|verify you are human)")),
)
# Only this much of a page is inspected for a bot wall.
BOT_WALL_SCAN_BYTES = 32 * 1024


def bot_wall(body: bytes | str) -> str | None:
    """The bot-wall vendor a homepage answer shows, or None for an ordinary page."""
    head = body[:BOT_WALL_SCAN_BYTES]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    text = text.lower()
    for vendor, pattern in BOT_WALL_SIGNATURES:
        if pattern.search(text):
            return vendor
    return None


def _http_status(failure_value: Any) -> int | None:
    response = getattr(failure_value, "response", None)
    return getattr(response, "status", None)


def describe_failure(exc: BaseException) -> str:
    """A short sentence for a failed page request (used in `pages.error`)."""
    status = _http_status(exc)
    if isinstance(exc, HttpError) and status is not None:
        return f"HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        text = str(exc) or "request dropped"
        if ROBOTS_MESSAGE in text:
            return "robots.txt forbids this page"
        if REDIRECT_LIMIT_MESSAGE in text:
            return "too many redirects (redirect loop?)"
        return text
    if isinstance(exc, DownloadCancelledError) and "max" in str(exc).lower():
        return "larger than the download size limit"
    if isinstance(exc, CannotResolveHostError | txerror.DNSLookupError):
        return f"DNS lookup failed: {exc}"
    if isinstance(exc, DownloadConnectionRefusedError | txerror.ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, DownloadTimeoutError | txerror.TimeoutError | txerror.TCPTimedOutError):
        return "timed out"
    text = str(exc).strip() or type(exc).__name__
    return text[:300]


# Why a page could not be read: reason codes stored with the page and named in the results
# when they leave a channel not assessed.
FAILURE_CODES = {
    "download_failed": "the download failed (time-out, lost connection, server error)",
    "truncated": "the connection broke off before the page was complete",
    "analysis_failed": "the page could not be analysed",
    "robots_disallowed": "robots.txt forbids reading it",
}


def failure_code(exc: BaseException) -> str | None:
    """The reason code for a page request that failed, or None when the answer is the shop's own
    word that there is no such page (HTTP 4xx other than 429, a redirect loop): a visitor does
    not see it either."""
    status = _http_status(exc)
    if isinstance(exc, HttpError) and status is not None:
        return "download_failed" if status >= 500 or status == 429 else None
    if isinstance(exc, IgnoreRequest):
        return "robots_disallowed" if ROBOTS_MESSAGE in str(exc) else None
    if isinstance(exc, ResponseDataLossError):
        return "truncated"
    return "download_failed"


def classify_homepage_failure(exc: BaseException) -> tuple[str, str]:
    """(status, reason) for a homepage request that failed."""
    status = _http_status(exc)
    if isinstance(exc, HttpError) and status is not None:
        if status in BLOCKED_HTTP_STATUSES:
            return "blocked", f"the homepage answered HTTP {status}"
        return "error", f"the homepage answered HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if ROBOTS_MESSAGE in text:
            return "robots_disallowed", "robots.txt forbids crawling the homepage"
        if REDIRECT_LIMIT_MESSAGE in text:
            return "error", "the homepage redirects too often (a redirect loop)"
        return "error", f"the homepage request was dropped: {text or 'no reason given'}"
    if isinstance(exc, CannotResolveHostError | txerror.DNSLookupError):
        return "unreachable", "the shop's host name does not resolve (DNS lookup failed)"
    if isinstance(exc, DownloadConnectionRefusedError | txerror.ConnectionRefusedError):
        return "unreachable", "the connection to the shop was refused"
    if isinstance(exc, DownloadTimeoutError | txerror.TimeoutError | txerror.TCPTimedOutError):
        return "unreachable", "the homepage did not answer in time"
    if isinstance(exc, txerror.NoRouteError | txerror.ConnectError):
        return "unreachable", f"could not connect to the shop ({type(exc).__name__})"
    if isinstance(exc, DownloadCancelledError) and "max" in str(exc).lower():
        return "error", "the homepage is larger than the download size limit"
    if isinstance(exc, DownloadFailedError | ResponseNeverReceived | ResponseDataLossError):
        return "error", f"the homepage download failed: {str(exc)[:200] or type(exc).__name__}"
    return "error", f"unexpected failure on the homepage: {type(exc).__name__}: {str(exc)[:200]}"
