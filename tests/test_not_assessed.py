"""A channel an unreadable page could have changed is "not assessed", never `not_found` (issue 9).

The table gives a shop's readable pages, the pages that could not be read (kind, clicks, reason
code) and which channels must end up not assessed.
"""

from __future__ import annotations

import pytest

from checks.findability import ShopPage, VerdictRule, assess
from checks.model import ChatFinding, EmailFinding, PageAnalysis, PhoneFinding
from crawler.records import POTENTIAL_TIERS, UnreadPage, not_assessed_channels

PHONE = PhoneFinding(value="+31201234567", raw="020 123 4567", source="text", owner="shop", type="fixed_line")
EMAIL = EmailFinding(value="info@shop.nl", raw="info@shop.nl", source="text", owner="shop")


def page(kind: str, clicks: int, phone: bool = False, email: bool = False, chat: bool = False) -> ShopPage:
    a = PageAnalysis(url=f"https://www.shop.nl/{kind}-{clicks}", page_kind=kind)
    a.phones = [PhoneFinding(**{**PHONE.to_dict(), "flags": []})] if phone else []
    a.emails = [EmailFinding(**{**EMAIL.to_dict(), "flags": []})] if email else []
    a.chat = [ChatFinding(vendor="intercom", evidence="widget.intercom.io")] if chat else []
    return ShopPage(analysis=a, clicks=clicks, is_homepage=kind == "homepage")


def unread(kind: str, clicks: int = 1, code: str = "download_failed") -> UnreadPage:
    return UnreadPage(f"https://www.shop.nl/{kind}", clicks, code, kind, POTENTIAL_TIERS[kind])


HOME = page("homepage", 0)

# (name, readable pages, unread pages, channels not assessed)
TABLE = [
    ("nothing unread", [HOME], [], set()),
    ("contact page failed, nothing found", [HOME], [unread("contact")], {"phone", "email"}),
    (
        "customer service truncated",
        [HOME],
        [unread("customer_service", code="truncated")],
        {"phone", "email"},
    ),
    ("terms failed, nothing found", [HOME], [unread("terms", 2)], {"phone", "email"}),
    ("flooded homepage", [], [unread("homepage", 0, "flooded")], {"phone", "email"}),
    ("both on homepage: nothing to change", [page("homepage", 0, True, True)], [unread("contact")], set()),
    ("phone on homepage, email missing", [page("homepage", 0, phone=True)], [unread("contact")], {"email"}),
    (
        "only in the terms, contact failed",
        [HOME, page("terms", 1, True, True)],
        [unread("contact")],
        {"phone", "email"},
    ),
    (
        "only in the terms, privacy failed: no better",
        [HOME, page("terms", 1, True, True)],
        [unread("privacy")],
        set(),
    ),
    ("chat only, imprint failed", [page("homepage", 0, chat=True)], [unread("imprint")], {"phone", "email"}),
    (
        "on the contact page, legal page failed",
        [HOME, page("contact", 1, True, True)],
        [unread("terms")],
        set(),
    ),
]


@pytest.mark.parametrize(
    ("pages", "failed", "expected"), [pytest.param(p, u, e, id=n) for n, p, u, e in TABLE]
)
def test_not_assessed_channels(pages: list[ShopPage], failed: list[UnreadPage], expected: set[str]) -> None:
    rule = VerdictRule()
    assessment = assess(pages or [HOME], rule=rule)
    missing = not_assessed_channels(assessment, failed, rule)
    assert set(missing) == expected
    for info in missing.values():
        assert info["code"] == failed[0].code
        assert failed[0].url in info["reason"]
        assert info["pages"][0]["url"] == failed[0].url


def test_every_potential_tier_is_a_tier() -> None:
    from checks.findability import TIER_RANK

    assert set(POTENTIAL_TIERS.values()) <= set(TIER_RANK)
