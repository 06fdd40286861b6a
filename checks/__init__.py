"""Pure extraction and classification: a URL and a page in, dataclasses out.

Nothing in this package imports Scrapy, SQLite or a network client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from checks.model import PageAnalysis

__all__ = ["analyse_page", "UnsupportedContent"]


def analyse_page(url: str, body: bytes | str, **kwargs) -> PageAnalysis:
    """Run every check on one page; see `checks.analyse.analyse_page`."""
    from checks.analyse import analyse_page as _analyse

    return _analyse(url, body, **kwargs)


def __getattr__(name: str):
    if name == "UnsupportedContent":
        from checks.analyse import UnsupportedContent

        return UnsupportedContent
    raise AttributeError(name)
