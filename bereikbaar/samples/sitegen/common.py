"""Reusable page bodies: homepage, terms, privacy, shipping, FAQ, in the shop's language."""

from __future__ import annotations

import html

from bereikbaar.samples.sitegen.chrome import product_grid
from bereikbaar.samples.sitegen.model import Page, Shop


def nl_footer(extra_service: list[tuple[str, str]] | None = None, *, terms: str = "/algemene-voorwaarden",
              privacy: str = "/privacy", about: str = "/over-ons", shipping: str = "/verzenden-en-retourneren",
              faq: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:  # fmt: skip
    service = list(extra_service or [])
    if faq:
        service.append(("Veelgestelde vragen", faq))
    service.append(("Verzenden en retourneren", shipping))
    return [
        ("Klantenservice", service),
        ("Over ons", [("Over ons", about), ("Vacatures", "/vacatures"), ("Blog", "/blog")]),
        (
            "Voorwaarden",
            [("Algemene voorwaarden", terms), ("Privacyverklaring", privacy), ("Cookies", "/cookies")],
        ),
    ]


def home(shop: Shop, seed: int = 0) -> Page:
    tiles = "".join(
        f'<li class="collection-tile"><a href="/collections/{w.lower()}">{w}</a></li>'
        for w in ("Nieuw", "Aanbiedingen", "Bestsellers", "Cadeautips", "Outlet")
    )
    usps = (
        '<ul class="usp-bar"><li>Gratis verzending vanaf &euro; 25</li><li>30 dagen bedenktijd</li>'
        "<li>Veilig betalen met iDEAL</li><li>Klanten geven ons een 9,1</li></ul>"
    )
    if shop.lang == "de":
        usps = (
            '<ul class="usp-bar"><li>Kostenloser Versand ab 29 &euro;</li><li>30 Tage Rückgaberecht</li>'
            "<li>Kauf auf Rechnung</li><li>Trusted Shops zertifiziert</li></ul>"
        )
    elif shop.lang == "en":
        usps = (
            '<ul class="usp-bar"><li>Free shipping over &euro; 40</li><li>30-day returns</li>'
            "<li>Secure checkout</li><li>Rated 4.8/5 by 12,000 customers</li></ul>"
        )
    blog = "".join(
        f'<article class="blog-teaser"><h3><a href="/blog/{slug}">{title}</a></h3><p>{html.escape(text)}</p></article>'
        for slug, title, text in (
            (
                "trends-dit-seizoen",
                "Trends van dit seizoen",
                "Onze inkopers zetten de opvallendste nieuwkomers op een rij.",
            ),
            (
                "onderhoudstips",
                "Zo gaat het langer mee",
                "Vijf tips om lang plezier te hebben van je aankoop.",
            ),
            (
                "duurzaam-verpakt",
                "Duurzaam verpakt",
                "Sinds dit jaar versturen we alles in gerecyclede dozen.",
            ),
        )
    )
    main = (
        f'<section class="hero banner"><h1>{html.escape(shop.name)}</h1><p>{html.escape(shop.tagline)}</p>'
        f'<a class="button button--primary" href="/collections/nieuw">Shop de nieuwste collectie</a></section>'
        f'{shop.home_intro}{usps}<ul class="collection-list">{tiles}</ul>'
        f'<section class="featured-collection"><h2>Populair</h2>{product_grid(shop, seed)}</section>'
        f'<section class="blog-posts"><h2>Inspiratie</h2>{blog}</section>{shop.home_after}'
    )
    return Page(title=f"{shop.name} | {shop.tagline}", main=main, body_class="template-index")


def product_page(shop: Shop, name: str, price: str) -> Page:
    main = (
        f'<div class="product"><h1 class="product__title">{html.escape(name)}</h1>'
        f'<div class="price">&euro; {price}</div><p class="product__text">Op voorraad, voor 22:00 besteld is '
        'morgen in huis.</p><form action="/cart/add" method="post" class="product-form"><input type="hidden" '
        'name="id" value="1"><button type="submit" name="add">In winkelwagen</button></form>'
        '<div class="product__description rte"><p>Zorgvuldig geselecteerd door ons team. Gratis retourneren '
        "binnen 30 dagen.</p></div></div>"
    )
    return Page(title=f"{name} | {shop.name}", main=main, body_class="template-product")


def article_page(title: str, paragraphs: list[str], *, extra: str = "", body_class: str = "page") -> Page:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return Page(title=title, main=f'<div class="page-width rte"><h1>{html.escape(title)}</h1>{body}{extra}</div>',
                body_class=body_class)  # fmt: skip


def terms_nl(shop: Shop, identity: str, *, title: str = "Algemene voorwaarden", extra: str = "") -> Page:
    """A Thuiswinkel-style terms page; `identity` is the HTML of article 2 (the trader's identity)."""
    articles = [
        ("Artikel 1 - Definities", "In deze voorwaarden wordt verstaan onder: bedenktijd: de termijn waarbinnen de "
         "consument gebruik kan maken van zijn herroepingsrecht; consument: de natuurlijke persoon die niet handelt "
         "voor doeleinden die verband houden met zijn handels-, bedrijfs-, ambachts- of beroepsactiviteit."),
        ("Artikel 2 - Identiteit van de ondernemer", identity),
        ("Artikel 3 - Toepasselijkheid", "Deze algemene voorwaarden zijn van toepassing op elk aanbod van de "
         "ondernemer en op elke tot stand gekomen overeenkomst op afstand tussen ondernemer en consument."),
        ("Artikel 4 - Het aanbod", "Indien een aanbod een beperkte geldigheidsduur heeft of onder voorwaarden "
         "geschiedt, wordt dit nadrukkelijk in het aanbod vermeld."),
        ("Artikel 5 - De overeenkomst", "De overeenkomst komt tot stand op het moment van aanvaarding door de "
         "consument van het aanbod en het voldoen aan de daarbij gestelde voorwaarden."),
        ("Artikel 6 - Herroepingsrecht", "Bij de aankoop van producten heeft de consument de mogelijkheid de "
         "overeenkomst zonder opgave van redenen te ontbinden gedurende 14 dagen."),
        ("Artikel 7 - Kosten in geval van herroeping", "Indien de consument gebruik maakt van zijn herroepingsrecht, "
         "komen ten hoogste de kosten van terugzending voor zijn rekening."),
        ("Artikel 8 - De prijs", "Gedurende de in het aanbod vermelde geldigheidsduur worden de prijzen van de "
         "aangeboden producten niet verhoogd, behoudens prijswijzigingen als gevolg van veranderingen in btw-tarieven."),
        ("Artikel 9 - Levering en uitvoering", "De ondernemer zal de grootst mogelijke zorgvuldigheid in acht nemen "
         "bij het in ontvangst nemen en bij de uitvoering van bestellingen."),
        ("Artikel 10 - Klachtenregeling", "Klachten over de uitvoering van de overeenkomst moeten binnen bekwame tijd "
         "nadat de consument de gebreken heeft geconstateerd, volledig en duidelijk omschreven worden ingediend."),
    ]  # fmt: skip
    body = "".join(f"<h2>{html.escape(h)}</h2><p>{p}</p>" for h, p in articles)
    return Page(title=f"{title} | {shop.name}", main=f'<div class="page-width rte"><h1>{title}</h1>{body}{extra}</div>',
                body_class="page-terms")  # fmt: skip


def privacy_nl(shop: Shop, extra: str = "") -> Page:
    paragraphs = [
        f"{html.escape(shop.name)} respecteert de privacy van alle bezoekers van de website en draagt er zorg voor "
        "dat de persoonlijke informatie die je ons verschaft vertrouwelijk wordt behandeld.",
        "Wij gebruiken je gegevens om je bestelling zo snel en gemakkelijk mogelijk te laten verlopen. Wij bewaren "
        "je gegevens niet langer dan nodig is voor het doel waarvoor ze zijn verzameld.",
        "Je hebt het recht om je persoonsgegevens in te zien, te corrigeren of te verwijderen.",
    ]
    return article_page(
        f"Privacyverklaring | {shop.name}", paragraphs, extra=extra, body_class="page-privacy"
    )


def shipping_nl(shop: Shop, extra: str = "") -> Page:
    paragraphs = [
        "Bestellingen die op werkdagen voor 22:00 uur zijn geplaatst, worden dezelfde dag verzonden met PostNL of "
        "DHL. Je ontvangt een track-and-trace-code per e-mail.",
        "Verzending binnen Nederland is gratis vanaf &euro; 25. Daaronder rekenen we &euro; 4,95. Naar België "
        "versturen we voor &euro; 6,95.",
        "Niet tevreden? Je kunt je bestelling binnen 30 dagen kosteloos retourneren via het retourportaal.",
    ]
    return article_page(
        f"Verzenden en retourneren | {shop.name}", paragraphs, extra=extra, body_class="page-shipping"
    )


def about_nl(shop: Shop, extra: str = "") -> Page:
    paragraphs = [
        f"{html.escape(shop.name)} begon als kleine winkel en groeide uit tot een webshop met tienduizenden tevreden "
        "klanten. We doen alles zelf: inkoop, fotografie, klantenservice en verzending vanuit ons eigen magazijn.",
        "Ons team van vakspecialisten test de producten voordat ze in het assortiment komen.",
    ]
    return article_page(f"Over ons | {shop.name}", paragraphs, extra=extra, body_class="page-about")


def faq_nl(shop: Shop, qas: list[tuple[str, str]], title: str = "Veelgestelde vragen") -> Page:
    base = [
        (
            "Wanneer wordt mijn bestelling geleverd?",
            "Op werkdagen voor 22:00 uur besteld, is de volgende dag in huis.",
        ),
        ("Kan ik mijn bestelling retourneren?", "Ja, binnen 30 dagen na ontvangst, via ons retourportaal."),
        (
            "Welke betaalmethoden kan ik gebruiken?",
            "iDEAL, Bancontact, creditcard, PayPal en achteraf betalen met Klarna.",
        ),
    ]
    body = "".join(
        f'<details class="faq-item"><summary>{html.escape(q)}</summary><div class="faq-answer"><p>{a}</p></div></details>'
        for q, a in base + qas
    )
    return Page(title=f"{title} | {shop.name}", main=f'<div class="page-width"><h1>{title}</h1>{body}</div>',
                body_class="page-faq")  # fmt: skip


def contact_form(action: str = "/contact", *, lang: str = "nl", form_id: str = "contact-form") -> str:
    labels = {
        "nl": ("Naam", "E-mailadres", "Onderwerp", "Je bericht", "Verstuur bericht"),
        "de": ("Name", "E-Mail", "Betreff", "Ihre Nachricht", "Nachricht senden"),
        "fr": ("Nom", "Adresse e-mail", "Sujet", "Votre message", "Envoyer"),
        "en": ("Name", "Email", "Subject", "Your message", "Send message"),
    }[lang]
    return (
        f'<form method="post" action="{action}" id="{form_id}" class="contact-form form" accept-charset="UTF-8">'
        f'<input type="hidden" name="form_type" value="contact"><label for="cf-name">{labels[0]}</label>'
        f'<input id="cf-name" type="text" name="contact[name]" autocomplete="name"><label for="cf-email">{labels[1]}'
        f'</label><input id="cf-email" type="email" name="contact[email]" autocomplete="email" required '
        f'placeholder="naam@voorbeeld.nl"><label for="cf-subject">{labels[2]}</label><input id="cf-subject" '
        f'type="text" name="contact[subject]"><label for="cf-body">{labels[3]}</label><textarea id="cf-body" '
        f'name="contact[body]" rows="6" required></textarea><button type="submit" class="button">{labels[4]}</button>'
        "</form>"
    )
