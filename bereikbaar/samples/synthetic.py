"""Generated shops for the benchmarks: n shops from five templates, served on a few addresses.

Hosts look like `shop0001.bench-shops.nl` (a real public suffix, so e-mail addresses on them
pass the checks' public-suffix test; the names only ever resolve through `resolve_map`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from bereikbaar.samples.httpd import LoopbackCluster, Response, ShopEntry, loopback_address

BENCH_DOMAIN = "bench-shops.nl"
CATEGORIES = ("Elektronica", "Mode", "Wonen", "Tuin", "Sport", "Speelgoed", "Boeken", "Beauty")
# (path, link text) of the core pages, in the order they are kept when pages_per_shop is small.
CORE_PAGES = (
    ("/", "Home"),
    ("/contact", "Contact"),
    ("/klantenservice", "Klantenservice"),
    ("/algemene-voorwaarden", "Algemene voorwaarden"),
    ("/veelgestelde-vragen", "Veelgestelde vragen"),
    ("/privacy", "Privacyverklaring"),
    ("/over-ons", "Over ons"),
    ("/verzenden", "Verzenden en retourneren"),
)
MIN_PAGES = 5
TEMPLATES = ("homepage", "contact", "deep_contact", "legal_and_faq", "chat_only")
PRODUCTS = ("Draadloze koptelefoon", "Linnen dekbedovertrek", "Regenjas", "Tuinslang 25 m", "Yogamat",
            "Houten treinbaan", "Kookboek Italiaans", "Dagcrème SPF 30", "Bureaulamp", "Wandelschoenen")  # fmt: skip
ZENDESK = (
    '<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=5f0c1b2a-bench"></script>'
)


@dataclass(slots=True)
class _Shop:
    index: int
    host: str
    template: str
    phone_display: str
    phone_e164: str
    email: str
    pages: dict[str, str]  # path -> link text


def _expected(template: str, phone: str, email: str) -> dict[str, Any]:
    def channel(tier: str, clicks: int | None, value: str | None) -> dict[str, Any]:
        return {"tier": tier, "clicks": clicks, "value": value}

    if template == "homepage":
        phone_c, email_c = channel("homepage", 0, phone), channel("homepage", 0, email)
    elif template == "contact":
        phone_c, email_c = channel("contact_page", 1, phone), channel("contact_page", 1, email)
    elif template == "deep_contact":
        phone_c, email_c = channel("contact_page", 2, phone), channel("contact_page", 2, email)
    elif template == "legal_and_faq":
        phone_c, email_c = channel("legal_only", 1, phone), channel("other_page", 1, email)
    else:
        phone_c, email_c = channel("chat_only", None, None), channel("chat_only", None, None)
    compliant = template in ("homepage", "contact", "deep_contact")
    reasons = {
        "legal_and_faq": ["phone_legal_only"],
        "chat_only": ["phone_chat_only", "email_chat_only"],
    }.get(template, [])
    return {
        "status": "ok",
        "phone": phone_c,
        "email": email_c,
        "chat_vendors": ["zendesk"] if template == "chat_only" else [],
        "contact_form": False,
        "compliant": compliant,
        "reason_codes": reasons,
    }


class SyntheticUniverse(LoopbackCluster):
    """`n_shops` generated shops with a fixed per-request delay, for the crawl benchmarks."""

    def __init__(
        self,
        n_shops: int,
        *,
        delay: float = 0.0,
        pages_per_shop: int = 8,
        ip_count: int = 8,
        port: int = 0,
        ip_prefix: str = "127.0.",
    ) -> None:
        if n_shops < 1 or ip_count < 1:
            raise ValueError("a synthetic universe needs at least one shop and one address")
        if pages_per_shop < MIN_PAGES:
            raise ValueError(f"pages_per_shop must be at least {MIN_PAGES} so every template fits")
        super().__init__(port=port, delay=delay, ip_prefix=ip_prefix)
        self.pages_per_shop = pages_per_shop
        self._sites: dict[str, _Shop] = {}
        # Start above the sample universe's addresses so both can run side by side.
        first = 200
        for k in range(1, n_shops + 1):
            host = f"shop{k:04d}.{BENCH_DOMAIN}"
            template = TEMPLATES[(k - 1) % len(TEMPLATES)]
            number = 5000000 + k
            phone_display = f"020 - {str(number)[:3]} {str(number)[3:5]} {str(number)[5:]}"
            site = _Shop(
                index=k,
                host=host,
                template=template,
                phone_display=phone_display,
                phone_e164=f"+3120{number}",
                email=f"service@{host}",
                pages=self._page_set(pages_per_shop),
            )
            self._sites[host] = site
            ip = self.assign(host, loopback_address(ip_prefix, first + (k - 1) % ip_count))
            self.shops.append(
                ShopEntry(
                    id=host,
                    name=f"Benchwinkel {k:04d}",
                    host=host,
                    url="",
                    ip=ip,
                    category=CATEGORIES[k % len(CATEGORIES)],
                    country="NL",
                    rank=k,
                    expected=_expected(template, site.phone_e164, site.email),
                    platform="synthetic",
                    tests=f"benchmark template {template}",
                )
            )

    @staticmethod
    def _page_set(count: int) -> dict[str, str]:
        pages = dict(CORE_PAGES[: min(count, len(CORE_PAGES))])
        for n in range(1, count - len(pages) + 1):
            pages[f"/producten/artikel-{n}"] = PRODUCTS[n % len(PRODUCTS)]
        return pages

    def _after_start(self) -> None:
        for entry in self.shops:
            entry.url = self.url_for(entry.host)

    def route(self, host: str, path: str, query: str, method: str) -> Response:
        site = self._sites.get(host)
        if site is None:
            return Response(421, {"Content-Type": "text/plain"}, b"Misdirected request\n")
        if path == "/robots.txt":
            return Response(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /winkelwagen\n")
        if site.template == "deep_contact" and path == "/klantenservice/contact":
            return self._page(site, path, "Contact")
        if path not in site.pages:
            return Response(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Niet gevonden</h1>")
        return self._page(site, path, site.pages[path])

    def _page(self, site: _Shop, path: str, title: str) -> Response:
        template = site.template
        nav_pages = {p: t for p, t in site.pages.items() if not p.startswith("/producten/")}
        if template == "deep_contact":
            nav_pages.pop("/contact", None)  # the contact page is reached through customer service
        nav = "".join(f'<a href="{p}">{html.escape(t)}</a> ' for p, t in nav_pages.items())
        footer_contact = ""
        if template == "homepage":
            footer_contact = (
                f'<p>Klantenservice: <a href="tel:{site.phone_e164}">{site.phone_display}</a> &middot; '
                f'<a href="mailto:{site.email}">{site.email}</a></p>'
            )
        main = f"<h1>{html.escape(title)}</h1>"
        if path == "/":
            products = [p for p in site.pages if p.startswith("/producten/")] or ["/"]
            cards = []
            for i in range(24):
                name = PRODUCTS[(i + site.index) % len(PRODUCTS)]
                cards.append(
                    f'<li class="product-card"><a href="{products[i % len(products)]}"><img src="/img/p{i}.jpg" '
                    f'alt="{name}" width="300" height="300" loading="lazy"><h3>{name}</h3></a><p class="price">'
                    f'&euro; {9 + (i * 7) % 90},95</p><p class="usp">Voor 23:59 besteld, morgen in huis</p>'
                    f'<button type="button" class="add-to-cart" data-sku="B{site.index:04d}-{i:03d}">In winkelwagen'
                    "</button></li>"
                )
            main += f'<ul class="product-grid">{"".join(cards)}</ul>'
        elif (template == "contact" and path == "/contact") or (
            template == "deep_contact" and path == "/klantenservice/contact"
        ):
            main += (
                f'<p>Bel ons op <a href="tel:{site.phone_e164}">{site.phone_display}</a> (ma-vr 9-17 uur) of '
                f'mail naar <a href="mailto:{site.email}">{site.email}</a>.</p>'
            )
        elif template == "deep_contact" and path == "/klantenservice":
            main += '<p>Hoe kunnen we helpen? <a href="/klantenservice/contact">Neem contact op</a></p>'
        elif template == "legal_and_faq" and path == "/algemene-voorwaarden":
            main += f"<p>Artikel 2. Identiteit: Benchwinkel, telefoon {site.phone_display}, KvK 8{site.index:07d}.</p>"
        elif template == "legal_and_faq" and path == "/veelgestelde-vragen":
            main += f"<h2>Hoe bereik ik jullie?</h2><p>Mail ons: {site.email}</p>"
        elif template == "chat_only" and path in ("/contact", "/klantenservice"):
            main += "<p>Vragen? Chat met ons via de knop rechtsonder, elke dag van 8 tot 22 uur.</p>"
        filler = "".join(
            f"<p>Bij Benchwinkel {site.index:04d} vind je meer dan {1000 + i * 250} artikelen. Gratis verzending "
            "vanaf &euro; 20, gratis retourneren binnen 30 dagen en veilig betalen met iDEAL.</p>"
            for i in range(6)
        )
        chat = ZENDESK if template == "chat_only" else ""
        body = (
            f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)} | '
            f'Benchwinkel {site.index:04d}</title></head><body><header><a href="/">Benchwinkel</a><nav>{nav}'
            f"</nav></header><main>{main}{filler}</main><footer>{footer_contact}<nav>{nav}</nav></footer>{chat}"
            "</body></html>"
        )
        return Response(200, {"Content-Type": "text/html; charset=utf-8"}, body.encode())


def synthetic_server(
    n_shops: int, *, delay: float, pages_per_shop: int = 8, ip_count: int = 8, port: int = 0
) -> SyntheticUniverse:
    """A started-on-enter synthetic universe: `with synthetic_server(200, delay=0.05) as s: ...`."""
    return SyntheticUniverse(
        n_shops, delay=delay, pages_per_shop=pages_per_shop, ip_count=ip_count, port=port
    )
