"""Sample shops, part B: hidden and tricky values, crawler traps, NL."""

from __future__ import annotations

import json

from bereikbaar.samples.make_pdf import build_pdf
from bereikbaar.samples.sitegen.common import (
    about_nl,
    article_page,
    contact_form,
    faq_nl,
    nl_footer,
    privacy_nl,
    shipping_nl,
    terms_nl,
)
from bereikbaar.samples.sitegen.model import Page, Shop

TRENGO = (
    "<script type=\"text/javascript\">window.Trengo = window.Trengo || {};window.Trengo.key = 'gT7xQ2pLm9aZ4kR1';"
    "(function(d, script, t) {script = d.createElement('script');script.type = 'text/javascript';script.async = true;"
    "script.src = 'https://static.widget.trengo.eu/embed.js';d.getElementsByTagName('head')[0].appendChild(script);"
    "}(document));</script>"
)


def wasdroog() -> Shop:
    shop = Shop(
        id="wasdroog.nl",
        name="Wasdroog",
        host="www.wasdroog.nl",
        platform="woocommerce",
        category="Elektronica",
        tagline="Witgoed met gratis installatie",
        nav=[
            ("Wasmachines", "/product-categorie/wasmachines/"),
            ("Drogers", "/product-categorie/drogers/"),
            ("Vaatwassers", "/product-categorie/vaatwassers/"),
            ("Contact", "/contact/"),
        ],
        header_extra='<div class="topbar">Advies nodig? Bel: <a href="tel:+31765302040">+31 (0)76 530 2040</a></div>',
        footer_cols=nl_footer(
            [("Contact", "/contact/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
        ),
        footer_legal="&copy; 2025 Wasdroog",
        product_base="/product/",
        product_suffix="/",
        cookie="complianz",
    )
    shop.pages = {
        "/contact/": article_page(
            "Contact | Wasdroog",
            [
                "Stel je vraag via het formulier hieronder. We beantwoorden alle berichten binnen één werkdag.",
                "Liever bellen? Bel +31 (0)76 530 2040, op werkdagen van 8:30 tot 18:00.",
            ],
            extra=contact_form("/contact/", form_id="wpforms-form-77"),
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop,
            "Wasdroog B.V., Minervum 7081, 4817 ZK Breda, telefoon 076 530 2040, "
            "KvK 66291102. Berichten via het contactformulier op de website.",
        ),
        "/privacy/": privacy_nl(shop, extra="<p>Een privacyverzoek dien je in via het contactformulier.</p>"),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    return shop


def slaapweldirect() -> Shop:
    graph = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "https://www.slaapweldirect.nl/#organization", "name": "Slaapwel Direct",
         "url": "https://www.slaapweldirect.nl/", "telephone": "+31 53 480 2210",
         "contactPoint": {"@type": "ContactPoint", "telephone": "+31 53 480 2210", "contactType": "customer service"}},
        {"@type": "WebSite", "@id": "https://www.slaapweldirect.nl/#website", "url": "https://www.slaapweldirect.nl/",
         "name": "Slaapwel Direct", "publisher": {"@id": "https://www.slaapweldirect.nl/#organization"}}]})  # fmt: skip
    shop = Shop(
        id="slaapweldirect.nl",
        name="Slaapwel Direct",
        host="www.slaapweldirect.nl",
        platform="woocommerce",
        category="Wonen",
        tagline="Matrassen en boxsprings, 100 nachten proefslapen",
        nav=[
            ("Matrassen", "/product-categorie/matrassen/"),
            ("Boxsprings", "/product-categorie/boxsprings/"),
            ("Kussens", "/product-categorie/kussens/"),
            ("Contact", "/contact/"),
        ],
        footer_cols=nl_footer(
            [("Contact", "/contact/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
        ),
        footer_legal="&copy; 2025 Slaapwel Direct",
        product_base="/product/",
        product_suffix="/",
        cookie="cookiebot",
        head_extra=f'<script type="application/ld+json" class="yoast-schema-graph">{graph}</script>',
    )
    shop.pages = {
        "/contact/": article_page(
            "Contact | Slaapwel Direct",
            [
                'Mail ons op <a href="mailto:info@slaapweldirect.nl">info@slaapweldirect.nl</a>, we reageren binnen 24 uur.',
                "Showroom Enschede: Hengelosestraat 500, 7521 AN Enschede (op afspraak).",
            ],
            extra=contact_form("/contact/", form_id="wpcf7-f9"),
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop, "Slaapwel Direct B.V., Hengelosestraat 500, 7521 AN Enschede. KvK 08172634."
        ),
        "/privacy/": privacy_nl(shop),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    return shop


def brokkenbaas() -> Shop:
    shop = Shop(
        id="brokkenbaas.nl",
        name="Brokkenbaas",
        host="www.brokkenbaas.nl",
        platform="handbuilt",
        category="Dieren",
        tagline="Alles voor je hond en kat, vandaag besteld morgen in huis",
        nav=[
            ("Hond", "/hond"),
            ("Kat", "/kat"),
            ("Knaagdier", "/knaagdier"),
            ("Klantenservice", "/klantenservice"),
        ],
        header_extra='<a href="tel:+31853031990" class="btn btn-call" aria-label="Bel ons">Bel ons</a>',
        footer_cols=nl_footer([("Klantenservice", "/klantenservice")]),
        footer_extra='<p class="footer-mail">Vragen? Mail <a href="mailto:hallo@brokkenbaas.nl">hallo@brokkenbaas.nl</a></p>',
        footer_legal="&copy; 2025 Brokkenbaas &middot; KvK 77120983",
        product_base="/p/",
        cookie="onetrust",
    )
    shop.pages = {
        "/klantenservice": article_page(
            "Klantenservice | Brokkenbaas",
            [
                "Onze dierenvoedingsspecialisten staan voor je klaar.",
                '<a href="tel:+31853031990" class="btn btn-call">Bel ons</a> op werkdagen van 9:00 tot 17:00.',
            ],
        ),
        "/algemene-voorwaarden": terms_nl(shop, "Brokkenbaas, Kanaalweg 4, 3526 KL Utrecht. KvK 77120983."),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def glansrijk() -> Shop:
    shop = Shop(
        id="glansrijk.nl",
        name="Glansrijk",
        host="www.glansrijk.nl",
        platform="shopify",
        category="Beauty",
        tagline="Huidverzorging en make-up van onafhankelijke merken",
        nav=[
            ("Huidverzorging", "/collections/huidverzorging"),
            ("Make-up", "/collections/make-up"),
            ("Haar", "/collections/haar"),
            ("Klantenservice", "/pages/klantenservice"),
        ],
        footer_cols=[
            ("Hulp", [("Klantenservice", "/pages/klantenservice"), ("Verzending", "/pages/verzending")]),
            (
                "Glansrijk",
                [
                    ("Over ons", "/pages/over-ons"),
                    ("Algemene voorwaarden", "/policies/terms-of-service"),
                    ("Privacybeleid", "/policies/privacy-policy"),
                ],
            ),
        ],
        footer_legal="&copy; 2025, Glansrijk",
        body_end=TRENGO,
        cookie="none",
    )
    shop.pages = {
        "/pages/klantenservice": Page(
            title="Klantenservice &ndash; Glansrijk",
            body_class="template-page",
            main=(
                '<div class="page-width"><h1 class="main-page-title">Klantenservice</h1><div class="rte">'
                "<p>Bel onze klantenservice: 0900-2233445 (&euro;0,80 p/m), ma-vr 9:00-17:00.</p>"
                '<p>Of mail naar <a href="mailto:service@glansrijk.nl">service@glansrijk.nl</a>.</p>'
                "<p>Chatten kan ook: klik op het chaticoon rechtsonder.</p></div></div>"
            ),
        ),
        "/pages/verzending": article_page(
            "Verzending &ndash; Glansrijk", ["Gratis verzending vanaf &euro; 35."]
        ),
        "/pages/over-ons": about_nl(shop),
        "/policies/terms-of-service": terms_nl(
            shop,
            "Glansrijk B.V., Stationsplein 45, 3013 AK Rotterdam. KvK 85520731.",
            title="Servicevoorwaarden",
        ),
        "/policies/privacy-policy": privacy_nl(shop),
    }
    return shop


def schoenenstal() -> Shop:
    shop = Shop(
        id="schoenenstal.nl",
        name="Schoenenstal",
        host="www.schoenenstal.nl",
        platform="magento",
        category="Mode",
        tagline="Schoenen voor het hele gezin",
        products=28,
        nav=[
            ("Dames", "/dames.html"),
            ("Heren", "/heren.html"),
            ("Kinderen", "/kinderen.html"),
            ("Klantenservice", "/klantenservice"),
        ],
        footer_cols=nl_footer([("Klantenservice", "/klantenservice")]),
        footer_legal="&copy; 2025 Schoenenstal B.V.",
        product_base="/",
        product_suffix=".html",
        cookie="onetrust",
    )
    shop.pages = {
        "/klantenservice": article_page(
            "Klantenservice | Schoenenstal",
            [
                "Vind snel een antwoord op je vraag, of neem contact met ons op.",
                'Mail ons: <a href="mailto:klantenservice@schoenenstal.nl">klantenservice@schoenenstal.nl</a>',
            ],
            extra='<ul class="service-links"><li><a href="/klantenservice/contact">Contact</a></li>'
            '<li><a href="/klantenservice/retourneren">Retourneren</a></li></ul>',
        ),
        "/klantenservice/contact": Page(
            title="Contact | Schoenenstal",
            body_class="contact-index-index",
            main=(
                '<h1 class="page-title">Contact</h1><p>Kies hoe je contact wilt opnemen.</p>'
                '<ul><li><a href="/klantenservice/contact/telefonisch">Telefonisch contact</a></li></ul>'
                + contact_form("/contact/index/post/")
            ),
        ),
        "/klantenservice/contact/telefonisch": article_page(
            "Telefonisch contact | Schoenenstal",
            [
                'Bel ons op <a href="tel:+31887271500">088 727 1500</a>, ma-vr 9:00-17:30.',
            ],
        ),
        "/klantenservice/retourneren": article_page(
            "Retourneren | Schoenenstal", ["Retourneren kan binnen 30 dagen."]
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Schoenenstal B.V., Marktstraat 12, 5211 AB 's-Hertogenbosch. KvK 17099881."
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def babyhemel() -> Shop:
    shop = Shop(
        id="babyhemel.nl",
        name="Babyhemel",
        host="www.babyhemel.nl",
        platform="woocommerce",
        category="Speelgoed",
        tagline="Babyspullen en kraamcadeaus",
        nav=[
            ("Babykamer", "/product-categorie/babykamer/"),
            ("Kinderwagens", "/product-categorie/kinderwagens/"),
            ("Speelgoed", "/product-categorie/speelgoed/"),
            ("Contact", "/contact/"),
        ],
        footer_cols=nl_footer(
            [("Contact", "/contact/"), ("Betalen", "/betalen/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
            faq="/veelgestelde-vragen/",
        ),
        footer_legal="&copy; 2025 Babyhemel &middot; Lid van Thuiswinkel.org",
        product_base="/product/",
        product_suffix="/",
        cookie="complianz",
    )
    shop.pages = {
        "/contact/": article_page(
            "Contact | Babyhemel",
            [
                'Mail ons: <a href="mailto:klantenservice@babyhemel.nl">klantenservice@babyhemel.nl</a>',
                "Bezoekadres: Stationsweg 8, 3811 MK Amersfoort.",
            ],
        ),
        "/veelgestelde-vragen/": faq_nl(
            shop,
            [
                (
                    "Ik ben niet tevreden over de afhandeling van mijn klacht.",
                    "Dan kun je je wenden tot De Geschillencommissie, Postbus 90600, 2509 LP Den Haag, telefoon "
                    "070 310 53 10, e-mail info@degeschillencommissie.nl, www.degeschillencommissie.nl.",
                ),
            ],
        ),
        "/betalen/": article_page(
            "Betalen | Babyhemel",
            [
                "Je betaalt met iDEAL, creditcard of achteraf met Klarna.",
                "Vragen over je Klarna-factuur? Neem contact op met Klarna via 020 808 2853 of klantenservice@klarna.nl.",
            ],
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop,
            "Babyhemel, Stationsweg 8, 3811 MK Amersfoort. KvK 32145609.",
            extra=(
                "<h2>Artikel 11 - Geschillen</h2><p>Geschillen kunnen worden voorgelegd aan De Geschillencommissie, "
                "Postbus 90600, 2509 LP Den Haag (070 310 53 10).</p>"
            ),
        ),
        "/privacy/": privacy_nl(
            shop,
            extra=(
                "<p>Je hebt het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens, telefoon 088 - 1805 250.</p>"
            ),
        ),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    return shop


def vloerenvak() -> Shop:
    pdf = "/media/algemene-voorwaarden-vloerenvak.pdf"
    shop = Shop(
        id="vloerenvak.nl",
        name="Vloerenvak",
        host="www.vloerenvak.nl",
        platform="handbuilt",
        category="Wonen",
        tagline="PVC, laminaat en parket, gelegd door vakmensen",
        nav=[
            ("PVC", "/pvc-vloeren"),
            ("Laminaat", "/laminaat"),
            ("Parket", "/parket"),
            ("Contact", "/contact"),
        ],
        footer_cols=[
            ("Service", [("Contact", "/contact"), ("Legservice", "/legservice")]),
            ("Voorwaarden", [("Algemene voorwaarden (PDF)", pdf), ("Privacyverklaring", "/privacy")]),
        ],
        footer_legal="&copy; 2025 Vloerenvak",
        product_base="/vloer/",
        cookie="cookiebot",
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Vloerenvak",
            [
                'Offerte of vraag? Mail naar <a href="mailto:verkoop@vloerenvak.nl">verkoop@vloerenvak.nl</a>.',
                "Showroom: Nijverheidslaan 20, 3903 AN Veenendaal.",
            ],
        ),
        "/legservice": article_page("Legservice | Vloerenvak", ["Wij leggen je vloer binnen twee weken."]),
        "/privacy": privacy_nl(shop),
    }
    shop.raw_files = {pdf: build_pdf()}
    return shop


def wilgenhof() -> Shop:
    shop = Shop(
        id="wilgenhof-tuin.nl",
        name="Tuincentrum Het Wilgenhof",
        host="www.wilgenhof-tuin.nl",
        platform="woocommerce",
        category="Tuin",
        tagline="Tuincentrum in Zuid-Limburg met webshop en workshops",
        nav=[
            ("Planten", "/product-categorie/planten/"),
            ("Potten", "/product-categorie/potten/"),
            ("Agenda", "/agenda"),
            ("Veelgestelde vragen", "/veelgestelde-vragen/"),
        ],
        footer_cols=nl_footer(
            [("Openingstijden &amp; route", "/route/")],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
            faq="/veelgestelde-vragen/",
        ),
        footer_legal="&copy; 2025 Tuincentrum Het Wilgenhof",
        product_base="/product/",
        product_suffix="/",
        home_after='<section class="agenda-teaser"><h2>Workshops</h2><p><a href="/agenda?maand=2025-01">Bekijk de agenda</a></p></section>',
        cookie="complianz",
    )
    shop.pages = {
        "/veelgestelde-vragen/": faq_nl(
            shop,
            [
                (
                    "Hoe kan ik jullie bereiken?",
                    'Bel <a href="tel:+31457623310">045 762 3310</a> of mail naar '
                    '<a href="mailto:tuincentrum@wilgenhof-tuin.nl">tuincentrum@wilgenhof-tuin.nl</a>.',
                ),
                ("Bezorgen jullie ook grote planten?", "Ja, in heel Limburg met onze eigen bus."),
            ],
        ),
        "/route/": article_page(
            "Openingstijden &amp; route | Het Wilgenhof",
            [
                "Wilgenhofweg 2, 6369 AA Simpelveld.",
                "Ma-za 9:00-18:00, zondag 10:00-17:00.",
            ],
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop, "Het Wilgenhof V.O.F., Wilgenhofweg 2, 6369 AA Simpelveld. KvK 14099233."
        ),
        "/privacy/": privacy_nl(shop),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    return shop


def onderdelenhal() -> Shop:
    shop = Shop(
        id="onderdelenhal.nl",
        name="Onderdelenhal",
        host="www.onderdelenhal.nl",
        platform="handbuilt",
        category="Fietsen",
        tagline="180.000 fietsonderdelen op voorraad",
        products=72,
        nav=[
            ("Remmen", "/remmen"),
            ("Banden", "/banden"),
            ("Verlichting", "/verlichting"),
            ("Contact", "/contact"),
        ],
        header_extra='<p class="service-line">Vragen? 010 714 2288 &middot; verkoop@onderdelenhal.nl</p>',
        footer_cols=nl_footer([("Contact", "/contact")]),
        footer_legal="&copy; 2025 Onderdelenhal B.V. &middot; KvK 24400911",
        product_base="/onderdeel/",
        cookie="none",
        home_intro=(
            '<section class="downloads"><h2>Voor de vakhandel</h2><ul><li><a href="/catalogus/volledig">Volledige '
            'catalogus (alle 180.000 artikelen)</a></li><li><a href="/downloads/prijslijst-2025">Prijslijst '
            "2025</a></li></ul></section>"
        ),
    )
    shop.pages = {
        "/contact": article_page(
            "Contact | Onderdelenhal",
            [
                "Telefoon: 010 714 2288",
                "E-mail: verkoop@onderdelenhal.nl",
                "Magazijn: Waalhaven Z.z. 41, 3089 JH Rotterdam",
            ],
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Onderdelenhal B.V., Waalhaven Z.z. 41, Rotterdam. KvK 24400911."
        ),
        "/privacy": privacy_nl(shop),
        "/over-ons": about_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    blob = bytearray(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    state = 2025
    while len(blob) < 96 * 1024:
        state = (state * 1103515245 + 12345) % 2**31
        blob += state.to_bytes(4, "little")
    shop.raw_files = {"/downloads/prijslijst-2025": bytes(blob)}
    return shop


def bonenbaron() -> Shop:
    shop = Shop(
        id="bonenbaron.nl",
        name="Bonenbaron",
        host="www.bonenbaron.nl",
        platform="woocommerce",
        category="Supermarkt",
        tagline="Versgebrande koffie uit Haarlem",
        nav=[
            ("Koffiebonen", "/product-categorie/koffiebonen/"),
            ("Thee", "/product-categorie/thee/"),
            ("Accessoires", "/product-categorie/accessoires/"),
            ("Veelgestelde vragen", "/veelgestelde-vragen/"),
        ],
        footer_cols=nl_footer(
            [],
            terms="/algemene-voorwaarden/",
            privacy="/privacy/",
            about="/over-ons/",
            shipping="/bezorging/",
            faq="/veelgestelde-vragen/",
        ),
        footer_extra='<p class="footer-phone">Bel de branderij: <a href="tel:+31237510420">+31 23 751 0420</a></p>',
        footer_legal="&copy; 2025 Bonenbaron",
        product_base="/product/",
        product_suffix="/",
        cookie="complianz",
    )
    shop.pages = {
        "/veelgestelde-vragen/": faq_nl(
            shop,
            [
                (
                    "Hoe bereik ik jullie per e-mail?",
                    'Mail naar <a href="mailto:koffie@bonenbaron.nl">koffie@bonenbaron.nl</a>.',
                )
            ],
        ),
        "/algemene-voorwaarden/": terms_nl(
            shop,
            "Bonenbaron, Spaarne 88, 2011 CL Haarlem. Telefoon +31 23 751 0420. "
            "E-mail koffie@bonenbaron.nl. KvK 34217765.",
        ),
        "/privacy/": privacy_nl(shop),
        "/over-ons/": about_nl(shop),
        "/bezorging/": shipping_nl(shop),
    }
    shop.raw_files = {
        "/robots.txt": (
            b"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /winkelwagen/\n"
            b"Disallow: /afrekenen/\nDisallow: /mijn-account/\nDisallow: /veelgestelde-vragen/\n\n"
            b"Sitemap: https://www.bonenbaron.nl/sitemap_index.xml\n"
        )
    }
    return shop


def pannenhuis() -> Shop:
    target = "/klantenservice/bereikbaarheid"
    shop = Shop(
        id="pannenhuis.nl",
        name="Pannenhuis",
        host="www.pannenhuis.nl",
        platform="handbuilt",
        category="Wonen",
        tagline="Pannen, messen en keukengerei voor thuiskoks",
        nav=[
            ("Pannen", "/pannen"),
            ("Messen", "/messen"),
            ("Bakken", "/bakken"),
            ("Klantenservice", "/klantenservice"),
        ],
        footer_cols=nl_footer([("Klantenservice", "/klantenservice")]),
        footer_legal="&copy; 2025 Pannenhuis",
        product_base="/artikel/",
        cookie="cookiebot",
    )
    shop.pages = {
        "/klantenservice": article_page(
            "Klantenservice | Pannenhuis",
            ["Waarmee kunnen we je helpen?"],
            extra=(
                '<ul class="service-menu"><li><a href="/klantenservice/contact">Contact en bereikbaarheid</a></li>'
                '<li><a href="/klantenservice/garantie">Garantie</a></li></ul>'
            ),
        ),
        "/klantenservice/contact": article_page(
            "Contact | Pannenhuis",
            ["Stuur ons een bericht of bel ons."],
            extra=(
                f'<p><a href="{target}">Telefonisch en per e-mail</a></p>'
                + contact_form("/klantenservice/contact")
            ),
        ),
        target: article_page(
            "Bereikbaarheid | Pannenhuis",
            [
                'Telefoon: <a href="tel:+31205217730">020 521 7730</a> (ma-za 9:00-17:00)',
                'E-mail: <a href="mailto:service@pannenhuis.nl">service@pannenhuis.nl</a>',
            ],
        ),
        "/klantenservice/garantie": article_page(
            "Garantie | Pannenhuis", ["Op alle pannen 10 jaar garantie."]
        ),
        "/over-ons": about_nl(
            shop, extra=f'<p>Vragen over een pan? <a href="{target}">Bel of mail ons gerust</a>.</p>'
        ),
        "/algemene-voorwaarden": terms_nl(
            shop, "Pannenhuis B.V., Haarlemmerdijk 150, 1013 JJ Amsterdam. KvK 60011234."
        ),
        "/privacy": privacy_nl(shop),
        "/verzenden-en-retourneren": shipping_nl(shop),
    }
    return shop


def shops() -> list[Shop]:
    return [wasdroog(), slaapweldirect(), brokkenbaas(), glansrijk(), schoenenstal(), babyhemel(), vloerenvak(),
            wilgenhof(), onderdelenhal(), bonenbaron(), pannenhuis()]  # fmt: skip
