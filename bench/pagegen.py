"""Realistic webshop pages for the benchmarks: product grids, inline JSON state, mega menus,
tracking and chat scripts, cookie banners and long footers. Deterministic for a given seed."""

from __future__ import annotations

import json
import random

WORDS = (
    "fiets band zadel lamp slot helm jas schoen tas bank stoel tafel kast lamp plant pot boek spel puzzel "
    "laptop kabel lader muis toetsenbord scherm koptelefoon speaker camera lens statief horloge ring ketting"
).split()
CATEGORIES = [
    "Fietsen",
    "Onderdelen",
    "Kleding",
    "Wonen",
    "Tuin",
    "Elektronica",
    "Speelgoed",
    "Boeken",
    "Sport",
]


def _product(rng: random.Random, i: int) -> str:
    name = " ".join(rng.choice(WORDS).capitalize() for _ in range(3))
    price = f"{rng.randint(5, 2500)},{rng.randint(0, 99):02d}"
    ean = "87" + "".join(str(rng.randint(0, 9)) for _ in range(11))
    sku = f"{rng.randint(100000000, 999999999)}"
    return (
        f'<li class="product-card grid__item"><a href="/p/{i}-{name.lower().replace(" ", "-")}">'
        f'<img src="/img/p{i}.jpg" srcset="/img/p{i}@2x.jpg 2x, /img/p{i}@3x.jpg 3x" alt="{name}" loading="lazy">'
        f'<h3 class="card__heading">{name}</h3></a><div class="price"><span class="price-item">€ {price}</span>'
        f'<s>€ {rng.randint(10, 3000)},99</s></div><p class="meta">Art.nr. {sku} · EAN {ean}</p>'
        f'<p class="stock">Voor 23:59 besteld, morgen in huis</p><button class="btn add-to-cart" data-sku="{sku}">'
        f"In winkelwagen</button></li>"
    )


def _state(rng: random.Random, n: int) -> str:
    items = [
        {
            "id": i,
            "sku": rng.randint(10**8, 10**9),
            "price": rng.randint(100, 99999),
            "gtin": str(rng.randint(10**12, 10**13)),
            "title": " ".join(rng.choice(WORDS) for _ in range(4)),
            "img": f"https://cdn.shop.example/p/{i}@2x.png",
            "updated": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00Z",
        }
        for i in range(n)
    ]
    return json.dumps(
        {"products": items, "sentry": "https://0123456789abcdef0123456789abcdef@o12345.ingest.sentry.io/1"}
    )


NAV = "".join(
    f'<li><a href="/c/{c.lower()}">{c}</a><ul class="mega">'
    + "".join(f'<li><a href="/c/{c.lower()}/{w}">{w.capitalize()}</a></li>' for w in WORDS[:12])
    + "</ul></li>"
    for c in CATEGORIES
)

FOOTER = """
<footer class="site-footer"><div class="footer__blocks">
<div class="footer-block"><h4>Klantenservice</h4><ul><li><a href="/klantenservice">Klantenservice</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/verzenden">Verzenden</a></li><li><a href="/retourneren">Retourneren</a></li>
<li><a href="/faq">Veelgestelde vragen</a></li></ul></div>
<div class="footer-block"><h4>Over ons</h4><ul><li><a href="/over-ons">Over ons</a></li><li><a href="/vacatures">Vacatures</a></li>
<li><a href="/algemene-voorwaarden">Algemene voorwaarden</a></li><li><a href="/privacy">Privacyverklaring</a></li>
<li><a href="/cookies">Cookies</a></li></ul></div>
<div class="footer-block contact"><h4>Contact</h4><p>Bel ons: <a href="tel:+31201234567">020 - 123 45 67</a><br>
Ma t/m vr 08:30 - 17:30, za 10:00 - 16:00<br>Mail: <a href="mailto:klantenservice@shop.nl">klantenservice@shop.nl</a></p>
<p>Shop B.V. · Keizersgracht 100 · 1015 AA Amsterdam · KvK 12345678 · Btw NL123456789B01 · IBAN NL91ABNA0417164300</p></div>
<div class="footer-block"><h4>Nieuwsbrief</h4><form action="/newsletter" method="post"><input type="email" name="email"
placeholder="jouw@email.nl"><button>Inschrijven</button></form></div></div>
<p class="copyright">© 2010-2024 Shop B.V. Alle prijzen zijn inclusief btw. Webdesign door Pixelwerk.</p></footer>
"""

SCRIPTS = """
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-ABC123');</script>
<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=0f7b4a5c-1234-4d2e-9a8b-123456789abc"></script>
<script src="https://consent.cookiebot.com/uc.js" data-cbid="0a1b2c3d" data-blockingmode="auto"></script>
"""


def make_page(seed: int, target_bytes: int) -> bytes:
    """One homepage-like page of about `target_bytes`."""
    rng = random.Random(seed)
    head = (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Shop {seed} | Online winkel</title>'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Shop",'
        '"telephone":"+31 20 123 4567","email":"klantenservice@shop.nl"}</script>'
        f"{SCRIPTS}<style>.grid{{display:grid}}.mega{{display:none}}</style></head><body>"
        '<div class="cookie-banner" role="dialog"><p>Wij gebruiken cookies.</p><button>Accepteren</button></div>'
        f'<header class="site-header"><a href="/" class="logo"><img src="/logo@2x.png" alt="Shop"></a>'
        f'<form role="search" action="/search"><input type="search" name="q"></form>'
        f'<nav><ul class="menu">{NAV}</ul></nav><a href="/account/login">Inloggen</a><a href="/cart">Winkelwagen</a></header>'
        "<main><h1>Welkom bij Shop</h1><p>Gratis verzending vanaf € 50,-. Op werkdagen voor 22:00 besteld, morgen in huis.</p>"
        '<ul class="grid product-grid">'
    )
    tail_open = "</ul>"
    # Real shop pages carry much of their weight as inline CSS and JSON state (Shopify, Next.js,
    # Magento): about a quarter of the target size here, the rest markup and text.
    css = (
        "<style>"
        + "".join(f".c{i}{{margin:{i % 7}px;color:#{i % 999:03d}}}" for i in range(target_bytes // 400))
        + "</style>"
    )
    app_state = f'<script id="__NEXT_DATA__" type="application/json">{_state(rng, max(1, target_bytes // 1600))}</script>'
    parts = [head, css, app_state]
    size = len(head) + len(css) + len(app_state) + len(FOOTER) + 2000
    i = 0
    state_every = 40
    while size < target_bytes:
        card = _product(rng, i)
        parts.append(card)
        size += len(card)
        i += 1
        if i % state_every == 0:
            chunk = f"<script>window.__STATE_{i}__ = {_state(rng, 8)};</script>"
            parts.append(chunk)
            size += len(chunk)
    parts.append(tail_open)
    parts.append(
        f'<nav class="pagination"><a href="?page=2">2</a><a href="?page=3">3</a></nav></main>{FOOTER}</body></html>'
    )
    return "".join(parts).encode("utf-8")


def page_sizes(count: int, low: int = 20_000, high: int = 1_000_000, seed: int = 7) -> list[int]:
    """Sizes spread log-uniformly between low and high bytes."""
    rng = random.Random(seed)
    import math

    return [int(math.exp(rng.uniform(math.log(low), math.log(high)))) for _ in range(count)]
