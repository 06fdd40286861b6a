"""Crawl depth: contact and customer-service links are followed beyond the click limit.

A contact page 4 clicks deep must be reported "on the contact page, 4 clicks", not as missing;
other pages stay within the crawl's click limit; contact links stop at `contact_max_clicks`.
The frontier is tested directly, then a small shop served on loopback is crawled end to end.
"""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest

from bereikbaar.samples.httpd import LoopbackCluster, Response, ShopEntry, loopback_address
from crawler.config import CrawlConfig
from crawler.shoplist import ShopEntry as ListEntry
from crawler.shopstate import ShopState
from tests.conftest import FAST_CRAWL_ARGS, run_cli

# --- the frontier ---------------------------------------------------------------------------


def _state(max_clicks: int = 3, contact_max_clicks: int = 5, strategy: str = "priority") -> ShopState:
    config = CrawlConfig(max_clicks=max_clicks, contact_max_clicks=contact_max_clicks, strategy=strategy)
    return ShopState(entry=ListEntry(id="shop.nl", url="https://www.shop.nl/"), config=config)


def _drain(state: ShopState) -> list[tuple[str, int]]:
    order = []
    while (c := state.pop_next()) is not None:
        state.mark_requested(c.key)
        state.outstanding -= 1
        order.append((c.url.rsplit("/", 1)[-1], c.clicks))
    return order


# (link kind, score, clicks of the page it is on, accepted with max_clicks=3 and contact_max_clicks=5)
OFFER_CASES = [
    ("contact", 100, 2, True),  # within the limit: as before
    ("faq", 55, 2, True),
    ("contact", 100, 3, True),  # 4 clicks: a contact link goes on
    ("customer_service", 90, 3, True),
    ("contact", 100, 4, True),  # 5 clicks: still
    ("contact", 100, 5, False),  # 6 clicks: too far
    ("faq", 55, 3, False),  # other pages stay within the limit
    ("terms", 75, 3, False),
    ("returns", 60, 3, False),
    ("other", 10, 3, False),
]


@pytest.mark.parametrize(("kind", "score", "from_clicks", "accepted"), OFFER_CASES)
def test_only_contact_links_go_beyond_the_click_limit(
    kind: str, score: int, from_clicks: int, accepted: bool
) -> None:
    state = _state()
    assert state.offer(f"https://www.shop.nl/{kind}-x", "Link", score, kind, False, from_clicks) is accepted


@pytest.mark.parametrize("strategy", ["priority", "bfs"])
def test_contact_limit_zero_keeps_the_plain_click_limit(strategy: str) -> None:
    state = _state(contact_max_clicks=0, strategy=strategy)
    assert not state.offer("https://www.shop.nl/contact", "Contact", 100, "contact", False, 3)


def test_the_contact_limit_never_lowers_the_crawl_limit() -> None:
    state = _state(max_clicks=6, contact_max_clicks=5)
    assert state.offer("https://www.shop.nl/over-ons", "Over ons", 50, "about", False, 5)


def test_far_contact_links_wait_for_everything_within_the_limit() -> None:
    state = _state()
    state.offer("https://www.shop.nl/contact-diep", "Contact", 100, "contact", False, 3)
    state.offer("https://www.shop.nl/verzenden", "Verzenden", 20, "shipping", False, 1)
    state.offer("https://www.shop.nl/voorwaarden", "Voorwaarden", 75, "terms", False, 2)
    assert _drain(state) == [("voorwaarden", 3), ("verzenden", 2), ("contact-diep", 4)]


def test_far_contact_links_only_while_the_budget_allows() -> None:
    state = ShopState(
        entry=ListEntry(id="shop.nl", url="https://www.shop.nl/"), config=CrawlConfig(max_pages=2)
    )
    state.mark_requested("home")  # the homepage took one page of the budget
    state.outstanding -= 1
    state.offer("https://www.shop.nl/faq", "FAQ", 55, "faq", False, 0)
    state.offer("https://www.shop.nl/contact-diep", "Contact", 100, "contact", False, 3)
    assert _drain(state) == [("faq", 1)]


def test_a_shop_settled_on_its_homepage_does_not_go_far() -> None:
    state = _state()
    state.phone_home = state.email_home = True
    state.offer("https://www.shop.nl/contact-diep", "Contact", 100, "contact", False, 3)
    assert _drain(state) == []
    assert state.done


def test_a_far_link_seen_again_closer_is_requested_at_the_closer_clicks() -> None:
    state = _state()
    state.offer("https://www.shop.nl/contact", "Contact", 100, "contact", False, 4)
    state.offer("https://www.shop.nl/contact", "Contact", 100, "contact", False, 0)
    assert _drain(state) == [("contact", 1)]


def test_the_setting_is_read_and_checked() -> None:
    from scrapy.settings import Settings

    assert CrawlConfig.from_settings(Settings()).contact_max_clicks == 5
    assert CrawlConfig.from_settings(Settings({"BEREIKBAAR_CONTACT_MAX_CLICKS": 7})).contact_max_clicks == 7
    with pytest.raises(ValueError, match="contact click limit"):
        CrawlConfig.from_settings(Settings({"BEREIKBAAR_CONTACT_MAX_CLICKS": -1}))


# --- a shop whose contact page is 4 clicks deep, on loopback --------------------------------

PHONE_DISPLAY, PHONE_E164 = "030 - 765 43 21", "+31307654321"
EMAIL = "service@diepwinkel.nl"
# path -> (title, [(link path, link text)], main text). Only the 3-click page links to contact.
DEEP_SHOP = {
    "/": ("Diepwinkel", [("/klantenservice", "Klantenservice"), ("/algemene-voorwaarden", "Algemene voorwaarden"),
                         ("/over-ons", "Over ons")], "Welkom bij Diepwinkel: lampen en verlichting."),
    "/klantenservice": ("Klantenservice", [("/klantenservice/veelgestelde-vragen", "Veelgestelde vragen")],
                        "Hoe kunnen we je helpen? Bekijk eerst de veelgestelde vragen."),
    "/klantenservice/veelgestelde-vragen": (
        "Veelgestelde vragen", [("/klantenservice/veelgestelde-vragen/bestelling", "Vragen over je bestelling")],
        "Alles over bestellen, bezorgen en retourneren."),
    "/klantenservice/veelgestelde-vragen/bestelling": (
        "Vragen over je bestelling", [("/klantenservice/contact", "Neem contact op"),
                                      ("/klantenservice/retourneren", "Retourneren")],
        "Staat je vraag er niet bij? Neem dan contact met ons op."),
    "/klantenservice/contact": (
        "Contact", [("/klantenservice/contact/formulier", "Contactformulier")],
        f'Bel ons op <a href="tel:{PHONE_E164}">{PHONE_DISPLAY}</a> (ma-vr 9-17 uur) of mail naar '
        f'<a href="mailto:{EMAIL}">{EMAIL}</a>.'),
    "/klantenservice/contact/formulier": (
        "Contactformulier", [("/klantenservice/contact/formulier/verstuurd", "Contact opnemen")],
        "Liever schrijven? Gebruik dit formulier."),
    "/klantenservice/contact/formulier/verstuurd": ("Bedankt", [], "Je bericht is verstuurd."),
    "/klantenservice/retourneren": ("Retourneren", [], "Retourneren kan binnen 30 dagen."),
    "/algemene-voorwaarden": ("Algemene voorwaarden", [],
                              "Artikel 1. Diepwinkel B.V., KvK 87654321, Lampstraat 4, 3511 AB Utrecht."),
    "/over-ons": ("Over ons", [], "Diepwinkel verkoopt sinds 2012 lampen."),
}  # fmt: skip


class DeepShop(LoopbackCluster):
    host = "www.diepwinkel.nl"

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        ip = self.assign(self.host, loopback_address("127.0.", 230))
        self.shops.append(ShopEntry(id="diepwinkel.nl", name="Diepwinkel", host=self.host, url="", ip=ip))

    def _after_start(self) -> None:
        self.shops[0].url = self.url_for(self.host)

    def route(self, host: str, path: str, query: str, method: str) -> Response:
        if path == "/robots.txt":
            return Response(200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
        self.paths.append(path)
        page = DEEP_SHOP.get(path)
        if page is None:
            return Response(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Niet gevonden</h1>")
        title, links, text = page
        nav = "".join(f'<a href="{p}">{html.escape(t)}</a> ' for p, t in links)
        body = (
            f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)} | Diepwinkel'
            f'</title></head><body><header><a href="/">Diepwinkel</a></header><main><h1>{html.escape(title)}</h1>'
            f"<p>{text}</p><nav>{nav}</nav></main><footer><p>&copy; Diepwinkel</p></footer></body></html>"
        )
        return Response(200, {"Content-Type": "text/html; charset=utf-8"}, body.encode())


@pytest.mark.slow
def test_a_contact_page_four_clicks_deep_is_reported_with_its_clicks(tmp_path: Path) -> None:
    with DeepShop() as server:
        shops = server.write_shop_list(tmp_path / "shops.csv")
        db = tmp_path / "results.db"
        resolve = [a for h, ip in server.resolve_map.items() for a in ("--resolve", f"{h}={ip}")]
        proc = run_cli(
            "crawl", str(shops), "--db", str(db), *resolve, "--resolve-only", *FAST_CRAWL_ARGS, "-q"
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        requested = list(server.paths)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        result = dict(conn.execute("SELECT * FROM results").fetchone())
        pages = {
            r["url"].split(":", 2)[2].partition("/")[2]: r["clicks"]
            for r in conn.execute("SELECT * FROM pages")
        }
    finally:
        conn.close()
    assert (result["phone_tier"], result["phone_clicks"], result["phone_value"]) == (
        "contact_page",
        4,
        PHONE_E164,
    )
    assert (result["email_tier"], result["email_clicks"], result["email_value"]) == ("contact_page", 4, EMAIL)
    assert not result["compliant"]  # 4 clicks is beyond the verdict's limit, and the card says how far
    assert pages["klantenservice/contact"] == 4
    assert pages["klantenservice/contact/formulier"] == 5  # a contact page at 5 clicks is still read
    # not read: a returns page at 4 clicks and a contact link at 6
    assert "/klantenservice/retourneren" not in requested
    assert "/klantenservice/contact/formulier/verstuurd" not in requested
